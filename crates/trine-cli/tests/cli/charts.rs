//! `trine chart` and `trine stats` on a small journal with known numbers.

use crate::util::Sandbox;

/// Eight weekly ratings from the week of 5 January 2026: seen rises from 2
/// by one a week, known stays 5, valued 6; the last four weeks are tagged.
fn journal() -> Sandbox {
    let s = Sandbox::new();
    let mut lines = String::new();
    for i in 0..8 {
        let day = 6 + 7 * i; // Tuesdays
        let (month, day) = if day > 31 { (2, day - 31) } else { (1, day) };
        let tag = if i >= 4 { "\"promotion\"" } else { "" };
        lines.push_str(&format!(
            "{{\"datetime\": \"2026-{month:02}-{day:02}T19:00:00+01:00\", \"title\": \"week {i}\", \"tags\": [{tag}], \
             \"ratings\": {{\"seen\": {}, \"known\": 5, \"valued\": 6}}}}\n",
            2 + i
        ));
    }
    let file = s.file("weeks.jsonl", &lines);
    s.run(&["import", "--format", "jsonl", file.to_str().unwrap()])
        .ok();
    s
}

#[test]
fn chart_writes_each_kind_of_svg_with_its_numbers() {
    let s = journal();
    s.run(&["checkin", "--score", "voice=5", "--score", "community=2"])
        .ok();
    for kind in ["ratings", "triangle", "calendar"] {
        let out = s.path(&format!("{kind}.svg"));
        let report = s
            .run(&[
                "--json",
                "chart",
                "--kind",
                kind,
                "--out",
                out.to_str().unwrap(),
            ])
            .json();
        let svg = std::fs::read_to_string(&out).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("<title id=\"chart-title\">"),
            "{kind}"
        );
        assert!(
            !report["table"]["rows"].as_array().unwrap().is_empty(),
            "{kind} has its numbers"
        );
    }
    let out = s.path("tagged.svg");
    let text = s
        .run(&[
            "chart",
            "--out",
            out.to_str().unwrap(),
            "--tag",
            "promotion",
            "--rolling",
            "--table",
            "--from",
            "2026-01-12",
        ])
        .ok();
    assert!(text.contains("weeks tagged promotion"), "{text}");
    assert!(
        text.contains("7 of 7 weeks rated"),
        "--from starts at the week of 12 January: {text}"
    );
    assert!(
        text.contains("Seen (4-week average)"),
        "the table has the rolling averages: {text}"
    );
    assert!(text.contains("2026-01-12\t3.0\t5.0\t6.0\t1"), "{text}");
}

#[test]
fn stats_gives_the_insights_as_text_and_json() {
    let s = journal();
    let json = s.run(&["--json", "stats"]).json();
    assert_eq!(json["rated_weeks"], 8);
    assert_eq!(json["quarters"][0]["label"], "2026-Q1");
    assert_eq!(json["quarters"][0]["averages"]["seen"]["value"], 5.5);
    let slope = json["trend_per_month"]["seen"]["value"].as_f64().unwrap();
    assert!(
        (slope - 365.25 / 12.0 / 7.0).abs() < 1e-9,
        "one point a week: {slope}"
    );
    assert_eq!(json["tags"][0]["tag"], "promotion");
    assert_eq!(json["tags"][0]["with"]["seen"]["value"], 7.5);
    assert_eq!(json["tags"][0]["without"]["seen"]["value"], 3.5);
    // Honest change: seen climbs a point a week, known never moves.
    let changes = &json["changes"];
    assert_eq!(changes["seen"]["verdict"], "up", "{changes}");
    assert_eq!(
        changes["seen"]["weeks_before"].as_u64().unwrap()
            + changes["seen"]["weeks_after"].as_u64().unwrap(),
        8
    );
    assert!(changes["seen"]["since"].is_string());
    assert_eq!(changes["known"]["verdict"], "steady");
    assert_eq!(changes["known"]["since"], serde_json::Value::Null);
    assert!(
        changes.get("confident").is_none(),
        "only when that rating is on"
    );
    let differences = &json["tags"][0]["differences"]["seen"];
    assert_eq!(
        differences["weeks_with"].as_u64().unwrap()
            + differences["weeks_without"].as_u64().unwrap(),
        8
    );
    let text = s.run(&["stats"]).ok();
    assert!(text.contains("2026-Q1  seen 5.5 (8 wk)"), "{text}");
    assert!(
        text.contains("How known you felt has held steady at about 5"),
        "{text}"
    );
    assert!(
        text.contains("Weeks tagged \u{201c}promotion\u{201d}"),
        "{text}"
    );
    assert!(!text.contains("a month"), "no slopes on screen: {text}");
    let short = s.run(&["stats", "--from", "2026-02-16"]).ok();
    assert!(
        short.contains("not enough data"),
        "two weeks are too few: {short}"
    );
}
