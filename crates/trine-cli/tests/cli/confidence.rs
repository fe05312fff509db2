//! The confidence rating (`--confident`, `settings --confident-rating`) and
//! follow-through (`reflect --follow-up`, `week`'s `follow_up`).

use serde_json::Value;

use crate::util::Sandbox;

#[test]
fn the_confidence_rating_is_turned_on_given_and_exported() {
    let s = Sandbox::new();
    let settings = s.run(&["--json", "settings"]).json();
    assert_eq!(settings["confident_rating"], false, "off by default");
    let err = s.run(&["settings", "--confident-rating", "maybe"]).fails();
    assert!(
        err.contains("--confident-rating") && err.contains("on or off"),
        "{err}"
    );
    let on = s
        .run(&["--json", "settings", "--confident-rating", "on"])
        .json();
    assert_eq!(on["confident_rating"], true);
    assert!(s.run(&["settings"]).ok().contains("Confidence rating: on"));

    s.run(&[
        "rate",
        "--seen",
        "5",
        "--known",
        "6",
        "--valued",
        "4",
        "--confident",
        "7",
        "--week",
        "2026-W10",
    ])
    .ok();
    let week = s.run(&["--json", "week", "--week", "2026-W10"]).json();
    assert_eq!(week["reflection"]["ratings"]["confident"], 7);
    assert_eq!(week["confident_rating"], true);

    let err = s.run(&["add", "--title", "x", "--confident", "11"]).fails();
    assert!(err.contains("--confident") && err.contains("11"), "{err}");
    let added = s
        .run(&["--json", "add", "--title", "Interview", "--confident", "4"])
        .json();
    assert_eq!(added["ratings"]["confident"], 4);
    assert!(added["ratings"].get("seen").is_none());

    let csv = s.dir.path().join("ratings.csv");
    s.run(&["export", "--format", "csv", "--out", csv.to_str().unwrap()])
        .ok();
    let text = std::fs::read_to_string(&csv).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.ends_with(",note,confident"), "{header}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("2026-W10,") && l.ends_with(",7")),
        "{text}"
    );

    // Asked in the terminal as the fourth rating.
    let out = s
        .run_with_input(&["reflect", "--week", "2026-W11"], "\n\n\n7\n6\n5\n8\n\n")
        .ok();
    assert!(
        out.contains("how confident did you feel in your direction?"),
        "{out}"
    );
    let week = s.run(&["--json", "week", "--week", "2026-W11"]).json();
    assert_eq!(week["reflection"]["ratings"]["confident"], 8);

    // Off again: not asked, and what was given stays.
    s.run(&["settings", "--confident-rating", "off"]).ok();
    let out = s
        .run_with_input(&["reflect", "--week", "2026-W12"], "\n\n\n7\n6\n5\n\n")
        .ok();
    assert!(!out.contains("confident"), "{out}");
    let week = s.run(&["--json", "week", "--week", "2026-W11"]).json();
    assert_eq!(week["reflection"]["ratings"]["confident"], 8);
}

/// Swaps the week's questions (side by side: a week never has three
/// prompts of one angle) until one is a next-step prompt; returns its side.
fn next_step_prompt(s: &Sandbox, week: &str) -> String {
    for i in 0..90 {
        let shown = s.run(&["--json", "week", "--week", week]).json();
        if let Some(side) = shown["prompts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["prompt"]["angle"] == "next-step")
            .map(|p| p["side"].as_str().unwrap().to_string())
        {
            return side;
        }
        let side = ["developmental", "emotional", "integration"][i % 3];
        s.run(&["week", "--week", week, "--another", side]).ok();
    }
    panic!("no next-step prompt came up");
}

#[test]
fn a_planned_step_comes_back_the_next_week_and_is_answered() {
    let s = Sandbox::new();
    let side = next_step_prompt(&s, "2026-W10");
    s.run(&[
        "reflect",
        "--week",
        "2026-W10",
        &format!("--{side}"),
        "Ask Sam for a referral.",
    ])
    .ok();

    let next = s.run(&["--json", "week", "--week", "2026-W11"]).json();
    assert_eq!(next["follow_up"]["planned"], "Ask Sam for a referral.");
    assert_eq!(next["follow_up"]["answer"], "");
    let text = s.run(&["week", "--week", "2026-W11"]).ok();
    assert!(
        text.contains("Last week you planned: Ask Sam for a referral.")
            && text.contains("trine reflect --follow-up"),
        "{text}"
    );

    let saved = s
        .run(&[
            "--json",
            "reflect",
            "--week",
            "2026-W11",
            "--follow-up",
            "Asked. Sam said yes.",
        ])
        .json();
    assert_eq!(
        saved["follow_up"],
        serde_json::json!({"planned": "Ask Sam for a referral.", "answer": "Asked. Sam said yes."})
    );
    let next = s.run(&["--json", "week", "--week", "2026-W11"]).json();
    assert_eq!(next["follow_up"]["answer"], "Asked. Sam said yes.");
    // It is kept in the Markdown export and found in the journal list.
    let listed = s.run(&["--json", "list"]).json();
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["follow_up"]["answer"] == "Asked. Sam said yes."));

    // A week whose previous week planned nothing: a clear refusal.
    let err = s
        .run(&["reflect", "--week", "2026-W14", "--follow-up", "Fine."])
        .fails();
    assert!(err.contains("planned no next step"), "{err}");
    let none = s.run(&["--json", "week", "--week", "2026-W14"]).json();
    assert_eq!(none["follow_up"], Value::Null);
    assert_eq!(none["reflection"], Value::Null, "nothing was written");
}
