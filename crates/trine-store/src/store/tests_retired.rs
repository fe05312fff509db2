//! Tests of retiring built-in prompts: a library upgrade that rewrites a
//! question keeps the old one for the entries that answered it and never
//! offers it again.

use chrono::Days;

use super::tests::day;
use super::*;
use crate::library::{builtin, Library};
use crate::model::Side;

/// The built-in library one version on, with `id` moved to the retired.
fn retiring(id: &str) -> Library {
    let mut library = builtin().clone();
    library.library_version += 1;
    let at = library
        .prompts
        .iter()
        .position(|p| p.id == id)
        .expect("a built-in prompt");
    let prompt = library.prompts.remove(at);
    library.retired.push(prompt);
    library
}

fn answer(journal: &mut Journal, week: chrono::NaiveDate, side: Side) -> String {
    let entry = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                answers: vec![(side, Answer::Text("Written to the old question.".into()))],
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    entry.section(side).unwrap().prompt_id.clone().unwrap()
}

#[test]
fn a_retired_prompt_keeps_its_words_for_the_entries_that_answered_it() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-03-02");
    let id = answer(&mut journal, week, Side::Emotional);
    let before = journal.prompt(&id).unwrap();

    triangle::seed_library(&mut journal.conn, &retiring(&id)).unwrap();

    // Still found, with the words the entry answered, for the entry.
    assert_eq!(journal.prompt(&id).unwrap().text, before.text);
    let shown = journal.shown_prompts(week).unwrap();
    let emotional = shown.iter().find(|(s, _)| *s == Side::Emotional).unwrap();
    assert_eq!(emotional.1.as_ref().unwrap().prompt.id, id);
    // Never listed, archived or not, and never offered again.
    assert!(journal
        .prompts(None, true)
        .unwrap()
        .iter()
        .all(|p| p.id != id));
    for i in 1..=200 {
        let later = journal
            .draw_week_prompts(week + Days::new(7 * i), true)
            .unwrap();
        assert!(later.iter().all(|p| p.prompt.id != id), "week {i}");
    }
}

#[test]
fn a_week_not_written_in_draws_again_when_its_prompt_is_retired() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-03-09");
    let drawn = journal.draw_week_prompts(week, true).unwrap();
    let id = drawn[0].prompt.id.clone();

    triangle::seed_library(&mut journal.conn, &retiring(&id)).unwrap();

    let again = journal.draw_week_prompts(week, true).unwrap();
    assert_ne!(again[0].prompt.id, id);
}

#[test]
fn a_new_journal_knows_the_retired_words_without_offering_them() {
    let library = retiring("identity-02");
    let mut journal = Journal::open_in_memory().unwrap();
    // A journal that never had the prompt (its entries come by import).
    journal
        .conn
        .execute("DELETE FROM prompts WHERE id = 'identity-02'", [])
        .unwrap();
    triangle::seed_library(&mut journal.conn, &library).unwrap();
    let retired = journal.prompt("identity-02").unwrap();
    assert_eq!(retired.text, library.retired.last().unwrap().text);
    assert!(journal
        .prompts(Some("professional_identity"), true)
        .unwrap()
        .iter()
        .all(|p| p.id != "identity-02"));
}

#[test]
fn a_built_in_prompt_the_library_no_longer_names_is_retired_too() {
    let mut journal = Journal::open_in_memory().unwrap();
    let mut library = builtin().clone();
    library.library_version += 1;
    library.prompts.retain(|p| p.id != "values-01");
    triangle::seed_library(&mut journal.conn, &library).unwrap();
    assert!(journal.prompt("values-01").is_ok());
    assert!(journal
        .prompts(None, true)
        .unwrap()
        .iter()
        .all(|p| p.id != "values-01"));
}

#[test]
fn a_retired_id_is_never_used_again() {
    let mut library = retiring("community-01");
    let mut again = library.retired.last().unwrap().clone();
    again.text = "A different question under the old id?".into();
    library.prompts.push(again);
    let err = library.check().unwrap_err();
    assert!(
        err.contains("community-01") && err.contains("never used again"),
        "{err}"
    );
}
