//! `trine prompts add|edit --situation`: a person's own prompts fit the
//! situations they choose, and only those are offered.

use crate::util::Sandbox;

#[test]
fn own_prompts_fit_the_situations_named() {
    let s = Sandbox::new();
    let added = s
        .run(&[
            "--json",
            "prompts",
            "add",
            "--component",
            "voice",
            "--text",
            "Which application did I send this week that I was proud of?",
            "--situation",
            "looking",
            "--situation",
            "changing-fields",
        ])
        .json();
    assert_eq!(
        added["situations"],
        serde_json::json!(["looking", "changing-fields"])
    );
    let id = added["id"].as_str().unwrap().to_string();

    let err = s
        .run(&["prompts", "edit", &id, "--situation", "retired"])
        .fails();
    assert!(
        err.contains("\"retired\" is not a situation") && err.contains("freelance"),
        "{err}"
    );
    let narrowed = s
        .run(&["--json", "prompts", "edit", &id, "--situation", "between"])
        .json();
    assert_eq!(narrowed["situations"], serde_json::json!(["between"]));
    let everyone = s
        .run(&["--json", "prompts", "edit", &id, "--all-situations"])
        .json();
    assert_eq!(everyone["situations"].as_array().unwrap().len(), 6);
    let listed = s
        .run(&["--json", "prompts", "list", "--component", "voice"])
        .json();
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == id.as_str()));
    // Built-in prompts keep the library's situations.
    let err = s
        .run(&["prompts", "edit", "voice-01", "--situation", "looking"])
        .fails();
    assert!(err.contains("built-in"), "{err}");
}
