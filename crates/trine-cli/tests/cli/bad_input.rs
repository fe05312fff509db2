//! Bad input gets a clear one-line message, exit code 1, and changes nothing.

use crate::util::{synthetic_jsonl, Sandbox};

#[test]
fn a_malformed_jsonl_line_names_file_and_line_and_imports_nothing() {
    let s = Sandbox::new();
    let mut text = synthetic_jsonl(5);
    text.push_str("{\"date\": \"2026-01-01\", \"title\": \"cut off\n");
    let path = s.file("broken.jsonl", &text);
    let err = s
        .run(&["import", "--format", "jsonl", path.to_str().unwrap()])
        .fails();
    assert!(err.contains("broken.jsonl:6"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(s.entry_count(), 0);
}

#[test]
fn a_bad_field_in_jsonl_is_named() {
    let s = Sandbox::new();
    let text = synthetic_jsonl(3).replacen("\"seen\": 1,", "\"seen\": 12,", 1);
    let path = s.file("ratings.jsonl", &text);
    let err = s
        .run(&["import", "--format", "jsonl", path.to_str().unwrap()])
        .fails();
    assert!(
        err.contains("ratings.jsonl:1") && err.contains("ratings.seen") && err.contains("12"),
        "{err}"
    );
    assert_eq!(s.entry_count(), 0);
}

#[test]
fn ratings_outside_one_to_ten_are_refused_by_name() {
    let s = Sandbox::new();
    let err = s.run(&["add", "--title", "x", "--valued", "0"]).fails();
    assert!(err.contains("--valued") && err.contains("1 to 10"), "{err}");
    let err = s
        .run(&["rate", "--seen", "5", "--known", "11", "--valued", "5"])
        .fails();
    assert!(err.contains("--known"), "{err}");
    assert_eq!(s.entry_count(), 0);
}

#[test]
fn invalid_search_syntax_gives_results_or_nothing_never_an_error() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "And so on", "--body", "\"quoted\" text"])
        .ok();
    for query in ["\"unbalanced", "AND", "*", "OR", "NEAR(", "(", "col:x", "-"] {
        let out = s.run(&["--json", "search", query]);
        assert_eq!(out.code, Some(0), "query {query:?}: {}", out.stderr);
        assert!(!out.stderr.to_lowercase().contains("sql"), "{}", out.stderr);
    }
    assert_eq!(
        s.run(&["--json", "search", "AND"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        s.run(&["--json", "search", "\"quoted"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_file_that_is_not_a_journal_is_refused_and_kept() {
    let s = Sandbox::new();
    std::fs::create_dir_all(s.data()).unwrap();
    let db = s.data().join("journal.db");
    let content = "my shopping list, definitely not SQLite\n".repeat(100);
    std::fs::write(&db, &content).unwrap();
    let err = s.run(&["list"]).fails();
    assert!(
        err.contains("not a Trine journal") && err.contains("journal.db"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&db).unwrap(),
        content,
        "left untouched"
    );
}

#[test]
fn a_journal_from_a_newer_trine_is_refused() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "x"]).ok();
    let db = s.data().join("journal.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 42).unwrap();
    }
    let err = s.run(&["list"]).fails();
    assert!(
        err.contains("newer Trine") && err.contains("42") && err.contains("Update Trine"),
        "{err}"
    );
}

#[test]
fn an_unknown_id_is_a_clear_error() {
    let s = Sandbox::new();
    let err = s.run(&["show", "abcdef12"]).fails();
    assert!(
        err.contains("abcdef12") && err.contains("trine list"),
        "{err}"
    );
}

#[test]
fn a_blank_new_passphrase_is_refused_and_a_short_one_warned_about() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "n"]).ok();
    let err = s
        .run_env(&["encrypt"], &[("TRINE_NEW_PASSPHRASE", "   ")])
        .fails();
    assert!(err.contains("passphrase cannot be empty"), "{err}");
    let run = s.run_env(&["encrypt"], &[("TRINE_NEW_PASSPHRASE", "abc")]);
    assert!(run.stderr.contains("easy to guess"), "{}", run.stderr);
    run.ok();
    // Typed with the accent as its own character, it is the same passphrase.
    s.run_env(
        &["encrypt"],
        &[
            ("TRINE_PASSPHRASE", "abc"),
            ("TRINE_NEW_PASSPHRASE", "caf\u{e9} cr\u{e8}me"),
        ],
    )
    .ok();
    s.run_env(
        &["list"],
        &[("TRINE_PASSPHRASE", "cafe\u{301} cre\u{300}me")],
    )
    .ok();
}

/// A mistyped year (or a date from nowhere) is refused on its line, so no
/// chart or report is stretched over centuries; the help says how to fix it.
#[test]
fn an_import_refuses_dates_before_1900_or_more_than_a_year_ahead() {
    let s = Sandbox::new();
    for (date, words) in [("0206-03-05", "too early"), ("9999-01-01", "too far ahead")] {
        let file = s.file(
            "dates.jsonl",
            &format!(
                "{{\"date\": \"2026-03-05\", \"title\": \"fine\"}}\n{{\"date\": \"{date}\", \"title\": \"typo\"}}\n"
            ),
        );
        let err = s
            .run(&["import", "--format", "jsonl", file.to_str().unwrap()])
            .fails();
        assert!(err.contains("dates.jsonl:2"), "{err}");
        assert!(err.contains(date) && err.contains(words), "{err}");
        assert_eq!(s.entry_count(), 0, "nothing imported");
    }
    let help = s.run(&["import", "--help"]).ok();
    assert!(help.contains("from 1900 to a year from today"), "{help}");
}
