//! Everyday use: add, list, show, search, rate, delete and check.

use crate::util::Sandbox;

#[test]
fn add_list_show_and_search() {
    let s = Sandbox::new();
    let added = s
        .run(&[
            "--json",
            "add",
            "--title",
            "Standup",
            "--body",
            "I asked for the demo slot.",
            "--tag",
            "Voice",
            "--seen",
            "7",
            "--known",
            "6",
            "--valued",
            "8",
        ])
        .json();
    let id = added["id"].as_str().unwrap().to_string();
    assert_eq!(added["tags"], serde_json::json!(["voice"]));
    assert_eq!(added["ratings"]["valued"], 8);
    s.run(&[
        "add",
        "--title",
        "Private",
        "--body",
        "Just for me",
        "--private",
    ])
    .ok();

    let list = s.run(&["--json", "list"]).json();
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["title"], "Private", "newest first");
    let text = s.run(&["list", "--tag", "voice"]).ok();
    assert!(
        text.contains("Standup") && !text.contains("Private"),
        "{text}"
    );

    let shown = s.run(&["show", &id[..8]]).ok();
    assert!(shown.contains("I asked for the demo slot."), "{shown}");
    assert!(shown.contains("seen 7 · known 6 · valued 8"), "{shown}");

    let hits = s.run(&["--json", "search", "demo"]).json();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["id"].as_str().unwrap(), id);
    assert!(hits[0]["snippet"].as_str().unwrap().contains("demo"));
    assert_eq!(
        s.run(&["--json", "search", "\"demo slot\""])
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        s.run(&["--json", "search", "dem*"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn rate_records_the_weeks_reflection_once() {
    let s = Sandbox::new();
    s.run(&[
        "rate", "--seen", "4", "--known", "5", "--valued", "6", "--week", "2026-W48",
    ])
    .ok();
    let again = s
        .run(&[
            "--json",
            "rate",
            "--seen",
            "7",
            "--known",
            "5",
            "--valued",
            "6",
            "--week",
            "2026-11-25",
            "--note",
            "Better",
        ])
        .json();
    assert_eq!(again["week"], "2026-11-23");
    assert_eq!(again["kind"], "reflection");
    assert_eq!(again["ratings"]["seen"], 7);
    assert_eq!(s.entry_count(), 1, "one reflection per week");
}

#[test]
fn delete_and_undelete() {
    let s = Sandbox::new();
    let id = s.run(&["--json", "add", "--title", "Oops"]).json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = s.run(&["delete", &id]).ok();
    assert!(out.contains("trine undelete"), "says how to undo: {out}");
    assert_eq!(s.entry_count(), 0);
    assert_eq!(
        s.run(&["--json", "list", "--deleted"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    s.run(&["undelete", &id]).ok();
    assert_eq!(s.entry_count(), 1);
}

#[test]
fn check_reports_integrity_and_counts() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "a", "--tag", "x"]).ok();
    s.run(&["add", "--title", "b", "--private"]).ok();
    let health = s.run(&["--json", "check"]).json();
    assert_eq!(health["ok"], true);
    assert_eq!(health["entries"], 2);
    assert_eq!(health["private"], 1);
    assert_eq!(health["tags"], 1);
    assert!(s.run(&["check"]).ok().contains("Integrity: ok"));
}

#[test]
fn markdown_export_leaves_private_entries_out_unless_asked() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "Shared", "--body", "for my coach"])
        .ok();
    s.run(&[
        "add",
        "--title",
        "Secret",
        "--body",
        "not for anyone",
        "--private",
    ])
    .ok();
    s.run(&[
        "export",
        "--format",
        "markdown",
        "--out",
        s.path("md").to_str().unwrap(),
    ])
    .ok();
    let files: Vec<String> = std::fs::read_dir(s.path("md"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(files.len(), 1);
    assert!(files[0].contains("title: \"Shared\""));
    s.run(&[
        "export",
        "--format",
        "markdown",
        "--include-private",
        "--out",
        s.path("md-all").to_str().unwrap(),
    ])
    .ok();
    assert_eq!(std::fs::read_dir(s.path("md-all")).unwrap().count(), 2);
}

#[test]
fn backup_and_restore() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "before"]).ok();
    let backup = s.run(&["--json", "backup"]).json();
    let file = backup["path"].as_str().unwrap().to_string();
    s.run(&["add", "--title", "after"]).ok();
    assert_eq!(
        s.run(&["--json", "backup", "--list"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let restored = s.run(&["--json", "restore", &file]).json();
    assert_eq!(restored["entries"], 1);
    assert!(std::path::Path::new(restored["replaced_journal_kept_at"].as_str().unwrap()).exists());
    let list = s.run(&["--json", "list"]).json();
    assert_eq!(list[0]["title"], "before");
    let junk = s.file("junk.db", &"not a journal ".repeat(100));
    let err = s.run(&["restore", junk.to_str().unwrap()]).fails();
    assert!(err.contains("not a Trine journal"), "{err}");
    assert_eq!(s.entry_count(), 1, "nothing changed");
}

#[test]
fn encrypt_with_a_passphrase_then_open_with_it_change_it_and_decrypt() {
    let s = Sandbox::new();
    s.run(&[
        "add",
        "--title",
        "Private words",
        "--body",
        "zebrafish marmalade",
    ])
    .ok();
    s.run(&["backup"]).ok();
    let backup = std::fs::read_dir(s.data().join("backups"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let out = s
        .run_env(&["encrypt"], &[("TRINE_NEW_PASSPHRASE", "first pass")])
        .ok();
    assert!(
        out.contains("cannot be opened"),
        "warns that a lost passphrase is lost: {out}"
    );
    assert!(out.contains("Its 1 backup now matches it."), "{out}");
    for file in [s.data().join("journal.db"), backup.clone()] {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !bytes.windows(9).any(|w| w == b"zebrafish"),
            "no plaintext in {}",
            file.display()
        );
    }
    let err = s.run(&["list"]).fails();
    assert!(
        err.contains("encrypted") && err.contains("TRINE_PASSPHRASE"),
        "{err}"
    );
    let err = s
        .run_env(&["list"], &[("TRINE_PASSPHRASE", "wrong")])
        .fails();
    assert!(err.contains("passphrase does not open"), "{err}");
    let hits = s
        .run_env(
            &["--json", "search", "marmalade"],
            &[("TRINE_PASSPHRASE", "first pass")],
        )
        .json();
    assert_eq!(
        hits.as_array().unwrap().len(),
        1,
        "search works on the encrypted journal"
    );
    s.run_env(
        &["encrypt"],
        &[
            ("TRINE_PASSPHRASE", "first pass"),
            ("TRINE_NEW_PASSPHRASE", "second"),
        ],
    )
    .ok();
    s.run_env(&["list"], &[("TRINE_PASSPHRASE", "first pass")])
        .fails();
    s.run_env(
        &["restore", backup.to_str().unwrap()],
        &[("TRINE_PASSPHRASE", "second")],
    )
    .ok();
    s.run_env(&["decrypt"], &[("TRINE_PASSPHRASE", "second")])
        .ok();
    assert_eq!(s.entry_count(), 1, "readable without a passphrase again");
    // A script that still gives the passphrase is told the journal is no
    // longer encrypted, not that its passphrase is wrong.
    let err = s
        .run_env(&["list"], &[("TRINE_PASSPHRASE", "second")])
        .fails();
    assert!(
        err.contains("is not encrypted, yet a passphrase was given")
            && err.contains("Unset TRINE_PASSPHRASE"),
        "{err}"
    );
}

#[test]
fn search_says_the_true_count_and_orders_by_date_when_asked() {
    let s = Sandbox::new();
    for (day, title) in [
        ("2026-03-02", "March"),
        ("2026-01-05", "January"),
        ("2026-02-02", "February"),
    ] {
        let at = format!("{day}T10:00:00+00:00");
        s.run(&[
            "add",
            "--title",
            title,
            "--body",
            "offsite planning",
            "--datetime",
            &at,
        ])
        .ok();
    }
    let newest = s
        .run(&["--json", "search", "offsite", "--by", "newest"])
        .json();
    let titles: Vec<&str> = newest
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["March", "February", "January"],
        "by date, not by adding"
    );
    let text = s.run(&["search", "offsite", "--limit", "2"]).ok();
    assert!(
        text.contains("2 of 3 matching entries shown; --limit 3 shows them all."),
        "{text}"
    );
    let bad = s.run(&["search", "offsite", "--by", "date"]);
    assert_eq!(bad.code, Some(2), "an unknown order is refused");
}
