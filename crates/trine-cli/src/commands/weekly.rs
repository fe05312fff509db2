//! The weekly commands: `week`, `rate` and `checkin` (which asks in the
//! terminal when no flags give the scores). The reflection, asked one side
//! at a time, is `crate::reflect`.

use std::collections::BTreeMap;

use serde_json::json;
use trine_app::clock::{today, week_named};
use trine_app::store::{NewCheckIn, WeekPrompt, WeekStatus};
use trine_app::{Journal, Ratings, Result, ValidationError};

use crate::args::{CheckinArgs, RateArgs, WeekArgs};
use crate::output::{self, week_phrase, Printer};
use crate::reflect::Terminal;

/// "1 week", "3 weeks".
pub(crate) fn weeks_phrase(n: u32) -> String {
    if n == 1 {
        "1 week".into()
    } else {
        format!("{n} weeks")
    }
}

/// `trine week`.
pub fn week(journal: &mut Journal, args: WeekArgs, out: &Printer) -> Result<()> {
    let week = week_named(journal, "--week", args.week.as_deref())?;
    if let Some(side) = args.another {
        journal.another_prompt(week, side.into())?;
    }
    // An answered side shows the question it answered (none if it recorded
    // none); the streak is the week's own.
    let shown = journal.shown_prompts(week)?;
    let prompts: Vec<&WeekPrompt> = shown.iter().filter_map(|(_, p)| p.as_ref()).collect();
    let status = journal.week_status(week, today())?;
    let streak = journal.streak_through(week)?;
    let reflection = journal.reflection_for_week(week)?;
    // The situation in force in that week (by its last day, or today).
    let situation = journal.situation_on((week + chrono::Days::new(6)).min(today().max(week)))?;
    // Last week's planned step: as answered, or as it would be brought back.
    let follow_up = match reflection.as_ref().and_then(|r| r.follow_up.clone()) {
        Some(kept) => Some(kept),
        None => journal
            .planned_step(week)?
            .map(|planned| trine_app::FollowUp {
                planned,
                answer: String::new(),
            }),
    };
    if out.json {
        let value = json!({
            "week": week,
            "iso_week": trine_app::week::iso_week_label(week),
            "status": status,
            "streak": streak,
            "situation": situation.map(|s| s.situation.as_str()),
            "prompts": prompts,
            "reflection": reflection.as_ref().map(trine_app::interchange::EntryRecord::from),
            "follow_up": follow_up,
            "confident_rating": journal.settings()?.confident_rating,
        });
        crate::terminal::write_json(&serde_json::to_string_pretty(&value).expect("serialises"));
        return Ok(());
    }
    say!(
        "The week of {} · {} · streak: {}",
        week_phrase(week),
        status.label(),
        weeks_phrase(streak)
    );
    if let Some(follow_up) = &follow_up {
        say!();
        say!(
            "Last week you planned: {}",
            follow_up.planned.replace('\n', "\n  ")
        );
        if follow_up.answer.is_empty() {
            say!("  How did it go? Answer with `trine reflect --follow-up TEXT`.");
        } else {
            say!("  How it went: {}", follow_up.answer.replace('\n', "\n  "));
        }
    }
    for (side, prompt) in &shown {
        say!();
        match prompt {
            Some(p) => print_prompt(p),
            None => say!("{} · no question recorded", side.label()),
        }
        if let Some(section) = reflection.as_ref().and_then(|r| r.section(*side)) {
            if section.text.is_empty() {
                say!("  (skipped)");
            } else {
                say!("  Your answer: {}", section.text.replace('\n', "\n  "));
            }
        }
    }
    if let Some(r) = &reflection {
        let ratings = crate::output::ratings_text(&r.ratings);
        if !ratings.is_empty() {
            say!("\nRatings: {ratings}");
        }
    }
    say!();
    match status {
        WeekStatus::Done => say!("This week's reflection is done."),
        _ => {
            say!("Write it with `trine reflect`; `trine week --another SIDE` swaps a question.")
        }
    }
    Ok(())
}

/// One prompt of the week, with its side, component and hint.
pub(crate) fn print_prompt(p: &WeekPrompt) {
    say!("{} · {}", p.side.label(), p.component.name);
    say!("  {}", p.prompt.text);
    if let Some(hint) = &p.prompt.hint {
        say!("  ({hint})");
    }
}

/// `trine rate`.
pub fn rate(journal: &mut Journal, args: RateArgs, out: &Printer) -> Result<()> {
    let week = week_named(journal, "--week", args.week.as_deref())?;
    let ratings = Ratings::checked(Some(args.seen), Some(args.known), Some(args.valued))
        .and_then(|r| r.with_confident(args.confident))
        .map_err(super::flag_name)?;
    let entry = journal.rate_week(week, ratings, args.note)?;
    out.done(
        &entry,
        &format!("Rated the week of {}", output::week_phrase(week)),
        None,
    );
    Ok(())
}

/// `trine checkin`.
pub fn checkin(journal: &mut Journal, args: CheckinArgs, out: &Printer) -> Result<()> {
    if args.history {
        let checkins = journal.checkins()?;
        if out.json {
            crate::terminal::write_json(
                &serde_json::to_string_pretty(&checkins).expect("serialises"),
            );
        } else if checkins.is_empty() {
            say!("No check-ins yet. Take one with `trine checkin`.");
        } else {
            let components = journal.components()?;
            for c in &checkins {
                say!("{}", c.taken.format("%Y-%m-%d %H:%M"));
                for component in &components {
                    if let Some(score) = c.scores.get(&component.key) {
                        say!("  {score}  {}", component.name);
                    }
                }
            }
        }
        return Ok(());
    }
    let mut scores = BTreeMap::new();
    for pair in &args.scores {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| ValidationError::BadDate {
                field: "--score",
                value: pair.clone(),
                expected: "KEY=N pair, like voice=4",
            })?;
        let value: i64 = value
            .trim()
            .parse()
            .map_err(|_| ValidationError::ScoreOutOfRange {
                component: key.trim().to_string(),
                value: -1,
            })?;
        scores.insert(key.trim().to_string(), value);
    }
    if args.scores.is_empty() {
        let mut input = Terminal::new();
        say!("How much do you still need to work on each of these? 1 = fine as it is, 5 = needs most work.");
        let mut side = None;
        for component in journal.components()? {
            if side != Some(component.side) {
                side = Some(component.side);
                say!("\n{}", component.side.label());
            }
            say!("  {}: {}", component.name, component.description);
            match input.rating("  Score", 1, 5)? {
                None => break,
                Some(None) => {}
                Some(Some(n)) => {
                    scores.insert(component.key.clone(), n);
                }
            }
        }
        if scores.is_empty() {
            say!("Nothing scored, so no check-in was saved.");
            return Ok(());
        }
    }
    let checkin = journal.record_checkin(NewCheckIn {
        scores,
        note: args.note,
        ..NewCheckIn::default()
    })?;
    if out.json {
        crate::terminal::write_json(&serde_json::to_string_pretty(&checkin).expect("serialises"));
    } else {
        say!(
            "Check-in saved ({} of 9 components). Coming weeks lean toward what you marked as needing work.",
            checkin.scores.len()
        );
    }
    Ok(())
}
