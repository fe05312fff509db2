//! The layers of ARCHITECTURE.md, checked: each crate depends only on the
//! crates below it (`ui -> shell -> app <- cli`, `app -> {interchange,
//! charts} -> store`), only the store depends on SQLite, and no source file
//! of the product outside the store holds SQL.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The names in a manifest's `[dependencies]` (not dev or build ones).
fn dependencies(manifest: &Path) -> BTreeSet<String> {
    let text =
        std::fs::read_to_string(manifest).unwrap_or_else(|e| panic!("{}: {e}", manifest.display()));
    let doc: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", manifest.display()));
    let mut names = BTreeSet::new();
    if let Some(deps) = doc.get("dependencies").and_then(|d| d.as_table()) {
        names.extend(deps.keys().cloned());
    }
    if let Some(targets) = doc.get("target").and_then(|t| t.as_table()) {
        for target in targets.values() {
            if let Some(deps) = target.get("dependencies").and_then(|d| d.as_table()) {
                names.extend(deps.keys().cloned());
            }
        }
    }
    names
}

fn trine_crates(deps: &BTreeSet<String>) -> Vec<&str> {
    deps.iter()
        .filter(|name| name.starts_with("trine-"))
        .map(String::as_str)
        .collect()
}

#[test]
fn each_crate_depends_only_on_the_layers_below_it() {
    let root = repo();
    let expected: [(&str, PathBuf, &[&str]); 6] = [
        (
            "trine-store",
            root.join("crates/trine-store/Cargo.toml"),
            &[],
        ),
        (
            "trine-interchange",
            root.join("crates/trine-interchange/Cargo.toml"),
            &["trine-store"],
        ),
        (
            "trine-charts",
            root.join("crates/trine-charts/Cargo.toml"),
            &["trine-store"],
        ),
        (
            "trine-app",
            root.join("crates/trine-app/Cargo.toml"),
            &["trine-charts", "trine-interchange", "trine-store"],
        ),
        (
            "trine-cli",
            root.join("crates/trine-cli/Cargo.toml"),
            &["trine-app"],
        ),
        ("the desktop shell", root.join("Cargo.toml"), &["trine-app"]),
    ];
    for (name, manifest, allowed) in expected {
        let deps = dependencies(&manifest);
        assert_eq!(
            trine_crates(&deps),
            allowed.to_vec(),
            "{name} may depend on {allowed:?} only (ARCHITECTURE.md)"
        );
        if name != "trine-store" {
            assert!(
                !deps.contains("rusqlite"),
                "{name} depends on rusqlite: only the store talks to SQLite"
            );
        }
    }
    assert!(dependencies(&root.join("crates/trine-store/Cargo.toml")).contains("rusqlite"));
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_sql_is_written_outside_the_store() {
    let root = repo();
    let mut files = Vec::new();
    for dir in [
        "crates/trine-interchange/src",
        "crates/trine-charts/src",
        "crates/trine-app/src",
        "crates/trine-cli/src",
        "src-tauri/src",
    ] {
        sources(&root.join(dir), &mut files);
    }
    assert!(files.len() > 40, "the sources were found ({})", files.len());
    let statements = [
        "SELECT ",
        "INSERT INTO",
        "INSERT OR",
        "UPDATE entries",
        "DELETE FROM",
        "CREATE TABLE",
        "CREATE INDEX",
        "PRAGMA ",
        "BEGIN IMMEDIATE",
    ];
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains('"') && statements.iter().any(|s| code.contains(s)) {
                found.push(format!(
                    "{}:{}: {}",
                    file.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "SQL outside trine-store:\n{}",
        found.join("\n")
    );
}
