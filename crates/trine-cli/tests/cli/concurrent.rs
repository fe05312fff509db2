//! Several processes on one journal: `trine add` loops, an import and
//! readers running at the same time, on a journal that already exists and
//! on one that none of them has created yet. Nothing may be corrupted or
//! lost, and a process that cannot get the journal waits (SQLite's busy
//! timeout) or says plainly that the journal is busy.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{synthetic_jsonl, Run, Sandbox};

/// What the writers of one round did.
#[derive(Default)]
struct Tally {
    /// Ids printed by runs that succeeded.
    saved: Vec<String>,
    /// Runs that failed, with their standard error.
    failed: Vec<String>,
}

impl Tally {
    fn record(&mut self, run: Run) {
        if run.code == Some(0) {
            let entry: Value = serde_json::from_str(&run.stdout)
                .unwrap_or_else(|e| panic!("add --json printed no entry ({e}): {}", run.stdout));
            self.saved.push(entry["id"].as_str().unwrap().to_string());
        } else {
            self.failed
                .push(format!("exit {:?}: {}", run.code, run.stderr));
        }
    }
}

/// Runs `writers` threads of `per_writer` `trine --json add` each, plus
/// one reader looping `list` and `search` until they are done, against
/// the sandbox's journal. Returns what the writers did.
fn race(s: &Sandbox, writers: usize, per_writer: usize) -> Tally {
    let done = std::sync::atomic::AtomicBool::new(false);
    let mut tally = Tally::default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                scope.spawn(move || {
                    (0..per_writer)
                        .map(|i| {
                            s.run(&[
                                "--json",
                                "add",
                                "--title",
                                &format!("writer {w} entry {i}"),
                                "--body",
                                "Written while others were writing too.",
                                "--tag",
                                "race",
                            ])
                        })
                        .collect::<Vec<Run>>()
                })
            })
            .collect();
        let reader = scope.spawn(|| {
            let mut reads = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                for args in [
                    &["--json", "list", "--limit", "5"][..],
                    &["--json", "search", "others"],
                ] {
                    let run = s.run(args);
                    assert!(
                        run.code == Some(0) || run.stderr.contains("busy"),
                        "a reader failed unclearly: {:?} {}",
                        run.code,
                        run.stderr
                    );
                    reads += 1;
                }
            }
            reads
        });
        for handle in handles {
            for run in handle.join().unwrap() {
                tally.record(run);
            }
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let reads = reader.join().unwrap();
        assert!(reads > 0);
        eprintln!(
            "race: {writers} writers, {} saved, {} refused, {reads} reads meanwhile",
            tally.saved.len(),
            tally.failed.len()
        );
    });
    tally
}

/// The journal passes `trine check`, and holds exactly the `expected` ids
/// among its entries tagged `race`.
fn assert_intact(s: &Sandbox, expected: &[String]) {
    let health = s.run(&["--json", "check"]).json();
    assert_eq!(health["integrity"], serde_json::json!(["ok"]), "{health}");
    assert_eq!(health["search_index_ok"], true, "{health}");
    let listed = s
        .run(&["--json", "list", "--limit", "1000000", "--tag", "race"])
        .json();
    let present: BTreeSet<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let saved: BTreeSet<&str> = expected.iter().map(String::as_str).collect();
    assert_eq!(saved.len(), expected.len(), "an id was printed twice");
    let lost: Vec<_> = saved.difference(&present).collect();
    assert!(lost.is_empty(), "reported saved but missing: {lost:?}");
    let extra: Vec<_> = present.difference(&saved).collect();
    assert!(extra.is_empty(), "present but never reported: {extra:?}");
}

#[test]
fn four_writers_a_reader_and_an_import_at_once_lose_nothing() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "before the race"]).ok();
    let jsonl = s.file("many.jsonl", &synthetic_jsonl(500));
    let (tally, import) = std::thread::scope(|scope| {
        let import = scope.spawn(|| {
            // Let the writers get going first, so the import's long
            // transaction lands among them.
            std::thread::sleep(Duration::from_millis(150));
            s.run(&[
                "--json",
                "import",
                "--format",
                "jsonl",
                jsonl.to_str().unwrap(),
            ])
        });
        (race(&s, 4, 15), import.join().unwrap())
    });
    assert!(
        tally.failed.is_empty(),
        "every writer should have waited for the others and saved: {:?}",
        tally.failed
    );
    assert_eq!(tally.saved.len(), 60);
    assert_eq!(import.json()["imported"], 500);
    assert_intact(&s, &tally.saved);
    assert_eq!(s.entry_count(), 1 + 60 + 500);
}

#[test]
fn processes_that_all_create_the_journal_at_once_agree_on_it() {
    // Each round starts from a folder that does not exist yet, so every
    // process finds no journal, and all of them create and migrate it.
    for round in 0..8 {
        let s = Sandbox::new();
        let tally = race(&s, 4, 1);
        assert!(
            tally.failed.is_empty(),
            "round {round}: creating a journal at once failed: {:?}",
            tally.failed
        );
        assert_intact(&s, &tally.saved);
        assert_eq!(s.entry_count(), 4, "round {round}");
    }
}

/// Holds the journal's write lock from this test process, as a long
/// import in the app would, until the returned guard is dropped.
struct WriteLock(rusqlite::Connection);

impl WriteLock {
    fn take(s: &Sandbox) -> WriteLock {
        let conn = rusqlite::Connection::open(s.data().join("journal.db")).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        WriteLock(conn)
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let _ = self.0.execute_batch("ROLLBACK");
    }
}

#[test]
fn a_writer_waits_for_a_short_lock_and_gives_up_on_a_long_one_with_a_clear_message() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "first"]).ok();

    // A lock held for one second: `trine add` waits, then saves.
    let lock = WriteLock::take(&s);
    let start = Instant::now();
    let saved = std::thread::scope(|scope| {
        let add = scope.spawn(|| s.run(&["--json", "add", "--title", "waited"]));
        std::thread::sleep(Duration::from_secs(1));
        drop(lock);
        add.join().unwrap()
    });
    assert!(start.elapsed() >= Duration::from_secs(1));
    assert_eq!(saved.json()["title"], "waited");

    // A lock held longer than the busy timeout: a clear message, nothing
    // half-done, and reading is never blocked meanwhile.
    let lock = WriteLock::take(&s);
    assert_eq!(s.entry_count(), 2, "readers do not wait for writers");
    let start = Instant::now();
    let err = s.run(&["add", "--title", "gave up"]).fails();
    let waited = start.elapsed();
    drop(lock);
    assert!(
        waited >= Duration::from_secs(4),
        "it should wait a while first ({waited:?})"
    );
    assert!(err.contains("busy"), "{err}");
    assert!(
        err.contains(s.data().join("journal.db").to_str().unwrap()),
        "names the journal: {err}"
    );
    assert!(err.contains("nothing was changed"), "{err}");
    let health = s.run(&["--json", "check"]).json();
    assert_eq!(health["integrity"], serde_json::json!(["ok"]));
    assert_eq!(health["entries"], 2, "the refused entry is not there");
}

/// The ids of the entries tagged `race` in the journal file `db` (a copy
/// kept by restore, say), read through `trine` in a folder of its own.
fn race_ids_in(s: &Sandbox, db: &std::path::Path) -> BTreeSet<String> {
    let folder = s.path(&format!("read-{}", uuid_like(db)));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(db, folder.join("journal.db")).unwrap();
    s.run_with_data(
        &folder,
        &["--json", "list", "--limit", "1000000", "--tag", "race"],
    )
    .json()
    .as_array()
    .unwrap()
    .iter()
    .map(|e| e["id"].as_str().unwrap().to_string())
    .collect()
}

fn uuid_like(path: &std::path::Path) -> String {
    path.file_stem()
        .unwrap()
        .to_string_lossy()
        .replace('.', "-")
}

/// A restore while other processes write: every entry a writer was told
/// is saved is either in the journal restored (saved after the restore,
/// into it) or in the copy of the journal it replaced (saved before).
/// Restore used to copy the backup's pages into the open journal after
/// keeping its copy, and what was saved in between was in neither.
#[test]
fn a_restore_while_others_write_loses_no_entry_reported_saved() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "before the backup"]).ok();
    let backup = s.run(&["--json", "backup"]).json()["path"]
        .as_str()
        .unwrap()
        .to_string();
    let mut tally = Tally::default();
    let mut restores = Vec::new();
    std::thread::scope(|scope| {
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let s = &s;
                scope.spawn(move || {
                    (0..25)
                        .map(|i| {
                            s.run(&[
                                "--json",
                                "add",
                                "--title",
                                &format!("writer {w} entry {i}"),
                                "--tag",
                                "race",
                            ])
                        })
                        .collect::<Vec<Run>>()
                })
            })
            .collect();
        for pause in [40, 120, 200] {
            std::thread::sleep(Duration::from_millis(pause));
            restores.push(s.run(&["--json", "restore", &backup]));
        }
        for writer in writers {
            for run in writer.join().unwrap() {
                tally.record(run);
            }
        }
    });
    let mut kept = Vec::new();
    for run in restores {
        let said = run.json();
        kept.push(std::path::PathBuf::from(
            said["replaced_journal_kept_at"].as_str().unwrap(),
        ));
    }
    assert!(
        tally.failed.is_empty(),
        "writers refused: {:?}",
        tally.failed
    );
    let health = s.run(&["--json", "check"]).json();
    assert_eq!(health["integrity"], serde_json::json!(["ok"]), "{health}");
    let mut found = race_ids_in(&s, &s.data().join("journal.db"));
    for copy in &kept {
        found.extend(race_ids_in(&s, copy));
    }
    let lost: Vec<_> = tally
        .saved
        .iter()
        .filter(|id| !found.contains(*id))
        .collect();
    assert!(lost.is_empty(), "reported saved, found nowhere: {lost:?}");
    eprintln!("restore race: {} saved, all found", tally.saved.len());
}
