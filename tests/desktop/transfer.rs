//! Export in the app: the selection and its preview, the separate
//! confirmation for private entries, the system's save dialog, every
//! format, and the report's cover. Import is in `importing.rs`.

use trine_app::{NewEntry, Ratings};

use crate::file_dialog::{can_answer_dialogs, export_to};
use crate::harness::{Sandbox, Step};

const PRIVATE_WORD: &str = "Quillwort";

pub(crate) fn dialogs_or_skip(test: &str) -> Option<Sandbox> {
    let sandbox = Sandbox::new_or_skip(test)?;
    assert!(
        can_answer_dialogs(),
        "{test}: xdotool is needed to answer the file dialog; run scripts/setup.sh"
    );
    Some(sandbox)
}

fn seed_for_sharing(sandbox: &Sandbox) {
    sandbox.onboard();
    let mut journal = sandbox.journal();
    let rated = Ratings::checked(Some(7), Some(6), Some(8)).unwrap();
    journal
        .create(NewEntry {
            tags: vec!["coach".into()],
            ratings: rated,
            ..NewEntry::note("Demo day", "The demo went well and people said so.")
        })
        .unwrap();
    journal
        .create(NewEntry {
            tags: vec!["coach".into()],
            ..NewEntry::note("Planning", "Drafted the plan for next quarter.")
        })
        .unwrap();
    journal
        .create(NewEntry {
            private: true,
            ..NewEntry::note("Just for me", format!("{PRIVATE_WORD} stays with me."))
        })
        .unwrap();
}

#[test]
fn the_export_screen_previews_confirms_private_entries_and_saves_a_report() {
    let Some(sandbox) =
        dialogs_or_skip("the_export_screen_previews_confirms_private_entries_and_saves_a_report")
    else {
        return;
    };
    seed_for_sharing(&sandbox);
    let out = sandbox.folder("out");
    let (shared, with_private) = (out.join("report.html"), out.join("all.html"));

    let seen = sandbox.run_app(|app| {
        let (shared, with_private) = (shared.clone(), with_private.clone());
        async move {
            app.go("#/export", "#export-preview .preview-main").await?;
            app.wait_until(
                "document.querySelector('#export-preview').textContent.startsWith('2 entries')",
                "the preview counts the shared entries",
            )
            .await?;
            let preview = app.text("#export-preview").await?;
            app.click("#export-format-html").await?;
            app.save_screenshot("export-html-light.png").await?;
            let done = export_to(&app, &shared).await?;

            // Private entries: the first answer keeps them out.
            app.click("#export-private").await?;
            app.wait_for("#export-private-confirm[open]").await?;
            app.save_screenshot("export-private-confirm-light.png")
                .await?;
            app.click("#private-keep-out").await?;
            let kept_out = app
                .eval("return document.querySelector('#export-private').checked;")
                .await?;
            // ...and only "Include" lets them in.
            app.click("#export-private").await?;
            app.click("#private-include").await?;
            app.wait_until(
                "document.querySelector('#export-preview').textContent.startsWith('3 entries')",
                "the preview counts the private entry once confirmed",
            )
            .await?;
            export_to(&app, &with_private).await?;
            Ok((preview, done, kept_out))
        }
    });

    let (preview, done, kept_out) = seen;
    assert!(preview.contains("1 private entry is left out"), "{preview}");
    assert!(
        done.contains("2 entries") && done.contains("report.html"),
        "{done}"
    );
    assert_eq!(kept_out, false, "Keep them out leaves the box unticked");
    let shared = std::fs::read_to_string(&shared).unwrap();
    assert!(
        shared.contains("Demo day") && shared.contains("<svg"),
        "the report holds the entries and charts"
    );
    assert!(
        !shared.contains(PRIVATE_WORD),
        "a private entry leaked into the shared report"
    );
    let all = std::fs::read_to_string(&with_private).unwrap();
    assert!(
        all.contains(PRIVATE_WORD),
        "the confirmed export includes the private entry"
    );
}

#[test]
fn a_cancelled_save_dialog_writes_nothing_and_the_shell_refuses_unconfirmed_private_entries() {
    let Some(sandbox) = dialogs_or_skip(
        "a_cancelled_save_dialog_writes_nothing_and_the_shell_refuses_unconfirmed_private_entries",
    ) else {
        return;
    };
    seed_for_sharing(&sandbox);
    let out = sandbox.folder("out");

    let refused = sandbox.run_app(|app| async move {
        app.go("#/export", "#export-preview .preview-main").await?;
        // Export waits for the preview to catch up with the last change.
        app.wait_until(
            "!document.querySelector('#export-save').disabled",
            "Export can be pressed",
        )
        .await?;
        app.click("#export-save").await?;
        // Escape closes the dialog without choosing.
        answer_escape("Export").await?;
        app.wait_until(
            "!document.querySelector('#export-save').disabled",
            "the button is back once the dialog is cancelled",
        )
        .await?;
        // A page that skipped the confirmation gets a refusal, not a file.
        app.eval(
            "return window.__TAURI__.core.invoke('export_entries', {
                format: 'jsonl', selection: { include_private: true },
                privateConfirmed: false, progress: new window.__TAURI__.core.Channel(),
             }).then(() => 'exported', (e) => e.code);",
        )
        .await
    });

    assert_eq!(refused, "private_not_confirmed");
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        0,
        "nothing was written"
    );
}

async fn answer_escape(title: &str) -> Step<()> {
    // Typing an empty path is not possible; close with Escape instead.
    crate::file_dialog::press_in_dialog(title, "Escape").await
}

#[test]
fn every_export_format_can_be_saved_from_the_app() {
    let Some(sandbox) = dialogs_or_skip("every_export_format_can_be_saved_from_the_app") else {
        return;
    };
    seed_for_sharing(&sandbox);
    let out = sandbox.folder("out");
    let formats = [
        ("pdf", "report.pdf"),
        ("markdown-file", "entries.md"),
        ("markdown", "entries-folder"),
        ("jsonl", "entries.jsonl"),
        ("csv", "ratings.csv"),
        ("json", "backup.json"),
    ];

    let said = sandbox.run_app(|app| {
        let out = out.clone();
        async move {
            app.go("#/export", "#export-preview .preview-main").await?;
            let mut said = Vec::new();
            for (format, name) in formats {
                app.click(&format!("#export-format-{format}")).await?;
                app.eval(
                    "document.querySelector('#export-result').replaceChildren(); return null;",
                )
                .await?;
                said.push(export_to(&app, &out.join(name)).await?);
            }
            Ok(said)
        }
    });

    for ((format, name), said) in formats.iter().zip(&said) {
        let path = out.join(name);
        assert!(path.exists(), "{format}: nothing at {}", path.display());
        assert!(said.contains(name), "{format}: {said}");
    }
    assert!(
        said[4].contains("1 week"),
        "the CSV counts weeks: {}",
        said[4]
    );
    assert!(
        said[5].contains("3 entries"),
        "the full backup holds all: {}",
        said[5]
    );
    let pdf = std::fs::read(out.join("report.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF file");
    let folder = std::fs::read_dir(out.join("entries-folder"))
        .unwrap()
        .count();
    assert_eq!(folder, 2, "one Markdown file per shared entry");
    let backup = std::fs::read_to_string(out.join("backup.json")).unwrap();
    assert!(
        backup.contains(PRIVATE_WORD),
        "the full backup has everything"
    );
    for shared in ["entries.md", "entries.jsonl", "ratings.csv"] {
        let text = std::fs::read_to_string(out.join(shared)).unwrap();
        assert!(
            !text.contains(PRIVATE_WORD),
            "{shared} holds a private entry"
        );
    }
}

/// A report made from the app carries the person's name and note on its
/// cover, and its entries newest first when asked.
#[test]
fn the_report_from_the_app_carries_the_cover_words_and_the_order() {
    let Some(sandbox) =
        dialogs_or_skip("the_report_from_the_app_carries_the_cover_words_and_the_order")
    else {
        return;
    };
    seed_for_sharing(&sandbox);
    let out = sandbox.folder("out");
    let path = out.join("coach.html");
    let said = sandbox.run_app(|app| {
        let path = path.clone();
        async move {
            app.go("#/export", "#export-preview .preview-main").await?;
            app.click("#export-format-html").await?;
            app.type_into("#export-name", "Alex Morgan").await?;
            app.type_into("#export-note", "Whether to ask for the <lead> role.")
                .await?;
            app.eval("const s = document.querySelector('#export-order'); s.value = 'newest'; s.dispatchEvent(new Event('change')); return null;")
                .await?;
            export_to(&app, &path).await
        }
    });
    assert!(said.contains("coach.html"), "{said}");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(
        html.contains("<p class=\"name\">Alex Morgan</p>"),
        "the name"
    );
    assert!(
        html.contains("What I\u{2019}d like to talk about")
            && html.contains("Whether to ask for the &lt;lead&gt; role."),
        "the note, as text"
    );
    let newer = html.find("Drafted the plan").expect("the newer note");
    let older = html.find("The demo went well").expect("the older note");
    assert!(newer < older, "newest first");
}
