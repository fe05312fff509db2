//! Tests of the prompts' rotation over months and years: every component
//! in its turn without repeats, a check-in leaning the turns without
//! bursts, angles, new prompts and situations.

use std::collections::{BTreeMap, HashMap};

use chrono::{Days, NaiveDate};

use super::tests::day;
use super::tests_weeks::{checkin, kept};
use super::*;
use crate::model::{Side, Situation};

/// Shows `weeks` weeks in a row and counts, per side, how often each
/// component came up, checking that no prompt repeats within a component
/// before the others were used.
fn simulate(journal: &mut Journal, start: NaiveDate, weeks: u64) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut used: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for i in 0..weeks {
        for p in kept(journal, start + Days::new(7 * i)) {
            *counts.entry(p.component.key.clone()).or_default() += 1;
            let pool = journal
                .prompts(Some(&p.component.key), false)
                .unwrap()
                .len();
            let history = used.entry(p.component.key.clone()).or_default();
            let round_start = history.len() - history.len() % pool;
            assert!(
                !history[round_start..].contains(&p.prompt.id),
                "{} repeated before the other {} prompts of {} were used",
                p.prompt.id,
                pool - 1,
                p.component.key
            );
            history.push(p.prompt.id);
        }
    }
    counts
}

#[test]
fn over_years_every_component_comes_up_evenly_without_repeats() {
    // Each journal draws its own order (a random salt); a fixed set of
    // salts makes the run repeatable and covers many orders.
    for n in 0..24 {
        let mut journal = Journal::open_in_memory().unwrap();
        journal
            .conn
            .execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                rusqlite::params![super::prompt_draw::SALT_KEY, format!("salt-{n}")],
            )
            .unwrap();
        let counts = simulate(&mut journal, day("2024-01-01"), 156);
        assert_eq!(counts.len(), 9, "all nine components came up: {counts:?}");
        for (key, n) in &counts {
            assert!(
                (50..=54).contains(n),
                "{key} came up {n} times in 156 weeks"
            );
        }
    }
}

#[test]
fn the_checkin_leans_rotation_toward_what_needs_work() {
    let mut journal = Journal::open_in_memory().unwrap();
    checkin(
        &mut journal,
        &[
            ("feeling_seen", 5),
            ("feeling_known", 1),
            ("feeling_valued", 1),
        ],
    );
    let counts = simulate(&mut journal, day("2024-01-01"), 140);
    let (seen, known, valued) = (
        counts["feeling_seen"],
        counts["feeling_known"],
        counts["feeling_valued"],
    );
    assert!(
        known >= 15 && valued >= 15,
        "the others still come round: {counts:?}"
    );
    let ratio = seen as f64 / known as f64;
    assert!(
        (4.0..=6.0).contains(&ratio),
        "5 against 1 comes up about five times as often: {counts:?}"
    );
    // Components not scored keep the middle weight, evenly among themselves.
    let identity = counts["professional_identity"] as f64;
    assert!((identity - 140.0 / 3.0).abs() <= 2.0, "{counts:?}");
}

#[test]
fn the_same_journal_and_week_give_the_same_prompts_when_replayed() {
    let dir = tempfile::TempDir::new().unwrap();
    let first = {
        let mut journal = Journal::open_in(dir.path()).unwrap();
        kept(&mut journal, day("2026-11-23"))
    };
    // Forget the week's choice: choosing again gives the same prompts.
    let mut journal = Journal::open_in(dir.path()).unwrap();
    journal
        .conn
        .execute_batch("DELETE FROM week_prompts; DELETE FROM prompt_offers;")
        .unwrap();
    assert_eq!(kept(&mut journal, day("2026-11-23")), first);
}

/// A check-in taken at noon UTC on `day`.
fn checkin_on(journal: &mut Journal, scores: &[(&str, i64)], on: NaiveDate) {
    journal
        .record_checkin(NewCheckIn {
            scores: scores.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            taken: Some(on.and_hms_opt(12, 0, 0).unwrap().and_utc().fixed_offset()),
            ..NewCheckIn::default()
        })
        .unwrap();
}

/// A small deterministic generator for the simulated histories.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

const EMOTIONAL: [&str; 3] = ["feeling_seen", "feeling_known", "feeling_valued"];

/// Years of history first (weeks drawn, now and then a check-in with
/// scores of every kind), then a check-in marking one component 5 and its
/// side's others 1: over the next 40 weeks that component never comes up
/// more than 3 weeks running, and takes at least 40% of its side's weeks.
/// Twelve histories, from different journals and seeds.
#[test]
fn after_any_history_a_new_check_in_leans_without_bursts() {
    for case in 0..12u64 {
        let mut rng = Lcg(case * 7919 + 1);
        let mut journal = Journal::open_in_memory().unwrap();
        let start = day("2022-01-03");
        let history_weeks = 52 + rng.below(80);
        for i in 0..history_weeks {
            let week = start + Days::new(7 * i);
            if rng.below(13) == 0 {
                let scores: Vec<(&str, i64)> = EMOTIONAL
                    .iter()
                    .map(|k| (*k, 1 + rng.below(5) as i64))
                    .collect();
                checkin_on(&mut journal, &scores, week);
            }
            kept(&mut journal, week);
        }
        let heavy = EMOTIONAL[rng.below(3) as usize];
        let scores: Vec<(&str, i64)> = EMOTIONAL
            .iter()
            .map(|k| (*k, if *k == heavy { 5 } else { 1 }))
            .collect();
        let from = start + Days::new(7 * history_weeks);
        checkin_on(&mut journal, &scores, from);
        let mut run = 0;
        let mut longest = 0;
        let mut heavy_weeks = 0;
        for i in 0..40 {
            let emotional = kept(&mut journal, from + Days::new(7 * i))[1]
                .component
                .key
                .clone();
            if emotional == heavy {
                heavy_weeks += 1;
                run += 1;
                longest = longest.max(run);
            } else {
                run = 0;
            }
        }
        assert!(
            longest <= 3,
            "case {case}: {heavy} came up {longest} weeks running"
        );
        assert!(
            heavy_weeks >= 16,
            "case {case}: {heavy} marked 5 came up in {heavy_weeks} of 40 weeks"
        );
    }
}

/// Over three years, in ten journals (each with its own order) and in
/// every situation, no week's three prompts share one angle: the third
/// side passes to a component whose next prompt has another angle, or,
/// when none has, takes its own component's next prompt of another angle.
/// (With every side choosing alone, 8 of 156 weeks in one journal had
/// three prompts of one angle.)
#[test]
fn a_weeks_three_prompts_never_share_one_angle() {
    let mut same = Vec::new();
    for (n, situation) in Situation::ALL.iter().cycle().take(12).enumerate() {
        let mut journal = Journal::open_in_memory().unwrap();
        let start = day("2023-01-02");
        journal.set_situation(*situation, start).unwrap();
        for i in 0..156 {
            let week = start + Days::new(7 * i);
            let prompts = kept(&mut journal, week);
            let angles: Vec<_> = prompts.iter().map(|p| p.prompt.angle).collect();
            if angles[0] == angles[1] && angles[1] == angles[2] {
                same.push((n, week));
            }
            // A swap keeps the rule too.
            if i % 5 == 0 {
                journal.another_prompt(week, Side::Integration).unwrap();
                let swapped = kept(&mut journal, week);
                let angles: Vec<_> = swapped.iter().map(|p| p.prompt.angle).collect();
                if angles[0] == angles[1] && angles[1] == angles[2] {
                    same.push((n, week));
                }
            }
        }
    }
    assert!(same.is_empty(), "weeks with one angle thrice: {same:?}");
}

/// A prompt of one's own added after a long history comes up once, on the
/// component's next turn, and then waits its place like the others.
#[test]
fn a_new_prompt_takes_its_fair_turn_after_a_long_history() {
    let mut journal = Journal::open_in_memory().unwrap();
    let start = day("2023-01-02");
    for i in 0..120 {
        kept(&mut journal, start + Days::new(7 * i));
    }
    let own = journal
        .add_prompt(
            "voice",
            "Which request did you put off this week, and what would asking cost?",
            None,
            &[],
        )
        .unwrap();
    let mut turns = Vec::new();
    for i in 120..240 {
        let prompts = kept(&mut journal, start + Days::new(7 * i));
        if prompts[2].component.key == "voice" {
            turns.push(prompts[2].prompt.id.clone());
        }
    }
    let pool = journal.prompts(Some("voice"), false).unwrap().len();
    assert_eq!(turns[0], own.id, "the new prompt comes on the next turn");
    let again = turns[1..]
        .iter()
        .position(|id| *id == own.id)
        .map(|p| p + 1);
    assert_eq!(
        again,
        Some(pool),
        "then once the other {} have had theirs: {turns:?}",
        pool - 1
    );
}

/// A person looking for work is offered only prompts that fit looking for
/// work, week after week, and every component still comes round; before
/// they changed situation, their weeks drew from the whole library.
#[test]
fn only_prompts_that_fit_the_situation_are_offered() {
    use crate::model::Situation;
    let mut journal = Journal::open_in_memory().unwrap();
    let start = day("2025-01-06");
    journal.set_situation(Situation::Working, start).unwrap();
    let looking_from = start + Days::new(7 * 30);
    journal
        .set_situation(Situation::Looking, looking_from)
        .unwrap();
    let mut components = std::collections::BTreeSet::new();
    let mut workplace_offers_before = 0;
    for i in 0..90 {
        let week = start + Days::new(7 * i);
        for p in kept(&mut journal, week) {
            if week >= looking_from {
                assert!(
                    p.prompt.situations.contains(&Situation::Looking),
                    "{} was offered to a person looking for work in the week of {week}",
                    p.prompt.id
                );
                components.insert(p.component.key.clone());
            } else if !p.prompt.situations.contains(&Situation::Looking) {
                workplace_offers_before += 1;
            }
        }
    }
    assert_eq!(
        components.len(),
        9,
        "every component came round: {components:?}"
    );
    assert!(
        workplace_offers_before > 0,
        "a person in a role is offered prompts about a workplace too"
    );
}

/// Another question on one side of a week only looked at (not kept) keeps
/// the other two sides as they were shown, over many orders: drawn anew
/// after the swap, they could change to keep the week's angles apart.
#[test]
fn another_question_on_one_side_leaves_the_other_two_as_shown() {
    for n in 0..60 {
        let mut journal = Journal::open_in_memory().unwrap();
        journal
            .conn
            .execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                rusqlite::params![super::prompt_draw::SALT_KEY, format!("salt-{n}")],
            )
            .unwrap();
        let week = day("2024-03-04");
        let ids = |prompts: &[super::WeekPrompt]| -> Vec<String> {
            prompts.iter().map(|p| p.prompt.id.clone()).collect()
        };
        let shown = ids(&journal.week_prompts(week).unwrap());
        for side in Side::ALL {
            let before = ids(&journal.week_prompts(week).unwrap());
            let new = journal.another_prompt(week, side).unwrap();
            let after = ids(&journal.week_prompts(week).unwrap());
            for (i, other) in Side::ALL.iter().enumerate() {
                if *other == side {
                    assert_eq!(after[i], new.prompt.id, "salt {n}");
                    assert_ne!(after[i], before[i], "salt {n}: another question");
                } else {
                    assert_eq!(
                        after[i], before[i],
                        "salt {n}: {other:?} kept after {side:?}"
                    );
                }
            }
        }
        assert_eq!(shown.len(), 3);
    }
}
