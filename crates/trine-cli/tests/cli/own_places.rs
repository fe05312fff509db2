//! What Trine never writes over, whatever a person names as the place to
//! write: the journal, its folder and its backups. `trine export --force`
//! replaces what is at its path, folders included, so an export aimed at
//! the journal's folder used to leave a CSV file where the journal and its
//! backups had been.

use crate::util::Sandbox;

/// Every file under `dir` that holds `word`.
fn holding(dir: &std::path::Path, word: &str) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(holding(&path, word));
        } else if std::fs::read(&path)
            .unwrap()
            .windows(word.len())
            .any(|w| w == word.as_bytes())
        {
            found.push(path);
        }
    }
    found
}

#[test]
fn an_export_or_a_chart_aimed_at_the_journal_or_its_backups_writes_nothing() {
    let s = Sandbox::new();
    s.run(&[
        "add",
        "--title",
        "Diary",
        "--body",
        "Marrowfat words",
        "--private",
    ])
    .ok();
    s.run(&["rate", "--seen", "5", "--known", "6", "--valued", "7"])
        .ok();
    let usb = s.path("usb");
    std::fs::create_dir(&usb).unwrap();
    s.run(&["backup", "--folder", usb.to_str().unwrap()]).ok();
    s.run(&["check"]).ok();
    let data = s.data();
    let journal = data.join("journal.db");
    let before = std::fs::read(&journal).unwrap();
    let entries = s.entry_count();

    let aims = [
        data.clone(),
        s.dir.path().to_path_buf(),
        journal.clone(),
        data.join("backups"),
        usb.clone(),
        usb.join("inside.csv"),
        data.join("report.csv"),
    ];
    for out in &aims {
        let out = out.to_str().unwrap();
        for format in ["csv", "markdown", "json", "pdf"] {
            let err = s
                .run(&["export", "--format", format, "--out", out, "--force"])
                .fails();
            assert!(
                err.contains(out) && err.contains("nothing was written"),
                "{format} to {out}: {err}"
            );
        }
        let err = s.run(&["chart", "--out", out]).fails();
        assert!(err.contains("nothing was written"), "chart to {out}: {err}");
    }
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "the journal as it was"
    );
    assert!(!data.join("report.csv").exists());
    assert!(!usb.join("inside.csv").exists());
    assert_eq!(s.entry_count(), entries);
    let backups = s.run(&["--json", "backup", "--list"]).json();
    assert_eq!(backups.as_array().unwrap().len(), 2, "{backups}");

    // A place beside them is fine, and --force still replaces a folder of
    // the person's own there.
    let mine = s.path("exports");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("old.txt"), "old").unwrap();
    s.run(&[
        "export",
        "--format",
        "markdown",
        "--include-private",
        "--out",
        mine.to_str().unwrap(),
        "--force",
    ])
    .ok();
    assert!(!mine.join("old.txt").exists());
    assert_eq!(holding(&mine, "Marrowfat").len(), 1);
    s.run(&["chart", "--out", s.path("chart.svg").to_str().unwrap()])
        .ok();
    assert!(std::fs::read_to_string(s.path("chart.svg"))
        .unwrap()
        .starts_with("<svg"));
}
