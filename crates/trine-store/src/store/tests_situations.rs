//! Tests of the person's situation and its history.

use super::tests::day;
use super::*;
use crate::model::Situation;

#[test]
fn a_situation_is_kept_with_the_day_it_began_and_its_history() {
    let mut journal = Journal::open_in_memory().unwrap();
    assert_eq!(journal.situation().unwrap(), None, "not said yet");
    journal
        .set_situation(Situation::Working, day("2025-01-06"))
        .unwrap();
    journal
        .set_situation(Situation::Looking, day("2026-03-02"))
        .unwrap();
    let now = journal.situation().unwrap().unwrap();
    assert_eq!(
        (now.situation, now.since),
        (Situation::Looking, day("2026-03-02"))
    );
    // The one in force on a day is the latest change on or before it.
    assert_eq!(journal.situation_on(day("2024-12-31")).unwrap(), None);
    let then = journal.situation_on(day("2026-03-01")).unwrap().unwrap();
    assert_eq!(then.situation, Situation::Working);
    let history: Vec<_> = journal
        .situation_history()
        .unwrap()
        .into_iter()
        .map(|s| (s.situation, s.since))
        .collect();
    assert_eq!(
        history,
        vec![
            (Situation::Working, day("2025-01-06")),
            (Situation::Looking, day("2026-03-02")),
        ]
    );
}

#[test]
fn saying_the_same_situation_again_adds_nothing_and_a_second_change_that_day_replaces_the_first() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .set_situation(Situation::Between, day("2026-01-05"))
        .unwrap();
    journal
        .set_situation(Situation::Between, day("2026-02-09"))
        .unwrap();
    assert_eq!(
        journal.situation_history().unwrap().len(),
        1,
        "no change, no row"
    );
    journal
        .set_situation(Situation::NewRole, day("2026-04-01"))
        .unwrap();
    journal
        .set_situation(Situation::Freelance, day("2026-04-01"))
        .unwrap();
    let history = journal.situation_history().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].situation, Situation::Freelance);
    // Going back that same day to the situation before removes the change.
    journal
        .set_situation(Situation::Between, day("2026-04-01"))
        .unwrap();
    assert_eq!(journal.situation_history().unwrap().len(), 1);
}

#[test]
fn situations_are_read_from_their_keys_and_a_wrong_one_is_named() {
    for situation in Situation::ALL {
        assert_eq!(situation.as_str().parse::<Situation>().unwrap(), situation);
    }
    assert_eq!(
        " New_Role ".parse::<Situation>().unwrap(),
        Situation::NewRole
    );
    let err = "retired".parse::<Situation>().unwrap_err().to_string();
    assert!(
        err.contains("\"retired\"") && err.contains("changing-fields"),
        "{err}"
    );
    assert!(Situation::Working.has_workplace() && Situation::NewRole.has_workplace());
    assert!(!Situation::Looking.has_workplace() && !Situation::Freelance.has_workplace());
}
