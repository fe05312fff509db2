//! Answers the system's file dialog (GTK's, opened by the app's shell for
//! Export and Import) as a person would: it waits for the dialog's window,
//! gives it the keyboard, types a full path and presses Enter. Uses
//! `xdotool` (installed by scripts/setup.sh) on the test's X display.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::harness::{App, Step, SCREEN_TIMEOUT};

/// Whether the dialog can be answered here.
pub fn can_answer_dialogs() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("xdotool").is_file()))
}

fn xdotool(args: &[&str]) -> Step<String> {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .map_err(|e| format!("could not run xdotool (scripts/setup.sh installs it): {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "xdotool {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Waits for a visible window whose title contains `title` and gives it
/// the keyboard; returns its window id.
async fn focus_dialog(title: &str) -> Step<String> {
    let deadline = Instant::now() + SCREEN_TIMEOUT;
    let window = loop {
        let found = xdotool(&["search", "--onlyvisible", "--name", title]).unwrap_or_default();
        if let Some(id) = found.lines().next() {
            break id.trim().to_string();
        }
        if Instant::now() >= deadline {
            return Err(format!("no file dialog titled {title:?} opened"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    // A busy machine can hold a typed key down past the X server's repeat
    // delay and type it twice: turn key repeat off on the test display.
    let _ = Command::new("/usr/bin/python3")
        .args([
            "-c",
            "from Xlib import X, display; d = display.Display(); \
             d.change_keyboard_control(auto_repeat_mode=X.AutoRepeatModeOff); d.sync()",
        ])
        .status();
    // Let GTK finish laying the dialog out and focus its name field.
    tokio::time::sleep(Duration::from_millis(700)).await;
    xdotool(&["windowfocus", "--sync", &window])?;
    Ok(window)
}

/// Presses `key` (e.g. `Escape`) in the dialog titled `title`.
pub async fn press_in_dialog(title: &str, key: &str) -> Step<()> {
    focus_dialog(title).await?;
    xdotool(&["key", "--clearmodifiers", key])?;
    Ok(())
}

/// Answers the save dialog titled `title`: replaces the name it suggests
/// with the full `path` and presses Enter.
pub async fn answer_save_dialog(title: &str, path: &Path) -> Step<()> {
    let window = focus_dialog(title).await?;
    xdotool(&["key", "--clearmodifiers", "ctrl+a"])?;
    type_path(&path_text(path)?).await?;
    xdotool(&["key", "Return"])?;
    wait_closed(title, &window).await
}

/// Answers the open dialog titled `title` with the file `path`: typing a
/// path that starts with `/` opens the dialog's location field.
pub async fn answer_open_dialog(title: &str, path: &Path) -> Step<()> {
    let window = focus_dialog(title).await?;
    open_location_field().await?;
    type_path(&path_text(path)?).await?;
    xdotool(&["key", "Return"])?;
    wait_closed(title, &window).await
}

/// Answers the folder dialog titled `title` with the folder `path`: goes
/// into it, empties the location field and presses Enter, which chooses
/// the folder the dialog is in.
pub async fn answer_folder_dialog(title: &str, path: &Path) -> Step<()> {
    let window = focus_dialog(title).await?;
    open_location_field().await?;
    type_path(&format!("{}/", path_text(path)?)).await?;
    xdotool(&["key", "Return"])?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    xdotool(&["key", "--clearmodifiers", "ctrl+a", "BackSpace"])?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    xdotool(&["key", "Return"])?;
    wait_closed(title, &window).await
}

/// Typing `/` opens an open dialog's location field (or types `/` into
/// it); keys typed while it opens may be lost, so wait, then select what
/// it holds, for the path typed next to replace.
async fn open_location_field() -> Step<()> {
    xdotool(&["type", "/"])?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    xdotool(&["key", "--clearmodifiers", "ctrl+a"])?;
    Ok(())
}

fn path_text(path: &Path) -> Step<String> {
    let path = path
        .canonicalize()
        .map_err(|e| format!("{}: {e}", path.display()))
        .or_else(|_| Ok::<_, String>(path.to_path_buf()))?;
    path.to_str()
        .map(str::to_string)
        .ok_or_else(|| "the path is not UTF-8".into())
}

async fn type_path(path: &str) -> Step<()> {
    xdotool(&["type", "--delay", "15", path])?;
    // Let the location field's completion settle before Enter.
    tokio::time::sleep(Duration::from_millis(400)).await;
    Ok(())
}

/// Waits for the dialog to close; if it does not, saves a picture of the
/// screen next to the other screenshots and says where.
async fn wait_closed(title: &str, window: &str) -> Step<()> {
    let deadline = Instant::now() + Duration::from_secs(5);
    let shown = || {
        xdotool(&["search", "--onlyvisible", "--name", title])
            .unwrap_or_default()
            .lines()
            .any(|id| id.trim() == window)
    };
    while shown() {
        if Instant::now() >= deadline {
            let picture = crate::harness::screenshot_folder().join("file-dialog-stuck.png");
            let _ = std::fs::create_dir_all(picture.parent().unwrap());
            let _ = Command::new("import")
                .args(["-window", "root"])
                .arg(&picture)
                .status();
            return Err(format!(
                "the file dialog did not close after the path was typed; see {}",
                picture.display()
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// On the Export screen: clicks Export…, answers the save dialog with
/// `path` and waits for the result line, which it returns.
pub async fn export_to(app: &App, path: &Path) -> Step<String> {
    // Export waits for the preview to catch up with the last change.
    app.wait_until(
        "!document.querySelector('#export-save').disabled",
        "Export can be pressed",
    )
    .await?;
    app.click("#export-save").await?;
    answer_save_dialog("Export", path).await?;
    app.wait_until(
        "document.querySelector('#export-result')?.textContent.startsWith('Exported')",
        "the export says it is done",
    )
    .await?;
    app.text("#export-result").await
}
