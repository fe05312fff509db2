//! The app opens its journal, shows what it holds, says why when it cannot,
//! and reaches nothing but its own shell.

use serde_json::Value;
use trine_app::prelude::*;

use crate::harness::Sandbox;

#[test]
fn a_journal_with_three_entries_shows_three() {
    let Some(sandbox) = Sandbox::new_or_skip("a_journal_with_three_entries_shows_three") else {
        return;
    };
    sandbox.seed_notes(3);

    let (count, line) = sandbox.run_app(|app| async move {
        let count = app.wait_for_text("#entry-count").await?;
        let line = app.text("#count-line").await?;
        Ok((count, line))
    });

    assert_eq!(
        count, "3",
        "the foot of the window shows how many entries the journal holds"
    );
    assert_eq!(line, "Your journal holds 3 entries.");
}

#[test]
fn an_empty_journal_shows_zero_and_the_introduction() {
    let Some(sandbox) = Sandbox::new_or_skip("an_empty_journal_shows_zero_and_the_introduction")
    else {
        return;
    };

    let (count, line, status_shown, heading) = sandbox.run_app(|app| async move {
        let count = app.wait_for_text("#entry-count").await?;
        let line = app.text("#count-line").await?;
        let heading = app.wait_for_text(".welcome-stage h1").await?;
        let status_shown = app.is_shown("#status").await?;
        Ok((count, line, status_shown, heading))
    });

    assert_eq!(count, "0", "an empty journal shows a count of 0");
    assert_eq!(line, "No entries yet: your journal holds 0 entries.");
    assert_eq!(
        heading, "Welcome to Trine",
        "a new journal starts with the introduction"
    );
    assert!(!status_shown, "no error is shown when all is well");
    assert!(
        sandbox.data_dir.join("journal.db").is_file(),
        "the app created its journal in TRINE_DATA_DIR, not in the real data folder"
    );
}

#[test]
fn the_introduction_leads_to_a_check_in_and_this_week() {
    let Some(sandbox) = Sandbox::new_or_skip("the_introduction_leads_to_a_check_in_and_this_week")
    else {
        return;
    };

    // Where the step's heading is: its top edge, in the window's terms.
    const HEADING_TOP: &str =
        "return [window.scrollY, Math.round(document.querySelector('.welcome-stage h1').getBoundingClientRect().top)];";
    let (components, label, step_two, step_three, situations) = sandbox.run_app(|app| async move {
        app.eval("window.scrollTo(0, document.body.scrollHeight); return null;")
            .await?;
        app.click("#welcome-next").await?;
        // Where the person is now: six situations, one chosen.
        app.wait_for("#welcome-situation-next").await?;
        let situations = app
            .eval("return document.querySelectorAll('.situation-choice').length;")
            .await?;
        app.save_screenshot("first-run-situation-light.png").await?;
        app.set_theme("dark").await?;
        app.save_screenshot("first-run-situation-dark.png").await?;
        app.resize(600, 900).await?;
        app.save_screenshot("first-run-situation-600.png").await?;
        app.set_theme("light").await?;
        app.click("#welcome-situation-looking").await?;
        app.eval("window.scrollTo(0, document.body.scrollHeight); return null;")
            .await?;
        app.click("#welcome-situation-next").await?;
        app.wait_for("#checkin-save").await?;
        let step_two = app.eval(HEADING_TOP).await?;
        let components = app
            .eval("return document.querySelectorAll('.component-row').length;")
            .await?;
        app.click("[data-component=feeling_seen] .scale-option:nth-child(4)")
            .await?;
        app.click("#checkin-save").await?;
        app.wait_for("#welcome-finish").await?;
        let step_three = app.eval(HEADING_TOP).await?;
        app.click("#welcome-finish").await?;
        let label = app.wait_for_text("#week-label").await?;
        Ok((components, label, step_two, step_three, situations))
    });
    assert_eq!(situations, 6, "every situation is offered");
    for (step, seen) in [(2, step_two), (3, step_three)] {
        let [scrolled, top]: [i64; 2] = serde_json::from_value(seen).unwrap();
        assert_eq!(scrolled, 0, "step {step} opens at the top of the page");
        assert!(top >= 0, "step {step}'s heading is in view ({top})");
    }

    assert_eq!(components, 9, "the first check-in asks about all nine");
    assert!(
        label.starts_with("The week of "),
        "finishing opens This week: {label:?}"
    );
    let journal = sandbox.journal();
    assert!(
        journal.app_settings().unwrap().onboarded,
        "the introduction is shown once"
    );
    assert_eq!(
        journal.situation().unwrap().map(|s| s.situation),
        Some(trine_app::Situation::Looking),
        "the situation chosen is kept"
    );
    let checkin = journal.checkins().unwrap().into_iter().next();
    assert_eq!(
        checkin.map(|c| c.scores.get("feeling_seen").copied()),
        Some(Some(4)),
        "the first check-in is saved"
    );
}

#[test]
fn a_journal_that_cannot_be_opened_shows_why() {
    let Some(sandbox) = Sandbox::new_or_skip("a_journal_that_cannot_be_opened_shows_why") else {
        return;
    };
    // A file where the journal's folder should be: the app cannot use it.
    std::fs::write(&sandbox.data_dir, "not a folder").unwrap();

    let (status, count_shown) = sandbox.run_app(|app| async move {
        let status = app.wait_for_text("#status:not([hidden])").await?;
        let count_shown = app.is_shown("#entry-count").await?;
        app.save_screenshot("error-light.png").await?;
        Ok((status, count_shown))
    });

    assert!(
        status.contains(&sandbox.data_dir.display().to_string()),
        "the error names the folder at fault: {status:?}"
    );
    assert!(
        !status.contains("code") && !status.contains('{'),
        "the error is a sentence, not a dump: {status:?}"
    );
    assert!(
        !count_shown,
        "no count is shown when the journal is not open"
    );
}

#[test]
fn the_csp_lets_ipc_through_and_blocks_the_network() {
    let Some(sandbox) = Sandbox::new_or_skip("the_csp_lets_ipc_through_and_blocks_the_network")
    else {
        return;
    };

    // Fetch the IPC endpoint and an outside address from inside the page, and
    // collect what the CSP reports. Tauri falls back to another IPC channel
    // when the CSP blocks its own, so a working `invoke` alone would not show
    // that `connect-src` is right.
    let report = sandbox.run_app(|app| async move {
        app.wait_for_text("#entry-count").await?;
        app.run_script(
            r#"
            const done = arguments[arguments.length - 1];
            const violations = [];
            document.addEventListener('securitypolicyviolation', (event) => {
              violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
            });
            const ipc = window.__TAURI__.core.convertFileSrc('entry_count', 'ipc');
            const attempt = (url) => fetch(url, { method: 'POST', body: '{}' })
              .then(() => 'answered', () => 'failed');
            Promise.all([attempt(ipc), attempt('https://example.invalid/')])
              .then(([ipcResult, outsideResult]) => setTimeout(
                () => done({ ipc, ipcResult, outsideResult, violations }), 200));
            "#,
        )
        .await
    });

    let violations: Vec<&str> = report["violations"]
        .as_array()
        .expect("the script returns its report")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        report["ipcResult"], "answered",
        "the shell answers IPC over its own protocol: {report}"
    );
    assert!(
        violations.iter().all(|v| v.contains("example.invalid")),
        "the CSP allows Tauri's IPC protocol: nothing else was blocked: {report}"
    );
    assert!(
        violations
            .iter()
            .any(|v| v.starts_with("connect-src") && v.contains("example.invalid")),
        "the CSP blocks requests to the network: {report}"
    );
    assert_eq!(report["outsideResult"], "failed", "{report}");
}

#[test]
fn an_encrypted_journal_asks_for_its_passphrase() {
    let Some(sandbox) = Sandbox::new_or_skip("an_encrypted_journal_asks_for_its_passphrase") else {
        return;
    };
    {
        // Created with a passphrase: encrypted from the start.
        let mut journal =
            trine_app::Journal::open_in_with(&sandbox.data_dir, Some("correct horse")).unwrap();
        let mut settings = journal.app_settings().unwrap();
        settings.onboarded = true;
        journal.save_app_settings(&settings).unwrap();
        journal
            .create(trine_app::NewEntry::note(
                "Under lock",
                "Only with the passphrase.",
            ))
            .unwrap();
    }

    let (heading, wrong, count) = sandbox.run_app(|app| async move {
        let heading = app.wait_for_text("h1").await?;
        app.save_screenshot("unlock-light.png").await?;
        app.type_into("#unlock-passphrase", "not it").await?;
        app.click("#unlock-open").await?;
        let wrong = app.wait_for_text(".unlock-problem:not(:empty)").await?;
        app.type_into("#unlock-passphrase", "correct horse").await?;
        app.press(&char::from(fantoccini::key::Key::Enter).to_string())
            .await?;
        app.wait_for("#week-label").await?;
        let count = app.wait_for_text("#entry-count").await?;
        Ok((heading, wrong, count))
    });

    assert_eq!(heading, "Your journal is locked");
    assert_eq!(
        wrong,
        "That passphrase does not open this journal. Check it and try again."
    );
    assert_eq!(count, "1", "the right passphrase opens the journal");
}

/// Trine's pages need no GPU: the shell turns WebGL off with accelerated
/// compositing (src-tauri/src/lean_webview.rs), and the pages still draw.
#[test]
fn the_webview_runs_without_webgl() {
    let Some(sandbox) = Sandbox::new_or_skip("the_webview_runs_without_webgl") else {
        return;
    };
    sandbox.seed_notes(2);

    let (webgl, entries) = sandbox.run_app(|app| async move {
        app.wait_for_text("#entry-count").await?;
        let webgl = app
            .eval(
                "const canvas = document.createElement('canvas');
                 return Boolean(canvas.getContext('webgl') || canvas.getContext('webgl2'));",
            )
            .await?;
        app.go("#/journal", "#entry-list .entry-item").await?;
        let entries = app
            .eval("return document.querySelectorAll('#entry-list .entry-item').length;")
            .await?;
        Ok((webgl, entries))
    });

    assert_eq!(webgl, Value::Bool(false), "WebGL is off in Trine's window");
    assert_eq!(entries, Value::from(2), "the Journal list still shows");
}
