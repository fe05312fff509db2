//! Tests of full-text search: ranking, prefixes and phrases, accents,
//! safe snippets, queries that are not valid FTS syntax, filters, and the
//! health check that notices an index out of step with the entries.

use super::tests::{at, day, note_at};
use super::*;
use crate::model::{EntryEdit, EntryKind, NewEntry, Section, Side};

#[test]
fn search_ranks_titles_first_and_supports_prefixes_and_phrases() {
    let mut journal = Journal::open_in_memory().unwrap();
    let body_only = journal
        .create(note_at(
            "Tuesday",
            "The promotion talk went well, promotion maybe soon.",
            "2026-01-05T09:00:00+00:00",
            &[],
        ))
        .unwrap();
    let in_title = journal
        .create(note_at(
            "Promotion",
            "We talked about it.",
            "2026-01-06T09:00:00+00:00",
            &[],
        ))
        .unwrap();
    journal
        .create(note_at(
            "Other",
            "Nothing to see.",
            "2026-01-07T09:00:00+00:00",
            &["promotions"],
        ))
        .unwrap();
    let hits = journal.search("promotion", 10).unwrap();
    assert_eq!(hits.len(), 2, "whole-word search");
    assert_eq!(hits[0].entry.id, in_title.id, "a title match ranks first");
    assert_eq!(hits[1].entry.id, body_only.id);
    assert_eq!(
        journal.search("promo*", 10).unwrap().len(),
        3,
        "prefix terms reach tags too"
    );
    assert_eq!(
        journal.search("\"talk went\"", 10).unwrap().len(),
        1,
        "quoted phrase"
    );
    assert_eq!(
        journal.search("\"went talk\"", 10).unwrap().len(),
        0,
        "phrase order matters"
    );
    assert_eq!(journal.search("promotion", 1).unwrap().len(), 1, "limit");
    assert!(
        hits[1].snippet_html.contains("<mark>promotion</mark>"),
        "{}",
        hits[1].snippet_html
    );
}

#[test]
fn search_matches_without_accents_and_case() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(NewEntry::note("Réunion", "Café with my MENTOR"))
        .unwrap();
    assert_eq!(journal.search("reunion", 10).unwrap().len(), 1);
    assert_eq!(journal.search("cafe mentor", 10).unwrap().len(), 1);
}

#[test]
fn search_snippets_are_safe_html() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(NewEntry::note(
            "x",
            "<img src=x onerror=alert(1)> my boss said <b>thanks</b>",
        ))
        .unwrap();
    let hits = journal.search("boss", 10).unwrap();
    let html = &hits[0].snippet_html;
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    assert!(html.contains("<mark>boss</mark>"), "{html}");
    assert!(
        hits[0].snippet_text.contains("<img src=x"),
        "plain text keeps the words as typed"
    );
}

#[test]
fn invalid_fts_syntax_never_errors() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(NewEntry::note("and then", "\"quoted\" words and more"))
        .unwrap();
    for query in [
        "\"unbalanced",
        "AND",
        "OR",
        "NOT",
        "*",
        "(",
        "a:b",
        "NEAR(",
        "^",
        "-",
        "\"\"",
        "title:x",
        "\u{E000}",
    ] {
        let result = journal.search(query, 10);
        assert!(result.is_ok(), "query {query:?} failed: {:?}", result.err());
    }
    assert_eq!(
        journal.search("AND", 10).unwrap().len(),
        1,
        "a lone AND searches the word"
    );
    assert_eq!(
        journal.search("\"quoted", 10).unwrap().len(),
        1,
        "an unbalanced quote searches the words"
    );
    assert!(journal.search("*", 10).unwrap().is_empty());
}

#[test]
fn control_characters_in_a_query_are_spaces() {
    // Found by fuzzing (fuzz/fuzz_targets/search_query.rs): a NUL inside a
    // quoted phrase used to reach SQLite and fail.
    let mut journal = Journal::open_in_memory().unwrap();
    journal.create(NewEntry::note("n", "phrase here")).unwrap();
    for query in [
        "\"unbao* \"phrase her\0\0\0\0\0\0\0\te\"",
        "a\0",
        "\"x\0y\"",
        "\u{7}\u{1b}[0m",
    ] {
        assert!(journal.search(query, 10).is_ok(), "{query:?}");
    }
    assert_eq!(
        journal.search("phrase\0here", 10).unwrap().len(),
        1,
        "a NUL between words separates them"
    );
}

#[test]
fn search_can_be_limited_by_side_kind_tag_and_dates() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(NewEntry {
            kind: Some(EntryKind::Reflection),
            sections: vec![Section {
                side: Side::Emotional,
                prompt_id: None,
                text: "demo went well".into(),
            }],
            created: Some(at("2026-03-10T09:00:00+00:00")),
            ..NewEntry::default()
        })
        .unwrap();
    journal
        .create(note_at(
            "Demo prep",
            "the demo slides",
            "2026-01-10T09:00:00+00:00",
            &["work"],
        ))
        .unwrap();
    let find = |filter: ListQuery| journal.search_filtered("demo", 10, &filter).unwrap().len();
    assert_eq!(find(ListQuery::default()), 2);
    assert_eq!(
        find(ListQuery {
            side: Some(Side::Emotional),
            ..ListQuery::default()
        }),
        1
    );
    assert_eq!(
        find(ListQuery {
            side: Some(Side::Integration),
            ..ListQuery::default()
        }),
        0
    );
    assert_eq!(
        find(ListQuery {
            kind: Some(EntryKind::Note),
            ..ListQuery::default()
        }),
        1
    );
    assert_eq!(
        find(ListQuery {
            tag: Some("work".into()),
            ..ListQuery::default()
        }),
        1
    );
    assert_eq!(
        find(ListQuery {
            from: Some(day("2026-02-01")),
            ..ListQuery::default()
        }),
        1
    );
    assert_eq!(
        find(ListQuery {
            to: Some(day("2026-02-01")),
            kind: Some(EntryKind::Reflection),
            ..ListQuery::default()
        }),
        0
    );
}

#[test]
fn health_notices_a_search_index_out_of_step() {
    let mut journal = Journal::open_in_memory().unwrap();
    let entry = journal.create(NewEntry::note("kept", "in step")).unwrap();
    assert!(journal.health().unwrap().search_index_ok);
    journal
        .conn
        .execute_batch("DROP TRIGGER entries_text_update")
        .unwrap();
    journal
        .update(
            entry.id,
            EntryEdit {
                body: Some("changed behind the index".into()),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    assert!(
        !journal.health().unwrap().search_index_ok,
        "the check compares the index with the entries"
    );
}

#[test]
fn repeated_words_are_searched_once_and_a_search_too_long_is_refused() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(NewEntry::note("apples", "an apple a day"))
        .unwrap();
    assert_eq!(
        SearchQuery::parse("apple apple \"a day\" apple \"a day\"").fts_expression(),
        r#""apple" AND "a day""#
    );
    assert_eq!(
        SearchQuery::parse("apple OR apple").fts_expression(),
        r#""apple" OR "apple""#,
        "with OR, terms are left as written"
    );
    let many_times = "apple ".repeat(150);
    assert_eq!(journal.search(&many_times, 10).unwrap().len(), 1);

    let long = "a".repeat(1001);
    let words: String = (0..65).map(|i| format!("w{i} ")).collect();
    for query in [long.as_str(), words.as_str()] {
        let err = journal.search(query, 10).unwrap_err();
        assert_eq!(err.code(), "invalid", "{err}");
        assert!(err.to_string().contains("the search is too long"), "{err}");
    }
}

#[test]
fn a_filtered_search_joins_the_filter_instead_of_matching_once_per_entry() {
    // The plan SQLite chooses: the full-text match runs once, and no
    // subquery of entries is handed to it as a list of rowids.
    let mut journal = Journal::open_in_memory().unwrap();
    for i in 0..50 {
        journal
            .create(NewEntry::note(format!("n{i}"), "apple"))
            .unwrap();
    }
    let filter = ListQuery {
        kind: Some(crate::model::EntryKind::Note),
        ..ListQuery::default()
    };
    let hits = journal.search_filtered("apple", 10, &filter).unwrap();
    assert_eq!(hits.len(), 10);
    let plan = journal.last_search_plan_for_tests("apple", &filter);
    assert!(!plan.contains("LIST SUBQUERY"), "{plan}");
}

/// Making the search index again also lets go of an import's hold on the
/// indexing trigger, were one ever left (by hand, or a tool): entries
/// written after are found.
#[test]
fn a_rebuilt_search_index_indexes_what_comes_after() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(NewEntry::note("alpha", "alpha words"))
        .unwrap();
    journal
        .conn
        .execute("INSERT INTO deferred_index (only) VALUES (1)", [])
        .unwrap();
    journal
        .create(NewEntry::note("gamma", "gammaword"))
        .unwrap();
    journal.rebuild_search_index().unwrap();
    journal
        .create(NewEntry::note("delta", "deltaword"))
        .unwrap();
    assert_eq!(journal.search("deltaword", 10).unwrap().len(), 1);
    assert_eq!(journal.search("gammaword", 10).unwrap().len(), 1);
    assert!(journal.health().unwrap().is_ok());
}

/// A search index whose record of its own format the disk changed is made
/// again too (a plain rebuild refuses to start on it), and is whole after.
#[test]
fn a_search_index_with_a_damaged_format_record_is_made_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(super::JOURNAL_FILE);
    let mut journal = Journal::open(&path).unwrap();
    journal
        .create(NewEntry::note("kept", "wolframite"))
        .unwrap();
    drop(journal);
    let raw = Connection::open(&path).unwrap();
    raw.execute(
        "UPDATE entry_text_config SET v = 99 WHERE k = 'version'",
        [],
    )
    .unwrap();
    drop(raw);
    let mut journal = Journal::open(&path).unwrap();
    assert!(
        journal.search("wolframite", 10).is_err(),
        "the damage shows"
    );
    journal.rebuild_search_index().unwrap();
    assert_eq!(journal.search("wolframite", 10).unwrap().len(), 1);
    assert!(journal.health().unwrap().is_ok());
}
