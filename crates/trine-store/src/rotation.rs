//! Choosing the week's prompts.
//!
//! Each week offers one prompt per side. Within a side, components take
//! turns by stride scheduling: the next is the one with the fewest weeks
//! offered for its weight (from the latest check-in: 1, fine as it is, to
//! 5, needs most work), counted since that check-in (or over the last year
//! without one). So every component comes round, each comes up in
//! proportion to its weight, and a new check-in takes effect from where it
//! is rather than paying back a year of history: no component comes up
//! more than [`MAX_RUN`] weeks in a row while another could.
//! Within a component, the prompt offered longest ago (never, first) comes
//! next, so no prompt repeats before the component's others were used and a
//! new or unarchived prompt takes one turn, not a run of them. (That a
//! week's three prompts never all share one angle is the store's part: it
//! passes over a component whose next prompt would make it so, or, when
//! every component's would, takes the first one's next prompt of another
//! angle. Prompts the library retired are never candidates.)
//!
//! Ties are broken by a hash of the journal's own salt, the week and the
//! candidate, so the order differs between journals but never between two
//! runs on the same journal.

use chrono::NaiveDate;

/// The weight of a component that no check-in has scored.
pub const DEFAULT_WEIGHT: u32 = 3;

/// The most weeks in a row one component of a side is offered while
/// another could be.
pub const MAX_RUN: u32 = 3;

/// A component that could be offered this week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentCandidate {
    /// Its key.
    pub key: String,
    /// 1 to 5, from the latest check-in.
    pub weight: u32,
    /// How many weeks it was offered in since the latest check-in (or in
    /// the last year, without one).
    pub recent_weeks: u32,
    /// The week it was last offered, before this one.
    pub last_offered: Option<NaiveDate>,
    /// How many of the side's latest weeks in a row offered it.
    pub run: u32,
}

/// A prompt that could be offered this week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptCandidate {
    /// Its id.
    pub id: String,
    /// How often it has been offered before.
    pub times_offered: u32,
    /// The week it was last offered, if ever.
    pub last_offered: Option<NaiveDate>,
    /// Its angle (moment, pattern, person, win, next-step), if it has one.
    pub angle: Option<String>,
}

/// The components in the order their turn comes in `week`: the fewest
/// recent weeks for their weight, then the longest wait, then the
/// tie-break; one already offered [`MAX_RUN`] weeks running goes last when
/// another can come.
pub fn rank_components<'a>(
    candidates: &'a [ComponentCandidate],
    week: NaiveDate,
    salt: &str,
) -> Vec<&'a ComponentCandidate> {
    let mut ranked: Vec<&ComponentCandidate> = candidates.iter().collect();
    ranked.sort_by(|a, b| {
        // (recent + 1) / weight: where the next turn would put it, so the
        // heaviest goes first from a fresh start. Compared without division.
        let pass_a = u64::from(a.recent_weeks + 1) * u64::from(b.weight.max(1));
        let pass_b = u64::from(b.recent_weeks + 1) * u64::from(a.weight.max(1));
        (a.run >= MAX_RUN)
            .cmp(&(b.run >= MAX_RUN))
            .then(pass_a.cmp(&pass_b))
            .then(a.last_offered.cmp(&b.last_offered))
            .then(tie_break(salt, week, &a.key).cmp(&tie_break(salt, week, &b.key)))
    });
    ranked
}

/// The component whose turn is next in `week` (the first of
/// [`rank_components`]).
pub fn choose_component<'a>(
    candidates: &'a [ComponentCandidate],
    week: NaiveDate,
    salt: &str,
) -> Option<&'a ComponentCandidate> {
    rank_components(candidates, week, salt).into_iter().next()
}

/// Picks the prompt offered longest ago among `candidates` (one never
/// offered first), then the least often, then by the tie-break, which
/// changes from week to week: every prompt of a component comes once
/// before any comes again, and a new or unarchived one takes one turn.
pub fn choose_prompt<'a>(
    candidates: &'a [PromptCandidate],
    week: NaiveDate,
    salt: &str,
) -> Option<&'a PromptCandidate> {
    candidates.iter().min_by_key(|p| {
        (
            p.last_offered,
            p.times_offered,
            tie_break(salt, week, &p.id),
        )
    })
}

/// A stable 64-bit hash (FNV-1a) of the salt, week and key.
fn tie_break(salt: &str, week: NaiveDate, key: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in salt
        .bytes()
        .chain(week.to_string().bytes())
        .chain(key.bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn simulate(weights: &[(&str, u32)], weeks: usize) -> HashMap<String, usize> {
        let mut candidates: Vec<ComponentCandidate> = weights
            .iter()
            .map(|(k, w)| ComponentCandidate {
                key: k.to_string(),
                weight: *w,
                recent_weeks: 0,
                last_offered: None,
                run: 0,
            })
            .collect();
        let mut history: Vec<(String, NaiveDate)> = Vec::new();
        let mut counts = HashMap::new();
        let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        for i in 0..weeks {
            let week = start + chrono::Days::new(7 * i as u64);
            for c in candidates.iter_mut() {
                c.recent_weeks = history
                    .iter()
                    .filter(|(k, w)| *k == c.key && (week - *w).num_days() <= 364)
                    .count() as u32;
                c.run = history
                    .iter()
                    .rev()
                    .take_while(|(k, _)| *k == c.key)
                    .count() as u32;
            }
            let key = choose_component(&candidates, week, "salt")
                .unwrap()
                .key
                .clone();
            *counts.entry(key.clone()).or_insert(0) += 1;
            candidates
                .iter_mut()
                .find(|c| c.key == key)
                .unwrap()
                .last_offered = Some(week);
            history.push((key, week));
        }
        counts
    }

    #[test]
    fn equal_weights_share_the_weeks_evenly() {
        let counts = simulate(&[("a", 3), ("b", 3), ("c", 3)], 300);
        for key in ["a", "b", "c"] {
            assert_eq!(counts[key], 100, "{counts:?}");
        }
    }

    #[test]
    fn heavier_components_come_up_in_proportion_but_all_come_up() {
        let counts = simulate(&[("a", 5), ("b", 1), ("c", 1)], 520);
        let (a, b, c) = (counts["a"] as f64, counts["b"] as f64, counts["c"] as f64);
        assert!(
            b >= 40.0 && c >= 40.0,
            "light components still come round: {counts:?}"
        );
        let ratio = a / b;
        assert!(
            (4.5..=6.0).contains(&ratio),
            "weight 5 vs 1 comes up about five times as often: {counts:?}"
        );
    }

    #[test]
    fn prompts_do_not_repeat_before_the_pool_is_used() {
        let mut pool: Vec<PromptCandidate> = (0..12)
            .map(|i| PromptCandidate {
                id: format!("p{i:02}"),
                times_offered: 0,
                last_offered: None,
                angle: None,
            })
            .collect();
        let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let mut seen = Vec::new();
        for i in 0..36 {
            let week = start + chrono::Days::new(7 * i);
            let id = choose_prompt(&pool, week, "s").unwrap().id.clone();
            let p = pool.iter_mut().find(|p| p.id == id).unwrap();
            p.times_offered += 1;
            p.last_offered = Some(week);
            seen.push(id);
        }
        for round in seen.chunks(12) {
            let mut ids = round.to_vec();
            ids.sort();
            ids.dedup();
            assert_eq!(
                ids.len(),
                12,
                "each round of 12 uses every prompt once: {round:?}"
            );
        }
        // Offered longest-ago first, the rounds keep the first round's
        // order (a new prompt joins it once); the first round's order is the
        // journal's own (see the salt test below).
    }

    #[test]
    fn the_same_salt_and_week_give_the_same_choice() {
        let pool: Vec<PromptCandidate> = (0..5)
            .map(|i| PromptCandidate {
                id: format!("p{i}"),
                times_offered: 0,
                last_offered: None,
                angle: None,
            })
            .collect();
        let week = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let first = choose_prompt(&pool, week, "journal-a").unwrap();
        for _ in 0..10 {
            assert_eq!(choose_prompt(&pool, week, "journal-a").unwrap(), first);
        }
        let others: std::collections::HashSet<_> = (0..20)
            .map(|i| {
                &choose_prompt(&pool, week, &format!("journal-{i}"))
                    .unwrap()
                    .id
            })
            .collect();
        assert!(
            others.len() > 1,
            "different journals order prompts differently"
        );
    }

    #[test]
    fn no_component_comes_up_more_than_three_weeks_running_while_another_can() {
        let candidates = |run_a: u32| {
            vec![
                ComponentCandidate {
                    key: "a".into(),
                    weight: 5,
                    recent_weeks: 0,
                    last_offered: None,
                    run: run_a,
                },
                ComponentCandidate {
                    key: "b".into(),
                    weight: 1,
                    recent_weeks: 9,
                    last_offered: None,
                    run: 0,
                },
            ]
        };
        let week = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(
            choose_component(&candidates(2), week, "s").unwrap().key,
            "a"
        );
        assert_eq!(
            choose_component(&candidates(3), week, "s").unwrap().key,
            "b"
        );
        // Alone, it is still offered.
        let alone = vec![candidates(7).remove(0)];
        assert_eq!(choose_component(&alone, week, "s").unwrap().key, "a");
    }

    #[test]
    fn a_new_prompt_takes_one_turn_then_waits_its_place() {
        let week = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let old = |id: &str, weeks_ago: u64| PromptCandidate {
            id: id.into(),
            times_offered: 4,
            last_offered: Some(week - chrono::Days::new(7 * weeks_ago)),
            angle: None,
        };
        let mut pool = vec![old("p1", 3), old("p2", 9), old("p3", 5)];
        pool.push(PromptCandidate {
            id: "new".into(),
            times_offered: 0,
            last_offered: None,
            angle: None,
        });
        assert_eq!(
            choose_prompt(&pool, week, "s").unwrap().id,
            "new",
            "never offered: first"
        );
        pool.last_mut().unwrap().last_offered = Some(week);
        pool.last_mut().unwrap().times_offered = 1;
        let next = week + chrono::Days::new(7);
        assert_eq!(
            choose_prompt(&pool, next, "s").unwrap().id,
            "p2",
            "then the one offered longest ago, though the new one was offered least"
        );
    }
}
