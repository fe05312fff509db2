//! Every screen of the app, for the tests that visit them all.

use crate::harness::Sandbox;

/// Every screen, by address, with what shows when it is ready; the
/// journal is onboarded and given a note, so that each screen has
/// something to show.
pub fn every_screen(sandbox: &Sandbox) -> Vec<(String, &'static str)> {
    sandbox.onboard();
    let id = sandbox
        .journal()
        .create(trine_app::NewEntry::note("A note", "Some *words*."))
        .unwrap()
        .id;
    vec![
        ("#/week?focus=none".to_string(), "#week-label"),
        ("#/journal".to_string(), "#entry-list .entry-item"),
        (format!("#/entry/{id}"), "#entry-body"),
        (format!("#/entry/{id}?edit=1"), "#note-body"),
        ("#/new".to_string(), "#note-title-input"),
        ("#/trends".to_string(), ".chart-ratings svg"),
        ("#/checkin".to_string(), "#checkin-save"),
        ("#/settings".to_string(), "#setting-path"),
        ("#/export".to_string(), "#export-preview .preview-main"),
        ("#/import".to_string(), "#import-choose"),
        ("#/backups".to_string(), "#backup-now"),
        ("#/library".to_string(), "#library-voice"),
        ("#/help".to_string(), "#help-triangle"),
        ("#/welcome".to_string(), "#welcome-next"),
    ]
}

/// Help and the Check-in describe each of the nine components in the same
/// words, the journal's own: a renamed component is renamed in both.
#[test]
fn help_and_checkin_describe_the_components_in_the_same_words() {
    let Some(sandbox) =
        Sandbox::new_or_skip("help_and_checkin_describe_the_components_in_the_same_words")
    else {
        return;
    };
    sandbox.onboard();
    sandbox
        .journal()
        .edit_component("voice", Some("Speaking up".into()), None)
        .unwrap();
    let (help, checkin) = sandbox.run_app(|app| async move {
        app.go("#/help", ".help-component").await?;
        let help = app
            .eval("return [...document.querySelectorAll('.help-component')].map(li => li.textContent);")
            .await?;
        app.go("#/checkin", ".component-row").await?;
        let checkin = app
            .eval("return [...document.querySelectorAll('.component-row')].map(r => r.querySelector('.component-name').textContent + ': ' + r.querySelector('.component-desc').textContent);")
            .await?;
        Ok((help, checkin))
    });
    let help: Vec<String> = serde_json::from_value(help).unwrap();
    let checkin: Vec<String> = serde_json::from_value(checkin).unwrap();
    assert_eq!(help.len(), 9);
    assert_eq!(help, checkin, "the same nine, in the same words");
    assert!(
        help.iter().any(|c| c.starts_with("Speaking up: ")),
        "{help:?}"
    );
}
