//! The coach packet in the app: the report's first pages shown before
//! saving, and entries (and single sides of a reflection) chosen one by
//! one, in Export and from the Journal.

use trine_app::{EntryKind, NewEntry, Ratings, Section, Side};

use crate::file_dialog::{can_answer_dialogs, export_to};
use crate::harness::Sandbox;

const SEEN_WORDS: &str = "Named in the retro by the whole team.";
const VOICE_WORDS: &str = "Said no to the extra project, calmly.";

fn seed(sandbox: &Sandbox) {
    sandbox.onboard();
    let mut journal = sandbox.journal();
    journal
        .create(NewEntry::note(
            "Demo day",
            "The demo went well and people said so.",
        ))
        .unwrap();
    journal
        .create(NewEntry::note(
            "Planning",
            "Drafted the plan for next quarter.",
        ))
        .unwrap();
    journal
        .create(NewEntry {
            kind: Some(EntryKind::Reflection),
            sections: vec![
                Section {
                    side: Side::Emotional,
                    prompt_id: None,
                    text: SEEN_WORDS.into(),
                },
                Section {
                    side: Side::Integration,
                    prompt_id: None,
                    text: VOICE_WORDS.into(),
                },
            ],
            ..NewEntry::note("", "")
        })
        .unwrap();
}

/// Two years of weekly reflections, rated, the valued rating stepping up
/// half way: a lived-in journal to preview a report of.
fn seed_two_years(sandbox: &Sandbox) {
    let mut journal = sandbox.journal();
    let start = chrono::NaiveDate::from_ymd_opt(2024, 12, 6).unwrap();
    for week in 0..104u64 {
        let day = start + chrono::Days::new(7 * week);
        let wobble: i64 = [0, 1, -1, 0, 1, -1, 0][(week % 7) as usize];
        let valued = if week < 52 { 4 + wobble } else { 7 + wobble };
        let ratings = Ratings::checked(Some(6 + wobble), Some(5 - wobble), Some(valued)).unwrap();
        let created =
            chrono::DateTime::parse_from_rfc3339(&format!("{day}T18:00:00+01:00")).unwrap();
        journal
            .create(NewEntry {
                kind: Some(EntryKind::Reflection),
                sections: vec![Section {
                    side: Side::Developmental,
                    prompt_id: None,
                    text: format!(
                        "Week {week}: *steady* work, and one conversation that mattered."
                    ),
                }],
                ratings,
                created: Some(created),
                ..NewEntry::note("", "")
            })
            .unwrap();
    }
}

#[test]
fn the_export_screen_shows_the_reports_first_pages_before_saving() {
    let Some(sandbox) =
        Sandbox::new_or_skip("the_export_screen_shows_the_reports_first_pages_before_saving")
    else {
        return;
    };
    seed(&sandbox);
    seed_two_years(&sandbox);
    let seen = sandbox.run_app(|app| async move {
        app.go("#/export", "#report-pages svg.report-page").await?;
        app.type_into("#export-name", "Alex Morgan").await?;
        app.wait_until(
            "[...document.querySelectorAll('#report-pages svg.report-page')][0]?.textContent.includes('Alex Morgan')",
            "the cover in the preview carries the name typed",
        )
        .await?;
        let pages = app
            .eval("return document.querySelectorAll('#report-pages svg.report-page').length")
            .await?;
        let caption = app.text("#report-pages-caption").await?;
        let second = app
            .eval("return document.querySelectorAll('#report-pages svg.report-page')[1].textContent")
            .await?;
        let width = app
            .eval("return document.querySelector('#report-pages svg.report-page').getBoundingClientRect().width")
            .await?;
        app.click("#export-see-pages").await?;
        app.wait_until(
            "document.querySelector('#report-preview-title').getBoundingClientRect().top < window.innerHeight / 2",
            "See the pages scrolls down to them",
        )
        .await?;
        app.save_screenshot("export-preview-light.png").await?;
        app.eval("document.querySelectorAll('#report-pages svg.report-page')[1].scrollIntoView(); return null;")
            .await?;
        app.save_screenshot("export-preview-brief.png").await?;
        app.set_theme("dark").await?;
        app.save_screenshot("export-preview-dark.png").await?;
        app.eval("document.querySelectorAll('#report-pages svg.report-page')[2].scrollIntoView(); return null;")
            .await?;
        app.save_screenshot("export-preview-charts-dark.png").await?;
        app.resize(600, 800).await?;
        app.eval("document.querySelector('#export-entries').open = true; document.querySelector('#export-entries').scrollIntoView(); return null;")
            .await?;
        app.save_screenshot("export-600-dark.png").await?;
        app.set_theme("light").await?;
        app.save_screenshot("export-600-light.png").await?;
        // A format without a report has no pages to show.
        app.click("#export-format-csv").await?;
        app.wait_until(
            "document.querySelector('.report-preview').hidden",
            "the page preview goes for the CSV",
        )
        .await?;
        Ok((pages, caption, second, width))
    });
    let (pages, caption, second, width) = seen;
    assert_eq!(pages, 3, "the first three pages");
    // 107 entries: few enough for the report to be counted whole.
    assert!(
        caption.starts_with("The first 3 of its ")
            && caption.contains(" pages, as the PDF lays them out"),
        "{caption}"
    );
    let second = second.as_str().unwrap();
    assert!(
        second.contains("In brief"),
        "the summary is the second page: {second}"
    );
    assert!(
        second.contains("How valued you felt rose from about 4 to about 7"),
        "the preview carries the analysis: {second}"
    );
    assert!(
        width.as_f64().unwrap() > 150.0,
        "a page can be read: {width}"
    );
}

#[test]
fn entries_and_sides_chosen_one_by_one_are_what_the_report_holds() {
    let Some(sandbox) =
        Sandbox::new_or_skip("entries_and_sides_chosen_one_by_one_are_what_the_report_holds")
    else {
        return;
    };
    assert!(
        can_answer_dialogs(),
        "xdotool is needed to answer the file dialog; run scripts/setup.sh"
    );
    seed(&sandbox);
    let out = sandbox.folder("out");
    let path = out.join("chosen.html");
    let but_one = out.join("but-one.html");
    let said = sandbox.run_app(|app| {
        let path = path.clone();
        let but_one = but_one.clone();
        async move {
            // In the Journal: choose, tick Planning and the reflection.
            app.go("#/journal", "#entry-list .entry-link").await?;
            app.click("#journal-choose").await?;
            app.wait_for("#journal-pick-bar:not([hidden])").await?;
            app.eval(
                "for (const item of document.querySelectorAll('#entry-list .entry-item')) { \
                   const title = item.querySelector('.entry-title').textContent; \
                   if (title === 'Planning' || title.startsWith('Reflection')) item.querySelector('.pick-check').click(); } \
                 return null;",
            )
            .await?;
            let count = app.text("#journal-pick-count").await?;
            app.save_screenshot("journal-choosing.png").await?;
            app.click("#journal-export-chosen").await?;
            app.wait_for("#export-entry-list .pick-row").await?;
            app.wait_until(
                "document.querySelector('#export-entry-count')?.textContent === '(2 of 3 ticked)'",
                "Export starts from the two chosen in the Journal",
            )
            .await?;
            let first_summary = app.text("#export-preview .preview-main").await?;
            // Unticking every entry says so and holds the export and pages.
            app.click("#export-untick-all").await?;
            app.wait_until(
                "document.querySelector('#export-preview').textContent.includes('Tick at least one entry.')",
                "nothing ticked is said",
            )
            .await?;
            let held = app
                .eval("return [document.querySelector('#export-save').disabled, document.querySelector('.report-preview').hidden]")
                .await?;
            // Ticking keeps the focus on the box ticked (the rows change in place).
            let focus_kept = app
                .eval(
                    "const boxes = [...document.querySelectorAll('#export-entry-list .pick-entry-check')]; \
                     const wanted = boxes.filter((b) => { const t = b.closest('.pick-row').querySelector('.pick-title').textContent; \
                       return t === 'Planning' || t.startsWith('Reflection'); }); \
                     for (const box of wanted) { box.focus(); box.click(); } \
                     return document.activeElement === wanted[wanted.length - 1];",
                )
                .await?;
            app.wait_until(
                "document.querySelector('#export-entry-count')?.textContent === '(2 of 3 ticked)'",
                "the two are ticked again",
            )
            .await?;
            // Leave the reflection's emotional side out.
            app.eval(
                "document.querySelector('#export-entry-list input[data-side=\"emotional\"]').click(); return null;",
            )
            .await?;
            app.wait_until(
                "document.querySelector('#export-preview').textContent.includes('1 side of a reflection left out')",
                "the preview says a side is left out",
            )
            .await?;
            app.click("#export-format-html").await?;
            let done = export_to(&app, &path).await?;
            // Every entry ticked, then one unticked: just it is left out.
            app.click("#export-tick-all").await?;
            app.eval(
                "for (const row of document.querySelectorAll('#export-entry-list .pick-row')) { \
                   if (row.querySelector('.pick-title').textContent === 'Demo day') row.querySelector('.pick-entry-check').click(); } \
                 return null;",
            )
            .await?;
            app.wait_until(
                "document.querySelector('#export-entry-count')?.textContent === '(2 of 3 ticked)' \
                 && document.querySelector('#export-preview').textContent.includes('Left out one by one: 1 entry of the 3')",
                "one entry unticked from all of them is said",
            )
            .await?;
            let done_again = export_to(&app, &but_one).await?;
            Ok((count, done, first_summary, held, focus_kept, done_again))
        }
    });
    let (count, done, first_summary, held, focus_kept, done_again) = said;
    assert!(
        first_summary.starts_with("2 entries"),
        "the first summary already counts only the two chosen: {first_summary}"
    );
    assert_eq!(
        held,
        serde_json::json!([true, true]),
        "Export and the pages wait"
    );
    assert_eq!(
        focus_kept,
        serde_json::json!(true),
        "the focus stays on the box ticked"
    );
    assert_eq!(count, "2 entries chosen");
    assert!(done.contains("Exported 2 entries"), "{done}");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("Drafted the plan"), "Planning is in");
    assert!(html.contains(VOICE_WORDS), "the side kept is in");
    assert!(!html.contains(SEEN_WORDS), "the side left out is not");
    assert!(
        !html.contains("The demo went well"),
        "the entry not ticked is not"
    );
    assert!(done_again.contains("Exported 2 entries"), "{done_again}");
    let html = std::fs::read_to_string(&but_one).unwrap();
    assert!(html.contains("Drafted the plan") && html.contains(VOICE_WORDS));
    assert!(
        !html.contains(SEEN_WORDS),
        "Tick all keeps the side left out"
    );
    assert!(!html.contains("The demo went well"), "the entry unticked");
}

/// 1,005 notes ("Day 0" to "Day 1004"), one a day from 1 January 2023:
/// more than the 1,000 the list to tick holds. The newest is private.
fn seed_more_than_the_list_holds(sandbox: &Sandbox) {
    sandbox.onboard();
    let notes = sandbox.folder("in").join("notes.jsonl");
    let start = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let lines: Vec<String> = (0..1005u64)
        .map(|n| {
            let day = start + chrono::Days::new(n);
            serde_json::json!({
                "datetime": format!("{day}T09:00"),
                "title": format!("Day {n}"),
                "body": format!("Words of day {n}."),
                "private": n == 1004,
            })
            .to_string()
        })
        .collect();
    std::fs::write(&notes, lines.join("\n")).unwrap();
    let mut journal = sandbox.journal();
    let set = trine_app::interchange::read_import(
        trine_app::interchange::ImportFormat::Jsonl,
        &notes,
        None,
        &trine_app::time::local_offset_at,
    )
    .unwrap();
    journal.import(set).unwrap();
}

#[test]
fn a_journal_of_more_entries_than_the_list_holds_leaves_out_just_the_one_unticked() {
    let Some(sandbox) = Sandbox::new_or_skip(
        "a_journal_of_more_entries_than_the_list_holds_leaves_out_just_the_one_unticked",
    ) else {
        return;
    };
    assert!(
        can_answer_dialogs(),
        "xdotool is needed to answer the file dialog; run scripts/setup.sh"
    );
    seed_more_than_the_list_holds(&sandbox);
    let out = sandbox.folder("out").join("most.jsonl");
    let seen = sandbox.run_app(|app| {
        let out = out.clone();
        async move {
            app.go("#/export", "#export-entries").await?;
            app.click("#export-format-jsonl").await?;
            app.eval("document.querySelector('#export-entries').open = true; return null;")
                .await?;
            app.wait_for("#export-entry-list .pick-row").await?;
            let rows = app
                .eval("return document.querySelectorAll('#export-entry-list .pick-row').length;")
                .await?;
            let note = app.text("#export-entries p.muted").await?;
            // Untick the first listed (the oldest, Day 0).
            app.eval(
                "document.querySelector('#export-entry-list .pick-entry-check').click(); return null;",
            )
            .await?;
            app.wait_until(
                "document.querySelector('#export-entry-count')?.textContent === '(1,003 of 1,004 ticked)'",
                "the count is of every entry the choices match",
            )
            .await?;
            app.eval("document.querySelector('#export-entries p.muted').scrollIntoView({ block: 'center' }); return null;")
                .await?;
            app.save_screenshot("export-long-list.png").await?;
            let done = export_to(&app, &out).await?;
            Ok((rows, note, done))
        }
    });
    let (rows, note, done) = seen;
    assert_eq!(rows, serde_json::json!(1000), "the list holds 1,000");
    assert!(
        note == "Showing the first 1,000 of 1,004: the 4 not shown are exported too. Narrow the dates to tick among them.",
        "{note}"
    );
    assert!(done.contains("Exported 1,003 entries"), "{done}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 1003);
    assert!(!text.contains("\"Day 0\""), "the entry unticked is out");
    assert!(
        text.contains("\"Day 1003\""),
        "entries past the list stay in"
    );
    assert!(!text.contains("\"Day 1004\""), "the private one is not");
}

#[test]
fn entries_chosen_in_the_journal_past_the_list_go_and_a_private_one_waits_to_be_included() {
    let Some(sandbox) = Sandbox::new_or_skip(
        "entries_chosen_in_the_journal_past_the_list_go_and_a_private_one_waits_to_be_included",
    ) else {
        return;
    };
    assert!(
        can_answer_dialogs(),
        "xdotool is needed to answer the file dialog; run scripts/setup.sh"
    );
    seed_more_than_the_list_holds(&sandbox);
    let out = sandbox.folder("out").join("two.jsonl");
    let seen = sandbox.run_app(|app| {
        let out = out.clone();
        async move {
            // The two newest, Day 1004 (private) and Day 1003: both past
            // the list of the oldest 1,000.
            app.go("#/journal", "#entry-list .entry-link").await?;
            app.click("#journal-choose").await?;
            app.wait_for("#journal-pick-bar:not([hidden])").await?;
            app.eval(
                "for (const item of document.querySelectorAll('#entry-list .entry-item')) { \
                   const title = item.querySelector('.entry-title').textContent; \
                   if (title === 'Day 1004' || title === 'Day 1003') item.querySelector('.pick-check').click(); } \
                 return null;",
            )
            .await?;
            app.click("#journal-export-chosen").await?;
            app.wait_for("#export-entry-list .pick-row").await?;
            app.click("#export-format-jsonl").await?;
            app.wait_until(
                "document.querySelector('#export-entry-count')?.textContent === '(1 of 1,004 ticked)'",
                "the one that is not private is counted",
            )
            .await?;
            let unseen = app
                .eval("return document.querySelector('#export-preview').textContent;")
                .await?;
            let error_shown = app.is_shown("#status").await?;
            let done = export_to(&app, &out).await?;
            Ok((unseen, error_shown, done))
        }
    });
    let (unseen, error_shown, done) = seen;
    let unseen = unseen.as_str().unwrap_or_default().to_string();
    assert!(
        unseen.contains("1 entry chosen in the Journal is not among these choices"),
        "{unseen}"
    );
    assert!(!error_shown, "no error for the private one");
    assert!(done.contains("Exported 1 entry"), "{done}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 1);
    assert!(text.contains("\"Day 1003\""), "{text}");
}
