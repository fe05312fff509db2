//! Imports of files in other journals' formats, from `tests/fixtures/`
//! (see its README: jrnl's were written by jrnl itself, in
//! America/New_York).

use std::path::PathBuf;

use serde_json::Value;

use crate::util::Sandbox;

fn fixture(rel: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(rel);
    assert!(
        path.exists(),
        "fixture {} is missing (it lives in tests/fixtures)",
        path.display()
    );
    path
}

fn by_title<'a>(entries: &'a [Value], start: &str) -> &'a Value {
    entries
        .iter()
        .find(|e| e["title"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no entry {start:?}"))
}

#[test]
fn jrnl_text_and_json_exports_import_the_same_eight_entries() {
    let text = Sandbox::new().with_tz("America/New_York");
    let summary = text
        .run(&[
            "--json",
            "import",
            "--format",
            "jrnl",
            fixture("jrnl/journal.txt").to_str().unwrap(),
        ])
        .json();
    assert_eq!(summary["imported"], 8);
    let json = Sandbox::new().with_tz("America/New_York");
    let summary = json
        .run(&[
            "--json",
            "import",
            "--format",
            "jrnl-json",
            fixture("jrnl/export.json").to_str().unwrap(),
        ])
        .json();
    assert_eq!(summary["imported"], 8);
    let strip = |s: &Sandbox| -> Vec<Value> {
        let mut list: Vec<Value> = s
            .run(&["--json", "list", "--limit", "100"])
            .json()
            .as_array()
            .unwrap()
            .clone();
        for e in &mut list {
            for field in ["id", "updated", "week"] {
                e.as_object_mut().unwrap().remove(field);
            }
        }
        list
    };
    let (a, b) = (strip(&text), strip(&json));
    assert_eq!(
        a, b,
        "the text file and jrnl's own JSON export give the same journal"
    );

    let first = by_title(&a, "Started at the clinic's data team");
    assert_eq!(
        first["datetime"], "2026-01-05T20:40:00-05:00",
        "winter time in New York"
    );
    assert_eq!(first["tags"], serde_json::json!(["identity"]));
    assert_eq!(
        first["ratings"],
        serde_json::json!({"seen": 7, "known": 5, "valued": 6})
    );
    let dst = by_title(&a, "Awake after the clocks went forward");
    assert_eq!(
        dst["datetime"], "2026-03-08T01:30:00-05:00",
        "still winter time before 2 am on the change night"
    );
    let after = by_title(&a, "Morning pages");
    assert_eq!(
        after["datetime"], "2026-03-09T07:15:00-04:00",
        "summer time after the change"
    );
    assert!(after["title"]
        .as_str()
        .unwrap()
        .contains("自信 (confidence) 🚀"));
    let unsafe_text = by_title(&a, "Copied from a message thread");
    assert!(
        unsafe_text["title"]
            .as_str()
            .unwrap()
            .contains("<script>alert('x')</script>"),
        "kept as text"
    );
    let new_year = by_title(&a, "First hours of the new year");
    assert_eq!(new_year["date"], "2027-01-01");
}

#[test]
fn jrnl_import_twice_adds_nothing_and_weeks_follow_local_dates() {
    let s = Sandbox::new().with_tz("America/New_York");
    let path = fixture("jrnl/journal.txt");
    s.run(&["import", "--format", "jrnl", path.to_str().unwrap()])
        .ok();
    let again = s
        .run(&[
            "--json",
            "import",
            "--format",
            "jrnl",
            path.to_str().unwrap(),
        ])
        .json();
    assert_eq!(
        (again["imported"].as_u64(), again["duplicates"].as_u64()),
        (Some(0), Some(8))
    );
    let list = s.run(&["--json", "list", "--limit", "100"]).json();
    let new_year = by_title(list.as_array().unwrap(), "First hours of the new year");
    assert_eq!(
        new_year["week"], "2026-12-28",
        "1 January 2027 belongs to ISO week 2026-W53"
    );
}

#[test]
fn a_jrnl_file_read_with_the_wrong_time_format_is_refused_and_nothing_is_imported() {
    let s = Sandbox::new().with_tz("America/New_York");
    let err = s
        .run(&[
            "import",
            "--format",
            "jrnl",
            "--time-format",
            "%d.%m.%Y %H:%M",
            fixture("jrnl/journal.txt").to_str().unwrap(),
        ])
        .fails();
    assert!(
        err.contains("journal.txt:1") && err.contains("--time-format"),
        "{err}"
    );
    assert_eq!(s.entry_count(), 0);
}

#[test]
fn day_one_zip_folder_and_json_import_the_same_text_and_count_the_photo() {
    let mut journals = Vec::new();
    for source in [
        "dayone/career-journal.zip",
        "dayone",
        "dayone/Career Journal.json",
    ] {
        let s = Sandbox::new();
        let summary = s
            .run(&[
                "--json",
                "import",
                "--format",
                "dayone",
                fixture(source).to_str().unwrap(),
            ])
            .json();
        assert_eq!(summary["imported"], 3, "{source}");
        let notes = summary["notes"].to_string();
        assert!(
            notes.contains("1 photos or other media were counted but not imported"),
            "{source}: {notes}"
        );
        let mut list: Vec<Value> = s
            .run(&["--json", "list"])
            .json()
            .as_array()
            .unwrap()
            .clone();
        for e in &mut list {
            e.as_object_mut().unwrap().remove("id");
        }
        journals.push(list);
    }
    assert_eq!(journals[0], journals[1]);
    assert_eq!(journals[1], journals[2]);
    let entries = &journals[0];
    let garden = by_title(entries, "Portfolio Review Day");
    assert_eq!(
        garden["datetime"], "2026-04-05T14:30:00Z",
        "UTC, as Day One recorded it"
    );
    assert_eq!(
        garden["tags"],
        serde_json::json!(["portfolio", "review", "sample"])
    );
    assert!(
        garden["body"]
            .as_str()
            .unwrap()
            .starts_with("The review panel walked"),
        "the heading became the title"
    );
    let robot = by_title(entries, "Mentor Call Notes");
    assert!(
        robot["body"]
            .as_str()
            .unwrap()
            .contains("<strong>bold claim</strong>"),
        "raw HTML is kept as text"
    );
}

#[test]
fn day_one_import_twice_adds_nothing() {
    let s = Sandbox::new();
    let zip = fixture("dayone/career-journal.zip");
    s.run(&["import", "--format", "dayone", zip.to_str().unwrap()])
        .ok();
    let again = s
        .run(&[
            "--json",
            "import",
            "--format",
            "dayone",
            zip.to_str().unwrap(),
        ])
        .json();
    assert_eq!(
        (again["imported"].as_u64(), again["duplicates"].as_u64()),
        (Some(0), Some(3))
    );
}

#[test]
fn joplin_markdown_notes_import_with_titles_tags_times_and_ratings() {
    let s = Sandbox::new();
    let folder = fixture("markdown");
    let summary = s
        .run(&[
            "--json",
            "import",
            "--format",
            "markdown",
            folder.to_str().unwrap(),
        ])
        .json();
    assert_eq!(summary["imported"], 3);
    let list = s.run(&["--json", "list"]).json();
    let entries = list.as_array().unwrap();
    let waiting = by_title(entries, "Self-regulation: holding steady");
    assert_eq!(waiting["datetime"], "2026-03-29T00:30:00Z");
    assert_eq!(waiting["updated"], "2026-03-29T00:40:00Z");
    assert_eq!(waiting["tags"], serde_json::json!(["self-regulation"]));
    assert!(waiting["body"]
        .as_str()
        .unwrap()
        .starts_with("Nothing back from the panel yet."));
    let seen = by_title(entries, "Week 12 - noticed");
    assert_eq!(
        seen["ratings"],
        serde_json::json!({"seen": 8, "known": 6, "valued": 7}),
        "read from the note's list"
    );
    let unsafe_note = by_title(entries, "Ünïcödé & <markup> check");
    assert!(
        unsafe_note["body"]
            .as_str()
            .unwrap()
            .contains("<script>alert(1)</script>"),
        "kept as text"
    );
    let again = s
        .run(&[
            "--json",
            "import",
            "--format",
            "markdown",
            folder.to_str().unwrap(),
        ])
        .json();
    assert_eq!(again["duplicates"], 3);
}

#[test]
fn trine_markdown_export_round_trips_through_the_cli() {
    let s = Sandbox::new();
    s.run(&[
        "add",
        "--title",
        "Shared",
        "--body",
        "For my coach.",
        "--tag",
        "coach",
        "--seen",
        "6",
        "--known",
        "7",
        "--valued",
        "8",
    ])
    .ok();
    s.run(&[
        "reflect",
        "--week",
        "2026-W47",
        "--emotional",
        "Named in the retro.",
        "--skip",
        "integration",
    ])
    .ok();
    let out = s.path("md");
    s.run(&[
        "export",
        "--format",
        "markdown",
        "--include-private",
        "--out",
        out.to_str().unwrap(),
    ])
    .ok();
    let other = s.path("other");
    s.run_with_data(
        &other,
        &["import", "--format", "markdown", out.to_str().unwrap()],
    )
    .ok();
    let a = s.run(&["--json", "list"]).json();
    let b = s.run_with_data(&other, &["--json", "list"]).json();
    assert_eq!(a, b, "the same entries, ids and all");
}

/// Every importer, given a broken file, fails with a message naming the
/// file (and the line or field where it can) and imports nothing.
#[test]
fn broken_files_fail_clearly_in_every_format_and_import_nothing() {
    let s = Sandbox::new();
    let dir = s.path("broken");
    std::fs::create_dir_all(dir.join("md")).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let not_utf8: &[u8] = b"[2026-01-05 08:40:00 PM] caf\xe9 \xff\xfe\n";
    let cases: Vec<(&str, PathBuf, Vec<&str>)> = vec![
        ("jsonl", write("truncated.jsonl", b"{\"date\": \"2026-01-01\", \"title\": \"a\"}\n{\"date\": \"2026-01"), vec!["truncated.jsonl:2"]),
        ("jsonl", write("types.jsonl", b"{\"date\": \"2026-01-01\", \"private\": \"yes\"}\n"), vec!["types.jsonl:1", "`private`"]),
        ("jsonl", write("latin1.jsonl", not_utf8), vec!["latin1.jsonl", "UTF-8"]),
        ("json", write("truncated.json", b"{\"format\": \"trine-journal\", \"version\": 1, \"entries\": [{\"date\""), vec!["truncated.json:1"]),
        ("json", write("missing.json", b"{\"format\": \"trine-journal\", \"version\": 1, \"entries\": [{\"title\": \"x\"}]}"), vec!["missing.json (entry 1)", "`date`"]),
        ("jrnl", write("latin1.txt", not_utf8), vec!["latin1.txt", "UTF-8"]),
        ("jrnl", write("nodate.txt", b"just some words\n"), vec!["nodate.txt:1", "--time-format"]),
        ("jrnl-json", write("jrnl-missing.json", b"{\"entries\": [{\"title\": \"x\", \"time\": \"10:00\"}]}"), vec!["jrnl-missing.json:1", "date"]),
        ("jrnl-json", write("jrnl-types.json", b"{\"entries\": [{\"title\": \"x\", \"date\": \"2026-01-01\", \"time\": \"10:00\", \"tags\": 5}]}"), vec!["jrnl-types.json:1", "tags"]),
        ("dayone", write("dayone-truncated.json", b"{\"entries\": [{\"uuid\": \"A\", \"creationDate\": \"2031-"), vec!["dayone-truncated.json:1"]),
        ("dayone", write("dayone-missing.json", b"{\"entries\": [{\"text\": \"no uuid or date\"}]}"), vec!["dayone-missing.json:1", "uuid"]),
        ("dayone", write("dayone-zone.json", b"{\"entries\": [{\"uuid\": \"A\", \"creationDate\": \"2031-04-05T14:30:00Z\", \"timeZone\": \"Mars/Olympus\"}]}"), vec!["dayone-zone.json (entry 1)", "timeZone"]),
        ("markdown", write("md/latin1.md", not_utf8), vec!["latin1.md", "UTF-8"]),
    ];
    for (format, path, expected) in cases {
        let err = s
            .run(&["import", "--format", format, path.to_str().unwrap()])
            .fails();
        for part in expected {
            assert!(
                err.contains(part),
                "{format} {}: {err:?} should mention {part:?}",
                path.display()
            );
        }
        assert_eq!(s.entry_count(), 0, "{format}: nothing imported");
    }
}

/// A full backup whose settings would keep one backup and turn the idle
/// lock off: its settings are taken only with --with-settings, and even
/// then an import never weakens a safeguard (the next backup would have
/// pruned all but one), and says so.
#[test]
fn a_json_import_applies_the_files_settings_only_when_asked() {
    let s = Sandbox::new();
    let file = s.file(
        "hostile.json",
        r#"{"format": "trine-journal", "version": 1, "entries": [
              {"id": "00000000-0000-4000-8000-000000000001", "kind": "note",
               "datetime": "2026-11-24T18:00:00+01:00", "title": "carried", "body": "across"}],
            "settings": {"backup.keep": "1", "privacy.lock_after_seconds": "0",
                         "week.first_day": "sunday"}}"#,
    );
    let summary = s
        .run(&[
            "--json",
            "import",
            "--format",
            "json",
            file.to_str().unwrap(),
        ])
        .json();
    assert_eq!(summary["imported"], 1);
    assert_eq!(summary["settings_taken"], serde_json::json!([]));
    assert_eq!(
        summary["settings_left_out"],
        serde_json::json!([
            "backup.keep",
            "privacy.lock_after_seconds",
            "week.first_day"
        ])
    );
    let said = s
        .run(&["import", "--format", "json", file.to_str().unwrap()])
        .ok();
    assert!(said.contains("--with-settings"), "{said}");
    assert_eq!(s.run(&["--json", "settings"]).json()["first_day"], "monday");
    // Three backups: with the file's "keep one" ignored, all three stay.
    for _ in 0..3 {
        s.run(&["backup"]).ok();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let listed = s.run(&["--json", "backup", "--list"]).json();
    assert_eq!(listed.as_array().unwrap().len(), 3);

    let summary = s
        .run(&[
            "--json",
            "import",
            "--format",
            "json",
            "--with-settings",
            file.to_str().unwrap(),
        ])
        .json();
    assert_eq!(
        summary["settings_taken"],
        serde_json::json!(["week.first_day"])
    );
    assert_eq!(
        summary["settings_left_out"],
        serde_json::json!(["backup.keep", "privacy.lock_after_seconds"])
    );
    let notes = summary["notes"].to_string();
    assert!(
        notes.contains("the file keeps 1 backup and this journal 10"),
        "{notes}"
    );
    assert!(notes.contains("never locks"), "{notes}");
    assert_eq!(s.run(&["--json", "settings"]).json()["first_day"], "sunday");
    s.run(&["backup"]).ok();
    let listed = s.run(&["--json", "backup", "--list"]).json();
    assert_eq!(listed.as_array().unwrap().len(), 4, "no backup pruned");

    // A file that keeps more backups, and locks sooner, is taken.
    let careful = s.file(
        "careful.json",
        r#"{"format": "trine-journal", "version": 1, "entries": [],
            "settings": {"backup.keep": "+020", "privacy.lock_after_seconds": "0120"}}"#,
    );
    let summary = s
        .run(&[
            "--json",
            "import",
            "--format",
            "json",
            "--with-settings",
            careful.to_str().unwrap(),
        ])
        .json();
    assert_eq!(
        summary["settings_taken"],
        serde_json::json!(["backup.keep", "privacy.lock_after_seconds"])
    );
    // Kept as Trine writes numbers, whatever the file's way.
    let settings = trine_store_settings(&s);
    assert_eq!(settings["backup.keep"], "20");
    assert_eq!(settings["privacy.lock_after_seconds"], "120");
}

/// The journal's stored settings, read straight from its file.
fn trine_store_settings(s: &Sandbox) -> std::collections::BTreeMap<String, String> {
    let conn = rusqlite::Connection::open(s.data().join("journal.db")).unwrap();
    let mut stmt = conn.prepare("SELECT key, value FROM settings").unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    rows
}

/// A new user's own JSON Lines: numbered ids, times without seconds or an
/// offset (local time, here Paris in winter); a bad date is named in
/// Trine's words with the forms it takes.
#[test]
fn a_scripts_json_lines_import_exactly_and_a_bad_date_is_named() {
    let s = Sandbox::new();
    let mine = s.path("mine.jsonl");
    std::fs::write(
        &mine,
        "{\"id\": 1, \"datetime\": \"2025-03-05T18:30\", \"title\": \"First\", \"body\": \"a\"}\n\
         {\"id\": 2, \"datetime\": \"2025-03-06 08:05\", \"title\": \"Second\", \"body\": \"b\"}\n",
    )
    .unwrap();
    let paris = [("TZ", "Europe/Paris")];
    s.run_env(
        &["import", "--format", "jsonl", mine.to_str().unwrap()],
        &paris,
    )
    .ok();
    let listed = s.run_env(&["--json", "list"], &paris).json();
    let got: Vec<(&str, &str)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["datetime"].as_str().unwrap(),
                e["source_id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2025-03-06T08:05:00+01:00", "2"),
            ("2025-03-05T18:30:00+01:00", "1")
        ]
    );

    let bad = s.path("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"id\": 3, \"datetime\": \"05/03/2025\", \"title\": \"x\"}\n",
    )
    .unwrap();
    let said = s
        .run(&["import", "--format", "jsonl", bad.to_str().unwrap()])
        .fails();
    assert!(
        said.contains("bad.jsonl:1: field `datetime`: \"05/03/2025\": expected a date and time like 2025-03-05T18:30 or 2025-03-05T18:30:00+01:00"),
        "{said}"
    );
}
