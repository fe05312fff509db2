//! The week's three prompts: drawing them by the rotation (weighted by the
//! latest check-in, fitted to the person's situation, never three of one
//! angle), keeping the draw, and swapping one side's question.

use super::WriteTx;
use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::triangle::{find_component, find_prompt, Component, Prompt};
use super::{settings, Journal};
use crate::error::{Error, Result};
use crate::model::Side;
use crate::rotation::{self, ComponentCandidate, PromptCandidate, DEFAULT_WEIGHT};
use crate::time;

/// The setting holding this journal's rotation salt.
pub(crate) const SALT_KEY: &str = "rotation.salt";

/// One side's prompt for a week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekPrompt {
    /// The side of the triangle.
    pub side: Side,
    /// The component the prompt belongs to.
    pub component: Component,
    /// The prompt.
    pub prompt: Prompt,
}

impl Journal {
    /// The week's three prompts. Sides without one yet get one now. The
    /// draw is kept (the week then shows the same prompts every time) for
    /// this week on the clock and for a week with something written in it;
    /// looking at another week uses no prompt up.
    pub fn week_prompts(&mut self, week: NaiveDate) -> Result<Vec<WeekPrompt>> {
        let this_week = settings::first_day(&self.conn)?.week_start(time::now().date_naive());
        let keep = week == this_week || self.reflection_for_week(week)?.is_some();
        self.draw_week_prompts(week, keep)
    }

    /// The week's three prompts, drawing those missing; kept when `keep`.
    pub(crate) fn draw_week_prompts(
        &mut self,
        week: NaiveDate,
        keep: bool,
    ) -> Result<Vec<WeekPrompt>> {
        if !keep && self.setting(SALT_KEY)?.is_none() {
            // The journal's own order is fixed once, even by a look.
            let tx = self.begin_write()?;
            salt(&tx)?;
            tx.commit()?;
        }
        let tx = self.begin_write()?;
        let mut prompts = Vec::with_capacity(3);
        for side in Side::ALL {
            let id = match stored_prompt(&tx, week, side)? {
                Some(id) => id,
                None => offer(&tx, week, side, None)?,
            };
            prompts.push(week_prompt(&tx, side, &id)?);
        }
        if keep {
            tx.commit()?;
        }
        Ok(prompts)
    }

    /// The prompt to show beside each side of `week`, in side order. A side
    /// already answered (or skipped) shows the prompt its answer was
    /// written to, or none when the answer recorded none (an imported week,
    /// say): a prompt drawn today would not be the question that was
    /// answered. A side not answered yet shows the week's prompt, drawn now
    /// if it has none, so that it can still be written.
    pub fn shown_prompts(&mut self, week: NaiveDate) -> Result<Vec<(Side, Option<WeekPrompt>)>> {
        let reflection = self.reflection_for_week(week)?;
        let drawn = self.week_prompts(week)?;
        let mut shown = Vec::with_capacity(3);
        for prompt in drawn {
            let side = prompt.side;
            let chosen = match reflection.as_ref().and_then(|r| r.section(side)) {
                None => Some(prompt),
                Some(section) => match section.prompt_id.as_deref() {
                    Some(id) if id == prompt.prompt.id => Some(prompt),
                    // A prompt since deleted from the library shows as none
                    // rather than hiding the answer behind an error.
                    Some(id) => week_prompt(&self.conn, side, id).ok(),
                    None => None,
                },
            };
            shown.push((side, chosen));
        }
        Ok(shown)
    }

    /// "Another question": replaces one side's prompt for the week with the
    /// next in line, and remembers the swap. A side already written (or
    /// skipped) now answers the new question, as the person asked for it.
    pub fn another_prompt(&mut self, week: NaiveDate, side: Side) -> Result<WeekPrompt> {
        let tx = self.begin_write()?;
        // The week's draw as it was shown is kept first, in side order as
        // it was drawn: another question on one side leaves the other two
        // as they were (drawn anew after the swap, they could change to
        // keep the week's angles apart).
        let mut current = None;
        for each in Side::ALL {
            let id = match stored_prompt(&tx, week, each)? {
                Some(id) => id,
                None => offer(&tx, week, each, None)?,
            };
            if each == side {
                current = Some(id);
            }
        }
        let current = current.expect("every side was drawn");
        let id = offer(&tx, week, side, Some(&current))?;
        let prompt = week_prompt(&tx, side, &id)?;
        tx.commit()?;
        if let Some(reflection) = self.reflection_for_week(week)? {
            if reflection.section(side).is_some() {
                let sections = reflection
                    .sections
                    .iter()
                    .map(|s| crate::model::Section {
                        prompt_id: if s.side == side {
                            Some(id.clone())
                        } else {
                            s.prompt_id.clone()
                        },
                        ..s.clone()
                    })
                    .collect();
                self.update(
                    reflection.id,
                    crate::model::EntryEdit {
                        sections: Some(sections),
                        ..crate::model::EntryEdit::default()
                    },
                )?;
            }
        }
        Ok(prompt)
    }
}

fn stored_prompt(conn: &Connection, week: NaiveDate, side: Side) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT prompt_id FROM week_prompts WHERE week_start = ?1 AND side = ?2")?
        .query_row(params![week.to_string(), side.as_str()], |r| r.get(0))
        .optional()?)
}

fn week_prompt(conn: &Connection, side: Side, id: &str) -> Result<WeekPrompt> {
    let prompt = find_prompt(conn, id)?;
    let component = find_component(conn, &prompt.component)?;
    Ok(WeekPrompt {
        side,
        component,
        prompt,
    })
}

/// The journal's rotation salt, made once.
fn salt(tx: &WriteTx<'_>) -> Result<String> {
    let existing: Option<String> = tx
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [SALT_KEY],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(salt) = existing {
        return Ok(salt);
    }
    let salt = uuid::Uuid::new_v4().simple().to_string();
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)",
        params![SALT_KEY, salt],
    )?;
    Ok(salt)
}

/// Chooses and stores the next prompt for one side of a week (other than
/// `instead_of`, when swapping), and logs the offer.
fn offer(
    tx: &WriteTx<'_>,
    week: NaiveDate,
    side: Side,
    instead_of: Option<&str>,
) -> Result<String> {
    let salt = salt(tx)?;
    let weights = latest_weights(tx)?;
    // Turns are counted since the latest check-in, so new weights take
    // effect from now; without one, over the last year.
    let year_ago = week - Days::new(364);
    let since = match latest_checkin_day(tx)? {
        Some(day) if day <= week => day.max(year_ago),
        _ => year_ago,
    };
    let latest = latest_components(tx, side, week)?;
    // Only prompts that fit where the person is that week.
    let situation = situation_in(tx, week)?;
    let mut components: Vec<ComponentCandidate> = Vec::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT c.key, \
                (SELECT max(o.week_start) FROM prompt_offers o WHERE o.component = c.key AND o.week_start < ?2), \
                (SELECT count(DISTINCT o.week_start) FROM prompt_offers o WHERE o.component = c.key \
                    AND o.week_start < ?2 AND o.week_start >= ?3) \
             FROM components c WHERE c.side = ?1 \
             AND EXISTS (SELECT 1 FROM prompts p WHERE p.component = c.key AND p.archived = 0 \
                 AND p.retired = 0 \
                 AND (?4 IS NULL OR p.situations IS NULL \
                      OR instr(',' || p.situations || ',', ',' || ?4 || ',') > 0)) \
             ORDER BY c.position",
        )?;
        let rows = stmt.query_map(
            params![
                side.as_str(),
                week.to_string(),
                since.to_string(),
                situation
            ],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, u32>(2)?,
                ))
            },
        )?;
        for row in rows {
            let (key, last, recent_weeks) = row?;
            components.push(ComponentCandidate {
                weight: weights.get(&key).copied().unwrap_or(DEFAULT_WEIGHT),
                recent_weeks,
                last_offered: last.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                run: latest.iter().take_while(|c| **c == key).count() as u32,
                key,
            });
        }
    }
    let avoid_angle = shared_angle(tx, week, side)?;
    // A swap stays within the component when it has another prompt.
    let swap_component = match instead_of {
        Some(id) => Some(find_prompt(tx, id)?.component),
        None => None,
    };
    let mut order: Vec<&ComponentCandidate> = Vec::new();
    if let Some(key) = &swap_component {
        order.extend(components.iter().filter(|c| &c.key == key));
    }
    order.extend(rotation::rank_components(&components, week, &salt));
    // The first choice whose next prompt does not give the week a third
    // prompt of one angle; failing that, the first choice's least recent
    // prompt of another angle (a swap keeps to its component when it can);
    // only when no component has one, the first choice as it is.
    let same_angle = |p: &PromptCandidate| avoid_angle.is_some() && p.angle == avoid_angle;
    let mut chosen: Option<(String, String)> = None;
    let mut other_angle: Option<(String, String)> = None;
    let mut out_of_round: Option<(String, String)> = None;
    let mut as_it_is: Option<(String, String)> = None;
    for component in order {
        let candidates = prompt_candidates(tx, &component.key, instead_of, situation.as_deref())?;
        let Some(next) = rotation::choose_prompt(&candidates, week, &salt) else {
            continue;
        };
        if !same_angle(next) {
            chosen = Some((next.id.clone(), component.key.clone()));
            break;
        }
        // Another angle out of turn, but from the prompts still due in
        // this round, so that no prompt comes twice before the others of
        // its component came once; a prompt from an earlier round only
        // when none is due.
        let in_this_round = offers_this_round(tx, &candidates)?;
        let times = |p: &PromptCandidate| in_this_round.get(&p.id).copied().unwrap_or(0);
        let due_times = candidates.iter().map(times).min();
        let others: Vec<PromptCandidate> = candidates
            .iter()
            .filter(|p| !same_angle(p))
            .cloned()
            .collect();
        let due: Vec<PromptCandidate> = others
            .iter()
            .filter(|p| Some(times(p)) == due_times)
            .cloned()
            .collect();
        let in_round = rotation::choose_prompt(&due, week, &salt);
        let other = in_round.or_else(|| rotation::choose_prompt(&others, week, &salt));
        if let Some(other) = other {
            let pick = (other.id.clone(), component.key.clone());
            if swap_component.as_deref() == Some(component.key.as_str()) {
                chosen = Some(pick);
                break;
            }
            if in_round.is_some() {
                other_angle.get_or_insert(pick);
            } else {
                out_of_round.get_or_insert(pick);
            }
        }
        as_it_is.get_or_insert((next.id.clone(), component.key.clone()));
    }
    let first = chosen.or(other_angle).or(out_of_round).or(as_it_is);
    if let Some((id, component)) = first {
        tx.execute(
            "INSERT INTO week_prompts (week_start, side, prompt_id) VALUES (?1, ?2, ?3) \
             ON CONFLICT (week_start, side) DO UPDATE SET prompt_id = excluded.prompt_id",
            params![week.to_string(), side.as_str(), id],
        )?;
        tx.execute(
            "INSERT INTO prompt_offers (week_start, side, prompt_id, component, offered_utc) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![week.to_string(), side.as_str(), id, component, time::utc_text(&time::now())],
        )?;
        return Ok(id);
    }
    Err(Error::Corrupt(format!(
        "no prompt is left to offer for the {} side; add one of your own or unarchive one",
        side.as_str()
    )))
}

/// How often each of `candidates` was offered since the newest of them was
/// first offered: the component's rounds counted from when its prompts
/// last changed. Counted from the start, a prompt added after a long
/// history would stay "behind" the others for ever and come out of turn
/// whenever a week avoids an angle, instead of waiting its place.
fn offers_this_round(
    tx: &WriteTx<'_>,
    candidates: &[PromptCandidate],
) -> Result<std::collections::HashMap<String, u32>> {
    let ids = serde_json::to_string(&candidates.iter().map(|p| &p.id).collect::<Vec<_>>())
        .expect("ids serialise");
    let mut stmt = tx.prepare_cached(
        "WITH c(id) AS (SELECT value FROM json_each(?1)), \
         joined(at) AS (SELECT max(first) FROM (SELECT min(o.week_start) AS first \
             FROM prompt_offers o JOIN c ON o.prompt_id = c.id GROUP BY o.prompt_id)) \
         SELECT c.id, (SELECT count(*) FROM prompt_offers o WHERE o.prompt_id = c.id \
             AND o.week_start >= (SELECT at FROM joined)) FROM c",
    )?;
    let rows = stmt.query_map([ids], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn prompt_candidates(
    tx: &WriteTx<'_>,
    component: &str,
    except: Option<&str>,
    situation: Option<&str>,
) -> Result<Vec<PromptCandidate>> {
    let mut stmt = tx.prepare_cached(
        "SELECT p.id, count(o.seq), max(o.week_start), p.angle FROM prompts p \
         LEFT JOIN prompt_offers o ON o.prompt_id = p.id \
         WHERE p.component = ?1 AND p.archived = 0 AND p.retired = 0 \
         AND (?2 IS NULL OR p.id != ?2) \
         AND (?3 IS NULL OR p.situations IS NULL \
              OR instr(',' || p.situations || ',', ',' || ?3 || ',') > 0) \
         GROUP BY p.id",
    )?;
    let rows = stmt.query_map(params![component, except, situation], |r| {
        Ok(PromptCandidate {
            id: r.get(0)?,
            times_offered: r.get(1)?,
            last_offered: r
                .get::<_, Option<String>>(2)?
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            angle: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Forgets the prompts drawn for `week` when nothing is written in it, so
/// the next look draws them again (after a check-in changed the weights).
pub(crate) fn forget_unwritten_draw(conn: &Connection, week: NaiveDate) -> Result<()> {
    let written: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM entries WHERE kind = 'reflection' AND week_start = ?1 \
         AND deleted_utc IS NULL)",
        [week.to_string()],
        |r| r.get(0),
    )?;
    if !written {
        conn.execute(
            "DELETE FROM week_prompts WHERE week_start = ?1",
            [week.to_string()],
        )?;
        conn.execute(
            "DELETE FROM prompt_offers WHERE week_start = ?1",
            [week.to_string()],
        )?;
    }
    Ok(())
}

/// The key of the situation in force in `week` (by its last day), if the
/// person has said.
fn situation_in(conn: &Connection, week: NaiveDate) -> Result<Option<String>> {
    let last_day = week + Days::new(6);
    Ok(conn
        .prepare_cached(
            "SELECT situation FROM situations WHERE since <= ?1 ORDER BY since DESC LIMIT 1",
        )?
        .query_row([last_day.to_string()], |r| r.get(0))
        .optional()?)
}

/// The day of the latest check-in, if any.
fn latest_checkin_day(conn: &Connection) -> Result<Option<NaiveDate>> {
    let taken: Option<String> = conn
        .prepare_cached("SELECT taken_utc FROM checkins ORDER BY taken_utc DESC, seq DESC LIMIT 1")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(taken.and_then(|t| NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d").ok()))
}

/// The components the side offered in its latest weeks before `week`,
/// newest first (the last offer of each week, after any swap).
fn latest_components(conn: &Connection, side: Side, week: NaiveDate) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.component FROM prompt_offers o WHERE o.side = ?1 AND o.week_start < ?2 \
         AND o.seq = (SELECT max(seq) FROM prompt_offers WHERE side = o.side AND week_start = o.week_start) \
         ORDER BY o.week_start DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(
        params![side.as_str(), week.to_string(), rotation::MAX_RUN],
        |r| r.get(0),
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The angle the week's two other sides share, if they do: the third side
/// then takes another.
fn shared_angle(conn: &Connection, week: NaiveDate, side: Side) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.angle FROM week_prompts w JOIN prompts p ON p.id = w.prompt_id \
         WHERE w.week_start = ?1 AND w.side != ?2",
    )?;
    let angles: Vec<Option<String>> = stmt
        .query_map(params![week.to_string(), side.as_str()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(match angles.as_slice() {
        [Some(a), Some(b)] if a == b => Some(a.clone()),
        _ => None,
    })
}

/// Each component's score in the latest check-in (1 to 5).
fn latest_weights(conn: &Connection) -> Result<HashMap<String, u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT component, score FROM checkin_scores WHERE checkin_seq = \
         (SELECT seq FROM checkins ORDER BY taken_utc DESC, seq DESC LIMIT 1)",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
