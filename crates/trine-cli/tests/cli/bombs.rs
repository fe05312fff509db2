//! Imports that no file can make take the machine: a zip that expands to
//! far more than it weighs, links to `/dev/zero` and to the folder itself,
//! a named pipe, front matter nested deep. Each finishes quickly, with a
//! message naming the file and the limit or a note of what was passed
//! over, and within a bounded amount of memory (GNU time's maximum
//! resident size of the `trine` process).

use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::util::Sandbox;

/// The most memory an import may take, whatever the file.
const MEMORY_LIMIT_KB: u64 = 300 * 1024;

/// Runs `trine ARGS` under GNU time with a time limit: (exit code, stderr
/// without time's line, peak memory in KiB, seconds taken).
fn measured(s: &Sandbox, args: &[&str]) -> (Option<i32>, String, u64, f64) {
    let report = s.path("time.txt");
    let command = s.command(args, &[]);
    let program = command.get_program().to_owned();
    let mut timed = std::process::Command::new("/usr/bin/time");
    timed
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&report)
        .arg(program);
    timed.args(command.get_args());
    for (key, value) in command.get_envs() {
        match value {
            Some(v) => timed.env(key, v),
            None => timed.env_remove(key),
        };
    }
    let start = Instant::now();
    let mut child = timed
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("GNU time (/usr/bin/time, Debian package `time`) runs");
    let deadline = start + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("trine {args:?} was still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed().as_secs_f64();
    let out = child.wait_with_output().unwrap();
    let kb: u64 = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .expect("GNU time wrote the peak memory");
    eprintln!("trine {args:?}: {kb} KiB peak, {took:.2} s");
    (
        status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        kb,
        took,
    )
}

fn note(dir: &Path, name: &str, title: &str) {
    std::fs::write(
        dir.join(name),
        format!("---\ntitle: {title}\ncreated: 2026-03-20 18:45:00Z\n---\n\nWords.\n"),
    )
    .unwrap();
}

#[test]
fn a_zip_that_expands_past_the_limit_is_refused_within_bounded_memory() {
    let s = Sandbox::new();
    let zip_path = s.path("bomb.zip");
    {
        let file = std::fs::File::create(&zip_path).unwrap();
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("Journal.json", options).unwrap();
        // 1 GiB of spaces: a few megabytes compressed.
        let block = vec![b' '; 1 << 20];
        for _ in 0..1024 {
            zip.write_all(&block).unwrap();
        }
        zip.finish().unwrap();
    }
    let weight = std::fs::metadata(&zip_path).unwrap().len();
    assert!(weight < 8 << 20, "the archive weighs {weight} bytes");

    let (code, stderr, kb, _) = measured(
        &s,
        &["import", "--format", "dayone", zip_path.to_str().unwrap()],
    );

    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("bomb.zip/Journal.json"), "{stderr}");
    assert!(stderr.contains("at most 104 MiB"), "{stderr}");
    assert!(kb < MEMORY_LIMIT_KB, "{kb} KiB");
    assert_eq!(s.entry_count(), 0);
}

#[test]
fn links_out_of_the_folder_loops_and_pipes_are_passed_over_quickly() {
    let s = Sandbox::new();
    let folder = s.path("notes");
    std::fs::create_dir_all(folder.join("inner")).unwrap();
    note(&folder, "one.md", "One");
    note(&folder.join("inner"), "two.md", "Two");
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.md")).unwrap();
    std::os::unix::fs::symlink(&folder, folder.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", folder.join("inner/up")).unwrap();
    std::os::unix::fs::symlink("/etc", folder.join("outside")).unwrap();
    let fifo = folder.join("pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());

    let (code, stderr, kb, took) = measured(
        &s,
        &[
            "--json",
            "import",
            "--format",
            "markdown",
            folder.to_str().unwrap(),
        ],
    );

    assert_eq!(code, Some(0), "{stderr}");
    assert!(took < 30.0);
    assert!(kb < MEMORY_LIMIT_KB, "{kb} KiB");
    let list = s.run(&["--json", "list"]).json();
    let mut titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    titles.sort();
    assert_eq!(titles, ["One", "Two"]);
    let said = s
        .run(&["import", "--format", "markdown", folder.to_str().unwrap()])
        .ok();
    assert!(said.contains("links to files or folders outside"), "{said}");
    assert!(said.contains("not regular files"), "{said}");
}

#[test]
fn a_pipe_or_a_device_named_as_the_file_is_refused_without_waiting() {
    let s = Sandbox::new();
    let fifo = s.path("journal.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for (format, path) in [("jrnl", fifo.to_str().unwrap()), ("jsonl", "/dev/zero")] {
        let (code, stderr, kb, took) = measured(&s, &["import", "--format", format, path]);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains("not a regular file"), "{stderr}");
        assert!(stderr.contains(path), "{stderr}");
        assert!(took < 30.0 && kb < MEMORY_LIMIT_KB);
    }
}

#[test]
fn front_matter_nested_deep_is_refused_at_once() {
    let s = Sandbox::new();
    let folder = s.path("deep");
    std::fs::create_dir_all(&folder).unwrap();
    let nested = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    std::fs::write(
        folder.join("deep.md"),
        format!("---\ntitle: Deep\ntags: {nested}\n---\n\nWords.\n"),
    )
    .unwrap();

    let (code, stderr, kb, took) = measured(
        &s,
        &["import", "--format", "markdown", folder.to_str().unwrap()],
    );

    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("deep.md"), "{stderr}");
    assert!(stderr.contains("more than 16 levels"), "{stderr}");
    assert!(took < 5.0, "{took} s");
    assert!(kb < MEMORY_LIMIT_KB);

    // And front matter past its size limit.
    std::fs::write(
        folder.join("deep.md"),
        format!(
            "---
title: Long
note: {}
---

Words.
",
            "x".repeat(100_000)
        ),
    )
    .unwrap();
    let (code, stderr, _, _) = measured(
        &s,
        &["import", "--format", "markdown", folder.to_str().unwrap()],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("Trine reads at most 64 KiB"), "{stderr}");
}

#[test]
fn an_entry_of_more_than_a_mebibyte_is_refused_on_its_line() {
    let s = Sandbox::new();
    let big = "word ".repeat(250_000);
    let file = s.file(
        "big.jsonl",
        &format!(
            "{{\"date\": \"2026-03-05\", \"title\": \"fine\"}}\n{{\"date\": \"2026-03-06\", \"title\": \"huge\", \"body\": \"{big}\"}}\n"
        ),
    );
    let err = s
        .run(&["import", "--format", "jsonl", file.to_str().unwrap()])
        .fails();
    assert!(err.contains("big.jsonl:2"), "{err}");
    assert!(err.contains("entries of up to 1 MiB"), "{err}");
    assert_eq!(s.entry_count(), 0);
}
