//! Tests of the store against in-memory and on-disk journals.

use chrono::{DateTime, FixedOffset, NaiveDate};
use tempfile::TempDir;

use super::*;
use crate::model::{EntryEdit, EntryKind, NewEntry, Ratings, Section, Side};
use crate::week::FirstDay;
use crate::{Error, ValidationError};

pub(crate) fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn note_at(title: &str, body: &str, when: &str, tags: &[&str]) -> NewEntry {
    NewEntry {
        created: Some(at(when)),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..NewEntry::note(title, body)
    }
}

fn ratings(seen: i64, known: i64, valued: i64) -> Ratings {
    Ratings::checked(Some(seen), Some(known), Some(valued)).unwrap()
}

#[test]
fn a_created_entry_reads_back_exactly() {
    let mut journal = Journal::open_in_memory().unwrap();
    let created = journal
        .create(NewEntry {
            kind: Some(EntryKind::Reflection),
            title: "Week of the launch".into(),
            body: "A short note.".into(),
            sections: vec![
                Section {
                    side: Side::Integration,
                    prompt_id: Some("voice-03".into()),
                    text: "I asked for the review.".into(),
                },
                Section {
                    side: Side::Developmental,
                    prompt_id: None,
                    text: "Waited a day before replying.".into(),
                },
            ],
            tags: vec!["Launch".into(), "#team".into()],
            private: true,
            ratings: ratings(7, 5, 6),
            created: Some(at("2026-11-24T21:15:30.123456789+01:00")),
            ..NewEntry::default()
        })
        .unwrap();
    let read = journal.get(created.id).unwrap();
    assert_eq!(read, created, "what is read is what create returned");
    assert_eq!(read.tags, vec!["launch", "team"]);
    assert_eq!(
        read.sections[0].side,
        Side::Developmental,
        "sections come back in side order"
    );
    assert_eq!(
        read.created.to_rfc3339(),
        "2026-11-24T21:15:30.123456+01:00",
        "local offset kept"
    );
    assert_eq!(read.week_start, day("2026-11-23"));
    assert_eq!(read.date(), day("2026-11-24"));
    assert_eq!(read.updated, read.created);
}

#[test]
fn the_week_of_a_note_follows_the_first_day_setting_when_written() {
    let mut journal = Journal::open_in_memory().unwrap();
    let monday_week = journal
        .create(note_at("a", "", "2026-11-24T10:00:00+00:00", &[]))
        .unwrap();
    journal
        .set_first_day("sunday".parse::<FirstDay>().unwrap())
        .unwrap();
    let sunday_week = journal
        .create(note_at("b", "", "2026-11-24T10:00:00+00:00", &[]))
        .unwrap();
    assert_eq!(monday_week.week_start, day("2026-11-23"));
    assert_eq!(sunday_week.week_start, day("2026-11-22"));
    assert_eq!(
        journal.get(monday_week.id).unwrap().week_start,
        day("2026-11-23"),
        "changing the setting moves no saved entry"
    );
    assert_eq!(journal.settings().unwrap().first_day.as_str(), "sunday");
}

#[test]
fn update_changes_only_what_is_given() {
    let mut journal = Journal::open_in_memory().unwrap();
    let entry = journal
        .create(note_at(
            "Title",
            "Body",
            "2026-01-05T09:00:00+00:00",
            &["a"],
        ))
        .unwrap();
    let edited = journal
        .update(
            entry.id,
            EntryEdit {
                body: Some("New body".into()),
                tags: Some(vec!["b".into(), "c".into()]),
                ratings: Some(ratings(3, 4, 5)),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    assert_eq!(edited.title, "Title");
    assert_eq!(edited.body, "New body");
    assert_eq!(edited.tags, vec!["b", "c"]);
    assert!(edited.updated > entry.updated);
    assert_eq!(journal.get(entry.id).unwrap(), edited);
    assert_eq!(
        journal.tags().unwrap(),
        vec![("b".to_string(), 1), ("c".to_string(), 1)]
    );
    assert!(
        journal.search("new", 10).unwrap().len() == 1,
        "the index follows the edit"
    );
    assert!(journal.search("body", 10).unwrap().len() == 1);
    assert!(journal.search("Title", 10).unwrap().len() == 1);
    assert!(matches!(
        journal.update(uuid::Uuid::new_v4(), EntryEdit::default()),
        Err(Error::EntryNotFound(_))
    ));
}

#[test]
fn delete_hides_an_entry_and_undelete_brings_it_back() {
    let mut journal = Journal::open_in_memory().unwrap();
    let entry = journal
        .create(note_at(
            "Gone",
            "temporary words",
            "2026-01-05T09:00:00+00:00",
            &["x"],
        ))
        .unwrap();
    journal.delete(entry.id).unwrap();
    assert_eq!(journal.entry_count().unwrap(), 0);
    assert!(journal.list(&ListQuery::default()).unwrap().is_empty());
    assert!(
        journal.search("temporary", 10).unwrap().is_empty(),
        "deleted entries are not found"
    );
    assert!(journal.tags().unwrap().is_empty());
    assert!(
        journal.get(entry.id).unwrap().deleted.is_some(),
        "still there, in the bin"
    );
    let bin = journal
        .list(&ListQuery {
            deleted: true,
            ..ListQuery::default()
        })
        .unwrap();
    assert_eq!(bin.len(), 1);
    let back = journal.undelete(entry.id).unwrap();
    assert!(back.deleted.is_none());
    assert_eq!(journal.entry_count().unwrap(), 1);
    assert_eq!(journal.search("temporary", 10).unwrap().len(), 1);
    assert!(journal.health().unwrap().is_ok());
}

#[test]
fn list_is_newest_first_with_limit_tag_kind_and_dates() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(note_at("jan", "", "2026-01-10T09:00:00+00:00", &["work"]))
        .unwrap();
    journal
        .create(note_at("feb", "", "2026-02-10T09:00:00+00:00", &["home"]))
        .unwrap();
    journal
        .create(note_at(
            "mar",
            "",
            "2026-03-10T09:00:00+00:00",
            &["work", "home"],
        ))
        .unwrap();
    journal
        .rate_week(day("2026-03-16"), ratings(5, 5, 5), Some("rated".into()))
        .unwrap();
    let titles = |q: ListQuery| -> Vec<String> {
        journal
            .list(&q)
            .unwrap()
            .into_iter()
            .map(|e| e.title)
            .collect()
    };
    assert_eq!(titles(ListQuery::default()), vec!["", "mar", "feb", "jan"]);
    let limited = titles(ListQuery {
        limit: Some(2),
        kind: Some(EntryKind::Note),
        ..ListQuery::default()
    });
    assert_eq!(limited, vec!["mar", "feb"]);
    assert_eq!(
        titles(ListQuery {
            tag: Some("#Work".into()),
            kind: Some(EntryKind::Note),
            ..ListQuery::default()
        }),
        vec!["mar", "jan"]
    );
    assert_eq!(
        titles(ListQuery {
            from: Some(day("2026-02-01")),
            to: Some(day("2026-02-28")),
            ..ListQuery::default()
        }),
        vec!["feb"]
    );
    assert_eq!(
        titles(ListQuery {
            offset: 1,
            limit: Some(1),
            kind: Some(EntryKind::Note),
            ..ListQuery::default()
        }),
        vec!["feb"],
        "offset pages through the list"
    );
}

#[test]
fn private_entries_can_be_left_out_of_a_list() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(NewEntry {
            private: true,
            ..NewEntry::note("secret", "")
        })
        .unwrap();
    journal.create(NewEntry::note("open", "")).unwrap();
    let shared = journal
        .list(&ListQuery {
            exclude_private: true,
            ..ListQuery::default()
        })
        .unwrap();
    assert_eq!(shared.len(), 1);
    assert_eq!(shared[0].title, "open");
    assert_eq!(journal.list(&ListQuery::default()).unwrap().len(), 2);
}

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
fn weekly_ratings_are_means_per_week_with_counts_and_gaps() {
    let mut journal = Journal::open_in_memory().unwrap();
    let rated = |seen, known, valued, when: &str| NewEntry {
        ratings: Ratings::checked(seen, known, valued).unwrap(),
        created: Some(at(when)),
        ..NewEntry::note("", "")
    };
    journal
        .create(rated(
            Some(4),
            Some(6),
            Some(8),
            "2026-11-02T09:00:00+00:00",
        ))
        .unwrap();
    journal
        .create(rated(Some(7), Some(6), None, "2026-11-04T09:00:00+00:00"))
        .unwrap();
    journal.create(NewEntry::note("unrated", "")).unwrap();
    // No ratings in the week of 9 November: a gap.
    journal
        .create(rated(
            Some(10),
            Some(1),
            Some(2),
            "2026-11-17T09:00:00+00:00",
        ))
        .unwrap();
    let series = journal.weekly_ratings(None, None).unwrap();
    assert_eq!(series.len(), 2, "only rated weeks appear");
    assert_eq!(series[0].week_start, day("2026-11-02"));
    assert_eq!(series[0].seen.unwrap().mean, 5.5);
    assert_eq!(series[0].seen.unwrap().count, 2);
    assert_eq!(series[0].valued.unwrap().mean, 8.0);
    assert_eq!(series[0].valued.unwrap().count, 1);
    assert_eq!(series[0].rated_entries, 2);
    assert_eq!(series[1].week_start, day("2026-11-16"));
    assert_eq!(series[1].known.unwrap().mean, 1.0);
    let later = journal
        .weekly_ratings(Some(day("2026-11-10")), None)
        .unwrap();
    assert_eq!(later.len(), 1);
}

#[test]
fn rate_week_creates_or_updates_the_one_reflection() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-11-23");
    let first = journal.rate_week(week, ratings(3, 4, 5), None).unwrap();
    assert_eq!(first.kind, EntryKind::Reflection);
    let second = journal
        .rate_week(week, ratings(6, 7, 8), Some("better".into()))
        .unwrap();
    assert_eq!(first.id, second.id, "one reflection per week");
    assert_eq!(journal.entry_count().unwrap(), 1);
    let stored = journal.reflection_for_week(week).unwrap().unwrap();
    assert_eq!(stored.ratings, ratings(6, 7, 8));
    assert_eq!(stored.body, "better");
    let err = journal.create(NewEntry::reflection(week)).unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ValidationError::ReflectionExists(_))),
        "{err}"
    );
}

#[test]
fn checkins_are_recorded_and_scores_checked() {
    let mut journal = Journal::open_in_memory().unwrap();
    let scores = |v: i64| {
        [("voice".to_string(), v), ("self_confidence".to_string(), 2)]
            .into_iter()
            .collect()
    };
    journal
        .record_checkin(NewCheckIn {
            scores: scores(4),
            taken: Some(at("2026-11-01T10:00:00+00:00")),
            ..NewCheckIn::default()
        })
        .unwrap();
    let latest = journal
        .record_checkin(NewCheckIn {
            scores: scores(1),
            ..NewCheckIn::default()
        })
        .unwrap();
    let all = journal.checkins().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0], latest, "newest first");
    assert_eq!(all[1].scores["voice"], 4);
    let err = journal
        .record_checkin(NewCheckIn {
            scores: scores(6),
            ..NewCheckIn::default()
        })
        .unwrap_err();
    assert!(err.to_string().contains("voice"), "{err}");
    assert_eq!(
        journal.checkins().unwrap().len(),
        2,
        "a refused check-in writes nothing"
    );
}

#[test]
fn settings_are_kept_in_the_journal() {
    let dir = TempDir::new().unwrap();
    {
        let mut journal = Journal::open_in(dir.path()).unwrap();
        journal.set_setting("theme", "dark").unwrap();
        journal.set_setting("theme", "light").unwrap();
    }
    let journal = Journal::open_in(dir.path()).unwrap();
    assert_eq!(journal.setting("theme").unwrap().as_deref(), Some("light"));
    assert_eq!(journal.setting("missing").unwrap(), None);
}

#[test]
fn a_file_journal_uses_wal_full_sync_foreign_keys_and_secure_delete() {
    let dir = TempDir::new().unwrap();
    let journal = Journal::open_in(dir.path()).unwrap();
    let pragma = |name: &str| -> String {
        journal
            .conn
            .query_row(&format!("PRAGMA {name}"), [], |r| {
                r.get::<_, rusqlite::types::Value>(0)
            })
            .map(|v| match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .unwrap()
    };
    assert_eq!(pragma("journal_mode"), "wal");
    assert_eq!(pragma("synchronous"), "2", "FULL");
    assert_eq!(pragma("foreign_keys"), "1");
    assert_eq!(pragma("secure_delete"), "1");
    assert_eq!(journal.schema_version().unwrap(), CURRENT_VERSION);
    let cipher: String = journal
        .conn
        .query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .unwrap();
    assert!(!cipher.is_empty(), "the SQLCipher build is linked");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(JOURNAL_FILE);
    let junk = b"These are my notes, not a database. ".repeat(200);
    std::fs::write(&path, &junk).unwrap();
    let err = Journal::open(&path).unwrap_err();
    assert_eq!(err.code(), "not_a_database", "{err}");
    assert!(
        err.to_string().contains("journal.db"),
        "names the file: {err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        junk,
        "the file is left as it was"
    );
}

#[test]
fn a_journal_from_a_newer_trine_is_refused_and_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(JOURNAL_FILE);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Journal::open(&path).unwrap_err();
    assert_eq!(err.code(), "newer_schema");
    assert!(err.to_string().contains("newer Trine"), "{err}");
    assert!(err.to_string().contains("99"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "not touched");
}

#[test]
fn health_reports_counts_and_a_sound_index() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(note_at(
            "a",
            "one",
            "2026-01-05T09:00:00+00:00",
            &["t1", "t2"],
        ))
        .unwrap();
    let b = journal
        .create(NewEntry {
            private: true,
            ..NewEntry::note("b", "two")
        })
        .unwrap();
    journal
        .rate_week(day("2026-11-23"), ratings(1, 2, 3), None)
        .unwrap();
    journal.delete(b.id).unwrap();
    let health = journal.health().unwrap();
    assert!(health.is_ok(), "{health:?}");
    assert_eq!(health.entries, 2);
    assert_eq!(health.deleted, 1);
    assert_eq!(health.reflections, 1);
    assert_eq!(health.private, 0);
    assert_eq!(health.tags, 2);
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
fn ids_resolve_from_a_unique_prefix() {
    let mut journal = Journal::open_in_memory().unwrap();
    let a = journal
        .create(NewEntry {
            id: Some("abcd1111-0000-4000-8000-000000000000".parse().unwrap()),
            ..NewEntry::note("a", "")
        })
        .unwrap();
    journal
        .create(NewEntry {
            id: Some("abcd2222-0000-4000-8000-000000000000".parse().unwrap()),
            ..NewEntry::note("b", "")
        })
        .unwrap();
    assert_eq!(journal.resolve_id("abcd1").unwrap(), a.id);
    assert_eq!(journal.resolve_id(&a.id.to_string()).unwrap(), a.id);
    assert!(matches!(
        journal.resolve_id("abcd"),
        Err(Error::AmbiguousId(_))
    ));
    assert!(matches!(
        journal.resolve_id("ffff"),
        Err(Error::NoSuchId(_))
    ));
    assert!(
        matches!(journal.resolve_id("ab"), Err(Error::NoSuchId(_))),
        "too short to be safe"
    );
    assert!(matches!(
        journal.resolve_id("zzzzz"),
        Err(Error::NoSuchId(_))
    ));
}

#[test]
fn keyset_pages_walk_the_whole_list_in_order() {
    let mut journal = Journal::open_in_memory().unwrap();
    for i in 0..25 {
        // Some share a time, so the order must break ties the same way.
        let when = format!("2026-01-{:02}T09:00:00+00:00", 1 + i / 2);
        journal
            .create(note_at(&format!("n{i}"), "", &when, &[]))
            .unwrap();
    }
    let all = journal.list(&ListQuery::default()).unwrap();
    let mut paged = Vec::new();
    let mut after = None;
    loop {
        let page = journal
            .list(&ListQuery {
                limit: Some(10),
                after,
                ..ListQuery::default()
            })
            .unwrap();
        if page.is_empty() {
            break;
        }
        after = page.last().map(|e| e.id);
        paged.extend(page);
    }
    assert_eq!(
        paged, all,
        "pages join up to the full list, nothing repeated or lost"
    );
}

#[test]
fn lists_can_be_filtered_by_side() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .create(NewEntry {
            sections: vec![Section {
                side: Side::Emotional,
                prompt_id: None,
                text: "x".into(),
            }],
            ..NewEntry::note("with emotional", "")
        })
        .unwrap();
    journal.create(NewEntry::note("plain", "")).unwrap();
    let emotional = journal
        .list(&ListQuery {
            side: Some(Side::Emotional),
            ..ListQuery::default()
        })
        .unwrap();
    assert_eq!(emotional.len(), 1);
    assert_eq!(emotional[0].title, "with emotional");
    assert!(journal
        .list(&ListQuery {
            side: Some(Side::Integration),
            ..ListQuery::default()
        })
        .unwrap()
        .is_empty());
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
