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

/// Unsafe code is forbidden in every crate but the store (the workspace's
/// lint, which no code can lift), and denied in the store, where the one
/// file that calls C lifts it: so it is enough to check that every other
/// manifest takes the workspace's lints and that only that file (and its
/// test) says `allow(unsafe_code)`.
#[test]
fn unsafe_code_is_only_the_store_starting_openssl() {
    let root = repo();
    let workspace: toml::Table = std::fs::read_to_string(root.join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        workspace["workspace"]["lints"]["rust"]["unsafe_code"].as_str(),
        Some("forbid")
    );
    let store_lints = |manifest: &Path| -> toml::Table {
        let doc: toml::Table = std::fs::read_to_string(manifest).unwrap().parse().unwrap();
        doc.get("lints")
            .and_then(|l| l.as_table())
            .cloned()
            .unwrap_or_else(|| panic!("{} has no [lints]", manifest.display()))
    };
    let mut manifests = vec![root.join("Cargo.toml")];
    for entry in std::fs::read_dir(root.join("crates")).unwrap().flatten() {
        if entry.path().join("Cargo.toml").is_file() && entry.file_name() != "trine-store" {
            manifests.push(entry.path().join("Cargo.toml"));
        }
    }
    assert!(manifests.len() >= 6, "{manifests:?}");
    for manifest in &manifests {
        assert_eq!(
            store_lints(manifest)
                .get("workspace")
                .and_then(|w| w.as_bool()),
            Some(true),
            "{} takes the workspace's lints (unsafe code forbidden)",
            manifest.display()
        );
    }
    let store = store_lints(&root.join("crates/trine-store/Cargo.toml"));
    assert_eq!(store["rust"]["unsafe_code"].as_str(), Some("deny"));

    let mut files = Vec::new();
    sources(&root.join("crates/trine-store"), &mut files);
    files.sort();
    let lifted: Vec<_> = files
        .iter()
        .filter(|file| {
            std::fs::read_to_string(file)
                .unwrap()
                .contains(&["allow(", "unsafe_code)"].concat())
        })
        .map(|file| {
            file.strip_prefix(root.join("crates/trine-store"))
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        lifted,
        [
            Path::new("src/openssl_start.rs"),
            Path::new("tests/openssl_start.rs")
        ],
        "only the start of OpenSSL lifts the store's ban on unsafe code"
    );
}
