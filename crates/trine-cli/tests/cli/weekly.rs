//! The weekly reflection from the command line: week, reflect, checkin,
//! prompts and components.

use serde_json::Value;

use crate::util::Sandbox;

fn prompts_of(week: &Value) -> Vec<String> {
    week["prompts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["prompt"]["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn week_shows_three_prompts_that_stay_the_same() {
    let s = Sandbox::new();
    let first = s.run(&["--json", "week", "--week", "2026-W48"]).json();
    assert_eq!(first["week"], "2026-11-23");
    assert_eq!(first["iso_week"], "2026-W48");
    let sides: Vec<&str> = first["prompts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["side"].as_str().unwrap())
        .collect();
    assert_eq!(sides, ["developmental", "emotional", "integration"]);
    let again = s.run(&["--json", "week", "--week", "2026-11-26"]).json();
    assert_eq!(
        prompts_of(&again),
        prompts_of(&first),
        "the same week shows the same prompts"
    );
    let swapped = s
        .run(&[
            "--json",
            "week",
            "--week",
            "2026-W48",
            "--another",
            "integration",
        ])
        .json();
    assert_eq!(prompts_of(&swapped)[..2], prompts_of(&first)[..2]);
    assert_ne!(
        prompts_of(&swapped)[2],
        prompts_of(&first)[2],
        "another question"
    );
    let text = s.run(&["week", "--week", "2026-W48"]).ok();
    assert!(
        text.contains("Developmental needs") && text.contains("streak: 0 weeks"),
        "{text}"
    );
}

#[test]
fn reflect_with_flags_saves_a_draft_then_finishes_it() {
    let s = Sandbox::new();
    let draft = s
        .run(&[
            "--json",
            "reflect",
            "--week",
            "2026-W48",
            "--emotional",
            "My lead named my work.",
            "--skip",
            "integration",
        ])
        .json();
    assert_eq!(draft["kind"], "reflection");
    assert_eq!(draft["sections"].as_array().unwrap().len(), 2);
    let week = s.run(&["--json", "week", "--week", "2026-W48"]).json();
    assert_eq!(week["status"], "partly-done");
    assert_eq!(
        draft["sections"][0]["prompt_id"], week["prompts"][1]["prompt"]["id"],
        "the answer is tied to the week's prompt"
    );
    let out = s
        .run(&[
            "reflect",
            "--week",
            "2026-W48",
            "--developmental",
            "Waited a day.",
            "--seen",
            "7",
            "--known",
            "6",
            "--valued",
            "8",
        ])
        .ok();
    assert!(out.contains("is done"), "{out}");
    let week = s.run(&["--json", "week", "--week", "2026-W48"]).json();
    assert_eq!(week["status"], "done");
    assert_eq!(week["reflection"]["ratings"]["valued"], 8);
    assert_eq!(s.entry_count(), 1, "one reflection per week");
}

#[test]
fn reflect_asks_each_prompt_in_turn_when_no_flags_are_given() {
    let s = Sandbox::new();
    // Piped answers: three sides (the second skipped), three ratings (one
    // typed wrong first), a note.
    let answers = "I stayed with a hard problem.\nIt took two days.\n\nskip\nThey asked for my view.\n\n7\n11\n6\n\nA calm week.\n\n";
    let run = s.run_with_input(&["reflect", "--week", "2026-W48"], answers);
    let out = run.ok();
    assert!(
        out.contains("Developmental needs") && out.contains("Integration needs"),
        "{out}"
    );
    assert!(
        out.contains("Please type a whole number from 1 to 10."),
        "a wrong rating is asked again: {out}"
    );
    let entry = s.run(&["--json", "week", "--week", "2026-W48"]).json()["reflection"].clone();
    assert_eq!(
        entry["sections"][0]["text"],
        "I stayed with a hard problem.\nIt took two days."
    );
    assert_eq!(entry["sections"][1]["text"], "", "skipped");
    assert_eq!(entry["sections"][2]["text"], "They asked for my view.");
    assert_eq!(
        entry["ratings"],
        serde_json::json!({"seen": 7, "known": 6}),
        "valued skipped with Enter"
    );
    assert_eq!(entry["body"], "A calm week.");
}

#[test]
fn reflect_stopped_halfway_keeps_what_was_written() {
    let s = Sandbox::new();
    let out = s
        .run_with_input(
            &["reflect", "--week", "2026-W48"],
            "Only the first answer.\n",
        )
        .ok();
    assert!(out.contains("draft"), "{out}");
    let entry = s.run(&["--json", "week", "--week", "2026-W48"]).json()["reflection"].clone();
    assert_eq!(entry["sections"][0]["text"], "Only the first answer.");
}

#[test]
fn checkin_prompts_and_components() {
    let s = Sandbox::new();
    let saved = s
        .run(&[
            "--json",
            "checkin",
            "--score",
            "voice=5",
            "--score",
            "community=1",
        ])
        .json();
    assert_eq!(saved["scores"]["voice"], 5);
    let history = s.run(&["--json", "checkin", "--history"]).json();
    assert_eq!(history.as_array().unwrap().len(), 1);
    let err = s.run(&["checkin", "--score", "charisma=3"]).fails();
    assert!(
        err.contains("charisma") && err.contains("not a component"),
        "{err}"
    );
    let err = s.run(&["checkin", "--score", "voice=9"]).fails();
    assert!(err.contains("1 to 5"), "{err}");
    assert_eq!(
        s.run(&["--json", "checkin", "--history"])
            .json()
            .as_array()
            .unwrap()
            .len(),
        1,
        "nothing written"
    );

    let interactive = s.run_with_input(&["checkin"], "3\n\n4\n7\n2\n");
    let out = interactive.ok();
    assert!(out.contains("Professional identity"), "{out}");
    let latest = &s.run(&["--json", "checkin", "--history"]).json()[0];
    assert_eq!(
        latest["scores"],
        serde_json::json!({"professional_identity": 3, "self_confidence": 4, "feeling_seen": 2})
    );

    let added = s
        .run(&[
            "--json",
            "prompts",
            "add",
            "--component",
            "voice",
            "--text",
            "What did I ask for?",
        ])
        .json();
    let id = added["id"].as_str().unwrap().to_string();
    s.run(&[
        "prompts",
        "edit",
        &id,
        "--text",
        "What did I ask for out loud?",
        "--hint",
        "One sentence.",
    ])
    .ok();
    let voice = s
        .run(&["--json", "prompts", "list", "--component", "voice"])
        .json();
    assert!(voice
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["text"] == "What did I ask for out loud?"));
    s.run(&["prompts", "archive", "voice-01"]).ok();
    let voice = s
        .run(&["--json", "prompts", "list", "--component", "voice"])
        .json();
    assert!(
        !voice
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == "voice-01"),
        "archived prompts are not listed"
    );
    let err = s
        .run(&["prompts", "edit", "voice-02", "--text", "x"])
        .fails();
    assert!(err.contains("built-in"), "{err}");
    let err = s
        .run(&["prompts", "add", "--component", "nope", "--text", "x"])
        .fails();
    assert!(err.contains("nope"), "{err}");

    let renamed = s
        .run(&[
            "--json",
            "components",
            "edit",
            "community",
            "--name",
            "My people",
        ])
        .json();
    assert_eq!(renamed[0]["name"], "My people");
    assert!(s.run(&["components", "list"]).ok().contains("My people"));
}

#[test]
fn bad_weeks_and_ratings_are_refused_and_write_nothing() {
    let s = Sandbox::new();
    let err = s.run(&["week", "--week", "2026-W60"]).fails();
    assert!(err.contains("--week") && err.contains("2026-W60"), "{err}");
    let err = s
        .run(&["reflect", "--week", "2026-W48", "--seen", "0"])
        .fails();
    assert!(err.contains("--seen"), "{err}");
    let err = s
        .run(&[
            "reflect",
            "--week",
            "2026-W48",
            "--valued",
            "11",
            "--emotional",
            "x",
        ])
        .fails();
    assert!(err.contains("--valued"), "{err}");
    assert_eq!(s.entry_count(), 0);
}

#[test]
fn the_first_day_of_the_week_is_a_setting_that_moves_no_saved_reflection() {
    let s = Sandbox::new();
    s.run(&[
        "rate",
        "--seen",
        "5",
        "--known",
        "5",
        "--valued",
        "5",
        "--week",
        "2026-11-25",
    ])
    .ok();
    let out = s
        .run(&["--json", "settings", "--first-day", "sunday"])
        .json();
    assert_eq!(out["first_day"], "sunday");
    let week = s.run(&["--json", "week", "--week", "2026-11-25"]).json();
    assert_eq!(week["week"], "2026-11-22", "weeks now start on Sunday");
    let list = s.run(&["--json", "list"]).json();
    assert_eq!(
        list[0]["week"], "2026-11-23",
        "the saved reflection keeps its Monday week"
    );
    let err = s.run(&["settings", "--first-day", "someday"]).fails();
    assert!(err.contains("someday"), "{err}");
}

#[test]
fn unknown_prompt_ids_are_named() {
    let s = Sandbox::new();
    let err = s.run(&["prompts", "archive", "voice-99"]).fails();
    assert!(
        err.contains("voice-99") && err.contains("trine prompts list"),
        "{err}"
    );
}

#[test]
fn a_bare_date_is_placed_at_noon_in_the_local_zone_of_that_day() {
    // The sandbox pins TZ=Europe/Berlin: +01:00 in winter, +02:00 in summer.
    let s = Sandbox::new();
    let file = s.file(
        "dates.jsonl",
        "{\"date\": \"2026-01-15\", \"title\": \"winter\"}\n{\"date\": \"2026-07-15\", \"title\": \"summer\"}\n",
    );
    s.run(&["import", "--format", "jsonl", file.to_str().unwrap()])
        .ok();
    let list = s.run(&["--json", "list"]).json();
    let by_title = |t: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|e| e["title"] == t)
            .unwrap()["datetime"]
            .clone()
    };
    assert_eq!(by_title("winter"), "2026-01-15T12:00:00+01:00");
    assert_eq!(by_title("summer"), "2026-07-15T12:00:00+02:00");
}

#[test]
fn trine_now_sets_the_clock_and_a_bad_value_is_named() {
    let s = Sandbox::new();
    let week = s
        .run_env(&["--json", "week"], &[("TRINE_NOW", "2025-01-08T10:00")])
        .json();
    assert_eq!(week["week"], "2025-01-06", "the week of the clock set");
    let run = s.run_env(&["--json", "week"], &[("TRINE_NOW", "next tuesday")]);
    let err = run.stderr.clone();
    let today = run.json();
    assert!(
        err.contains("TRINE_NOW") && err.contains("not a local time"),
        "{err}"
    );
    assert_ne!(today["week"], "2025-01-06", "the computer's clock instead");
}

#[test]
fn a_past_week_shows_its_own_prompts_and_streak() {
    let s = Sandbox::new();
    for week in ["2025-W10", "2025-W11"] {
        s.run(&[
            "reflect",
            "--week",
            week,
            "--developmental",
            "Finished the course.",
            "--emotional",
            "Thanked in the retro.",
            "--integration",
            "Both at once.",
            "--seen",
            "6",
            "--known",
            "5",
            "--valued",
            "7",
        ])
        .ok();
    }
    let week = s.run(&["--json", "week", "--week", "2025-W11"]).json();
    assert_eq!(week["streak"], 2, "the streak of that week, not today's 0");
    let answered: Vec<String> = week["reflection"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["prompt_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(prompts_of(&week), answered, "the prompts answered");

    // The same weeks moved to a new journal without their prompts, as an
    // import from elsewhere would bring them.
    let export = s.path("all.json");
    s.run(&[
        "export",
        "--format",
        "json",
        "--out",
        export.to_str().unwrap(),
    ])
    .ok();
    let mut full: Value = serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    for entry in full["entries"].as_array_mut().unwrap() {
        for section in entry["sections"].as_array_mut().unwrap() {
            if section["side"] == "developmental" {
                section["prompt_id"] = Value::Null;
            }
        }
    }
    std::fs::write(&export, serde_json::to_string(&full).unwrap()).unwrap();
    let fresh = Sandbox::new();
    fresh
        .run(&["import", "--format", "json", export.to_str().unwrap()])
        .ok();
    let week = fresh.run(&["--json", "week", "--week", "2025-W11"]).json();
    let sides: Vec<&str> = week["prompts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["side"].as_str().unwrap())
        .collect();
    assert_eq!(
        sides,
        ["emotional", "integration"],
        "no prompt drawn above an old answer"
    );
    let text = fresh.run(&["week", "--week", "2025-W11"]).ok();
    assert!(
        text.contains("Developmental needs · no question recorded")
            && text.contains("Finished the course."),
        "{text}"
    );
}

#[test]
fn the_situation_is_a_setting_with_a_history_that_the_week_shows() {
    let s = Sandbox::new();
    let at = |when: &'static str| [("TRINE_NOW", when)];
    let none = s.run(&["--json", "settings"]).json();
    assert_eq!(none["situation"], Value::Null, "not said yet");
    let week = s.run(&["--json", "week"]).json();
    assert_eq!(week["situation"], Value::Null);

    let set = s
        .run_env(
            &["--json", "settings", "--situation", "working"],
            &at("2026-03-02T09:00"),
        )
        .json();
    assert_eq!(set["situation"], "working");
    assert_eq!(set["situation_since"], "2026-03-02");
    s.run_env(
        &["settings", "--situation", "looking"],
        &at("2026-06-15T09:00"),
    )
    .ok();
    let text = s.run_env(&["settings"], &at("2026-06-16T09:00")).ok();
    assert!(
        text.contains("Situation: looking for work (since 15 June 2026)"),
        "{text}"
    );

    // A week shows the situation in force in it.
    let before = s
        .run_env(
            &["--json", "week", "--week", "2026-05-04"],
            &at("2026-06-16T09:00"),
        )
        .json();
    assert_eq!(before["situation"], "working");
    let now = s
        .run_env(&["--json", "week"], &at("2026-06-16T09:00"))
        .json();
    assert_eq!(now["situation"], "looking");

    // A wrong key is named with the keys there are, and nothing changes.
    let err = s
        .run_env(
            &[
                "settings",
                "--situation",
                "retired",
                "--first-day",
                "sunday",
            ],
            &at("2026-06-16T09:00"),
        )
        .fails();
    assert!(
        err.contains("\"retired\" is not a situation") && err.contains("changing-fields"),
        "{err}"
    );
    let after = s.run(&["--json", "settings"]).json();
    assert_eq!(
        after["first_day"], "monday",
        "a mistyped situation changes no other setting"
    );
    assert_eq!(after["situation"], "looking");
}

#[test]
fn the_ratings_and_the_weeks_prompts_follow_the_situation() {
    let s = Sandbox::new();
    s.run_env(
        &["settings", "--situation", "looking"],
        &[("TRINE_NOW", "2026-11-02T09:00")],
    )
    .ok();
    let answers = "\n\n\n\n\n\n7\n6\n5\n\n";
    let out = s
        .run_with_input(&["reflect", "--week", "2026-W48"], answers)
        .ok();
    assert!(
        out.contains("This week, in your search, how seen did you feel?"),
        "the ratings are asked for a person looking for work: {out}"
    );
    assert!(!out.contains("at work"), "{out}");
    // Every prompt offered fits looking for work, and says which situations it fits.
    for week in ["2026-W48", "2026-W49", "2026-W50", "2026-W51"] {
        let shown = s.run(&["--json", "week", "--week", week]).json();
        assert_eq!(shown["situation"], "looking");
        for p in shown["prompts"].as_array().unwrap() {
            let fits: Vec<&str> = p["prompt"]["situations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert!(
                fits.contains(&"looking"),
                "{week}: {} fits {fits:?}",
                p["prompt"]["id"]
            );
        }
    }
    // The library lists every prompt, with the situations each fits.
    let all = s.run(&["--json", "prompts", "list"]).json();
    let all = all.as_array().unwrap();
    assert!(all.len() >= 126);
    assert!(all
        .iter()
        .any(|p| p["situations"] == serde_json::json!(["working", "new-role"])));
    assert!(all
        .iter()
        .all(|p| p["situations"].as_array().is_some_and(|a| !a.is_empty())));
}
