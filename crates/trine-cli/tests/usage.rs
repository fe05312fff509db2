//! The command line itself: help texts and usage errors. (The journal's
//! behaviour through the CLI is tested end to end in the top-level `tests/`.)

use std::process::Command;

fn trine(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_trine"))
        .args(args)
        .env("TRINE_DATA_DIR", dir.path())
        .output()
        .unwrap()
}

#[test]
fn help_lists_the_commands_with_examples() {
    let out = trine(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for command in [
        "add", "list", "show", "search", "rate", "import", "export", "check",
    ] {
        assert!(
            text.contains(&format!("\n  {command} ")),
            "help lists {command}:\n{text}"
        );
    }
    assert!(text.contains("Examples:"), "{text}");
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(trine(&["list", "--bogus"]).status.code(), Some(2));
    assert_eq!(
        trine(&["rate", "--seen", "5"]).status.code(),
        Some(2),
        "known and valued are required"
    );
    assert_eq!(
        trine(&["import", "--format", "docx", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(
        trine(&["export", "--format", "json", "--out", "x.json", "--tag", "a"])
            .status
            .code(),
        Some(2)
    );
}
