//! Import in the app: the system's open dialogs, every format, progress on
//! a long import with the page still responsive, stopping it, a backup's
//! settings behind their own confirmation, and the summary of what was
//! imported.

use std::path::{Path, PathBuf};

use trine_app::NewEntry;

use crate::file_dialog::{answer_folder_dialog, answer_open_dialog};
use crate::transfer::dialogs_or_skip;

/// `count` notes as Trine JSON Lines.
fn jsonl_of(count: usize, dir: &Path) -> PathBuf {
    let path = dir.join("many.jsonl");
    let mut text = String::new();
    for n in 0..count {
        text += &format!(
            "{{\"id\": \"import-{n}\", \"date\": \"2025-{:02}-{:02}\", \"title\": \"Imported {n}\", \"body\": \"Line {n} of a long journal.\"}}\n",
            n % 12 + 1,
            n % 28 + 1
        );
    }
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_long_import_shows_progress_keeps_the_page_responsive_and_sums_up() {
    let Some(sandbox) =
        dialogs_or_skip("a_long_import_shows_progress_keeps_the_page_responsive_and_sums_up")
    else {
        return;
    };
    sandbox.onboard();
    // Long enough that the bar shows: imports grew fast (30,000 took under
    // the bar's half-second wait once the index was filled at the end).
    let file = jsonl_of(150_000, &sandbox.folder("in"));

    let (summary, watch) = sandbox.run_app(|app| async move {
        app.go("#/import", "#import-choose").await?;
        app.click("#import-format-jsonl").await?;
        // Watch the page while it imports: the progress bar, and the
        // longest the page's own timer was held up.
        app.eval(
            "window.__watch = { bar: false, done: 0, gap: 0, last: performance.now() };
             window.__tick = setInterval(() => {
               const now = performance.now();
               window.__watch.gap = Math.max(window.__watch.gap, now - window.__watch.last);
               window.__watch.last = now;
               const bar = document.querySelector('.work progress');
               if (bar) { window.__watch.bar = true; window.__watch.done = Math.max(window.__watch.done, bar.value || 0); }
             }, 50);
             return null;",
        )
        .await?;
        app.click("#import-choose").await?;
        answer_open_dialog("Import", &file).await?;
        // From here on the page imports; the time the system's file dialog
        // was open (and being typed into) is not the import's.
        app.eval("window.__watch.gap = 0; window.__watch.last = performance.now(); return null;")
            .await?;
        app.wait_until(
            "document.querySelector('#import-result')?.textContent.startsWith('Imported')",
            "the import sums up",
        )
        .await?;
        let watch = app.eval("clearInterval(window.__tick); return window.__watch;").await?;
        app.save_screenshot("import-done-light.png").await?;
        Ok((app.text("#import-result").await?, watch))
    });

    assert!(
        summary.starts_with("Imported 150,000 entries of 150,000"),
        "{summary}"
    );
    assert_eq!(
        watch["bar"], true,
        "a progress bar showed during a long import: {watch}"
    );
    assert!(
        watch["done"].as_f64().unwrap() > 0.0,
        "the bar moved: {watch}"
    );
    assert!(
        watch["gap"].as_f64().unwrap() < 1000.0,
        "the page stayed responsive while importing: {watch}"
    );
    assert_eq!(sandbox.journal().entry_count().unwrap(), 150_000);
}

#[test]
fn a_jrnl_file_imports_once_and_a_broken_file_imports_nothing() {
    let Some(sandbox) =
        dialogs_or_skip("a_jrnl_file_imports_once_and_a_broken_file_imports_nothing")
    else {
        return;
    };
    sandbox.onboard();
    let jrnl = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jrnl/journal.txt");
    assert!(jrnl.exists(), "{} is missing", jrnl.display());
    let broken = sandbox.folder("in").join("broken.jsonl");
    std::fs::write(&broken, "{\"date\": \"2026-01-05\", \"title\": \"fine\", \"body\": \"ok\"}\n{\"date\": \"yesterday\"}\n").unwrap();

    let (first, second, failed) = sandbox.run_app(|app| async move {
        app.go("#/import", "#import-choose").await?;
        app.click("#import-format-jrnl").await?;
        app.wait_for("#import-time-format").await?;
        let mut seen = Vec::new();
        for _ in 0..2 {
            app.click("#import-choose").await?;
            answer_open_dialog("Import", &jrnl).await?;
            app.wait_until(
                "document.querySelector('#import-result')?.textContent.startsWith('Imported')",
                "the import sums up",
            )
            .await?;
            seen.push(app.text("#import-result").await?);
            app.eval("document.querySelector('#import-result').replaceChildren(); return null;")
                .await?;
        }
        app.click("#import-format-jsonl").await?;
        app.click("#import-choose").await?;
        answer_open_dialog("Import", &broken).await?;
        app.wait_until(
            "!document.querySelector('#status').hidden",
            "the failure is shown",
        )
        .await?;
        seen.push(app.text("#status .status-text").await?);
        Ok((seen[0].clone(), seen[1].clone(), seen[2].clone()))
    });

    assert!(first.starts_with("Imported 8 entries of 8"), "{first}");
    assert!(second.starts_with("Imported 0 entries of 8"), "{second}");
    assert!(
        second.contains("8 entries were already in your journal"),
        "{second}"
    );
    assert!(
        failed.contains("broken.jsonl:2") && failed.contains("nothing was imported"),
        "the failure names the file and line: {failed}"
    );
    let journal = sandbox.journal();
    assert_eq!(
        journal.entry_count().unwrap(),
        8,
        "the broken file added nothing"
    );
}

#[test]
fn every_import_format_can_be_chosen_from_the_app() {
    let Some(sandbox) = dialogs_or_skip("every_import_format_can_be_chosen_from_the_app") else {
        return;
    };
    sandbox.onboard();
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .canonicalize()
        .expect("tests/fixtures is in the repository");
    // A Trine JSON backup of a small journal, made by the core.
    let trine_json = sandbox.folder("in").join("trine.json");
    {
        let mut other = trine_app::Journal::open_in_memory().unwrap();
        other
            .create(NewEntry::note("From another Trine", "Carried across."))
            .unwrap();
        trine_app::interchange::export_json(&other, &trine_json).unwrap();
    }
    let sources = [
        ("dayone", fixtures.join("dayone/career-journal.zip")),
        ("jrnl-json", fixtures.join("jrnl/export.json")),
        ("markdown", fixtures.join("markdown/Career")),
        ("json", trine_json),
    ];
    for (_, path) in &sources {
        assert!(path.exists(), "{} is missing", path.display());
    }

    let said = sandbox.run_app(|app| {
        let sources = sources.clone();
        async move {
            app.go("#/import", "#import-choose").await?;
            let mut said = Vec::new();
            for (format, path) in &sources {
                app.click(&format!("#import-format-{format}")).await?;
                app.eval(
                    "document.querySelector('#import-result').replaceChildren(); return null;",
                )
                .await?;
                app.click("#import-choose").await?;
                if *format == "markdown" {
                    answer_folder_dialog("Import", path).await?;
                } else {
                    answer_open_dialog("Import", path).await?;
                }
                app.wait_until(
                    "document.querySelector('#import-result')?.textContent.startsWith('Imported')",
                    &format!("the {format} import sums up"),
                )
                .await?;
                said.push(app.text("#import-result").await?);
            }
            Ok(said)
        }
    });

    for ((format, _), said) in sources.iter().zip(&said) {
        let imported: usize = said
            .strip_prefix("Imported ")
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.replace(',', "").parse().ok())
            .unwrap_or_else(|| panic!("{format}: {said}"));
        assert!(imported > 0, "{format} imported nothing: {said}");
    }
    let titles: Vec<String> = sandbox
        .journal()
        .list(&trine_app::ListQuery::default())
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    assert!(
        titles.iter().any(|t| t == "From another Trine"),
        "{titles:?}"
    );
}

/// A full backup's settings come in only when ticked and confirmed in a
/// dialog of their own; without that, only its entries do. Even then, one
/// that would keep fewer backups or lock later is left out, and said.
#[test]
fn a_backup_s_settings_are_taken_only_after_their_own_confirmation() {
    let Some(sandbox) =
        dialogs_or_skip("a_backup_s_settings_are_taken_only_after_their_own_confirmation")
    else {
        return;
    };
    sandbox.onboard();
    let file = sandbox.folder("in").join("backup.json");
    std::fs::write(
        &file,
        r#"{"format": "trine-journal", "version": 1, "entries": [
              {"id": "00000000-0000-4000-8000-000000000001", "kind": "note",
               "datetime": "2026-11-24T18:00:00+01:00", "title": "carried", "body": "across"}],
            "settings": {"backup.keep": "1", "privacy.lock_after_seconds": "0",
                         "week.first_day": "sunday"}}"#,
    )
    .unwrap();

    let (first, declined, second) = sandbox.run_app(|app| {
        let file = file.clone();
        async move {
            app.go("#/import", "#import-choose").await?;
            app.click("#import-format-json").await?;
            app.click("#import-choose").await?;
            answer_open_dialog("Import", &file).await?;
            app.wait_until(
                "document.querySelector('#import-result')?.textContent.startsWith('Imported')",
                "the first import sums up",
            )
            .await?;
            let first = app.text("#import-result").await?;
            // Ticked, then "Keep my settings": not ticked.
            app.click("#import-settings").await?;
            app.wait_for("#import-settings-confirm[open]").await?;
            app.save_screenshot("import-settings-confirm.png").await?;
            app.click("#settings-keep-mine").await?;
            let declined = app
                .eval("return document.querySelector('#import-settings').checked;")
                .await?;
            app.click("#import-settings").await?;
            app.wait_for("#import-settings-confirm[open]").await?;
            app.click("#settings-take").await?;
            app.click("#import-choose").await?;
            answer_open_dialog("Import", &file).await?;
            app.wait_until(
                "document.querySelector('#import-settings-taken') !== null",
                "the second import says which settings it took",
            )
            .await?;
            Ok((first, declined, app.text("#import-result").await?))
        }
    });

    assert!(first.contains("were left out"), "{first}");
    assert_eq!(declined, false, "keeping my settings unticks the box");
    // Even when asked, a file never weakens a safeguard, and says so.
    assert!(
        second.contains("Settings taken from the file: week.first_day.")
            && second.contains("never lowers"),
        "{second}"
    );
    assert_eq!(
        sandbox.journal().backups_to_keep().unwrap(),
        trine_app::backup::DEFAULT_KEEP
    );
}

/// A long import can be stopped from its progress bar: nothing of it is
/// written, and the screen says so calmly.
#[test]
fn a_long_import_can_be_stopped_and_writes_nothing() {
    let Some(sandbox) = dialogs_or_skip("a_long_import_can_be_stopped_and_writes_nothing") else {
        return;
    };
    sandbox.onboard();
    sandbox.seed_notes(2);
    let file = jsonl_of(60_000, &sandbox.folder("in"));

    let said = sandbox.run_app(|app| async move {
        app.go("#/import", "#import-choose").await?;
        app.click("#import-format-jsonl").await?;
        app.click("#import-choose").await?;
        answer_open_dialog("Import", &file).await?;
        app.wait_for("#work-stop").await?;
        app.save_screenshot("import-stop-light.png").await?;
        app.click("#work-stop").await?;
        app.wait_for("#import-stopped").await?;
        app.text("#import-result").await
    });

    assert!(said.contains("Nothing was imported"), "{said}");
    assert_eq!(
        sandbox.journal().entry_count().unwrap(),
        2,
        "only the notes written before"
    );
}

/// The import's summary appears below the list of formats: it is brought
/// into view, even in a short window.
#[test]
fn the_import_summary_is_brought_into_view() {
    let Some(sandbox) = dialogs_or_skip("the_import_summary_is_brought_into_view") else {
        return;
    };
    sandbox.onboard();
    let jrnl = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jrnl/journal.txt");

    let seen = sandbox.run_app(|app| async move {
        app.resize(900, 560).await?;
        app.go("#/import", "#import-choose").await?;
        app.click("#import-format-jrnl").await?;
        // Choose the file from the keyboard with the page at its top, as a
        // person tabbing to the button in a short window would (a click
        // would scroll to the button first).
        app.eval(
            "document.querySelector('#import-choose').focus({ preventScroll: true });
             window.scrollTo(0, 0);
             return null;",
        )
        .await?;
        app.press_key(fantoccini::key::Key::Enter).await?;
        answer_open_dialog("Import", &jrnl).await?;
        app.wait_until(
            "document.querySelector('#import-result')?.textContent.startsWith('Imported')",
            "the import sums up",
        )
        .await?;
        app.save_screenshot("import-summary-in-view.png").await?;
        app.eval(
            "const r = document.querySelector('#import-result').getBoundingClientRect();
             return r.top >= 0 && r.top < window.innerHeight;",
        )
        .await
    });

    assert_eq!(seen, true, "the summary's top is on screen");
}
