//! The shell's command list is kept in three places that Tauri reads
//! separately: the handler (`src-tauri/src/lib.rs`), the app manifest
//! (`COMMANDS` in `src-tauri/build.rs`) and the window's capability
//! (`src-tauri/capabilities/default.json`). A command missing from one of
//! them fails only at run time, when the page calls it; this test fails at
//! once. Every command the page calls (`call('…')` in `ui/`) must be one of
//! them too.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str, file: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{file}: no {start:?}"))
        + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{file}: no {end:?} after {start:?}"));
    &text[from..from + to]
}

fn handler() -> BTreeSet<String> {
    let text = read("src-tauri/src/lib.rs");
    between(&text, "generate_handler![", "]", "src-tauri/src/lib.rs")
        .split(',')
        .map(|item| item.trim())
        .filter(|item| !item.is_empty() && !item.starts_with("//"))
        .map(|item| item.rsplit("::").next().unwrap().to_string())
        .collect()
}

fn manifest() -> BTreeSet<String> {
    let text = read("src-tauri/build.rs");
    between(
        &text,
        "const COMMANDS: &[&str] = &[",
        "];",
        "src-tauri/build.rs",
    )
    .split(',')
    .map(|item| item.trim().trim_matches('"').to_string())
    .filter(|item| !item.is_empty())
    .collect()
}

fn capability() -> BTreeSet<String> {
    let text = read("src-tauri/capabilities/default.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("the capability is JSON");
    json["permissions"]
        .as_array()
        .expect("a list of permissions")
        .iter()
        .map(|p| {
            let name = p.as_str().expect("each permission is a name");
            name.strip_prefix("allow-")
                .unwrap_or_else(|| {
                    panic!("{name}: the window is granted Trine's own commands only")
                })
                .replace('-', "_")
        })
        .collect()
}

fn called_by_the_page(dir: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            called_by_the_page(&path, found);
        } else if path.extension().is_some_and(|e| e == "js") {
            let text = std::fs::read_to_string(&path).unwrap();
            for quote in ['\'', '"'] {
                for piece in text.split(&format!("call({quote}")).skip(1) {
                    if let Some(name) = piece.split(quote).next() {
                        found.insert(name.to_string());
                    }
                }
            }
        }
    }
}

#[test]
fn the_three_command_lists_agree_and_hold_every_command_the_page_calls() {
    let handler = handler();
    assert!(
        handler.len() > 30,
        "the handler's list was read: {handler:?}"
    );
    assert_eq!(
        manifest(),
        handler,
        "COMMANDS in src-tauri/build.rs and the handler in src-tauri/src/lib.rs"
    );
    assert_eq!(
        capability(),
        handler,
        "src-tauri/capabilities/default.json and the handler in src-tauri/src/lib.rs"
    );
    let mut called = BTreeSet::new();
    called_by_the_page(&repo().join("ui"), &mut called);
    assert!(called.len() > 30, "the page's calls were read: {called:?}");
    let unknown: Vec<_> = called.difference(&handler).collect();
    assert!(
        unknown.is_empty(),
        "the page calls commands the shell does not have: {unknown:?}"
    );
}
