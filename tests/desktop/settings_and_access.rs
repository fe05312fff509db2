//! Settings that stick, and controls that every user can reach: each has an
//! accessible name, and the screens switch from the keyboard.

use serde_json::Value;
use trine_app::prelude::*;

use crate::harness::Sandbox;
use crate::screens::every_screen;

#[test]
fn the_theme_chosen_in_settings_is_kept() {
    let Some(sandbox) = Sandbox::new_or_skip("the_theme_chosen_in_settings_is_kept") else {
        return;
    };
    sandbox.onboard();

    let path = sandbox.run_app(|app| async move {
        app.go("#/settings", "#setting-theme-dark").await?;
        app.click("#setting-theme-dark").await?;
        app.wait_until(
            "document.documentElement.dataset.theme === 'dark'",
            "the theme applies at once",
        )
        .await?;
        let path = app.value("#setting-path").await?;
        app.click("#setting-first-day").await?;
        app.eval(
            "const s = document.querySelector('#setting-first-day');
             s.value = 'sunday'; s.dispatchEvent(new Event('change')); return null;",
        )
        .await?;
        app.wait_until(
            "document.querySelector('.screen-head .save-state').textContent === 'Saved'",
            "settings save at once",
        )
        .await?;
        Ok(path)
    });
    assert!(
        path.ends_with("journal.db") && path.starts_with(&sandbox.data_dir.display().to_string()),
        "Settings shows where the journal lives: {path}"
    );

    let (theme, label) = sandbox.run_app(|app| async move {
        let label = app.wait_for_text("#week-label").await?;
        let theme = app
            .eval("return document.documentElement.dataset.theme;")
            .await?;
        Ok((theme, label))
    });
    assert_eq!(theme, "dark", "the theme is kept in the journal");
    let settings = sandbox.journal().app_settings().unwrap();
    assert_eq!(settings.first_day, "sunday");
    assert!(
        label.starts_with("The week of "),
        "This week follows the new first day: {label}"
    );
}

/// The situation is chosen in Settings, kept with the day it changed, and
/// said back with that day; once said, it is changed rather than taken back.
#[test]
fn the_situation_is_chosen_in_settings_and_kept_with_its_day() {
    let Some(sandbox) =
        Sandbox::new_or_skip("the_situation_is_chosen_in_settings_and_kept_with_its_day")
    else {
        return;
    };
    sandbox.onboard();

    let (options, help, rather_not_say_left) = sandbox.run_app(|app| async move {
        app.go("#/settings", "#setting-situation").await?;
        app.wait_until(
            "document.querySelectorAll('#setting-situation option').length === 7",
            "the situations are offered",
        )
        .await?;
        let options = app
            .eval("return [...document.querySelectorAll('#setting-situation option')].map((o) => o.textContent);")
            .await?;
        app.eval(
            "const s = document.querySelector('#setting-situation');
             s.value = 'changing-fields'; s.dispatchEvent(new Event('change')); return null;",
        )
        .await?;
        app.wait_until(
            "document.querySelector('#situation-help').textContent.startsWith('Since ')",
            "the day it changed is said",
        )
        .await?;
        let help = app.text("#situation-help").await?;
        app.save_screenshot("settings-situation-light.png").await?;
        app.set_theme("dark").await?;
        app.save_screenshot("settings-situation-dark.png").await?;
        app.resize(600, 900).await?;
        app.save_screenshot("settings-situation-600.png").await?;
        app.set_theme("light").await?;
        // Opened again, the choice is there and "rather not say" is gone.
        app.go("#/week", "#week-label").await?;
        app.go("#/settings", "#setting-situation").await?;
        app.wait_until(
            "document.querySelector('#setting-situation').value === 'changing-fields'",
            "the choice is shown again",
        )
        .await?;
        let rather_not_say_left = app
            .eval("return document.querySelector('#setting-situation option[value=\"\"]') !== null;")
            .await?;
        Ok((options, help, rather_not_say_left))
    });

    let options: Vec<String> = serde_json::from_value(options).unwrap();
    assert_eq!(options[0], "I would rather not say");
    assert!(
        options.contains(&"Looking for work".to_string()),
        "{options:?}"
    );
    assert!(
        help.starts_with("Since ") && help.contains("keeps the day it changed"),
        "{help}"
    );
    assert_eq!(rather_not_say_left, false);
    let now = sandbox.journal().situation().unwrap().unwrap();
    assert_eq!(now.situation, trine_app::Situation::ChangingFields);
}

/// Every visible control on the screen, without an accessible name.
const UNNAMED: &str = r#"
    const named = (el) =>
      (el.getAttribute('aria-label') || '').trim() ||
      (el.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join('').trim() ||
      (el.labels && [...el.labels].map((l) => l.textContent).join('').trim()) ||
      (['BUTTON', 'A', 'SUMMARY'].includes(el.tagName) && el.textContent.trim()) ||
      (el.title || '').trim();
    return [...document.querySelectorAll('input, select, textarea, button, a[href], summary, [role=radiogroup], [role=toolbar]')]
      .filter((el) => el.getClientRects().length > 0 || el.type === 'radio')
      .filter((el) => !named(el))
      .map((el) => el.outerHTML.slice(0, 120));
"#;

#[test]
fn every_control_on_every_screen_has_a_name() {
    let Some(sandbox) = Sandbox::new_or_skip("every_control_on_every_screen_has_a_name") else {
        return;
    };
    let screens = every_screen(&sandbox);
    let unnamed = sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        let mut unnamed = Vec::new();
        for (hash, ready) in &screens {
            app.go(hash, ready).await?;
            if let Value::Array(found) = app.eval(UNNAMED).await? {
                unnamed.extend(found.into_iter().map(|f| format!("{hash}: {f}")));
            }
        }
        Ok(unnamed)
    });

    assert!(
        unnamed.is_empty(),
        "controls without a name for screen readers:\n{}",
        unnamed.join("\n")
    );
}

#[test]
fn the_preview_shows_the_markdown_rendered_by_the_core() {
    let Some(sandbox) = Sandbox::new_or_skip("the_preview_shows_the_markdown_rendered_by_the_core")
    else {
        return;
    };
    sandbox.onboard();

    let (bold, quote, height_kept) = sandbox.run_app(|app| async move {
        let area = "textarea[data-side=emotional]";
        app.type_into(area, "Felt **seen** today").await?;
        // The toolbar wraps the selection: select "today", then Quote.
        app.eval(&format!(
            "const t = document.querySelector('{area}'); t.focus(); t.setSelectionRange(0, 4); return null;"
        ))
        .await?;
        app.click(".side-card[data-side=emotional] .toolbar button:nth-child(4)")
            .await?;
        let before = app
            .eval("return document.querySelector('.side-card[data-side=emotional] .editor').offsetHeight;")
            .await?;
        app.click(".side-card[data-side=emotional] .tool-preview")
            .await?;
        let bold = app
            .wait_for_text(".side-card[data-side=emotional] .editor-preview strong")
            .await?;
        let quote = app
            .text(".side-card[data-side=emotional] .editor-preview blockquote")
            .await?;
        let after = app
            .eval("return document.querySelector('.side-card[data-side=emotional] .editor').offsetHeight;")
            .await?;
        Ok((bold, quote, before == after))
    });

    assert_eq!(bold, "seen", "Markdown is rendered in the preview");
    assert_eq!(quote, "Felt seen today", "the Quote button quoted the line");
    assert!(
        height_kept,
        "the preview keeps the editor's height: no jump"
    );
}

#[test]
fn open_folder_asks_the_system_to_open_the_journals_folder() {
    let Some(sandbox) =
        Sandbox::new_or_skip("open_folder_asks_the_system_to_open_the_journals_folder")
    else {
        return;
    };
    sandbox.onboard();
    let data_dir = sandbox.data_dir.clone();
    sandbox.run_app(|app| async move {
        app.go("#/settings", "#open-data-folder").await?;
        app.click("#open-data-folder").await?;
        app.wait_until(
            "document.querySelector('.path-row .save-state').textContent === 'Opened'",
            "the folder to open",
        )
        .await?;
        Ok(())
    });
    // The stand-in xdg-open may be started detached: give it a moment.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while sandbox.opened().is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let opened = sandbox.opened();
    assert_eq!(
        opened.trim(),
        std::fs::canonicalize(&data_dir)
            .unwrap_or(data_dir.clone())
            .display()
            .to_string(),
        "the journal's folder, and nothing else"
    );
}

#[test]
fn settings_say_plainly_when_reminders_can_come() {
    let Some(sandbox) = Sandbox::new_or_skip("settings_say_plainly_when_reminders_can_come") else {
        return;
    };
    sandbox.onboard();
    let (off, on) = sandbox.run_app(|app| async move {
        app.go("#/settings", "#reminder-how").await?;
        let off = app.text("#reminder-how").await?;
        app.click("#setting-autostart").await?;
        app.wait_until(
            "/starts when you log in/.test(document.querySelector('#reminder-how').textContent)",
            "the words follow starting at login",
        )
        .await?;
        let on = app.text("#reminder-how").await?;
        app.click("#setting-autostart").await?;
        Ok((off, on))
    });
    assert!(
        off.contains("only while Trine is running") && off.contains("Start Trine when I log in"),
        "{off}"
    );
    assert!(on.contains("only while Trine is running"), "{on}");
}
