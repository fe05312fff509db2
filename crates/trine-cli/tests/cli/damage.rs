//! A journal damaged on disk (a failed disk, a bad copy): Trine says so in
//! its own words, lists the backups, and `trine restore` brings the newest
//! back while keeping the damaged file's bytes; a backup that is not
//! exactly a Trine journal is refused before anything changes.

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::util::Sandbox;

fn overwrite(path: &Path, offset: u64, bytes: &[u8]) {
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.write_all(bytes).unwrap();
}

/// A journal with `n` entries and a backup of them, then one more entry;
/// returns the backup.
fn journal_with_backup(s: &Sandbox, n: usize) -> PathBuf {
    for i in 0..n {
        s.run(&[
            "add",
            "--title",
            &format!("entry {i}"),
            "--body",
            &"words ".repeat(200),
        ])
        .ok();
    }
    let backup = s.run(&["--json", "backup"]).json();
    s.run(&["add", "--title", "after the backup"]).ok();
    // `trine check` closes the journal last, which folds its log in.
    s.run(&["check"]).ok();
    PathBuf::from(backup["path"].as_str().unwrap())
}

#[test]
fn a_journal_with_a_damaged_header_is_restored_from_the_command_line() {
    let s = Sandbox::new();
    let backup = journal_with_backup(&s, 3);
    let journal = s.data().join("journal.db");
    overwrite(&journal, 0, &[0u8; 100]);
    let damaged = std::fs::read(&journal).unwrap();

    let err = s.run(&["list"]).fails();
    assert!(err.contains("is damaged"), "{err}");
    assert!(
        !err.contains("encrypted") && !err.contains("passphrase"),
        "{err}"
    );
    assert!(err.contains("trine restore"), "{err}");
    let listed = s.run(&["--json", "backup", "--list"]).json();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");

    let restored = s
        .run(&["--json", "restore", backup.to_str().unwrap()])
        .json();
    assert_eq!(restored["entries"], 3);
    let kept = PathBuf::from(restored["replaced_journal_kept_at"].as_str().unwrap());
    assert_eq!(std::fs::read(kept).unwrap(), damaged, "kept as it was");
    assert_eq!(s.entry_count(), 3);
    let health = s.run(&["--json", "check"]).json();
    assert_eq!(health["integrity"], serde_json::json!(["ok"]));
}

#[test]
fn a_journal_damaged_inside_is_restored_from_the_command_line() {
    let s = Sandbox::new();
    let backup = journal_with_backup(&s, 40);
    let journal = s.data().join("journal.db");
    overwrite(&journal, 4096 * 6, &[0x5a; 4096]);
    let checked = s.run(&["check"]);
    assert!(
        checked.stdout.contains("PROBLEMS FOUND") && !checked.stdout.contains("\n  ok\n"),
        "{}",
        checked.stdout
    );
    let err = checked.fails();
    assert!(
        err.contains("is damaged (the check found the problems listed above)")
            && err.contains("Restore the newest good backup")
            && !err.contains("run `trine check`"),
        "the way out of damage, not the check just run: {err}"
    );
    let damaged = std::fs::read(&journal).unwrap();

    let restored = s
        .run(&["--json", "restore", backup.to_str().unwrap()])
        .json();
    assert_eq!(restored["entries"], 40);
    let kept = PathBuf::from(restored["replaced_journal_kept_at"].as_str().unwrap());
    assert_eq!(std::fs::read(kept).unwrap(), damaged, "kept as it was");
    let health = s.run(&["--json", "check"]).json();
    assert_eq!(health["integrity"], serde_json::json!(["ok"]));
}

#[test]
fn a_backup_from_another_program_or_missing_its_search_index_is_refused() {
    let s = Sandbox::new();
    let backup = journal_with_backup(&s, 2);
    let foreign = s.path("notes.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT); PRAGMA user_version = 1;")
        .unwrap();
    let no_index = s.path("no-index.db");
    std::fs::copy(&backup, &no_index).unwrap();
    rusqlite::Connection::open(&no_index)
        .unwrap()
        .execute_batch("DROP TABLE entry_text;")
        .unwrap();
    for file in [&foreign, &no_index] {
        let err = s.run(&["restore", file.to_str().unwrap()]).fails();
        assert!(err.contains(&*file.to_string_lossy()), "{err}");
        assert!(err.contains("cannot be restored"), "{err}");
        assert!(err.contains("Nothing was changed"), "{err}");
        assert_eq!(s.entry_count(), 3, "the journal is as it was");
    }
    s.run(&["restore", backup.to_str().unwrap()]).ok();
    assert_eq!(s.entry_count(), 2);
}

#[test]
fn backups_kept_on_another_disk_bring_back_a_damaged_journal() {
    let s = Sandbox::new();
    journal_with_backup(&s, 30);
    let other_disk = s.path("usb");
    std::fs::create_dir(&other_disk).unwrap();
    let missing = s.path("not-plugged-in");
    let refused = s
        .run(&["backup", "--folder", missing.to_str().unwrap()])
        .fails();
    assert!(
        refused.contains("not-plugged-in") && refused.contains("there is no folder there"),
        "{refused}"
    );

    let said = s
        .run(&[
            "backup",
            "--folder",
            other_disk.to_str().unwrap(),
            "--beside-journal",
            "no",
        ])
        .ok();
    assert!(
        said.contains(&format!("Backups go to {}.", other_disk.display())),
        "{said}"
    );
    let listed = s.run(&["--json", "backup", "--list"]).json();
    let paths: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths.len(),
        2,
        "the first backup beside the journal, the new one on the other disk"
    );
    assert!(
        paths[0].starts_with(other_disk.to_str().unwrap()),
        "{paths:?}"
    );

    // The disk holding the journal loses its first pages.
    let journal = s.data().join("journal.db");
    overwrite(&journal, 0, &[0u8; 4096]);
    std::fs::remove_dir_all(s.data().join("backups")).unwrap();
    let listed = s.run(&["--json", "backup", "--list"]).json();
    let newest = listed[0]["path"].as_str().unwrap().to_string();
    assert!(newest.starts_with(other_disk.to_str().unwrap()), "{listed}");
    let restored = s.run(&["--json", "restore", &newest]).json();
    assert_eq!(restored["entries"], 31, "every entry, the last one too");
}

/// Backups moved to a new disk leave plain copies on the old one: while
/// that disk is away, encrypting waits for it and names the way to let it
/// go; once forgotten, the journal encrypts.
#[test]
fn encrypting_waits_for_a_disk_chosen_before_until_it_is_forgotten() {
    let s = Sandbox::new();
    journal_with_backup(&s, 2);
    let old_disk = s.path("old-usb");
    let new_disk = s.path("new-usb");
    std::fs::create_dir(&old_disk).unwrap();
    std::fs::create_dir(&new_disk).unwrap();
    s.run(&["backup", "--folder", old_disk.to_str().unwrap()])
        .ok();
    s.run(&["backup", "--folder", new_disk.to_str().unwrap()])
        .ok();
    let away = s.path("old-usb-unplugged");
    std::fs::rename(&old_disk, &away).unwrap();
    let passphrase = [("TRINE_NEW_PASSPHRASE", "a passphrase of some length")];
    let entries = s.entry_count();

    let err = s.run_env(&["encrypt"], &passphrase).fails();
    assert!(
        err.contains(old_disk.to_str().unwrap())
            && err.contains("chosen for backups before")
            && err.contains("--forget-folder"),
        "{err}"
    );
    assert_eq!(s.entry_count(), entries, "still plain, still whole");
    let refused = s
        .run(&["backup", "--forget-folder", new_disk.to_str().unwrap()])
        .fails();
    assert!(refused.contains("backups go there now"), "{refused}");

    let said = s
        .run(&["backup", "--forget-folder", old_disk.to_str().unwrap()])
        .ok();
    assert!(said.contains("Trine has forgotten"), "{said}");
    s.run_env(&["encrypt"], &passphrase).ok();
}

/// A failing disk damages one page of old entries, after a backup and
/// more writing. The backup brings back everything up to it; `salvage`
/// reads every entry that can still be read from the damaged file (the
/// rows on the damaged page are counted as lost, not passed over in
/// silence), and importing what it saved adds exactly what the backup
/// lacked: no word written is lost, and nothing is doubled.
#[test]
fn salvage_saves_what_a_damaged_journal_still_holds_and_the_backup_lacks() {
    let s = Sandbox::new();
    let backup = journal_with_backup(&s, 20);
    for i in 0..3 {
        s.run(&[
            "add",
            "--title",
            &format!("written after {i}"),
            "--body",
            "quillwort",
        ])
        .ok();
    }
    s.run(&["check"]).ok();
    let journal = s.data().join("journal.db");
    let bytes = std::fs::read(&journal).unwrap();
    let at = bytes
        .windows(b"entry 3words".len())
        .position(|w| w == b"entry 3words")
        .or_else(|| bytes.windows(7).position(|w| w == b"entry 3"))
        .expect("the old entry is in the file");
    let page = at as u64 / 4096;
    assert!(page > 0, "not the first page");
    overwrite(&journal, page * 4096 + 8, &[0xA5; 112]);
    let before = std::fs::read(&journal).unwrap();

    let out = s.path("salvaged.json");
    let said = s
        .run(&[
            "--json",
            "salvage",
            journal.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .json();
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "the damaged file is not changed"
    );
    let read = said["entries"].as_u64().unwrap();
    let lost = said["entries_unreadable"].as_u64().unwrap();
    assert!(lost > 0, "the damaged page's entries are counted: {said}");
    assert!(read + lost >= 24 && read < 24, "{said}");
    let text = s
        .run(&[
            "salvage",
            journal.to_str().unwrap(),
            "--out",
            s.path("again.json").to_str().unwrap(),
        ])
        .ok();
    assert!(
        text.contains("could not be read: up to") && text.contains("trine import"),
        "{text}"
    );
    let refused = s
        .run(&[
            "salvage",
            journal.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .fails();
    assert!(refused.contains("exists already"), "{refused}");

    let restored = s.run(&["restore", backup.to_str().unwrap()]).ok();
    assert!(
        restored.contains("trine salvage"),
        "the way to the later words: {restored}"
    );
    assert_eq!(s.entry_count(), 20);
    s.run(&["import", "--format", "json", out.to_str().unwrap()])
        .ok();
    let titles: Vec<String> = s
        .run(&["--json", "list", "--limit", "100"])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles.len(), 24, "every entry once: {titles:?}");
    for title in [
        "entry 3",
        "after the backup",
        "written after 0",
        "written after 2",
    ] {
        assert!(titles.iter().any(|t| t == title), "{title}: {titles:?}");
    }
    let health = s.run(&["--json", "check"]).json();
    assert_eq!(health["ok"], true, "{health}");
}

/// The first page (the table list and the file's header) zeroed: SQLite
/// sees no journal at all, yet every entry is whole on its own page, and
/// salvage reads them there, into an export that imports.
#[test]
fn a_journal_whose_first_page_is_gone_gives_back_its_entries() {
    let s = Sandbox::new();
    for i in 0..30 {
        s.run(&[
            "add",
            "--title",
            &format!("kept {i}"),
            "--body",
            &"words ".repeat(100),
        ])
        .ok();
    }
    s.run(&["check"]).ok();
    let journal = s.data().join("journal.db");
    overwrite(&journal, 0, &[0; 4096]);
    assert!(s.run(&["list"]).fails().contains("damaged"));
    let out = s.path("salvaged.json");
    let said = s
        .run(&[
            "--json",
            "salvage",
            journal.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .json();
    assert_eq!(said["entries"], 30, "{said}");
    assert_eq!(said["read_from_pages"], 30, "{said}");
    assert!(
        said["lists_unreadable"].to_string().contains("check-ins"),
        "{said}"
    );
    let fresh = s.path("fresh");
    let imported = s
        .run_with_data(
            &fresh,
            &[
                "--json",
                "import",
                "--format",
                "json",
                out.to_str().unwrap(),
            ],
        )
        .json();
    assert_eq!(imported["imported"], 30, "{imported}");
}

/// An encrypted journal is salvaged with its passphrase, and refused
/// without it or with another, and nothing of it is left beside it.
#[test]
fn an_encrypted_journal_is_salvaged_with_its_passphrase_only() {
    let s = Sandbox::new();
    journal_with_backup(&s, 3);
    s.run_env(
        &["encrypt"],
        &[("TRINE_NEW_PASSPHRASE", "kestrel over the fen")],
    )
    .ok();
    let journal = s.data().join("journal.db");
    let out = s.path("salvaged.json");
    let args = [
        "salvage",
        journal.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let err = s.run(&args).fails();
    assert!(err.contains("encrypted"), "{err}");
    let err = s
        .run_env(&args, &[("TRINE_PASSPHRASE", "not the one")])
        .fails();
    assert!(err.contains("passphrase"), "{err}");
    assert!(!out.exists());
    let mut json_args = vec!["--json"];
    json_args.extend(args);
    let said = s
        .run_env(&json_args, &[("TRINE_PASSPHRASE", "kestrel over the fen")])
        .json();
    assert_eq!(said["entries"], 4, "{said}");
    assert_eq!(said["entries_unreadable"], 0, "{said}");
    let left: Vec<_> = std::fs::read_dir(s.data())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("salvaging"))
        .collect();
    assert!(left.is_empty(), "no working copy left: {left:?}");
}

/// Bit rot in one entry's value (a byte that is not UTF-8 in a body,
/// tags that are no longer a list of words) stopped every list, search and
/// export, while `check` said all was well, and the way offered was to
/// restore a backup, losing what came after it. `check` finds them, and
/// `check --repair` keeps every word but the damaged bytes.
#[test]
fn a_damaged_value_in_an_entry_is_found_and_repaired_keeping_its_words() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "Rotted", "--body", "before after"])
        .ok();
    s.run(&["add", "--title", "Tagged", "--tag", "alpha"]).ok();
    s.run(&["add", "--title", "Sound", "--body", "untouched"])
        .ok();
    s.run(&["check"]).ok();
    let raw = rusqlite::Connection::open(s.data().join("journal.db")).unwrap();
    raw.execute_batch(
        "UPDATE entries SET body = CAST(CAST('before ' AS BLOB) || X'FF' || CAST(' after' AS BLOB) AS TEXT) \
             WHERE title = 'Rotted';
         UPDATE entries SET tags = '{\"a\": \"alpha\"}' WHERE title = 'Tagged';",
    )
    .unwrap();
    drop(raw);
    s.run(&["list"]).fails();

    let run = s.run(&["check"]);
    let said = run.stdout.clone();
    let err = run.fails();
    assert!(said.contains("2 entries hold a damaged value"), "{said}");
    assert!(
        err.contains("2 entries of the journal")
            && err.contains("hold a damaged value")
            && err.contains("losing only the damaged bytes")
            && !err.contains("Restore"),
        "{err}"
    );
    let repaired = s.run(&["check", "--repair"]).ok();
    assert!(
        repaired.contains("2 entries were read again byte for byte"),
        "{repaired}"
    );
    let listed = s.run(&["--json", "list"]).json();
    let rotted = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == "Rotted")
        .unwrap()
        .clone();
    assert_eq!(rotted["body"], "before \u{fffd} after", "{rotted}");
    let tagged = s.run(&["--json", "list", "--tag", "alpha"]).json();
    assert_eq!(tagged.as_array().unwrap().len(), 1, "{tagged}");
    assert_eq!(s.run(&["--json", "check"]).json()["ok"], true);
}

/// An emptied journal file beside its backups: `check` and `backup` say
/// the journal is lost rather than starting a new one (ten backups of an
/// empty journal used to push out the real ones), and `restore` brings it
/// back, also when the file is gone altogether.
#[test]
fn an_emptied_journal_is_lost_not_new_and_comes_back_from_its_backup() {
    let s = Sandbox::new();
    let backup = journal_with_backup(&s, 3);
    let journal = s.data().join("journal.db");
    std::fs::write(&journal, b"").unwrap();
    for args in [
        &["check"][..],
        &["backup"],
        &["list"],
        &["add", "--title", "x"],
    ] {
        let err = s.run(args).fails();
        assert!(
            err.contains("is empty, yet 1 backup") && err.contains("no new one was started"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(std::fs::metadata(&journal).unwrap().len(), 0);
    let listed = s.run(&["--json", "backup", "--list"]).json();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");

    std::fs::remove_file(&journal).unwrap();
    let err = s.run(&["list"]).fails();
    assert!(err.contains("is missing, yet 1 backup"), "{err}");
    let said = s.run(&["restore", backup.to_str().unwrap()]).ok();
    assert!(
        said.contains("There was no journal file to keep."),
        "{said}"
    );
    assert_eq!(s.entry_count(), 3);
}

/// A search index the disk damaged, while the entries are sound: `check`
/// says so and names the repair, `check --repair` makes the index again
/// from the entries, and every word is found again; a backup meanwhile
/// would have done the same.
#[test]
fn a_damaged_search_index_is_made_again_and_no_word_is_lost() {
    let s = Sandbox::new();
    journal_with_backup(&s, 20);
    s.run(&["add", "--title", "Stranded", "--body", "wolframite"])
        .ok();
    s.run(&["check"]).ok();
    let raw = rusqlite::Connection::open(s.data().join("journal.db")).unwrap();
    raw.execute(
        "UPDATE entry_text_data SET block = zeroblob(length(block)) \
         WHERE id = (SELECT max(id) FROM entry_text_data)",
        [],
    )
    .unwrap();
    drop(raw);

    let err = s.run(&["check"]).fails();
    assert!(
        err.contains("(for search or for tags) is damaged; the entries are sound")
            && err.contains("no word is lost")
            && err.contains("trine check --repair")
            && !err.contains("Restore"),
        "one way out, the repair, not a restore: {err}"
    );
    let repaired = s.run(&["check", "--repair"]).ok();
    assert!(
        repaired.contains("made again from the entries") && repaired.contains("Integrity: ok"),
        "{repaired}"
    );
    let found = s.run(&["--json", "search", "wolframite"]).json();
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    s.run(&["backup"]).ok();
}

/// The tag index (one row per tag, which the tag list, the filters and
/// exports by tag read) disagreeing with the entries' own tags: a private
/// entry would be exported to a coach under a tag it does not have. `check`
/// compares the two, and `check --repair` makes the index again.
#[test]
fn a_tag_index_that_disagrees_with_the_entries_is_found_and_made_again() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "Shared", "--tag", "coach"]).ok();
    s.run(&["add", "--title", "Mine", "--tag", "private-thoughts"])
        .ok();
    s.run(&["check"]).ok();
    let raw = rusqlite::Connection::open(s.data().join("journal.db")).unwrap();
    raw.execute_batch("UPDATE entry_tags SET tag = 'coach' WHERE tag = 'private-thoughts';")
        .unwrap();
    drop(raw);
    let tags = s.run(&["--json", "tags"]).json().to_string();
    assert!(
        !tags.contains("private-thoughts"),
        "the damage shows: {tags}"
    );

    let run = s.run(&["check"]);
    let said = run.stdout.clone();
    let err = run.fails();
    assert!(
        said.contains("the tag index does not match the entries' tags"),
        "{said}"
    );
    assert!(
        err.contains("for search or for tags") && err.contains("trine check --repair"),
        "{err}"
    );
    let health = s.run(&["--json", "check"]).stdout;
    let health: serde_json::Value = serde_json::from_str(&health).unwrap();
    assert_eq!(health["tag_index_ok"], false, "{health}");
    s.run(&["check", "--repair"]).ok();
    let tags = s.run(&["--json", "tags"]).json().to_string();
    assert!(
        tags.contains("private-thoughts") && tags.contains("coach"),
        "{tags}"
    );
    assert_eq!(s.run(&["--json", "check"]).json()["tag_index_ok"], true);
}
