//! The words a report's themes are drawn from: kept counts for whole weeks,
//! counted from the entries otherwise, and the same either way.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::export::{chosen_week_terms, ExportReports};
use crate::tests_export::sharing_journal;
use trine_interchange::{ExportSelection, Selections};
use trine_store::model::{EntryEdit, EntryKind, Side};
use trine_store::{Entry, Journal};

/// Each week's terms counted from `entries` themselves.
fn counted_directly(entries: &[Entry]) -> BTreeMap<NaiveDate, BTreeMap<String, u32>> {
    let mut weeks: BTreeMap<NaiveDate, BTreeMap<String, u32>> = BTreeMap::new();
    for entry in entries {
        trine_store::terms::add_terms(entry, weeks.entry(entry.week_start).or_default());
    }
    weeks
}

fn assert_same_words(journal: &Journal, selection: &ExportSelection) {
    let (entries, _) = journal.select(selection).unwrap();
    assert!(!entries.is_empty(), "{selection:?}");
    assert_eq!(
        chosen_week_terms(journal, selection, &entries).unwrap(),
        counted_directly(&entries),
        "{selection:?}"
    );
}

#[test]
fn a_reports_words_are_the_chosen_entries_whether_kept_or_counted() {
    let mut journal = sharing_journal();
    journal.week_terms(None, None).unwrap();
    let kept = journal.counted_week_terms(None, None).unwrap();
    assert!(
        kept.values().all(|w| w.entries > 0 && !w.terms.is_empty()),
        "every week with entries is kept: {kept:?}"
    );
    let everything = ExportSelection {
        include_private: true,
        ..ExportSelection::default()
    };
    let reflection = journal
        .select(&everything)
        .unwrap()
        .0
        .into_iter()
        .find(|e| e.kind == EntryKind::Reflection)
        .unwrap();
    // Whole weeks (kept counts), a week without its private entry, a
    // reflection without a side, and entries chosen by tag.
    for selection in [
        everything.clone(),
        ExportSelection::default(),
        ExportSelection {
            without_sections: vec![(reflection.id, Side::Emotional)],
            ..everything.clone()
        },
        ExportSelection {
            tags: vec!["coach".into()],
            ..everything.clone()
        },
    ] {
        assert_same_words(&journal, &selection);
    }
    // A week changed since it was counted is counted from its entries.
    journal
        .update(
            reflection.id,
            EntryEdit {
                body: Some("Lunch with Sam about the lead role.".into()),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    assert!(!journal
        .counted_week_terms(None, None)
        .unwrap()
        .contains_key(&reflection.week_start));
    let (entries, _) = journal.select(&everything).unwrap();
    let words = chosen_week_terms(&journal, &everything, &entries).unwrap();
    assert_eq!(words[&reflection.week_start].get("lunch"), Some(&1));
    assert_same_words(&journal, &everything);
}

#[test]
fn the_preview_comes_when_the_journal_cannot_be_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open_in(dir.path()).unwrap();
    let at = |s: &str| Some(chrono::DateTime::parse_from_rfc3339(s).unwrap());
    for (day, words) in [
        ("2026-03-03T10:00:00+00:00", "Coffee with my mentor."),
        ("2026-03-10T10:00:00+00:00", "The mentor said wait."),
    ] {
        journal
            .create(trine_store::NewEntry {
                ratings: trine_store::model::Ratings::checked(Some(5), Some(5), Some(5)).unwrap(),
                created: at(day),
                ..trine_store::NewEntry::note("Week", words)
            })
            .unwrap();
    }
    // Another connection holds the journal for writing, as another Trine
    // in the middle of a long import would: counting the weeks cannot be
    // written, so the report counts the chosen words itself.
    let other = rusqlite::Connection::open(journal.path().unwrap()).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let drawn = journal
        .preview_report_pages(&ExportSelection::default(), 2)
        .expect("the preview comes without writing");
    assert_eq!(drawn.pages.len(), 2);
    other.execute_batch("ROLLBACK").unwrap();
    // The weeks were left to count: the words come from the entries.
    assert!(journal.counted_week_terms(None, None).unwrap().is_empty());
    let (entries, _) = journal.select(&ExportSelection::default()).unwrap();
    assert_same_words(&journal, &ExportSelection::default());
    assert_eq!(
        counted_directly(&entries)
            .values()
            .filter_map(|w| w.get("mentor"))
            .sum::<u32>(),
        2
    );
}

#[test]
fn whole_weeks_take_the_kept_counts_and_partial_weeks_count_their_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::open_in(dir.path()).unwrap();
    let at = |s: &str| Some(chrono::DateTime::parse_from_rfc3339(s).unwrap());
    for (day, tag) in [
        ("2026-03-03T10:00:00+00:00", "mentor"),
        ("2026-03-04T10:00:00+00:00", "search"),
    ] {
        journal
            .create(trine_store::NewEntry {
                tags: vec![tag.into()],
                created: at(day),
                ..trine_store::NewEntry::note("Week", "Coffee with my mentor.")
            })
            .unwrap();
    }
    journal.week_terms(None, None).unwrap();
    // The kept counts are marked, to see where the words come from.
    let raw = rusqlite::Connection::open(journal.path().unwrap()).unwrap();
    raw.execute("UPDATE week_terms SET terms = 'marked\t9\n'", [])
        .unwrap();
    drop(raw);
    let words = |selection: &ExportSelection| {
        let (entries, _) = journal.select(selection).unwrap();
        let weeks = chosen_week_terms(&journal, selection, &entries).unwrap();
        assert_eq!(weeks.len(), 1);
        weeks.into_values().next().unwrap()
    };
    let whole = words(&ExportSelection::default());
    assert_eq!(whole.get("marked"), Some(&9), "a whole week: {whole:?}");
    let part = words(&ExportSelection {
        tags: vec!["mentor".into()],
        ..ExportSelection::default()
    });
    assert_eq!(part.get("marked"), None, "{part:?}");
    assert_eq!(part.get("mentor"), Some(&1), "counted from the entry");
}
