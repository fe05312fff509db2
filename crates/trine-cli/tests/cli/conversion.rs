//! Changing the journal's encryption while other `trine` processes have it
//! open, and killing the change at random moments.
//!
//! A change of encryption puts a new file in the journal's place. Another
//! process holding the old file must follow it or stop and save nothing,
//! must not be held up while idle, and must not delete the new file's
//! write-ahead log when it lets go of the old file. Killed at any moment,
//! the change leaves the journal whole with the old passphrase or the new,
//! and (once it is opened again) no copy in another form beside it.
//!
//! The kill test runs `TRINE_KILL_RUNS` runs of each change (9 by default,
//! so CI stays quick; RELIABILITY.md has the figures of 50).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{Rng, Sandbox};

const MARKER: &str = "quillwort";

/// Every file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push(path);
        }
    }
    found.sort();
    found
}

fn is_plain(path: &Path) -> bool {
    std::fs::read(path)
        .map(|b| b.starts_with(b"SQLite format 3"))
        .unwrap_or(false)
}

fn holds_marker(path: &Path) -> bool {
    std::fs::read(path)
        .map(|b| b.windows(MARKER.len()).any(|w| w == MARKER.as_bytes()))
        .unwrap_or(false)
}

/// Fails if any file in the folder is a plain database or holds the words
/// of an entry.
fn assert_nothing_plain(dir: &Path, context: &str) {
    for file in files(dir) {
        assert!(!is_plain(&file), "{context}: {} is plain", file.display());
        assert!(
            !holds_marker(&file),
            "{context}: {} holds an entry's words",
            file.display()
        );
    }
}

/// Starts `trine add --title TITLE --body -`, which opens the journal and
/// then waits for its standard input.
fn waiting_add(s: &Sandbox, title: &str, env: &[(&str, &str)]) -> Child {
    let child = s
        .command(&["--json", "add", "--title", title, "--body", "-"], env)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Time to open the journal (the wait is for its input, not the journal).
    std::thread::sleep(Duration::from_millis(400));
    child
}

/// Gives `child` its body and waits for it: (exit code, stdout, stderr).
fn finish(mut child: Child, body: &str) -> (Option<i32>, String, String) {
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn titles(s: &Sandbox, env: &[(&str, &str)]) -> Vec<String> {
    let list = s
        .run_env(&["--json", "list", "--limit", "1000"], env)
        .json();
    let mut titles: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap().to_string())
        .collect();
    titles.sort();
    titles
}

#[test]
fn an_idle_process_does_not_hold_up_encryption_and_then_saves_nothing() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "before", "--body", MARKER]).ok();
    let waiting = waiting_add(&s, "typed while it was encrypted", &[]);

    let start = Instant::now();
    s.run_env(&["encrypt"], &[("TRINE_NEW_PASSPHRASE", "a passphrase")])
        .ok();
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "the idle process held the change up for {:?}",
        start.elapsed()
    );

    let (code, stdout, stderr) = finish(waiting, &format!("more {MARKER}"));
    assert_eq!(code, Some(1), "stdout: {stdout}\nstderr: {stderr}");
    assert!(stdout.is_empty(), "nothing is reported saved: {stdout}");
    assert!(stderr.contains("nothing was saved"), "{stderr}");
    let pass = [("TRINE_PASSPHRASE", "a passphrase")];
    assert_eq!(titles(&s, &pass), ["before"]);
    assert_nothing_plain(&s.data(), "after the encryption");
}

#[test]
fn a_process_that_follows_the_new_file_keeps_its_words_and_the_new_log() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "old"]).ok();
    let stale = waiting_add(&s, "one", &[]);
    s.run_env(&["encrypt"], &[("TRINE_NEW_PASSPHRASE", "p")])
        .ok();
    s.run_env(&["decrypt"], &[("TRINE_PASSPHRASE", "p")]).ok();
    // Opened on the new file, and keeps it (with its log) open.
    let fresh = waiting_add(&s, "two", &[]);

    // The stale process finds its file replaced, follows the new one (it
    // is plain again) and saves there. Letting go of the old file must not
    // delete the new file's log, which `fresh` shares.
    let (code, stdout, stderr) = finish(stale, "followed");
    assert_eq!(code, Some(0), "stdout: {stdout}\nstderr: {stderr}");
    let saved: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(saved["title"], "one");
    assert_eq!(
        titles(&s, &[]),
        ["old", "one"],
        "a third process sees what the first saved"
    );

    let (code, _, stderr) = finish(fresh, "also kept");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(titles(&s, &[]), ["old", "one", "two"]);
    let health = s.run(&["--json", "check"]).json();
    assert_eq!(health["integrity"], serde_json::json!(["ok"]));
}

#[test]
fn writers_lose_nothing_while_the_journal_is_rewritten_again_and_again() {
    let s = Sandbox::new();
    let pass = [
        ("TRINE_PASSPHRASE", "same"),
        ("TRINE_NEW_PASSPHRASE", "same"),
    ];
    s.run_env(&["encrypt"], &pass[1..]).ok();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let commands: Vec<_> = (0..15)
                .map(|i| {
                    s.command(
                        &["--json", "add", "--title", &format!("w{w} {i}")],
                        &pass[..1],
                    )
                })
                .collect();
            std::thread::spawn(move || {
                let mut saved = Vec::new();
                let mut refused = 0;
                for mut command in commands {
                    let out = command.stdin(Stdio::null()).output().unwrap();
                    if out.status.success() {
                        let entry: Value = serde_json::from_slice(&out.stdout).unwrap();
                        saved.push(entry["title"].as_str().unwrap().to_string());
                    } else {
                        refused += 1;
                    }
                }
                (saved, refused)
            })
        })
        .collect();
    let mut changes = 0;
    for _ in 0..6 {
        // The same passphrase again: a whole new file each time.
        if s.run_env(&["encrypt"], &pass).code == Some(0) {
            changes += 1;
        }
    }
    let mut saved = Vec::new();
    let mut refused = 0;
    for writer in writers {
        let (s, r) = writer.join().unwrap();
        saved.extend(s);
        refused += r;
    }
    eprintln!(
        "{changes} rewrites, {} adds saved, {refused} refused (busy)",
        saved.len()
    );
    assert!(changes >= 3, "the journal was rewritten {changes} times");
    saved.sort();
    assert_eq!(
        titles(&s, &pass[..1]),
        saved,
        "every add reported saved is there, and nothing else"
    );
    let health = s.run_env(&["--json", "check"], &pass[..1]).json();
    assert_eq!(health["integrity"], serde_json::json!(["ok"]));
}

fn inode(path: &Path) -> Option<u64> {
    std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).ok()?).into()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// How many entries the database at `path` holds when opened with
/// `passphrase`, or `None` if it does not open.
fn entries_in(path: &Path, passphrase: Option<&str>) -> Option<i64> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .ok()?;
    if let Some(key) = passphrase {
        conn.pragma_update(None, "key", key).ok()?;
    }
    conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .ok()
}

/// One kind of change: its name, the command, the passphrases before and
/// after.
struct Change {
    name: &'static str,
    command: &'static str,
    old: Option<&'static str>,
    new: Option<&'static str>,
}

fn env_for(change: &Change) -> Vec<(&'static str, &'static str)> {
    let mut env = Vec::new();
    if let Some(old) = change.old {
        env.push(("TRINE_PASSPHRASE", old));
    }
    if let Some(new) = change.new {
        env.push(("TRINE_NEW_PASSPHRASE", new));
    }
    env
}

const ENTRIES: i64 = 6;

/// A journal of [`ENTRIES`] entries and two backups, in `change.old`'s form.
fn template(change: &Change) -> Sandbox {
    let s = Sandbox::new();
    for i in 0..ENTRIES {
        s.run(&[
            "add",
            "--title",
            &format!("entry {i}"),
            "--body",
            &format!("{MARKER} {i}"),
        ])
        .ok();
    }
    s.run(&["backup"]).ok();
    std::thread::sleep(Duration::from_millis(5));
    s.run(&["backup"]).ok();
    if let Some(old) = change.old {
        s.run_env(&["encrypt"], &[("TRINE_NEW_PASSPHRASE", old)])
            .ok();
    }
    s
}

/// Kills `change` at random moments, `runs` times, and checks each time
/// that the journal opens whole in one form, with every backup in that
/// same form. Returns (runs killed, runs left in the old form, in the new).
fn kill_runs(change: &Change, runs: usize, rng: &mut Rng) -> (usize, usize, usize) {
    let template = template(change);
    let env = env_for(change);
    let run_one = |data: &Path| -> Child {
        template
            .command_in(data, &[change.command], &env)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long an uninterrupted change takes here, so kills land all
    // through it: the quickest of three runs, as a first run pays for a
    // cold cache and a span too long would put the kills after the end.
    let span = (0..3)
        .map(|i| {
            let timing = template.path(&format!("timing{i}"));
            copy_dir(&template.data(), &timing);
            let start = Instant::now();
            let status = run_one(&timing).wait().unwrap();
            assert!(
                status.success(),
                "{}: the change works when left alone",
                change.name
            );
            let took = start.elapsed().as_micros() as u64;
            std::fs::remove_dir_all(&timing).unwrap();
            took
        })
        .min()
        .unwrap();

    let (mut before, mut after, mut killed) = (0, 0, 0);
    for run in 0..runs {
        let data = template.path(&format!("run{run}"));
        copy_dir(&template.data(), &data);
        let mut child = run_one(&data);
        // A third of the kills anywhere in the run, a third in its second
        // half, and a third just after the new file takes the journal's
        // place (watched for, then up to 3 ms later), while the backups follow.
        match rng.next() % 3 {
            0 => std::thread::sleep(Duration::from_micros(rng.next() % span)),
            1 => std::thread::sleep(Duration::from_micros(
                span / 2 + rng.next() % (span * 2 / 5).max(1),
            )),
            _ => {
                let journal = data.join("journal.db");
                let before = inode(&journal);
                let deadline = Instant::now() + Duration::from_secs(30);
                while inode(&journal) == before && Instant::now() < deadline {
                    if child.try_wait().unwrap().is_some() {
                        break;
                    }
                    std::thread::sleep(Duration::from_micros(50));
                }
                std::thread::sleep(Duration::from_micros(rng.next() % 3000));
            }
        }
        let _ = child.kill();
        let status = child.wait().unwrap();
        if std::os::unix::process::ExitStatusExt::signal(&status) == Some(9) {
            killed += 1;
        }
        let context = format!("{} run {run}", change.name);

        // Opening again (here: `trine check`) puts right what the kill left.
        let opens_with = |pass: Option<&str>| {
            let env: Vec<(&str, &str)> =
                pass.map(|p| ("TRINE_PASSPHRASE", p)).into_iter().collect();
            template.run_with_data_env(&data, &["--json", "check"], &env)
        };
        let (pass, health) = match opens_with(change.old) {
            run if run.code == Some(0) => {
                before += 1;
                (change.old, run.json())
            }
            _ => {
                let run = opens_with(change.new);
                assert_eq!(
                    run.code,
                    Some(0),
                    "{context}: opens with neither passphrase: {}",
                    run.stderr
                );
                after += 1;
                (change.new, run.json())
            }
        };
        assert_eq!(health["integrity"], serde_json::json!(["ok"]), "{context}");
        assert_eq!(health["entries"], ENTRIES, "{context}: every entry");

        let journal = data.join("journal.db");
        if pass.is_some() {
            assert_nothing_plain(&data, &context);
        } else {
            assert!(is_plain(&journal), "{context}");
        }
        let backups: Vec<PathBuf> = files(&data.join("backups"));
        assert_eq!(
            backups.len(),
            2,
            "{context}: the two backups and nothing else: {backups:?}"
        );
        for backup in backups {
            assert_eq!(
                entries_in(&backup, pass),
                Some(ENTRIES),
                "{context}: {} opens like the journal",
                backup.display()
            );
        }
        std::fs::remove_dir_all(&data).unwrap();
    }
    (killed, before, after)
}

#[test]
fn killing_a_change_of_encryption_at_random_moments_leaves_one_whole_form() {
    let runs: usize = std::env::var("TRINE_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(9);
    eprintln!("{runs} runs of each change");
    let mut rng = Rng::seeded();
    let changes = [
        Change {
            name: "encrypt",
            command: "encrypt",
            old: None,
            new: Some("new passphrase"),
        },
        Change {
            name: "decrypt",
            command: "decrypt",
            old: Some("old passphrase"),
            new: None,
        },
        Change {
            name: "new passphrase",
            command: "encrypt",
            old: Some("old passphrase"),
            new: Some("new passphrase"),
        },
    ];
    for change in &changes {
        let (killed, before, after) = kill_runs(change, runs, &mut rng);
        eprintln!(
            "{}: {runs} runs, {killed} killed (the others had finished), {before} left the \
             old form, {after} the new; all whole",
            change.name
        );
        // Most kills land; a run that ends just before its kill is counted
        // as finished, so a third is the least this test accepts.
        assert!(
            killed * 3 >= runs,
            "{}: only {killed} of {runs} runs were killed",
            change.name
        );
    }
}
