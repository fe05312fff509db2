//! Tests of import: JSON Lines, Trine JSON and Markdown notes from other
//! tools, duplicates and changed entries, errors that name the file, line
//! and field (and import nothing), and progress. Exports, and the round
//! trips through them, are tested in `tests_export.rs`.

use std::path::{Path, PathBuf};

use chrono::FixedOffset;
use tempfile::TempDir;

use super::*;
use trine_store::model::Ratings;
use trine_store::store::{Journal, ListQuery};
use trine_store::Error;

pub(super) fn utc() -> trine_store::time::OffsetAt<'static> {
    &|_| FixedOffset::east_opt(0).unwrap()
}

fn write(dir: &TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn import_jsonl(journal: &mut Journal, path: &Path) -> trine_store::Result<ImportSummary> {
    let set = read_jsonl(path, utc())?;
    journal.import(set)
}

const SAMPLE: &str = r#"{"id": "a1", "date": "2026-01-05", "title": "Monday", "body": "Felt seen in standup.", "tags": ["work"], "ratings": {"seen": 7, "known": 6, "valued": 5}}
{"id": "a2", "datetime": "2026-01-06T22:30:00-05:00", "title": "Late", "body": "Evening thoughts", "tags": []}

{"datetime": "2026-01-07T08:00:00+01:00", "title": "No id", "body": "x"}
"#;

#[test]
fn jsonl_import_reads_every_field() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "in.jsonl", SAMPLE);
    let mut journal = Journal::open_in_memory().unwrap();
    let summary = import_jsonl(&mut journal, &path).unwrap();
    assert_eq!(
        (summary.read, summary.imported, summary.duplicates),
        (3, 3, 0)
    );
    let entries = journal.list(&ListQuery::default()).unwrap();
    let monday = entries.iter().find(|e| e.title == "Monday").unwrap();
    assert_eq!(
        monday.source_id.as_deref(),
        Some("a1"),
        "a non-UUID id is kept as the source id"
    );
    assert_eq!(monday.tags, vec!["work"]);
    assert_eq!(
        monday.ratings,
        Ratings::checked(Some(7), Some(6), Some(5)).unwrap()
    );
    assert_eq!(
        monday.created.to_rfc3339(),
        "2026-01-05T12:00:00+00:00",
        "a bare date is noon local"
    );
    let late = entries.iter().find(|e| e.title == "Late").unwrap();
    assert_eq!(
        late.created.to_rfc3339(),
        "2026-01-06T22:30:00-05:00",
        "the time zone is kept"
    );
    assert_eq!(
        late.date().to_string(),
        "2026-01-06",
        "the date is the writer's local date"
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "in.jsonl", SAMPLE);
    let mut journal = Journal::open_in_memory().unwrap();
    import_jsonl(&mut journal, &path).unwrap();
    let again = import_jsonl(&mut journal, &path).unwrap();
    assert_eq!(
        (again.imported, again.duplicates, again.kept_beside),
        (0, 3, 0)
    );
    assert_eq!(journal.entry_count().unwrap(), 3);
}

#[test]
fn a_changed_entry_with_a_known_id_is_imported_beside_the_old_one() {
    let dir = TempDir::new().unwrap();
    let mut journal = Journal::open_in_memory().unwrap();
    import_jsonl(&mut journal, &write(&dir, "a.jsonl", SAMPLE)).unwrap();
    let changed = SAMPLE.replace(
        "Felt seen in standup.",
        "Felt seen in standup, edited later.",
    );
    let summary = import_jsonl(&mut journal, &write(&dir, "b.jsonl", &changed)).unwrap();
    assert_eq!(
        (summary.imported, summary.duplicates, summary.kept_beside),
        (1, 2, 1)
    );
    assert_eq!(summary.notes.len(), 1, "{:?}", summary.notes);
    assert!(
        summary.notes[0].contains("b.jsonl:1"),
        "{:?}",
        summary.notes
    );
    assert_eq!(
        journal.search("standup", 10).unwrap().len(),
        2,
        "neither version is lost"
    );
}

fn assert_import_fails(text: &str, expected: &[&str]) {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "bad.jsonl", text);
    let mut journal = Journal::open_in_memory().unwrap();
    let err = import_jsonl(&mut journal, &path).unwrap_err();
    let message = err.to_string();
    for part in expected {
        assert!(
            message.contains(part),
            "{message:?} should mention {part:?}"
        );
    }
    assert!(message.contains("nothing was imported"), "{message}");
    assert_eq!(journal.entry_count().unwrap(), 0, "all or nothing");
}

#[test]
fn a_malformed_line_fails_with_file_line_and_nothing_is_imported() {
    let text = format!(
        "{}{}",
        SAMPLE, "{\"date\": \"2026-01-08\", \"title\": \"broken\"\n"
    );
    assert_import_fails(
        &text,
        &["bad.jsonl:5", "the text ends before the JSON is complete"],
    );
}

#[test]
fn a_rating_out_of_range_names_line_and_field() {
    let text = SAMPLE.replace("\"seen\": 7", "\"seen\": 11");
    assert_import_fails(&text, &["bad.jsonl:1", "ratings.seen", "1 to 10", "11"]);
}

#[test]
fn a_wrong_type_names_the_field() {
    let text = SAMPLE.replace("\"tags\": []", "\"tags\": \"oops\"");
    assert_import_fails(
        &text,
        &[
            "bad.jsonl:2",
            "`tags`",
            "expected a list in [ ], found the text \"oops\"",
        ],
    );
}

#[test]
fn unknown_fields_and_missing_dates_are_refused() {
    assert_import_fails(
        "{\"date\": \"2026-01-01\", \"rating\": 5}\n",
        &[
            "bad.jsonl:1",
            "\"rating\" is not a field Trine knows; did you mean \"ratings\"?",
        ],
    );
    assert_import_fails(
        "{\"title\": \"undated\"}\n",
        &["bad.jsonl:1", "`date`", "missing"],
    );
    assert_import_fails(
        "{\"date\": \"01/02/2026\"}\n",
        &[
            "bad.jsonl:1",
            "`date`",
            "\"01/02/2026\": expected a date like 2025-03-05",
        ],
    );
}

/// JSON Lines as people's own scripts write them: numbered ids, times
/// without seconds or an offset (local time), a space for the `T`.
#[test]
fn numbered_ids_and_offsetless_times_import_exactly() {
    let dir = TempDir::new().unwrap();
    let text = "{\"id\": 1, \"datetime\": \"2025-03-05T18:30\", \"title\": \"one\"}\n\
                {\"id\": 2, \"datetime\": \"2025-03-06 09:15:02.25\", \"title\": \"two\"}\n\
                {\"id\": 3, \"datetime\": \"2025-03-07T07:00Z\", \"title\": \"three\"}\n\
                {\"id\": \"x4\", \"date\": \"2025-03-08\", \"title\": \"four\"}\n";
    let path = write(&dir, "mine.jsonl", text);
    let offset = FixedOffset::east_opt(3600).unwrap();
    let set = read_jsonl(&path, &|_| offset).unwrap();
    let got: Vec<(Option<String>, String)> = set
        .entries
        .iter()
        .map(|item| {
            (
                item.entry.source_id.clone(),
                item.entry.created.unwrap().to_rfc3339(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("1".into()), "2025-03-05T18:30:00+01:00".into()),
            (Some("2".into()), "2025-03-06T09:15:02.250+01:00".into()),
            (Some("3".into()), "2025-03-07T07:00:00+00:00".into()),
            (Some("x4".into()), "2025-03-08T12:00:00+01:00".into()),
        ],
        "ids kept as source ids; local times take this machine's offset; a date is noon"
    );
}

/// Every refusal is in Trine's words: none of the parser's own.
#[test]
fn refusals_name_the_field_and_never_use_the_parsers_words() {
    let cases: &[(&str, &str)] = &[
        ("{\"id\": 1, \"datetime\": \"05/03/2025\"}", "field `datetime`: \"05/03/2025\": expected a date and time like 2025-03-05T18:30 or 2025-03-05T18:30:00+01:00"),
        ("{\"datetime\": 20250305}", "field `datetime`: expected a date and time like"),
        ("{\"id\": 1.5, \"date\": \"2025-01-01\"}", "field `id`: 1.5 is not a whole number"),
        ("{\"date\": \"2025-01-01\", \"title\": 5}", "field `title`: expected text in double quotes, found the number 5"),
        ("{\"date\": \"2025-01-01\", \"private\": \"yes\"}", "field `private`: expected true or false, found the text \"yes\""),
        ("{\"date\": \"2025-01-01\", \"kind\": \"diary\"}", "field `kind`: \"diary\" is not one of: reflection, note"),
        ("{\"date\": \"2025-01-01\", \"ratings\": {\"sene\": 1}}", "did you mean \"seen\"?"),
        ("{\"date\": \"2025-01-01\" \"title\": \"x\"}", "expected a comma or a closing brace"),
        ("{date: 1}", "a field's name must be in double quotes"),
        ("{\"date\": \"2025-01-01\", \"body\": \"a\tb\"}", "write it as \\n or \\t"),
        ("{\"date\": \"2025-01-01\"} x", "more text follows the end of the JSON"),
        ("{\"date\": \"2025-01-01\", \"tags\": [1]}", "field `tags[0]`: expected text in double quotes, found the number 1"),
        ("[1, 2]", "each line must hold one entry as an object in { }"),
    ];
    let parser_words = [
        "invalid type",
        "EOF",
        "expected value",
        "struct",
        "variant",
        "i64",
        "u32",
        "premature",
        "sequence",
        "map",
        "key must",
        "trailing characters",
        "`?`",
    ];
    for (line, says) in cases {
        let dir = TempDir::new().unwrap();
        let path = write(&dir, "bad.jsonl", &format!("{line}\n"));
        let message = read_jsonl(&path, &|_| FixedOffset::east_opt(0).unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            message.contains(says),
            "{line}: {message:?} should say {says:?}"
        );
        assert!(message.contains("bad.jsonl:1"), "{message}");
        for word in parser_words {
            assert!(
                !message.contains(word),
                "{line}: {message:?} uses the parser's {word:?}"
            );
        }
    }
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_fine() {
    let dir = TempDir::new().unwrap();
    let text = format!("\u{feff}{}", SAMPLE.replace('\n', "\r\n"));
    let path = write(&dir, "win.jsonl", &text);
    let mut journal = Journal::open_in_memory().unwrap();
    assert_eq!(import_jsonl(&mut journal, &path).unwrap().imported, 3);
}

#[test]
fn json_from_a_newer_trine_or_another_program_is_refused() {
    let dir = TempDir::new().unwrap();
    let newer = write(
        &dir,
        "newer.json",
        r#"{"format": "trine-journal", "version": 99, "entries": []}"#,
    );
    let err = read_json(&newer, utc()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Import(ImportError::NewerFormat { found: 99, .. })
        ),
        "{err}"
    );
    let other = write(&dir, "other.json", r#"{"format": "diary", "version": 1}"#);
    let err = read_json(&other, utc()).unwrap_err();
    assert!(err.to_string().contains("`format`"), "{err}");
    let bad = write(
        &dir,
        "bad.json",
        "{\"format\": \"trine-journal\", \"version\": 1,\n \"entries\": [\n {\"date\": \"2026-01-01\"},\n {\"date\": \"2026-01-02\", \"ratings\": {\"valued\": 0}}\n]}",
    );
    let err = read_json(&bad, utc()).unwrap_err().to_string();
    assert!(
        err.contains("bad.json (entry 2)") && err.contains("ratings.valued"),
        "{err}"
    );
}

#[test]
fn markdown_notes_from_other_tools_are_read_leniently_but_bad_values_are_named() {
    let dir = TempDir::new().unwrap();
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(notes.join("sub")).unwrap();
    std::fs::write(
        notes.join("Plain note.md"),
        "No front matter here.\n\nseen: 6",
    )
    .unwrap();
    std::fs::write(
        notes.join("sub/obsidian.md"),
        "---\ntags: career, growth\naliases: [x]\ncreated: 2026-02-03 10:15\n---\nBody.\n",
    )
    .unwrap();
    let set = read_markdown_folder(&notes, utc()).unwrap();
    assert_eq!(set.entries.len(), 2);
    let plain = &set.entries[0].entry;
    assert_eq!(plain.title, "Plain note", "the file name is the title");
    assert_eq!(
        plain.ratings.seen.unwrap().get(),
        6,
        "ratings written in the text"
    );
    let obsidian = &set.entries[1].entry;
    assert_eq!(obsidian.tags, vec!["career", "growth"]);
    assert_eq!(
        obsidian.created.unwrap().to_rfc3339(),
        "2026-02-03T10:15:00+00:00"
    );
    std::fs::write(
        notes.join("zz-bad.md"),
        "---\ntitle: x\ncreated: someday\n---\n",
    )
    .unwrap();
    let err = read_markdown_folder(&notes, utc()).unwrap_err().to_string();
    assert!(
        err.contains("zz-bad.md") && err.contains("`date`") && err.contains("someday"),
        "{err}"
    );
    std::fs::write(notes.join("zz-bad.md"), "---\ntitle: [unclosed\n---\n").unwrap();
    let err = read_markdown_folder(&notes, utc()).unwrap_err().to_string();
    assert!(
        err.contains("zz-bad.md:") && err.contains("front matter"),
        "{err}"
    );
}

#[test]
fn import_reports_progress_and_ends_at_the_total() {
    let dir = TempDir::new().unwrap();
    let lines: String = (0..250)
        .map(|i| format!("{{\"date\": \"2026-01-01\", \"title\": \"n{i}\"}}\n"))
        .collect();
    let path = write(&dir, "many.jsonl", &lines);
    let mut journal = Journal::open_in_memory().unwrap();
    let mut seen = Vec::new();
    journal
        .import_with_progress(read_jsonl(&path, utc()).unwrap(), &mut |done, total| {
            seen.push((done, total))
        })
        .unwrap();
    assert_eq!(seen, vec![(100, 250), (200, 250), (250, 250)]);
}

/// Entries that share the date, the first 40 characters of the title and
/// the first 8 hex digits of the id (ids made in sequence do) each get a
/// file of their own, and the folder imports back to as many entries.
#[test]
fn markdown_export_never_lets_two_entries_share_a_file() {
    let dir = TempDir::new().unwrap();
    let title = "A very long title that runs well past forty characters, then differs";
    let entries: Vec<String> = (1..=4)
        .map(|n| {
            format!(
                r#"{{"id": "00000000-0000-4000-8000-00000000000{n}", "kind": "note",
                    "datetime": "2026-11-24T18:0{n}:00+01:00", "title": "{title} {n}", "body": "b{n}"}}"#
            )
        })
        .collect();
    let file = write(
        &dir,
        "seq.json",
        &format!(
            r#"{{"format": "trine-journal", "version": 1, "entries": [{}]}}"#,
            entries.join(",")
        ),
    );
    let mut journal = Journal::open_in_memory().unwrap();
    journal.import(read_json(&file, utc()).unwrap()).unwrap();
    let all = journal.list(&ListQuery::default()).unwrap();
    assert_eq!(all.len(), 4);
    let names: std::collections::HashSet<String> = all.iter().map(markdown_file_name).collect();
    assert_eq!(names.len(), 1, "the short names do collide: {names:?}");

    let out = dir.path().join("md");
    assert_eq!(export_markdown(&all, &out).unwrap(), 4);

    let files: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 4, "{files:?}");
    assert!(files.iter().all(|f| f.is_file()), "the folder stays flat");
    let lower: std::collections::HashSet<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().to_lowercase())
        .collect();
    assert_eq!(lower.len(), 4, "unique without case too");
    let mut copy = Journal::open_in_memory().unwrap();
    let summary = copy
        .import(read_markdown_folder(&out, utc()).unwrap())
        .unwrap();
    assert_eq!(summary.imported, 4);
}

/// A Markdown export that went through Windows (CRLF line endings) imports
/// with its sections, not as one body.
#[test]
fn markdown_with_windows_line_endings_keeps_its_sections() {
    let dir = TempDir::new().unwrap();
    let mut journal = Journal::open_in_memory().unwrap();
    let mut new = trine_store::model::NewEntry::reflection(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    );
    new.sections = vec![
        trine_store::model::Section {
            side: trine_store::model::Side::Developmental,
            prompt_id: None,
            text: "Led the planning.\nTwo lines.".into(),
        },
        trine_store::model::Section {
            side: trine_store::model::Side::Emotional,
            prompt_id: None,
            text: "Felt heard.".into(),
        },
    ];
    let entry = journal.create(new).unwrap();
    let folder = dir.path().join("md");
    std::fs::create_dir_all(&folder).unwrap();
    let crlf = render_markdown(&entry).replace('\n', "\r\n");
    std::fs::write(folder.join("week.md"), crlf).unwrap();

    let set = read_markdown_folder(&folder, utc()).unwrap();
    let mut copy = Journal::open_in_memory().unwrap();
    copy.import(set).unwrap();

    let back = copy.list(&ListQuery::default()).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].sections, entry.sections);
}

/// An import indexes its entries in one go at the end; a stopped one
/// leaves the index as it was and the next entry written is indexed.
#[test]
fn an_import_indexes_its_entries_at_the_end_and_a_stopped_one_changes_nothing() {
    let dir = TempDir::new().unwrap();
    let text: String = (0..300)
        .map(|i| format!("{{\"date\": \"2025-01-{:02}\", \"title\": \"t{i}\", \"body\": \"promotion talk {i}\"}}\n", i % 28 + 1))
        .collect();
    let path = write(&dir, "many.jsonl", &text);
    let mut journal = Journal::open_in_memory().unwrap();
    import_jsonl(&mut journal, &path).unwrap();
    assert!(journal.health().unwrap().search_index_ok);
    assert_eq!(journal.search("promo*", 500).unwrap().len(), 300);

    let again: String = (0..300)
        .map(|i| {
            format!(
                "{{\"date\": \"2025-02-{:02}\", \"title\": \"u{i}\", \"body\": \"stopped {i}\"}}\n",
                i % 28 + 1
            )
        })
        .collect();
    let set = read_jsonl(&write(&dir, "stop.jsonl", &again), &|_| {
        FixedOffset::east_opt(0).unwrap()
    })
    .unwrap();
    let stop = std::sync::atomic::AtomicBool::new(true);
    let err = journal
        .import_stoppable(set, &mut |_, _| {}, &stop)
        .unwrap_err();
    assert_eq!(err.code(), "stopped");
    assert_eq!(journal.search("stopped", 10).unwrap().len(), 0);
    journal
        .create(trine_store::model::NewEntry::note(
            "after",
            "indexed by its trigger again",
        ))
        .unwrap();
    assert_eq!(journal.search("trigger", 10).unwrap().len(), 1);
    assert!(journal.health().unwrap().search_index_ok);
}

#[test]
fn the_full_backup_keeps_the_situation_history_and_says_version_2_only_then() {
    use trine_store::Situation;
    let dir = TempDir::new().unwrap();
    let mut journal = Journal::open_in_memory().unwrap();
    let plain = dir.path().join("plain.json");
    export_json(&journal, &plain).unwrap();
    let text = std::fs::read_to_string(&plain).unwrap();
    assert!(
        text.contains("\"version\": 1") && !text.contains("situations"),
        "{text}"
    );

    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    journal
        .set_situation(Situation::Working, day("2025-02-03"))
        .unwrap();
    journal
        .set_situation(Situation::Between, day("2026-06-01"))
        .unwrap();
    let full = dir.path().join("full.json");
    export_json(&journal, &full).unwrap();
    let text = std::fs::read_to_string(&full).unwrap();
    assert!(text.contains("\"version\": 2"), "{text}");

    // Taken with the settings, when asked...
    let mut set = read_json(&full, utc()).unwrap();
    set.apply_settings = true;
    let mut restored = Journal::open_in_memory().unwrap();
    let summary = restored.import(set).unwrap();
    assert!(summary
        .settings_taken
        .contains(&"situation history".to_string()));
    assert_eq!(
        restored.situation_history().unwrap(),
        journal.situation_history().unwrap()
    );
    // ... and otherwise left out, and said so.
    let mut other = Journal::open_in_memory().unwrap();
    let summary = other.import(read_json(&full, utc()).unwrap()).unwrap();
    assert!(other.situation_history().unwrap().is_empty());
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("situation history")),
        "{:?}",
        summary.notes
    );
}
