//! Accessibility of every screen, in the real webview: axe-core (the
//! engine behind most accessibility checkers) finds no serious or critical
//! violation in the light or the dark theme, and every control can be
//! reached with the Tab key alone, with a visible focus.
//!
//! axe-core comes from npm (`package.json`, installed by scripts/setup.sh);
//! it is handed to the page by WebDriver, so the app itself never loads it.

use fantoccini::key::Key;
use serde_json::Value;

use crate::harness::{Sandbox, Step};
use crate::screens::every_screen;

/// axe-core's script, from `node_modules` (installed by `npm ci`).
fn axe_source() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/node_modules/axe-core/axe.min.js"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("{path}: {e}; run scripts/setup.sh (it runs npm ci) to install axe-core")
    })
}

/// Dialogs to check open: the screen, what shows when it is ready, the
/// button that opens the dialog, and the dialog.
const DIALOGS: [(&str, &str, &str, &str); 2] = [
    (
        "#/settings",
        "#passphrase-on",
        "#passphrase-on",
        "#passphrase-dialog",
    ),
    ("#/backups", "#erase-open", "#erase-open", "#erase-confirm"),
];

/// Runs axe on the page and returns its serious and critical violations,
/// one line each with the elements concerned.
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] }).then(
  (results) => done(results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('; ')})`)),
  (error) => done([`axe could not run: ${error}`]),
);
"#;

#[test]
fn axe_finds_nothing_serious_on_any_screen_in_either_theme() {
    let Some(sandbox) =
        Sandbox::new_or_skip("axe_finds_nothing_serious_on_any_screen_in_either_theme")
    else {
        return;
    };
    let screens = every_screen(&sandbox);
    let screen_count = screens.len();
    let axe = axe_source();
    let (found, checked) = sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        let injected = app
            .eval(&format!("{axe}\n;return typeof window.axe.run;"))
            .await
            .map_err(|e| e.chars().take(300).collect::<String>())?;
        if injected != Value::String("function".into()) {
            return Err(format!("axe did not load: {injected}"));
        }
        let mut found = Vec::new();
        let mut checked = 0;
        for theme in ["light", "dark"] {
            app.set_theme(theme).await?;
            for (hash, ready) in &screens {
                app.go(hash, ready).await?;
                let Value::Array(violations) = app.run_script(RUN_AXE).await? else {
                    return Err(format!("axe gave no list on {hash}"));
                };
                checked += 1;
                found.extend(
                    violations
                        .into_iter()
                        .map(|v| format!("{hash} ({theme}): {}", v.as_str().unwrap_or("?"))),
                );
            }
            // The dialogs, open.
            for (hash, ready, open, dialog) in DIALOGS {
                app.go(hash, ready).await?;
                app.click(open).await?;
                app.wait_for(&format!("{dialog}[open]")).await?;
                let Value::Array(violations) = app.run_script(RUN_AXE).await? else {
                    return Err(format!("axe gave no list on {dialog}"));
                };
                checked += 1;
                found.extend(
                    violations
                        .into_iter()
                        .map(|v| format!("{dialog} ({theme}): {}", v.as_str().unwrap_or("?"))),
                );
                app.press("\u{e00c}").await?; // Escape closes it
            }
        }
        Ok((found, checked))
    });
    assert_eq!(
        checked,
        2 * (screen_count + DIALOGS.len()),
        "every screen and dialog in both themes"
    );
    assert!(
        found.is_empty(),
        "axe found serious or critical problems:\n{}",
        found.join("\n")
    );
}

/// How a control is named in the report: a radio button by its group and
/// a toolbar's button by its toolbar (Tab reaches a group or a toolbar
/// once; the arrow keys move within it), anything else by its id, words or
/// label.
const NAME_OF: &str = r#"
const nameOf = (e) => e.type === 'radio' ? `radio group ${e.name}`
  : e.closest('[role=toolbar]') ? `toolbar ${e.closest('[role=toolbar]').getAttribute('aria-label')}`
  : e.id || e.textContent.trim().slice(0, 40) || e.getAttribute('aria-label') || e.outerHTML.slice(0, 60);
"#;

/// The controls a keyboard should reach on the page (their names, and
/// how many there are).
const CONTROLS: &str = r#"
const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
const radioShown = (e) => e.type === 'radio' && shown(e.closest('label') || e);
// Inside a closed disclosure only its summary can be reached, by design.
const folded = (e) => { const d = e.closest('details:not([open])'); return d !== null && e !== d.querySelector(':scope > summary'); };
const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  .filter((e) => !e.disabled && (shown(e) || radioShown(e)) && !e.closest('[inert], dialog:not([open])') && !folded(e));
return [[...new Set(all.map(nameOf))], all.length];
"#;

/// The focused control's name, and whether it shows the focus: a ring or
/// a glow on it, on the box around it (the editor), or on the picture
/// that stands for it (the check-in's scale buttons).
const FOCUSED: &str = r#"
const e = document.activeElement;
if (!e || e === document.body) return null;
const ring = (n) => {
  if (!n) return false;
  const style = getComputedStyle(n);
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
};
return [nameOf(e), [e, e.nextElementSibling, e.closest('.editor')].some(ring)];
"#;

/// Presses Tab until the focus comes back round, and returns the controls
/// reached and those reached without a visible focus.
async fn tab_round(app: &crate::harness::App, limit: usize) -> Step<(Vec<String>, Vec<String>)> {
    let mut reached: Vec<String> = Vec::new();
    let mut unseen = Vec::new();
    for _ in 0..limit {
        app.press_key(Key::Tab).await?;
        if let Value::Array(pair) = app.eval(&format!("{NAME_OF}{FOCUSED}")).await? {
            let name = pair[0].as_str().unwrap_or("?").to_string();
            if reached.first() == Some(&name) {
                break;
            }
            if pair[1] != Value::Bool(true) {
                unseen.push(name.clone());
            }
            reached.push(name);
        }
    }
    Ok((reached, unseen))
}

#[test]
fn every_control_on_every_screen_is_reached_with_tab_and_shows_its_focus() {
    let Some(sandbox) = Sandbox::new_or_skip(
        "every_control_on_every_screen_is_reached_with_tab_and_shows_its_focus",
    ) else {
        return;
    };
    let screens = every_screen(&sandbox);
    let problems = sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        let mut problems = Vec::new();
        for (hash, ready) in &screens {
            app.go(hash, ready).await?;
            app.eval("document.activeElement && document.activeElement.blur(); return null;")
                .await?;
            let found = app.eval(&format!("{NAME_OF}{CONTROLS}")).await?;
            let (Some(names), Some(count)) = (found[0].as_array(), found[1].as_u64()) else {
                return Err(format!("no list of controls on {hash}"));
            };
            let controls: Vec<String> = names
                .iter()
                .map(|c| c.as_str().unwrap_or("?").to_string())
                .collect();
            let (reached, unseen) = tab_round(&app, count as usize + 8).await?;
            let missed: Vec<&String> = controls.iter().filter(|c| !reached.contains(c)).collect();
            if !missed.is_empty() {
                problems.push(format!(
                    "{hash}: Tab never reaches {missed:?}; it went {reached:?}"
                ));
            }
            for name in unseen {
                problems.push(format!(
                    "{hash}: {name:?} has the focus but does not show it"
                ));
            }
        }
        Ok(problems)
    });
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
