//! Tests of the weekly reflection: saving answers and ratings in parts,
//! clearing them, week statuses and streaks (across a year end too), and
//! check-ins that are refused.

use chrono::NaiveDate;

use super::tests::day;
use super::*;
use crate::model::{EntryEdit, NewEntry, Ratings, Section, Side};

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
    // A past week has the streak it had then, not today's.
    assert_eq!(journal.streak_through(day("2026-11-02")).unwrap(), 2);
    assert_eq!(journal.streak_through(day("2026-10-12")).unwrap(), 1);
    assert_eq!(
        journal.streak_through(day("2026-10-19")).unwrap(),
        1,
        "a missed week shows the run that ended the week before"
    );
    // (The week's screen shows this streak: trine-app's views tests.)
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
                follow_up: None,
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
fn listing_reflections_reads_the_index_of_reflections_only() {
    let mut journal = Journal::open_in_memory().unwrap();
    for n in 0..30 {
        journal
            .create(NewEntry::note(format!("Note {n}"), "words"))
            .unwrap();
    }
    journal
        .create(reflection(
            day("2026-03-02"),
            &[(Side::Emotional, "seen")],
            None,
        ))
        .unwrap();
    let query = crate::store::ListQuery {
        kind: Some(crate::model::EntryKind::Reflection),
        ..crate::store::ListQuery::default()
    };
    let mut args = Vec::new();
    let filter = super::entries::filter_sql(&query, &mut args).unwrap();
    let plan: Vec<String> = journal
        .conn
        .prepare(&format!(
            "EXPLAIN QUERY PLAN SELECT seq FROM entries WHERE {filter} \
             ORDER BY created_utc DESC, seq DESC"
        ))
        .unwrap()
        .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        plan.iter()
            .any(|step| step.contains("entries_live_reflections")),
        "{plan:?}"
    );
    assert!(
        !plan.iter().any(|step| step.contains("TEMP B-TREE")),
        "no sort: {plan:?}"
    );
    let listed = journal.list(&query).unwrap();
    assert_eq!(listed.len(), 1);
    // Notes are listed without the reflections' index.
    let notes = journal
        .list(&crate::store::ListQuery {
            kind: Some(crate::model::EntryKind::Note),
            ..crate::store::ListQuery::default()
        })
        .unwrap();
    assert_eq!(notes.len(), 30);
}
