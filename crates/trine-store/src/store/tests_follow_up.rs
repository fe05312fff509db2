//! Tests of the confidence rating and of follow-through: the next step one
//! week planned, brought back the week after with how it went.

use chrono::Days;

use super::tests::day;
use super::*;
use crate::library::Angle;
use crate::model::{EntryEdit, Ratings, Side};
use crate::{Error, ValidationError};

/// Writes `week`'s answer to a next-step prompt, swapping questions (side
/// by side: a week never has three prompts of one angle, so one side
/// alone may not reach one) until a side has one. Returns that side.
fn plan(journal: &mut Journal, week: chrono::NaiveDate, text: &str) -> Side {
    for i in 0..90 {
        let drawn = journal.draw_week_prompts(week, true).unwrap();
        if let Some(prompt) = drawn
            .iter()
            .find(|p| p.prompt.angle == Some(Angle::NextStep))
        {
            journal
                .save_reflection(
                    week,
                    ReflectionUpdate {
                        answers: vec![(prompt.side, Answer::Text(text.into()))],
                        ..ReflectionUpdate::default()
                    },
                )
                .unwrap();
            return prompt.side;
        }
        journal.another_prompt(week, Side::ALL[i % 3]).unwrap();
    }
    panic!("no next-step prompt came up");
}

#[test]
fn the_confidence_rating_is_kept_beside_the_others_and_off_by_default() {
    let mut journal = Journal::open_in_memory().unwrap();
    assert!(!journal.settings().unwrap().confident_rating);
    journal.set_confident_rating(true).unwrap();
    assert!(journal.settings().unwrap().confident_rating);
    let week = day("2026-03-02");
    let ratings = Ratings::checked(Some(5), None, None)
        .unwrap()
        .with_confident(Some(8))
        .unwrap();
    journal
        .save_reflection(
            week,
            ReflectionUpdate {
                ratings,
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    // A later save without it keeps it (only `replace_ratings` clears).
    let entry = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                ratings: Ratings::checked(None, Some(6), None).unwrap(),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    assert_eq!(entry.ratings.confident.unwrap().get(), 8);
    assert_eq!(entry.ratings.seen.unwrap().get(), 5);
    let series = journal.weekly_ratings(None, None).unwrap();
    assert_eq!(series[0].confident.unwrap().mean, 8.0);
    // Turning it off keeps what was given.
    journal.set_confident_rating(false).unwrap();
    assert_eq!(
        journal
            .reflection_for_week(week)
            .unwrap()
            .unwrap()
            .ratings
            .confident
            .unwrap()
            .get(),
        8
    );
    let err = Ratings::default().with_confident(Some(11)).unwrap_err();
    assert!(err.to_string().contains("confident"), "{err}");
    // A week rated only for confidence is in the series.
    let only = Ratings::default().with_confident(Some(3)).unwrap();
    journal
        .save_reflection(
            week + Days::new(7),
            ReflectionUpdate {
                ratings: only,
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    let series = journal.weekly_ratings(None, None).unwrap();
    assert_eq!(series.len(), 2);
    assert!(series[1].seen.is_none() && series[1].confident.is_some());
}

#[test]
fn a_step_planned_last_week_comes_back_and_its_answer_is_kept() {
    let mut journal = Journal::open_in_memory().unwrap();
    let last = day("2026-03-02");
    let week = last + Days::new(7);
    assert_eq!(
        journal.planned_step(week).unwrap(),
        None,
        "nothing written yet"
    );
    plan(&mut journal, last, "Ask Sam for a referral.\n");
    assert_eq!(
        journal.planned_step(week).unwrap().as_deref(),
        Some("Ask Sam for a referral.")
    );
    // Only the week after: two weeks on, nothing.
    assert_eq!(journal.planned_step(week + Days::new(7)).unwrap(), None);

    let entry = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                follow_up: Some("Asked; Sam said yes.".into()),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    let follow_up = entry.follow_up.unwrap();
    assert_eq!(follow_up.planned, "Ask Sam for a referral.");
    assert_eq!(follow_up.answer, "Asked; Sam said yes.");
    assert!(journal
        .reflection_for_week(week)
        .unwrap()
        .unwrap()
        .full_text()
        .contains("Sam said yes"));

    // Rewriting last week's plan later leaves what this week answered.
    let planned = journal.reflection_for_week(last).unwrap().unwrap();
    let sections = planned
        .sections
        .iter()
        .map(|s| crate::model::Section {
            text: "Something else entirely.".into(),
            ..s.clone()
        })
        .collect();
    journal
        .update(
            planned.id,
            EntryEdit {
                sections: Some(sections),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    let entry = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                follow_up: Some("Asked; Sam said yes, and more.".into()),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    assert_eq!(
        entry.follow_up.as_ref().unwrap().planned,
        "Ask Sam for a referral."
    );
    // An empty answer removes the follow-up.
    let entry = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                follow_up: Some("  ".into()),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    assert_eq!(entry.follow_up, None);
}

#[test]
fn a_follow_up_without_a_planned_step_is_refused_and_writes_nothing() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-03-09");
    let err = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                follow_up: Some("It went well.".into()),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ValidationError::NothingPlanned(w)) if w == week),
        "{err}"
    );
    assert!(journal.reflection_for_week(week).unwrap().is_none());
}

#[test]
fn answers_to_other_angles_are_not_brought_back() {
    let mut journal = Journal::open_in_memory().unwrap();
    let last = day("2026-03-02");
    for _ in 0..40 {
        let drawn = journal.draw_week_prompts(last, true).unwrap();
        if drawn[0].prompt.angle != Some(Angle::NextStep) {
            break;
        }
        journal.another_prompt(last, Side::Developmental).unwrap();
    }
    journal
        .save_reflection(
            last,
            ReflectionUpdate {
                answers: vec![(Side::Developmental, Answer::Text("A moment.".into()))],
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    assert_eq!(journal.planned_step(last + Days::new(7)).unwrap(), None);
}
