//! What Trine writes is readable by its owner only, whatever the umask:
//! the journal, its log and shared memory, its backups, and exports.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::util::Sandbox;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_journal_its_backups_and_exports_are_for_their_owner_only() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "private", "--body", "words"])
        .ok();
    let backup = s.run(&["--json", "backup"]).json();
    let data = s.data();
    assert_eq!(mode(&data), 0o700, "the data folder");
    for file in ["journal.db", "journal.db-wal", "journal.db-shm"] {
        if data.join(file).exists() {
            assert_eq!(mode(&data.join(file)), 0o600, "{file}");
        }
    }
    assert_eq!(mode(&data.join("backups")), 0o700, "the backups folder");
    assert_eq!(mode(Path::new(backup["path"].as_str().unwrap())), 0o600);

    let html = s.path("report.html");
    s.run(&[
        "export",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(mode(&html), 0o600, "an exported file");
    let folder = s.path("md");
    s.run(&[
        "export",
        "--format",
        "markdown",
        "--out",
        folder.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(mode(&folder), 0o700, "an exported folder");
    for file in std::fs::read_dir(&folder).unwrap() {
        assert_eq!(mode(&file.unwrap().path()), 0o600);
    }
    let json = s.path("all.json");
    s.run(&[
        "export",
        "--format",
        "json",
        "--out",
        json.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(mode(&json), 0o600, "the full backup");
}
