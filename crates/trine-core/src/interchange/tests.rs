//! Tests of import and export.

use std::path::{Path, PathBuf};

use chrono::FixedOffset;
use tempfile::TempDir;

use super::*;
use crate::model::{EntryKind, NewEntry, Ratings, Section, Side};
use crate::store::{Journal, ListQuery, NewCheckIn};
use crate::Error;

fn utc() -> crate::time::OffsetAt<'static> {
    &|_| FixedOffset::east_opt(0).unwrap()
}

fn write(dir: &TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn import_jsonl(journal: &mut Journal, path: &Path) -> crate::Result<ImportSummary> {
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
    assert_import_fails(&text, &["bad.jsonl:5", "EOF"]);
}

#[test]
fn a_rating_out_of_range_names_line_and_field() {
    let text = SAMPLE.replace("\"seen\": 7", "\"seen\": 11");
    assert_import_fails(&text, &["bad.jsonl:1", "ratings.seen", "1 to 10", "11"]);
}

#[test]
fn a_wrong_type_names_the_field() {
    let text = SAMPLE.replace("\"tags\": []", "\"tags\": \"oops\"");
    assert_import_fails(&text, &["bad.jsonl:2", "`tags`", "expected a sequence"]);
}

#[test]
fn unknown_fields_and_missing_dates_are_refused() {
    assert_import_fails(
        "{\"date\": \"2026-01-01\", \"rating\": 5}\n",
        &["bad.jsonl:1", "unknown field `rating`"],
    );
    assert_import_fails(
        "{\"title\": \"undated\"}\n",
        &["bad.jsonl:1", "`date`", "missing"],
    );
    assert_import_fails("{\"date\": \"01/02/2026\"}\n", &["bad.jsonl:1", "`date`"]);
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_fine() {
    let dir = TempDir::new().unwrap();
    let text = format!("\u{feff}{}", SAMPLE.replace('\n', "\r\n"));
    let path = write(&dir, "win.jsonl", &text);
    let mut journal = Journal::open_in_memory().unwrap();
    assert_eq!(import_jsonl(&mut journal, &path).unwrap().imported, 3);
}

fn rich_journal() -> Journal {
    let mut journal = Journal::open_in_memory().unwrap();
    journal.set_setting("week.first_day", "sunday").unwrap();
    journal
        .create(NewEntry {
            kind: Some(EntryKind::Reflection),
            sections: vec![Section {
                side: Side::Emotional,
                prompt_id: Some("seen-01".into()),
                text: "Named in the retro.".into(),
            }],
            ratings: Ratings::checked(Some(8), None, Some(6)).unwrap(),
            tags: vec!["retro".into()],
            created: Some(
                chrono::DateTime::parse_from_rfc3339("2026-03-29T01:30:00+02:00").unwrap(),
            ),
            ..NewEntry::default()
        })
        .unwrap();
    journal
        .create(NewEntry {
            private: true,
            ..NewEntry::note("Private", "Only for me. Ünïcödé, \"quotes\", <tags>")
        })
        .unwrap();
    let gone = journal
        .create(NewEntry::note("Deleted", "in the bin"))
        .unwrap();
    journal.delete(gone.id).unwrap();
    journal
        .record_checkin(NewCheckIn {
            scores: [("voice".to_string(), 4)].into_iter().collect(),
            note: "first".into(),
            ..NewCheckIn::default()
        })
        .unwrap();
    journal
}

fn everything(journal: &Journal) -> Vec<crate::model::Entry> {
    let mut all = journal.list(&ListQuery::default()).unwrap();
    all.extend(
        journal
            .list(&ListQuery {
                deleted: true,
                ..ListQuery::default()
            })
            .unwrap(),
    );
    all.sort_by_key(|e| e.id);
    all
}

#[test]
fn json_export_then_import_gives_back_the_same_journal() {
    let dir = TempDir::new().unwrap();
    let original = rich_journal();
    let path = dir.path().join("backup.json");
    assert_eq!(export_json(&original, &path).unwrap(), 3);
    let mut copy = Journal::open_in_memory().unwrap();
    let summary = copy.import(read_json(&path, utc()).unwrap()).unwrap();
    assert_eq!(summary.imported, 3);
    assert_eq!(summary.checkins, 1);
    assert_eq!(
        everything(&copy),
        everything(&original),
        "entries, private and deleted, unchanged"
    );
    assert_eq!(copy.checkins().unwrap(), original.checkins().unwrap());
    assert_eq!(
        copy.all_settings().unwrap(),
        original.all_settings().unwrap()
    );
    // And once more: nothing new.
    let again = copy.import(read_json(&path, utc()).unwrap()).unwrap();
    assert_eq!(
        (again.imported, again.duplicates, again.checkins),
        (0, 3, 0)
    );
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
fn markdown_export_writes_one_file_per_entry_with_front_matter() {
    let dir = TempDir::new().unwrap();
    let journal = rich_journal();
    let entries = journal.list(&ListQuery::default()).unwrap();
    let out = dir.path().join("md");
    assert_eq!(export_markdown(&entries, &out).unwrap(), 2);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2);
    let private = entries.iter().find(|e| e.title == "Private").unwrap();
    let text = std::fs::read_to_string(out.join(markdown_file_name(private))).unwrap();
    assert!(text.starts_with("---\nid: \""), "{text}");
    assert!(text.contains("title: \"Private\"\n"), "{text}");
    assert!(text.contains("private: true\n"));
    assert!(text.contains("Only for me. Ünïcödé, \"quotes\", <tags>"));
    let reflection = entries
        .iter()
        .find(|e| e.kind == EntryKind::Reflection)
        .unwrap();
    let text = render_markdown(reflection);
    assert!(text.contains("date: 2026-03-29\n"), "{text}");
    assert!(
        text.contains("datetime: \"2026-03-29T01:30:00+02:00\"\n"),
        "{text}"
    );
    assert!(text.contains("tags: [\"retro\"]\n"), "{text}");
    assert!(
        text.contains("ratings:\n  seen: 8\n  valued: 6\n"),
        "{text}"
    );
    assert!(
        text.contains("## Emotional needs\n\nNamed in the retro.\n"),
        "{text}"
    );
}

#[test]
fn markdown_file_names_are_dated_and_safe() {
    let mut entry = rich_journal()
        .list(&ListQuery::default())
        .unwrap()
        .pop()
        .unwrap();
    entry.title = "A week: of/slashes\\ & *stars*?".into();
    let name = markdown_file_name(&entry);
    assert!(
        name.starts_with(&format!("{}-a-week-of-slashes-stars-", entry.date())),
        "{name}"
    );
    assert!(name.ends_with(".md"));
    assert!(!name.contains(['/', '\\', ':', '*', '?']), "{name}");
}

#[test]
fn an_export_never_writes_into_a_folder_that_has_files() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("md");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("mine.txt"), "keep").unwrap();
    let entries = rich_journal().list(&ListQuery::default()).unwrap();
    let err = export_markdown(&entries, &out).unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1, "nothing added");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with(".trine-export"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary folder left: {leftovers:?}"
    );
}

#[test]
fn jsonl_export_reimports_the_same_entries() {
    let dir = TempDir::new().unwrap();
    let original = rich_journal();
    let live = original.list(&ListQuery::default()).unwrap();
    let path = dir.path().join("out.jsonl");
    export_jsonl(&live, &path).unwrap();
    let mut copy = Journal::open_in_memory().unwrap();
    copy.import(read_jsonl(&path, utc()).unwrap()).unwrap();
    assert_eq!(copy.list(&ListQuery::default()).unwrap(), live);
}

#[test]
fn markdown_export_reimports_without_loss() {
    let dir = TempDir::new().unwrap();
    let original = rich_journal();
    let mut journal = original;
    journal
        .create(NewEntry {
            sections: vec![
                Section {
                    side: Side::Developmental,
                    prompt_id: Some("regulation-02".into()),
                    text: "Waited.\n\n## Not a side\n\nStill waiting.".into(),
                },
                Section {
                    side: Side::Integration,
                    prompt_id: None,
                    text: String::new(),
                },
            ],
            kind: Some(EntryKind::Reflection),
            week_start: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 16).unwrap()),
            ratings: Ratings::checked(Some(3), Some(4), Some(5)).unwrap(),
            tags: vec!["two words".into()],
            ..NewEntry::note(
                "",
                "# A heading in the body\n\nText with: colons, \"quotes\" and ---",
            )
        })
        .unwrap();
    let live = journal.list(&ListQuery::default()).unwrap();
    let out = dir.path().join("md");
    export_markdown(&live, &out).unwrap();
    let set = read_markdown_folder(&out, utc()).unwrap();
    let mut copy = Journal::open_in_memory().unwrap();
    copy.set_setting("week.first_day", "sunday").unwrap();
    assert_eq!(copy.import(set).unwrap().imported, live.len());
    assert_eq!(
        copy.list(&ListQuery::default()).unwrap(),
        live,
        "the same entries, field for field"
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

/// A small journal to share from: two rated notes in one week (one
/// private), a reflection the week after, an unrated note with a hostile
/// body.
fn sharing_journal() -> Journal {
    let mut journal = Journal::open_in_memory().unwrap();
    let at = |s: &str| Some(chrono::DateTime::parse_from_rfc3339(s).unwrap());
    let rated =
        |seen, known, valued| Ratings::checked(Some(seen), Some(known), Some(valued)).unwrap();
    journal
        .create(NewEntry {
            tags: vec!["coach".into()],
            ratings: rated(6, 5, 4),
            created: at("2026-11-03T10:00:00+01:00"),
            ..NewEntry::note("Shared note", "Asked for the demo.")
        })
        .unwrap();
    journal
        .create(NewEntry {
            private: true,
            ratings: rated(1, 1, 1),
            created: at("2026-11-04T10:00:00+01:00"),
            ..NewEntry::note("Secret", "Not for the coach.")
        })
        .unwrap();
    journal
        .create(NewEntry {
            kind: Some(EntryKind::Reflection),
            sections: vec![Section {
                side: Side::Emotional,
                prompt_id: Some("seen-01".into()),
                text: "Named in the retro.".into(),
            }],
            ratings: rated(8, 7, 9),
            created: at("2026-11-12T19:00:00+01:00"),
            ..NewEntry::note("", "A steady week.")
        })
        .unwrap();
    journal
        .create(NewEntry {
            created: at("2026-11-13T09:00:00+01:00"),
            ..NewEntry::note(
                "Pasted",
                "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> text and [a link](https://example.org)",
            )
        })
        .unwrap();
    journal
}

#[test]
fn a_selection_leaves_private_entries_out_unless_asked_and_previews_itself() {
    let journal = sharing_journal();
    let (entries, left_out) = journal.select(&ExportSelection::default()).unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(left_out, 1);
    assert!(entries.iter().all(|e| e.title != "Secret"));
    assert_eq!(entries[0].title, "Shared note", "oldest first");
    let (all, _) = journal
        .select(&ExportSelection {
            include_private: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 4);
    let (emotional, _) = journal
        .select(&ExportSelection {
            sides: vec![Side::Emotional],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(emotional.len(), 1);
    let (tagged, _) = journal
        .select(&ExportSelection {
            tags: vec!["#Coach".into()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(tagged.len(), 1);
    let (notes, _) = journal
        .select(&ExportSelection {
            kinds: vec![EntryKind::Note],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(notes.len(), 2);
    let (unrated, _) = journal
        .select(&ExportSelection {
            without_ratings: true,
            ..Default::default()
        })
        .unwrap();
    assert!(unrated.iter().all(|e| e.ratings.is_empty()));
    let preview = journal.export_preview(&ExportSelection::default()).unwrap();
    assert_eq!((preview.entries, preview.private_left_out), (3, 1));
    assert_eq!(
        preview
            .weeks
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>(),
        vec!["2026-11-02", "2026-11-09"]
    );
    assert_eq!(preview.charts.len(), 2);
}

#[test]
fn the_csv_has_one_row_per_rated_week_without_private_ratings() {
    let dir = TempDir::new().unwrap();
    let journal = sharing_journal();
    let (entries, _) = journal.select(&ExportSelection::default()).unwrap();
    let path = dir.path().join("ratings.csv");
    assert_eq!(export_csv(&entries, &path).unwrap(), 2);
    let mut reader = csv::Reader::from_path(&path).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "iso_week",
            "week_start",
            "seen",
            "known",
            "valued",
            "rated_entries",
            "note"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows[0],
        vec!["2026-W45", "2026-11-02", "6", "5", "4", "1", ""],
        "the private 1/1/1 is not averaged in"
    );
    assert_eq!(
        rows[1],
        vec![
            "2026-W46",
            "2026-11-09",
            "8",
            "7",
            "9",
            "1",
            "A steady week."
        ]
    );
    let (all, _) = journal
        .select(&ExportSelection {
            include_private: true,
            ..Default::default()
        })
        .unwrap();
    export_csv(&all, &path).unwrap();
    let rows: Vec<csv::StringRecord> = csv::Reader::from_path(&path)
        .unwrap()
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        rows[0].iter().skip(2).take(4).collect::<Vec<_>>(),
        vec!["3.50", "3", "2.50", "2"],
        "with the private entry, means of two"
    );
}

#[test]
fn the_html_report_is_self_contained_inert_and_holds_only_the_selection() {
    let dir = TempDir::new().unwrap();
    let journal = sharing_journal();
    let path = dir.path().join("report.html");
    assert_eq!(
        export_html(&journal, &ExportSelection::default(), &path).unwrap(),
        3
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("<style>") && html.contains("<svg"),
        "styles and charts inline"
    );
    for fetched in [
        "<script", "<link", "src=", "href=", "@import", "url(", "<img", "http:", "https:", "//",
    ] {
        assert!(
            !html.contains(fetched),
            "{fetched} in the report: {:?}",
            html.find(fetched)
                .map(|i| &html[i.saturating_sub(80)..(i + 40).min(html.len())])
        );
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || !html.contains("alert(1)"),
        "the pasted script is inert"
    );
    assert!(html.contains("Asked for the demo.") && html.contains("Named in the retro."));
    assert!(
        !html.contains("Secret") && !html.contains("Not for the coach"),
        "private entries stay out"
    );
    assert!(
        html.contains("private entries left out"),
        "the cover says what was chosen"
    );
    assert!(html.contains("felt seen 8/10, known 7/10, valued 9/10"));
    let no_charts = export_html(
        &journal,
        &ExportSelection {
            without_charts: true,
            ..Default::default()
        },
        &path,
    );
    assert_eq!(no_charts.unwrap(), 3);
    assert!(!std::fs::read_to_string(&path).unwrap().contains("<svg"));
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
