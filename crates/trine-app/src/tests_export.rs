//! Tests of export: Trine JSON, JSON Lines and Markdown round trips,
//! Markdown files and folders, the selection of what to share, and the
//! CSV and HTML reports.

use tempfile::TempDir;

use crate::export::report_figures;
use crate::prelude::*;
use trine_interchange::*;
use trine_store::model::{EntryKind, NewEntry, Ratings, Section, Side};
use trine_store::store::{Journal, ListQuery, NewCheckIn};

/// Every moment read in UTC.
fn utc() -> trine_store::time::OffsetAt<'static> {
    &|_| chrono::FixedOffset::east_opt(0).unwrap()
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
            ratings: Ratings::checked(Some(8), None, Some(6))
                .unwrap()
                .with_confident(Some(7))
                .unwrap(),
            follow_up: Some(trine_store::FollowUp {
                planned: "Ask for the demo slot.\n\nAnd book the room.".into(),
                answer: "Asked; *got it*: \"yes\"".into(),
            }),
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

fn everything(journal: &Journal) -> Vec<trine_store::model::Entry> {
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
    let mut set = read_json(&path, utc()).unwrap();
    // The settings too, as a person restoring a whole journal asks.
    set.apply_settings = true;
    let summary = copy.import(set).unwrap();
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

/// A small journal to share from: two rated notes in one week (one
/// private), a reflection the week after, an unrated note with a hostile
/// body.
/// A small journal to share from: a tagged note, a private note, a
/// reflection with one side written, and a note with pasted markup.
pub(crate) fn sharing_journal() -> Journal {
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
            ratings: rated(8, 7, 9).with_confident(Some(6)).unwrap(),
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
    let chosen = |selection: ExportSelection| journal.select(&selection).unwrap().0;
    let all = chosen(ExportSelection {
        include_private: true,
        ..Default::default()
    });
    assert_eq!(all.len(), 4);
    let emotional = chosen(ExportSelection {
        sides: vec![Side::Emotional],
        ..Default::default()
    });
    assert_eq!(emotional.len(), 1);
    let tagged = chosen(ExportSelection {
        tags: vec!["#Coach".into()],
        ..Default::default()
    });
    assert_eq!(tagged.len(), 1);
    let notes = chosen(ExportSelection {
        kinds: vec![EntryKind::Note],
        ..Default::default()
    });
    assert_eq!(notes.len(), 2);
    let unrated = chosen(ExportSelection {
        without_ratings: true,
        ..Default::default()
    });
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
            "note",
            "confident"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows[0],
        vec!["2026-W45", "2026-11-02", "6", "5", "4", "1", "", ""],
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
            "A steady week.",
            "6"
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
        export_html(
            &journal,
            &ExportSelection::default(),
            &path,
            &report_figures
        )
        .unwrap(),
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
    assert!(html.contains("felt seen 8/10, known 7/10, valued 9/10, confident 6/10"));
    let no_charts = export_html(
        &journal,
        &ExportSelection {
            without_charts: true,
            ..Default::default()
        },
        &path,
        &report_figures,
    );
    assert_eq!(no_charts.unwrap(), 3);
    assert!(!std::fs::read_to_string(&path).unwrap().contains("<svg"));
}

#[test]
fn the_reports_show_last_weeks_step_and_how_it_went() {
    let dir = TempDir::new().unwrap();
    let journal = rich_journal();
    let path = dir.path().join("report.html");
    export_html(
        &journal,
        &ExportSelection::default(),
        &path,
        &report_figures,
    )
    .unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(
        html.contains("Last week's step"),
        "the follow-up has its heading"
    );
    assert!(html.contains("Planned: Ask for the demo slot."));
    assert!(
        html.contains("Asked; <em>got it</em>: &quot;yes&quot;")
            || html.contains("Asked; <em>got it</em>: \"yes\""),
        "the answer is rendered Markdown"
    );
    let md = dir.path().join("report.md");
    export_markdown_single(&journal.select(&ExportSelection::default()).unwrap().0, &md).unwrap();
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("### Last week's step"));
    assert!(text.contains("> Ask for the demo slot.\n>\n> And book the room."));
}

/// A full backup whose settings would keep a single backup and turn the
/// idle lock off, plus two that describe another journal.
fn backup_with_hostile_settings(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("settings.json");
    std::fs::write(
        &path,
        r#"{"format": "trine-journal", "version": 1, "entries": [],
            "settings": {"backup.keep": "1", "privacy.lock_after_seconds": "0",
                         "ui.theme": "dark", "library.version": "999", "ui.onboarded": "yes"}}"#,
    )
    .unwrap();
    path
}

#[test]
fn a_json_import_takes_no_setting_unless_asked() {
    let dir = TempDir::new().unwrap();
    let path = backup_with_hostile_settings(dir.path());
    let mut journal = Journal::open_in_memory().unwrap();
    let before = journal.all_settings().unwrap();

    let summary = journal.import(read_json(&path, utc()).unwrap()).unwrap();

    assert_eq!(
        journal.all_settings().unwrap(),
        before,
        "no setting changed"
    );
    assert_eq!(
        journal.backups_to_keep().unwrap(),
        trine_store::backup::DEFAULT_KEEP
    );
    assert!(summary.settings_taken.is_empty());
    assert_eq!(summary.settings_left_out.len(), 5, "{summary:?}");
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("settings were left out")
                && n.contains("backup.keep")
                && n.contains("privacy.lock_after_seconds")),
        "{:?}",
        summary.notes
    );
}

#[test]
fn asked_for_a_json_import_takes_only_the_settings_a_person_edits() {
    let dir = TempDir::new().unwrap();
    let path = backup_with_hostile_settings(dir.path());
    let mut journal = Journal::open_in_memory().unwrap();
    let library_before = journal.setting("library.version").unwrap();
    let mut set = read_json(&path, utc()).unwrap();
    set.apply_settings = true;

    let summary = journal.import(set).unwrap();

    // Keeping one backup and never locking would weaken this journal's
    // safeguards: those are left as they are, and the notes say why.
    assert_eq!(summary.settings_taken, ["ui.theme"]);
    assert_eq!(
        summary.settings_left_out,
        [
            "backup.keep",
            "library.version",
            "privacy.lock_after_seconds",
            "ui.onboarded"
        ]
    );
    assert_eq!(
        journal.backups_to_keep().unwrap(),
        trine_store::backup::DEFAULT_KEEP
    );
    assert!(
        summary.notes.iter().any(|n| n.contains("never lowers")),
        "{:?}",
        summary.notes
    );
    assert_eq!(journal.setting("library.version").unwrap(), library_before);
    assert!(!journal.app_settings().unwrap().onboarded);
}

/// Entries dated centuries apart (a mistyped year that reached the journal
/// before imports checked dates) no longer stretch the calendar, the Trends
/// screen or the reports over every week between.
#[test]
fn dates_centuries_apart_keep_charts_and_reports_small() {
    use chrono::TimeZone;
    let dir = TempDir::new().unwrap();
    let mut journal = Journal::open_in_memory().unwrap();
    for (y, m, d) in [(1, 1, 1), (2026, 3, 2), (9999, 12, 31)] {
        let mut note = NewEntry::note(format!("year {y}"), "words");
        note.created = Some(
            chrono::FixedOffset::east_opt(0)
                .unwrap()
                .with_ymd_and_hms(y, m, d, 12, 0, 0)
                .unwrap(),
        );
        note.ratings = trine_store::model::Ratings::checked(Some(5), Some(6), Some(7)).unwrap();
        journal.create(note).unwrap();
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    let trends = journal
        .trends_view(&trine_charts::RatingsChartOptions::default(), today)
        .unwrap();
    let reply = serde_json::to_string(&trends).unwrap();
    assert!(
        reply.len() < 400_000,
        "the Trends reply is {} bytes",
        reply.len()
    );
    assert!(
        trends.calendar.table.rows.len() <= 53 * 3,
        "{}",
        trends.calendar.table.rows.len()
    );
    assert!(
        trends.ratings.table.rows.len() <= 53 * 3,
        "{}",
        trends.ratings.table.rows.len()
    );

    let html = dir.path().join("r.html");
    let pdf = dir.path().join("r.pdf");
    journal
        .export_to(ExportFormat::Html, &ExportSelection::default(), &html)
        .unwrap();
    journal
        .export_to(ExportFormat::Pdf, &ExportSelection::default(), &pdf)
        .unwrap();
    for file in [html, pdf] {
        let size = std::fs::metadata(&file).unwrap().len();
        assert!(size < 2_000_000, "{} is {size} bytes", file.display());
    }
}
