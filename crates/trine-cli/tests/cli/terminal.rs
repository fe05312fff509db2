//! What `trine` writes to a terminal: no escape sequence from a journal's
//! text reaches it raw, and a pipe closed early (`trine list | head`) is a
//! normal end, not a crash.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::util::Sandbox;

#[test]
fn escape_sequences_in_imported_text_are_printed_escaped() {
    let s = Sandbox::new();
    let file = s.file(
        "ansi.jsonl",
        "{\"date\": \"2026-01-05\", \"title\": \"red \\u001b[31malert\\u0007\", \"body\": \"clear \\u001b[2J screen\\u009b\"}\n",
    );
    s.run(&["import", "--format", "jsonl", file.to_str().unwrap()])
        .ok();
    let id = s.run(&["--json", "list"]).json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for args in [
        vec!["list"],
        vec!["show", id.as_str()],
        vec!["search", "screen"],
    ] {
        let out = s.run(&args).ok();
        assert!(
            !out.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("\\u{1b}"), "{args:?}: {out:?}");
    }
    // JSON keeps the text exactly (escaped the JSON way).
    let json = s.run(&["--json", "show", &id]).json();
    assert_eq!(json["title"], "red \u{1b}[31malert\u{7}");
}

#[test]
fn a_pipe_closed_early_ends_trine_quietly() {
    let s = Sandbox::new();
    let lines: String = (0..3000)
        .map(|i| {
            format!("{{\"date\": \"2026-01-05\", \"title\": \"entry {i}\", \"body\": \"words\"}}\n")
        })
        .collect();
    let file = s.file("many.jsonl", &lines);
    s.run(&["import", "--format", "jsonl", file.to_str().unwrap()])
        .ok();
    for args in [
        vec!["list", "--limit", "3000"],
        vec!["search", "words", "--limit", "3000"],
    ] {
        let mut child = s
            .command(&args, &[])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reading end goes away, as `head -1` does.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!first.is_empty());
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// Ctrl+C while `trine reflect` has an answer open in the editor: the
/// answer file is removed (it was in the user's own runtime folder, not a
/// shared temporary one) and `trine` stops with 130. Run under `script` for
/// a terminal; the "editor" presses Ctrl+C for the whole foreground group.
#[test]
fn ctrl_c_in_the_editor_leaves_no_answer_file_behind() {
    let s = Sandbox::new();
    let runtime = s.path("runtime");
    let tmp = s.path("tmp");
    std::fs::create_dir_all(&runtime).unwrap();
    std::fs::create_dir_all(&tmp).unwrap();
    let editor = s.file(
        "editor.sh",
        "#!/bin/sh\necho 'half an answer' >> \"$1\"\nkill -INT 0\nsleep 1\n",
    );
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let inner = format!(
        "{} --data-dir {} reflect",
        crate::util::trine_bin().display(),
        s.data().display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &inner, "/dev/null"])
        .env("EDITOR", &editor)
        .env("XDG_RUNTIME_DIR", &runtime)
        .env("TMPDIR", &tmp)
        .env("HOME", s.dir.path())
        .env("TZ", "Europe/Berlin")
        .stdin(Stdio::null())
        .output()
        .expect("script (util-linux) runs");
    let leftovers: Vec<_> = [&runtime, &tmp]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(s.entry_count(), 0, "nothing was saved");
}
