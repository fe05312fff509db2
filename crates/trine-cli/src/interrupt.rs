//! Ctrl+C during `trine reflect`: an answer being written in the editor
//! lives in a file for a moment, and that file must not outlive the
//! session. While the editor runs, Ctrl+C is left to the editor (it goes to
//! the whole terminal's foreground group) and `trine` removes the file and
//! stops when the editor ends; at any other moment Ctrl+C removes the file
//! if there is one and stops at once. Either way the exit code is 130, as a
//! shell gives a program stopped by Ctrl+C.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

static ANSWER_FILE: Mutex<Option<PathBuf>> = Mutex::new(None);
static EDITING: AtomicBool = AtomicBool::new(false);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
static INSTALL: Once = Once::new();

/// The exit code of a program stopped by Ctrl+C.
const INTERRUPTED_EXIT: i32 = 128 + 2;

fn remove_answer_file() {
    let taken = ANSWER_FILE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take();
    if let Some(path) = taken {
        let _ = std::fs::remove_file(path);
    }
}

/// Takes over Ctrl+C for this process (once).
fn install() {
    INSTALL.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if EDITING.load(Ordering::SeqCst) {
                INTERRUPTED.store(true, Ordering::SeqCst);
            } else {
                remove_answer_file();
                eprintln!();
                std::process::exit(INTERRUPTED_EXIT);
            }
        });
    });
}

/// An answer file being edited: registered for removal on Ctrl+C.
pub struct Editing;

impl Editing {
    /// Registers `path` and marks the editor as running.
    pub fn start(path: PathBuf) -> Editing {
        install();
        *ANSWER_FILE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(path);
        EDITING.store(true, Ordering::SeqCst);
        Editing
    }

    /// The editor has ended: if Ctrl+C came meanwhile, the file goes and
    /// `trine` stops. An editor stopped by Ctrl+C itself (`by_ctrl_c`)
    /// counts as Ctrl+C even when the editor's end is seen before this
    /// process's own handler has run.
    pub fn ended(self, by_ctrl_c: bool) {
        EDITING.store(false, Ordering::SeqCst);
        if by_ctrl_c || INTERRUPTED.load(Ordering::SeqCst) {
            remove_answer_file();
            std::process::exit(INTERRUPTED_EXIT);
        }
    }
}

impl Drop for Editing {
    fn drop(&mut self) {
        EDITING.store(false, Ordering::SeqCst);
        ANSWER_FILE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
    }
}
