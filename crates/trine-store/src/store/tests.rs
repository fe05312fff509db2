//! Tests of entries in the store: creating, reading, editing, deleting and
//! listing them, resolving ids, weekly ratings and reflections, and
//! check-ins. Search is tested in `tests_search.rs`, the journal file and
//! its health in `tests_storage.rs`; the small helpers at the top are
//! shared with them.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::model::{EntryEdit, EntryKind, NewEntry, Ratings, Section, Side};
use crate::week::FirstDay;
use crate::{Error, ValidationError};

pub(crate) fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

pub(super) fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub(super) fn note_at(title: &str, body: &str, when: &str, tags: &[&str]) -> NewEntry {
    NewEntry {
        created: Some(at(when)),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..NewEntry::note(title, body)
    }
}

pub(super) fn ratings(seen: i64, known: i64, valued: i64) -> Ratings {
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
fn a_note_can_be_moved_to_another_date_and_a_reflection_cannot() {
    let mut journal = Journal::open_in_memory().unwrap();
    let note = journal
        .create(NewEntry {
            created: Some(at("2026-11-30T08:15:00+01:00")),
            tags: vec!["interview".into()],
            ..NewEntry::note("Interview prep", "Wrote it up later.")
        })
        .unwrap();
    let moved = journal
        .update(
            note.id,
            EntryEdit {
                date: Some(day("2026-06-17")),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    assert_eq!(moved.date(), day("2026-06-17"));
    assert_eq!(
        moved.created.time(),
        at("2026-11-30T08:15:00+01:00").time(),
        "the time of day is kept"
    );
    let stored = journal.get(note.id).unwrap();
    assert_eq!(stored.date(), day("2026-06-17"), "and stored");
    assert_eq!(
        stored.week_start,
        day("2026-06-15"),
        "in the week holding it"
    );
    let june = journal
        .list(&ListQuery {
            from: Some(day("2026-06-01")),
            to: Some(day("2026-06-30")),
            ..ListQuery::default()
        })
        .unwrap();
    assert_eq!(june.len(), 1, "the date filters find it on its new date");
    let weeks = journal.tags_by_week(None, None).unwrap();
    assert_eq!(
        weeks.keys().copied().collect::<Vec<_>>(),
        vec![day("2026-06-15")],
        "its tag moved to the new week too"
    );

    let refused = journal.update(
        note.id,
        EntryEdit {
            title: Some("Changed".into()),
            date: Some(day("1899-12-31")),
            ..EntryEdit::default()
        },
    );
    assert!(
        matches!(
            refused,
            Err(Error::Invalid(ValidationError::DateOutOfReach { .. }))
        ),
        "{refused:?}"
    );
    assert_eq!(
        journal.get(note.id).unwrap().title,
        "Interview prep",
        "a refused edit writes nothing"
    );

    let reflection = journal
        .create(NewEntry::reflection(day("2026-11-23")))
        .unwrap();
    let refused = journal.update(
        reflection.id,
        EntryEdit {
            date: Some(day("2026-11-02")),
            ..EntryEdit::default()
        },
    );
    assert!(
        matches!(
            refused,
            Err(Error::Invalid(ValidationError::ReflectionDate))
        ),
        "{refused:?}"
    );
}

#[test]
fn tag_counts_follow_the_bin_without_reading_the_entries() {
    let mut journal = Journal::open_in_memory().unwrap();
    let tagged = |journal: &mut Journal, title: &str, deleted: bool| {
        journal
            .create(NewEntry {
                tags: vec!["voice".into(), "team".into()],
                deleted: deleted.then(|| at("2026-11-02T10:00:00+00:00")),
                ..NewEntry::note(title, "")
            })
            .unwrap()
            .id
    };
    let a = tagged(&mut journal, "a", false);
    tagged(&mut journal, "b", false);
    tagged(&mut journal, "in the bin from the start", true);
    let counts = |journal: &Journal| journal.tags().unwrap();
    assert_eq!(
        counts(&journal),
        vec![("team".into(), 2), ("voice".into(), 2)]
    );
    journal.delete(a).unwrap();
    assert_eq!(
        counts(&journal),
        vec![("team".into(), 1), ("voice".into(), 1)]
    );
    journal
        .update(
            a,
            EntryEdit {
                tags: Some(vec!["voice".into(), "new".into()]),
                ..EntryEdit::default()
            },
        )
        .unwrap();
    assert_eq!(
        counts(&journal),
        vec![("team".into(), 1), ("voice".into(), 1)],
        "an entry in the bin keeps its tags out of the counts"
    );
    journal.undelete(a).unwrap();
    assert_eq!(
        counts(&journal),
        vec![("new".into(), 1), ("team".into(), 1), ("voice".into(), 2)]
    );
}
