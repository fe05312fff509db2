//! Import, export, and import again: nothing lost or changed.

use crate::util::{all_entries, synthetic_jsonl, Sandbox};

#[test]
fn jsonl_import_search_json_export_and_reimport_into_an_empty_journal() {
    let s = Sandbox::new();
    let source = s.file("journal.jsonl", &synthetic_jsonl(300));
    let summary = s
        .run(&[
            "--json",
            "import",
            "--format",
            "jsonl",
            source.to_str().unwrap(),
        ])
        .json();
    assert_eq!(summary["imported"], 300);

    let hits = s
        .run(&["--json", "search", "promotion", "--limit", "500"])
        .json();
    assert!(!hits.as_array().unwrap().is_empty());
    for hit in hits.as_array().unwrap() {
        let text = format!("{} {} {}", hit["title"], hit["body"], hit["tags"]).to_lowercase();
        assert!(
            text.contains("promotion"),
            "every hit contains the word: {hit}"
        );
    }

    let backup = s.path("backup.json");
    s.run(&[
        "export",
        "--format",
        "json",
        "--out",
        backup.to_str().unwrap(),
    ])
    .ok();
    let empty = s.path("second");
    let summary = s
        .run_with_data(
            &empty,
            &[
                "--json",
                "import",
                "--format",
                "json",
                backup.to_str().unwrap(),
            ],
        )
        .json();
    assert_eq!(summary["imported"], 300);
    let original = all_entries(&s, &s.data());
    let copy = all_entries(&s, &empty);
    assert_eq!(original.len(), 300);
    assert_eq!(copy, original, "the same entries, tags and ratings");
    assert!(
        original.iter().any(|e| e["ratings"]["seen"].is_number()),
        "ratings came through"
    );
}

#[test]
fn a_ten_thousand_entry_journal_round_trips_through_json() {
    let s = Sandbox::new();
    let source = s.file("big.jsonl", &synthetic_jsonl(10_000));
    s.run(&["import", "--format", "jsonl", source.to_str().unwrap()])
        .ok();
    let first = s.path("first.json");
    s.run(&[
        "export",
        "--format",
        "json",
        "--out",
        first.to_str().unwrap(),
    ])
    .ok();

    let other = s.path("other");
    s.run_with_data(
        &other,
        &["import", "--format", "json", first.to_str().unwrap()],
    )
    .ok();
    let second = s.path("second.json");
    s.run_with_data(
        &other,
        &[
            "export",
            "--format",
            "json",
            "--out",
            second.to_str().unwrap(),
        ],
    )
    .ok();

    let read = |p: &std::path::Path| {
        let mut doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        doc.as_object_mut().unwrap().remove("exported");
        doc
    };
    let (a, b) = (read(&first), read(&second));
    assert_eq!(a["entries"].as_array().unwrap().len(), 10_000);
    assert!(a == b, "the second export is identical to the first");

    let again = s
        .run_with_data(
            &other,
            &[
                "--json",
                "import",
                "--format",
                "json",
                first.to_str().unwrap(),
            ],
        )
        .json();
    assert_eq!(
        (again["imported"].as_u64(), again["duplicates"].as_u64()),
        (Some(0), Some(10_000))
    );
}
