//! Tests of the triangle, prompts, the week's prompts and where weeks
//! begin. The rotation over months and years is tested in
//! `tests_rotation.rs`; reflections, statuses, streaks and check-in scores
//! in `tests_reflections.rs`.

use chrono::{Days, NaiveDate};

use super::tests::day;
use super::*;
use crate::model::{NewEntry, Section, Side, Situation};
use crate::{Error, ValidationError};

pub(super) fn checkin(journal: &mut Journal, scores: &[(&str, i64)]) {
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
        situations: None,
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
            &[],
        )
        .unwrap();
    assert_eq!(mine.situations, Situation::ALL.to_vec(), "fits everyone");
    assert!(mine.id.starts_with("user-"));
    assert_eq!(mine.side, Side::Integration);
    assert_eq!(mine.hint.as_deref(), Some("Be concrete."));
    let edited = journal
        .edit_prompt(
            &mine.id,
            Some("What did I ask for, out loud?"),
            Some(None),
            Some(&[Situation::Looking, Situation::Between, Situation::Looking]),
        )
        .unwrap();
    assert_eq!(edited.hint, None);
    assert_eq!(
        edited.situations,
        vec![Situation::Looking, Situation::Between]
    );
    // Offered only in those situations.
    let everyone = journal
        .edit_prompt(&mine.id, None, None, Some(&[]))
        .unwrap();
    assert_eq!(everyone.situations, Situation::ALL.to_vec());
    let edited = journal
        .edit_prompt(
            &mine.id,
            None,
            None,
            Some(&[Situation::Looking, Situation::Between]),
        )
        .unwrap();
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
        .edit_prompt("voice-01", Some("changed"), None, None)
        .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ValidationError::BuiltinPrompt(_))),
        "{err}"
    );
    assert!(journal.archive_prompt("voice-01", true).unwrap().archived);
    assert!(matches!(
        journal.add_prompt("nope", "text", None, &[]),
        Err(Error::Invalid(ValidationError::UnknownComponent(_)))
    ));
    assert!(matches!(
        journal.prompt("voice-999"),
        Err(Error::Invalid(ValidationError::UnknownPrompt(_)))
    ));
    assert!(journal.add_prompt("voice", "   ", None, &[]).is_err());
}

/// This week on the clock.
pub(super) fn this_week() -> NaiveDate {
    crate::week::FirstDay::default().week_start(crate::time::now().date_naive())
}

/// The week's prompts, drawn and kept (as for a week being written).
pub(super) fn kept(journal: &mut Journal, week: NaiveDate) -> Vec<WeekPrompt> {
    journal.draw_week_prompts(week, true).unwrap()
}

#[test]
fn a_week_shows_the_same_prompts_every_time_one_per_side() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = this_week();
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
    let week = this_week();
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
fn a_later_checkin_changes_no_week_with_something_written_in_it() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-11-23");
    journal
        .save_reflection(
            week,
            ReflectionUpdate {
                answers: vec![(Side::Developmental, Answer::Text("begun".into()))],
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    let shown = journal.week_prompts(week).unwrap();
    checkin(
        &mut journal,
        &[("voice", 5), ("community", 1), ("values_alignment", 1)],
    );
    assert_eq!(journal.week_prompts(week).unwrap(), shown);
}

#[test]
fn looking_at_a_week_not_being_written_uses_no_prompt_up() {
    let mut journal = Journal::open_in_memory().unwrap();
    let later = this_week() + Days::new(21);
    let earlier = day("2026-01-05");
    let peeked_later = journal.week_prompts(later).unwrap();
    journal.week_prompts(earlier).unwrap();
    let offers: i64 = journal
        .conn
        .query_row("SELECT count(*) FROM prompt_offers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(offers, 0, "nothing was drawn for good");
    // This week's draw is kept, and is what the peek at a later week would
    // have been had it come first: the peek changed nothing.
    let now = journal.week_prompts(this_week()).unwrap();
    assert_eq!(now.len(), 3);
    let offers: i64 = journal
        .conn
        .query_row("SELECT count(*) FROM prompt_offers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(offers, 3);
    assert_eq!(peeked_later.len(), 3);
}

#[test]
fn this_weeks_questions_follow_a_check_in_until_something_is_written() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = this_week();
    // Drawn before the first check-in (the first run shows this week early).
    journal.week_prompts(week).unwrap();
    checkin(
        &mut journal,
        &[
            ("feeling_seen", 1),
            ("feeling_known", 5),
            ("feeling_valued", 1),
        ],
    );
    let after = journal.week_prompts(week).unwrap();
    assert_eq!(
        after[1].component.key, "feeling_known",
        "the first week follows the first check-in"
    );
    journal
        .save_reflection(
            week,
            ReflectionUpdate {
                answers: vec![(Side::Emotional, Answer::Text("written".into()))],
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    checkin(
        &mut journal,
        &[
            ("feeling_seen", 5),
            ("feeling_known", 1),
            ("feeling_valued", 1),
        ],
    );
    assert_eq!(
        journal.week_prompts(week).unwrap()[1].component.key,
        "feeling_known",
        "a week being written keeps its questions"
    );
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
fn a_past_week_shows_the_prompts_that_were_answered_and_no_new_one() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2025-03-03");
    let builtin = journal.prompts(None, false).unwrap();
    let answered = builtin
        .iter()
        .find(|p| p.component == "feeling_seen")
        .unwrap()
        .id
        .clone();
    // An imported reflection: one answer with its prompt, one without.
    journal
        .create(NewEntry {
            sections: vec![
                Section {
                    side: Side::Emotional,
                    prompt_id: Some(answered.clone()),
                    text: "Named in the review.".into(),
                },
                Section {
                    side: Side::Developmental,
                    prompt_id: None,
                    text: "Kept my temper in the long meeting.".into(),
                },
            ],
            ..NewEntry::reflection(week)
        })
        .unwrap();
    let shown = journal.shown_prompts(week).unwrap();
    assert_eq!(shown[0].0, Side::Developmental);
    assert!(
        shown[0].1.is_none(),
        "an answer without a prompt shows none"
    );
    assert_eq!(
        shown[1].1.as_ref().map(|p| p.prompt.id.clone()),
        Some(answered.clone()),
        "the prompt answered, not one drawn today"
    );
    assert!(
        shown[2].1.is_some(),
        "a side still to write gets the week's prompt"
    );

    // Rewriting both answers keeps what each was written to.
    journal
        .save_reflection(
            week,
            ReflectionUpdate {
                answers: vec![
                    (Side::Developmental, Answer::Text("Kept calm.".into())),
                    (Side::Emotional, Answer::Text("Named twice.".into())),
                ],
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    let again = journal.reflection_for_week(week).unwrap().unwrap();
    assert_eq!(again.section(Side::Developmental).unwrap().prompt_id, None);
    assert_eq!(
        again.section(Side::Emotional).unwrap().prompt_id,
        Some(answered.clone())
    );

    // Asking for another question on a written side: the words now answer it.
    let next = journal.another_prompt(week, Side::Emotional).unwrap();
    assert_ne!(next.prompt.id, answered);
    let shown = journal.shown_prompts(week).unwrap();
    assert_eq!(
        shown[1].1.as_ref().map(|p| p.prompt.id.clone()),
        Some(next.prompt.id.clone())
    );
}
