//! The X display's side of the desktop tests, where WebDriver cannot reach:
//! finding a process's window, copying it to a PNG, closing it as a window
//! manager's close button does, moving and reading the input focus, and a
//! window manager on demand (Xvfb has none). The Python helpers beside
//! this file do the X protocol work with python3-xlib.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::Step;

/// The Python that has python3-xlib (Debian's, not a version manager's).
const PYTHON: &str = "/usr/bin/python3";

/// A process that is killed when this is dropped, even if a test fails.
pub struct Stopped(pub Child);

impl Drop for Stopped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A Python helper in `tests/desktop/`.
fn helper(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/desktop")
        .join(name)
}

/// Runs a Python helper; its standard output, or why it failed.
fn run_helper(name: &str, args: &[&str]) -> Step<String> {
    let out = Command::new(PYTHON)
        .arg(helper(name))
        .args(args)
        // Nothing written into the source tree (xwindows.py is imported).
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .map_err(|e| format!("could not run {name}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{name} {} failed (python3-xlib? scripts/setup.sh): {}{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Whether the Python helpers can work here.
pub fn can_close_windows() -> bool {
    Command::new(PYTHON)
        .args(["-c", "import Xlib"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The X id of the shown window of process `pid`, if it has one (xdotool).
pub fn shown_window(pid: u32) -> Step<Option<String>> {
    let out = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--pid", &pid.to_string()])
        .output()
        .map_err(|e| format!("could not run xdotool (scripts/setup.sh): {e}"))?;
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .map(|w| w.trim().to_string()))
}

/// Copies what X window `window` shows to the PNG file `to` (ImageMagick).
pub fn copy_window(window: &str, to: &Path) -> Step<()> {
    let out = Command::new("import")
        .args(["-window", window])
        .arg(to)
        .output()
        .map_err(|e| format!("could not run ImageMagick's import (scripts/setup.sh): {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "import could not copy window {window}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}

/// Asks the windows of process `pid` to close, as a close button does
/// (`close_window.py`).
pub fn ask_to_close(pid: u32) -> Step<()> {
    run_helper("close_window.py", &[&pid.to_string()])
        .map(drop)
        .map_err(|e| format!("could not ask the window of process {pid} to close: {e}"))
}

/// The name of the top-level window with the X input focus.
pub fn focused_window() -> String {
    run_helper("x_focus.py", &["name"]).expect("read the X input focus")
}

/// Puts the X input focus on the root window, so that no app has it.
pub fn move_focus_away() -> Step<()> {
    run_helper("x_focus.py", &["away"]).map(drop)
}

/// The states ("normal", "iconic") a window manager gave `pid`'s windows,
/// one per line.
pub fn window_states(pid: u32) -> String {
    run_helper("window_state.py", &[&pid.to_string()]).expect("read the window states")
}

/// Starts openbox on the display, with `home` as its HOME, and returns
/// once it manages the display; it stops when the result is dropped.
pub fn start_window_manager(home: &Path) -> Stopped {
    let mut openbox = Stopped(
        Command::new("openbox")
            .arg("--sm-disable")
            .env("HOME", home)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openbox, a window manager for Xvfb; run scripts/setup.sh"),
    );
    let deadline = Instant::now() + Duration::from_secs(15);
    while run_helper("window_state.py", &["wm"]).is_err() {
        if let Ok(Some(status)) = openbox.0.try_wait() {
            panic!("openbox ended at once ({status})");
        }
        assert!(
            Instant::now() < deadline,
            "openbox did not take the display within 15 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    openbox
}
