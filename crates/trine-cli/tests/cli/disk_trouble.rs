//! Disk trouble: a write cut off part-way by a file-size limit, and a data
//! folder that cannot be written. Each gets a clear one-line message, exit
//! code 1, and leaves the journal exactly as it was.
//!
//! Tests run as root, so file modes do not stop a write. What does:
//! `RLIMIT_FSIZE` (`prlimit --fsize`) with SIGXFSZ ignored, so the write
//! returns EFBIG instead of killing the process; a read-only bind mount in
//! a private mount namespace (`unshare --mount`, nothing leaks out of the
//! test); and the immutable attribute (`chattr +i`) on the folder or the
//! file. Each mechanism is first checked to really stop a write here; when
//! one is missing (no `prlimit`, no `CAP_SYS_ADMIN`, a file system without
//! attributes) its test says SKIPPED on standard error and passes, unless
//! `TRINE_REQUIRE_DISK_TESTS=1` makes that a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::util::{all_entries, synthetic_jsonl, Sandbox};

/// Says loudly that a test could not run here, or fails when the
/// environment asks for every disk test to run.
fn skip(test: &str, why: &str) {
    if std::env::var("TRINE_REQUIRE_DISK_TESTS").as_deref() == Ok("1") {
        panic!("{test} cannot run here ({why}) and TRINE_REQUIRE_DISK_TESTS=1");
    }
    eprintln!("SKIPPED {test}: {why}");
}

/// A journal with entries of several kinds; returns them as listed.
fn journal_with_entries(s: &Sandbox) -> Vec<Value> {
    s.run(&[
        "add",
        "--title",
        "Standup",
        "--body",
        "I asked for the demo slot.",
        "--tag",
        "voice",
        "--seen",
        "7",
        "--known",
        "6",
        "--valued",
        "7",
    ])
    .ok();
    s.run(&["add", "--title", "Only for me", "--private"]).ok();
    s.run(&["rate", "--seen", "5", "--known", "4", "--valued", "6"])
        .ok();
    let path = s.file("some.jsonl", &synthetic_jsonl(20));
    s.run(&["import", "--format", "jsonl", path.to_str().unwrap()])
        .ok();
    let entries = all_entries(s, &s.data());
    assert_eq!(entries.len(), 23);
    entries
}

/// `trine check` passes and the journal holds exactly `before`.
fn assert_intact(s: &Sandbox, before: &[Value]) {
    let health = s.run(&["--json", "check"]).json();
    assert_eq!(health["integrity"], serde_json::json!(["ok"]), "{health}");
    assert_eq!(health["search_index_ok"], true, "{health}");
    assert_eq!(all_entries(s, &s.data()), before, "the journal changed");
}

/// The one-line message of a failed run: exit code 1, no panic.
fn refused(run: crate::util::Run) -> String {
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.fails()
}

// ---------------------------------------------------------------------
// A write that fails part-way: a file-size limit.

/// Runs the rest of the command line with a file-size limit of `bytes`
/// and SIGXFSZ ignored (an ignored signal stays ignored across exec), so
/// a write past the limit fails with EFBIG.
fn under_file_size_limit(bytes: u64) -> Vec<String> {
    vec![
        "sh".into(),
        "-c".into(),
        format!("trap '' XFSZ; exec prlimit --fsize={bytes} -- \"$@\""),
        "sh".into(),
    ]
}

/// Whether the limit really cuts a write short here.
fn file_size_limit_works(dir: &Path) -> Result<(), String> {
    let probe = dir.join("fsize-probe");
    let mut wrapper = under_file_size_limit(1000);
    wrapper.extend([
        "sh".into(),
        "-c".into(),
        "head -c 5000 /dev/zero > \"$0\"".into(),
        probe.to_str().unwrap().into(),
    ]);
    let out = Command::new(&wrapper[0])
        .args(&wrapper[1..])
        .output()
        .map_err(|e| format!("sh: {e}"))?;
    let written = std::fs::metadata(&probe).map(|m| m.len()).unwrap_or(0);
    let _ = std::fs::remove_file(&probe);
    if out.status.success() || written != 1000 {
        return Err(format!(
            "prlimit --fsize did not cut a write short (exit {:?}, {written} bytes written: {})",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(())
}

fn assert_write_refused(err: &str, s: &Sandbox) {
    assert!(
        err.contains("could not write to the journal")
            && err.contains(s.data().join("journal.db").to_str().unwrap()),
        "names what failed: {err}"
    );
    assert!(err.contains("file-size limit"), "says why: {err}");
    assert!(err.contains("the change was not saved"), "{err}");
}

#[test]
fn an_entry_cut_off_by_a_file_size_limit_is_refused_clearly_and_the_journal_is_intact() {
    let s = Sandbox::new();
    let before = journal_with_entries(&s);
    if let Err(why) = file_size_limit_works(s.dir.path()) {
        return skip("an_entry_cut_off_by_a_file_size_limit", &why);
    }
    let wrapper = under_file_size_limit(512 * 1024);
    let wrapper: Vec<&str> = wrapper.iter().map(String::as_str).collect();
    // About 1.5 MB of text: the write-ahead log passes 512 KiB part-way
    // through the transaction.
    let body = "A long day of notes about the planning meeting. ".repeat(30_000);
    let run = s.run_via(
        &wrapper,
        &["add", "--title", "Too long", "--body", "-"],
        Some(&body),
    );
    let err = refused(run);
    assert_write_refused(&err, &s);
    assert_intact(&s, &before);

    // The same entry without the limit is saved: it was the limit.
    s.run_with_input(&["add", "--title", "Too long", "--body", "-"], &body)
        .ok();
    assert_eq!(s.entry_count(), before.len() + 1);
}

#[test]
fn an_import_cut_off_by_a_file_size_limit_imports_nothing() {
    let s = Sandbox::new();
    let before = journal_with_entries(&s);
    if let Err(why) = file_size_limit_works(s.dir.path()) {
        return skip("an_import_cut_off_by_a_file_size_limit", &why);
    }
    let path = s.file("many.jsonl", &synthetic_jsonl(3000));
    let wrapper = under_file_size_limit(512 * 1024);
    let wrapper: Vec<&str> = wrapper.iter().map(String::as_str).collect();
    let import = ["import", "--format", "jsonl", path.to_str().unwrap()];
    let err = refused(s.run_via(&wrapper, &import, None));
    assert_write_refused(&err, &s);
    assert_intact(&s, &before);

    let summary = s.run(&[
        "--json",
        "import",
        "--format",
        "jsonl",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        summary.json()["imported"],
        3000 - 20,
        "without the limit it imports (the first 20 are in already)"
    );
}

// ---------------------------------------------------------------------
// A data folder that cannot be written.

fn assert_not_writable(err: &str, folder: &Path) {
    assert!(
        err.contains(&format!("folder {} cannot be written", folder.display())),
        "names the folder: {err}"
    );
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(err.contains("--data-dir"), "says the way out: {err}");
}

/// Runs the rest of the command line in a private mount namespace where
/// `folder` is a read-only bind mount of itself. Nothing leaks out: the
/// namespace ends with the process.
fn in_read_only_mount(folder: &Path) -> Vec<String> {
    vec![
        "unshare".into(),
        "--mount".into(),
        "sh".into(),
        "-c".into(),
        "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" || exit 99; exec \"$@\""
            .into(),
        folder.to_str().unwrap().into(),
    ]
}

/// Whether a read-only bind mount really stops root writing here.
fn read_only_mount_works(dir: &Path) -> Result<(), String> {
    let mut wrapper = in_read_only_mount(dir);
    wrapper.extend(["touch".into(), dir.join("probe").to_str().unwrap().into()]);
    let out = Command::new(&wrapper[0])
        .args(&wrapper[1..])
        .output()
        .map_err(|e| format!("unshare: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(1) if stderr.contains("Read-only") => Ok(()),
        Some(0) => {
            let _ = std::fs::remove_file(dir.join("probe"));
            Err("a write to the read-only mount succeeded".into())
        }
        code => Err(format!(
            "unshare --mount and mount -o remount,bind,ro are not available (exit {code:?}: {})",
            stderr.trim()
        )),
    }
}

#[test]
fn a_read_only_data_folder_is_named_and_the_journal_is_intact() {
    let s = Sandbox::new();
    let before = journal_with_entries(&s);
    if let Err(why) = read_only_mount_works(&s.data()) {
        return skip("a_read_only_data_folder", &why);
    }
    let wrapper = in_read_only_mount(&s.data());
    let wrapper: Vec<&str> = wrapper.iter().map(String::as_str).collect();
    let err = refused(s.run_via(
        &wrapper,
        &["add", "--title", "Nowhere to go", "--body", "words"],
        None,
    ));
    assert_not_writable(&err, &s.data());
    assert_intact(&s, &before);
}

/// The immutable attribute on a file or folder, taken off again when
/// dropped (a test that fails halfway must not leave a folder that cannot
/// be deleted).
struct Immutable(PathBuf);

impl Immutable {
    fn set(path: &Path) -> Result<Immutable, String> {
        let out = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .output()
            .map_err(|e| format!("chattr: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "chattr +i failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(Immutable(path.to_path_buf()))
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

/// Whether `chattr +i` on a folder really stops root creating files in it.
fn immutable_works(dir: &Path) -> Result<(), String> {
    let probe = dir.join("immutable-probe");
    std::fs::create_dir_all(&probe).unwrap();
    let result = {
        let _guard = Immutable::set(&probe)?;
        match std::fs::write(probe.join("x"), "x") {
            Ok(()) => Err("chattr +i did not stop a write".to_string()),
            Err(_) => Ok(()),
        }
    };
    let _ = std::fs::remove_dir_all(&probe);
    result
}

#[test]
fn an_immutable_data_folder_is_named_and_the_journal_is_intact() {
    let s = Sandbox::new();
    let before = journal_with_entries(&s);
    if let Err(why) = immutable_works(s.dir.path()) {
        return skip("an_immutable_data_folder", &why);
    }
    // A clean close removed the write-ahead log and its index; with the
    // folder immutable they cannot be made again.
    assert!(!s.data().join("journal.db-wal").exists());
    let guard = Immutable::set(&s.data()).unwrap();
    let err = refused(s.run(&["add", "--title", "Nowhere to go"]));
    assert_not_writable(&err, &s.data());
    drop(guard);
    assert_intact(&s, &before);
}

#[test]
fn an_immutable_journal_file_is_refused_and_left_intact() {
    let s = Sandbox::new();
    let before = journal_with_entries(&s);
    if let Err(why) = immutable_works(s.dir.path()) {
        return skip("an_immutable_journal_file", &why);
    }
    let journal = s.data().join("journal.db");
    let bytes = std::fs::read(&journal).unwrap();
    let guard = Immutable::set(&journal).unwrap();
    let err = refused(s.run(&["add", "--title", "Nowhere to go"]));
    assert_not_writable(&err, &s.data());
    let err = refused(s.run(&["rate", "--seen", "1", "--known", "1", "--valued", "1"]));
    assert_not_writable(&err, &s.data());
    drop(guard);
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        bytes,
        "not a byte changed"
    );
    assert_intact(&s, &before);
}

#[test]
fn a_new_journal_in_a_folder_that_cannot_be_written_is_refused_by_name() {
    let s = Sandbox::new();
    if let Err(why) = immutable_works(s.dir.path()) {
        return skip("a_new_journal_in_a_folder_that_cannot_be_written", &why);
    }
    // The folder exists but nothing can be made in it.
    let empty = s.path("empty");
    std::fs::create_dir(&empty).unwrap();
    let guard = Immutable::set(&empty).unwrap();
    let err = refused(s.run_with_data(&empty, &["add", "--title", "First"]));
    assert_not_writable(&err, &empty);
    // The folder does not exist and cannot be made.
    let inside = empty.join("data");
    let err = refused(s.run_with_data(&inside, &["add", "--title", "First"]));
    assert!(
        err.contains(&format!(
            "could not use {} as the journal's folder",
            inside.display()
        )),
        "names the folder: {err}"
    );
    drop(guard);
    assert_eq!(
        std::fs::read_dir(&empty).unwrap().count(),
        0,
        "nothing made"
    );
}
