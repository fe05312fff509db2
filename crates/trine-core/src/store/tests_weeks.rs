//! Tests of the triangle, prompts, the week's prompts, statuses and streaks.

use std::collections::{BTreeMap, HashMap};

use chrono::{Days, NaiveDate};

use super::*;
use crate::model::{EntryEdit, NewEntry, Ratings, Section, Side};
use crate::{Error, ValidationError};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn checkin(journal: &mut Journal, scores: &[(&str, i64)]) {
    journal
        .record_checkin(NewCheckIn {
            scores: scores.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ..NewCheckIn::default()
        })
        .unwrap();
}

#[test]
fn a_new_journal_holds_the_triangle_and_the_library() {
    let journal = Journal::open_in_memory().unwrap();
    let sides = journal.sides().unwrap();
    assert_eq!(
        sides.iter().map(|s| s.key).collect::<Vec<_>>(),
        Side::ALL.to_vec()
    );
    let components = journal.components().unwrap();
    assert_eq!(components.len(), 9);
    assert_eq!(components[0].key, "professional_identity");
    assert_eq!(components[3].side, Side::Emotional);
    let prompts = journal.prompts(None, false).unwrap();
    assert_eq!(prompts.len(), crate::library::builtin().prompts.len());
    assert!(prompts.iter().all(|p| p.origin == PromptOrigin::Builtin));
}

#[test]
fn components_can_be_renamed_and_upgrades_keep_the_new_name() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .edit_component(
            "community",
            Some("My people".into()),
            Some("Who I do my best work with.".into()),
        )
        .unwrap();
    // A library upgrade re-seeds: the person's words stay.
    let mut library = crate::library::builtin().clone();
    library.library_version += 1;
    library.prompts.push(crate::library::PromptDef {
        id: "community-99".into(),
        component: "community".into(),
        angle: crate::library::Angle::Win,
        text: "Who did you help this week, and how?".into(),
        hint: None,
    });
    triangle::seed_library(&mut journal.conn, &library).unwrap();
    let community = journal.component("community").unwrap();
    assert_eq!(community.name, "My people");
    assert_eq!(community.description, "Who I do my best work with.");
    assert_eq!(
        journal.prompt("community-99").unwrap().text,
        "Who did you help this week, and how?"
    );
    let err = journal
        .edit_component("nope", Some("x".into()), None)
        .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ValidationError::UnknownComponent(_))),
        "{err}"
    );
    assert!(
        journal
            .edit_component("voice", Some("  ".into()), None)
            .is_err(),
        "a name cannot be blank"
    );
}

#[test]
fn own_prompts_can_be_added_edited_and_archived_but_builtin_ones_only_archived() {
    let mut journal = Journal::open_in_memory().unwrap();
    let mine = journal
        .add_prompt(
            "voice",
            "What did I ask for this week?",
            Some(" Be concrete. "),
        )
        .unwrap();
    assert!(mine.id.starts_with("user-"));
    assert_eq!(mine.side, Side::Integration);
    assert_eq!(mine.hint.as_deref(), Some("Be concrete."));
    let edited = journal
        .edit_prompt(&mine.id, Some("What did I ask for, out loud?"), Some(None))
        .unwrap();
    assert_eq!(edited.hint, None);
    assert_eq!(journal.prompt(&mine.id).unwrap(), edited);
    journal.archive_prompt(&mine.id, true).unwrap();
    assert!(!journal
        .prompts(Some("voice"), false)
        .unwrap()
        .iter()
        .any(|p| p.id == mine.id));
    assert!(journal
        .prompts(Some("voice"), true)
        .unwrap()
        .iter()
        .any(|p| p.id == mine.id));

    let err = journal
        .edit_prompt("voice-01", Some("changed"), None)
        .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ValidationError::BuiltinPrompt(_))),
        "{err}"
    );
    assert!(journal.archive_prompt("voice-01", true).unwrap().archived);
    assert!(matches!(
        journal.add_prompt("nope", "text", None),
        Err(Error::Invalid(ValidationError::UnknownComponent(_)))
    ));
    assert!(matches!(
        journal.prompt("voice-999"),
        Err(Error::Invalid(ValidationError::UnknownPrompt(_)))
    ));
    assert!(journal.add_prompt("voice", "   ", None).is_err());
}

#[test]
fn a_week_shows_the_same_prompts_every_time_one_per_side() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-11-23");
    let first = journal.week_prompts(week).unwrap();
    assert_eq!(
        first.iter().map(|p| p.side).collect::<Vec<_>>(),
        Side::ALL.to_vec()
    );
    for p in &first {
        assert_eq!(p.prompt.side, p.side, "each prompt is on its own side");
        assert_eq!(p.component.key, p.prompt.component);
    }
    assert_eq!(
        journal.week_prompts(week).unwrap(),
        first,
        "reopening shows the same prompts"
    );
}

#[test]
fn another_question_swaps_one_side_and_is_remembered() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-11-23");
    let before = journal.week_prompts(week).unwrap();
    let swapped = journal.another_prompt(week, Side::Emotional).unwrap();
    assert_ne!(swapped.prompt.id, before[1].prompt.id);
    assert_eq!(
        swapped.component.key, before[1].component.key,
        "a swap stays within the component"
    );
    let after = journal.week_prompts(week).unwrap();
    assert_eq!(after[1], swapped, "the swap is remembered");
    assert_eq!(after[0], before[0]);
    assert_eq!(after[2], before[2]);
}

#[test]
fn a_later_checkin_changes_only_later_weeks() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-11-23");
    let shown = journal.week_prompts(week).unwrap();
    checkin(
        &mut journal,
        &[("voice", 5), ("community", 1), ("values_alignment", 1)],
    );
    assert_eq!(journal.week_prompts(week).unwrap(), shown);
}

/// Shows `weeks` weeks in a row and counts, per side, how often each
/// component came up, checking that no prompt repeats within a component
/// before the others were used.
fn simulate(journal: &mut Journal, start: NaiveDate, weeks: u64) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut used: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for i in 0..weeks {
        for p in journal.week_prompts(start + Days::new(7 * i)).unwrap() {
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
    let mut journal = Journal::open_in_memory().unwrap();
    let counts = simulate(&mut journal, day("2024-01-01"), 156);
    assert_eq!(counts.len(), 9, "all nine components came up: {counts:?}");
    for (key, n) in &counts {
        assert!(
            (50..=54).contains(n),
            "{key} came up {n} times in 156 weeks"
        );
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
        journal.week_prompts(day("2026-11-23")).unwrap()
    };
    // Forget the week's choice: choosing again gives the same prompts.
    let mut journal = Journal::open_in(dir.path()).unwrap();
    journal
        .conn
        .execute_batch("DELETE FROM week_prompts; DELETE FROM prompt_offers;")
        .unwrap();
    assert_eq!(journal.week_prompts(day("2026-11-23")).unwrap(), first);
}

fn reflection(
    week: NaiveDate,
    sides: &[(Side, &str)],
    ratings: Option<(i64, i64, i64)>,
) -> NewEntry {
    NewEntry {
        sections: sides
            .iter()
            .map(|(side, text)| Section {
                side: *side,
                prompt_id: None,
                text: text.to_string(),
            })
            .collect(),
        ratings: ratings
            .map(|(s, k, v)| Ratings::checked(Some(s), Some(k), Some(v)).unwrap())
            .unwrap_or_default(),
        created: Some(
            week.and_hms_opt(19, 0, 0)
                .unwrap()
                .and_local_timezone(chrono::FixedOffset::east_opt(3600).unwrap())
                .unwrap(),
        ),
        ..NewEntry::reflection(week)
    }
}

const ALL_SIDES: [(Side, &str); 3] = [
    (Side::Developmental, "a"),
    (Side::Emotional, ""),
    (Side::Integration, "c"),
];

#[test]
fn weeks_are_due_done_partly_done_missed_or_upcoming() {
    let mut journal = Journal::open_in_memory().unwrap();
    let today = day("2026-11-25");
    let this_week = day("2026-11-23");
    let last_week = day("2026-11-16");
    assert_eq!(
        journal.week_status(this_week, today).unwrap(),
        WeekStatus::Due
    );
    assert_eq!(
        journal.week_status(last_week, today).unwrap(),
        WeekStatus::Missed
    );
    assert_eq!(
        journal.week_status(day("2026-11-30"), today).unwrap(),
        WeekStatus::Upcoming
    );
    let draft = journal
        .create(reflection(this_week, &[(Side::Emotional, "half")], None))
        .unwrap();
    assert_eq!(
        journal.week_status(this_week, today).unwrap(),
        WeekStatus::PartlyDone
    );
    journal
        .update(
            draft.id,
            EntryEdit {
                sections: Some(
                    ALL_SIDES
                        .iter()
                        .map(|(s, t)| Section {
                            side: *s,
                            prompt_id: None,
                            text: t.to_string(),
                        })
                        .collect(),
                ),
                ratings: Some(Ratings::checked(Some(5), Some(6), Some(7)).unwrap()),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    assert_eq!(
        journal.week_status(this_week, today).unwrap(),
        WeekStatus::Done,
        "a skipped side (empty) still counts"
    );
    // A missed week can be filled in later.
    journal
        .create(reflection(last_week, &ALL_SIDES, Some((3, 3, 3))))
        .unwrap();
    assert_eq!(
        journal.week_status(last_week, today).unwrap(),
        WeekStatus::Done
    );
    let statuses = journal
        .week_statuses(day("2026-11-09"), this_week, today)
        .unwrap();
    assert_eq!(
        statuses.iter().map(|(_, s)| *s).collect::<Vec<_>>(),
        vec![WeekStatus::Missed, WeekStatus::Done, WeekStatus::Done]
    );
}

#[test]
fn the_streak_counts_done_weeks_in_a_row_up_to_now() {
    let mut journal = Journal::open_in_memory().unwrap();
    let today = day("2026-11-25");
    assert_eq!(journal.streak(today).unwrap(), 0);
    for week in ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"] {
        journal
            .create(reflection(day(week), &ALL_SIDES, Some((5, 5, 5))))
            .unwrap();
    }
    // A missed week (19 October) ends the run; this week is not done yet.
    journal
        .create(reflection(day("2026-10-12"), &ALL_SIDES, Some((5, 5, 5))))
        .unwrap();
    assert_eq!(
        journal.streak(today).unwrap(),
        4,
        "this week, still due, does not break the streak"
    );
    journal
        .create(reflection(day("2026-11-23"), &ALL_SIDES, Some((5, 5, 5))))
        .unwrap();
    assert_eq!(journal.streak(today).unwrap(), 5);
    // A partly done week does not count.
    assert_eq!(
        journal.streak(day("2026-12-09")).unwrap(),
        0,
        "two weeks later, last week was missed"
    );
}

#[test]
fn weeks_across_a_year_end_and_week_53_work() {
    let mut journal = Journal::open_in_memory().unwrap();
    let w53 =
        crate::week::parse_week("week", "2026-W53", journal.settings().unwrap().first_day).unwrap();
    assert_eq!(w53, day("2026-12-28"));
    journal
        .create(reflection(w53, &ALL_SIDES, Some((4, 4, 4))))
        .unwrap();
    journal
        .create(reflection(day("2027-01-04"), &ALL_SIDES, Some((4, 4, 4))))
        .unwrap();
    assert_eq!(
        journal.streak(day("2027-01-06")).unwrap(),
        2,
        "the streak runs across the year end"
    );
    assert_eq!(journal.week_prompts(w53).unwrap().len(), 3);
    assert!(crate::week::parse_week("--week", "2026-W60", Default::default()).is_err());
}

#[test]
fn a_checkin_with_an_unknown_component_or_bad_score_writes_nothing() {
    let mut journal = Journal::open_in_memory().unwrap();
    let bad = NewCheckIn {
        scores: [("voice".to_string(), 3), ("charisma".to_string(), 3)]
            .into_iter()
            .collect(),
        ..NewCheckIn::default()
    };
    let err = journal.record_checkin(bad).unwrap_err();
    assert!(err.to_string().contains("charisma"), "{err}");
    let bad = NewCheckIn {
        scores: [("voice".to_string(), 0)].into_iter().collect(),
        ..NewCheckIn::default()
    };
    assert!(journal
        .record_checkin(bad)
        .unwrap_err()
        .to_string()
        .contains("1 to 5"));
    assert!(journal.checkins().unwrap().is_empty());
}

#[test]
fn a_reflection_is_saved_in_parts_and_finished_later() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-11-23");
    let today = day("2026-11-24");
    let prompts = journal.week_prompts(week).unwrap();
    let draft = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                answers: vec![(
                    Side::Emotional,
                    Answer::Text("My lead thanked me by name.\n".into()),
                )],
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    assert_eq!(draft.kind, crate::model::EntryKind::Reflection);
    assert_eq!(draft.sections.len(), 1);
    assert_eq!(
        draft.sections[0].prompt_id.as_deref(),
        Some(prompts[1].prompt.id.as_str()),
        "answers keep their prompt"
    );
    assert_eq!(draft.sections[0].text, "My lead thanked me by name.");
    assert_eq!(
        journal.week_status(week, today).unwrap(),
        WeekStatus::PartlyDone
    );

    let done = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                answers: vec![
                    (
                        Side::Developmental,
                        Answer::Text("Waited before replying.".into()),
                    ),
                    (Side::Integration, Answer::Skip),
                ],
                ratings: Ratings::checked(Some(7), Some(6), None).unwrap(),
                note: Some("A good week.".into()),
                replace_ratings: false,
            },
        )
        .unwrap();
    assert_eq!(
        done.id, draft.id,
        "one reflection per week: opening it again edits it"
    );
    assert_eq!(done.sections.len(), 3);
    assert_eq!(
        done.section(Side::Emotional).unwrap().text,
        "My lead thanked me by name.",
        "kept"
    );
    assert_eq!(
        journal.week_status(week, today).unwrap(),
        WeekStatus::PartlyDone,
        "valued is still missing"
    );
    let finished = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                ratings: Ratings::checked(None, None, Some(8)).unwrap(),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    assert_eq!(
        finished.ratings,
        Ratings::checked(Some(7), Some(6), Some(8)).unwrap()
    );
    assert_eq!(finished.body, "A good week.");
    assert_eq!(journal.week_status(week, today).unwrap(), WeekStatus::Done);
    assert_eq!(journal.streak(today).unwrap(), 1);
}

#[test]
fn an_entry_just_after_a_daylight_saving_change_belongs_to_its_local_week() {
    let mut journal = Journal::open_in_memory().unwrap();
    // Monday 30 March 2026, 00:30 in Berlin (summer time began on Sunday
    // 29 March): still Sunday in UTC, but the writer's week is the new one.
    let entry = journal
        .create(NewEntry {
            created: Some(
                chrono::DateTime::parse_from_rfc3339("2026-03-30T00:30:00+02:00").unwrap(),
            ),
            ..NewEntry::note("after the change", "")
        })
        .unwrap();
    assert_eq!(entry.week_start, day("2026-03-30"));
    // And in autumn, the repeated hour on Sunday 25 October stays in its week.
    let autumn = journal
        .create(NewEntry {
            created: Some(
                chrono::DateTime::parse_from_rfc3339("2026-10-25T02:30:00+01:00").unwrap(),
            ),
            ..NewEntry::note("the repeated hour", "")
        })
        .unwrap();
    assert_eq!(autumn.week_start, day("2026-10-19"));
    assert_eq!(journal.week_prompts(day("2026-03-30")).unwrap().len(), 3);
}

#[test]
fn every_first_day_of_the_week_gives_seven_day_weeks_containing_the_day() {
    let mut journal = Journal::open_in_memory().unwrap();
    let date = day("2026-12-31");
    for name in [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ] {
        let first: crate::week::FirstDay = name.parse().unwrap();
        journal.set_first_day(first).unwrap();
        let start = journal.settings().unwrap().first_day.week_start(date);
        assert_eq!(start.format("%A").to_string().to_lowercase(), name);
        assert!(
            start <= date && date < start + Days::new(7),
            "{name}: {start}"
        );
        let note = journal
            .create(NewEntry {
                created: Some(date.and_hms_opt(12, 0, 0).unwrap().and_utc().fixed_offset()),
                ..NewEntry::note(name, "")
            })
            .unwrap();
        assert_eq!(note.week_start, start, "{name}");
    }
}

#[test]
fn an_answer_can_be_cleared_and_a_rating_unset() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-11-23");
    journal
        .save_reflection(
            week,
            ReflectionUpdate {
                answers: vec![
                    (Side::Emotional, Answer::Text("words".into())),
                    (Side::Integration, Answer::Skip),
                ],
                ratings: Ratings::checked(Some(4), Some(5), Some(6)).unwrap(),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    let after = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                answers: vec![
                    (Side::Emotional, Answer::Clear),
                    (Side::Integration, Answer::Clear),
                ],
                ratings: Ratings::checked(Some(4), None, Some(6)).unwrap(),
                replace_ratings: true,
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    assert!(
        after.sections.is_empty(),
        "both sides unanswered again, not skipped"
    );
    let emptied = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                ratings: Ratings::default(),
                replace_ratings: true,
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    assert!(emptied.ratings.is_empty());
    assert_eq!(
        journal.week_status(week, day("2026-11-24")).unwrap(),
        WeekStatus::Due,
        "an emptied reflection is not started"
    );
    journal
        .save_reflection(
            week,
            ReflectionUpdate {
                ratings: Ratings::checked(Some(4), None, Some(6)).unwrap(),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    assert_eq!(
        after.ratings,
        Ratings::checked(Some(4), None, Some(6)).unwrap(),
        "known is not rated any more"
    );
    let kept = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                ratings: Ratings::checked(None, Some(2), None).unwrap(),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    assert_eq!(
        kept.ratings,
        Ratings::checked(Some(4), Some(2), Some(6)).unwrap(),
        "without replace, unset ones are kept"
    );
}
