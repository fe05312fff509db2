//! Your questions: the prompt library in the window. Own prompts are added
//! (with the situations they fit) and edited, any prompt archived, and a
//! component renamed, with the new name on every screen.

use trine_app::store::PromptOrigin;
use trine_app::Situation;

use crate::harness::Sandbox;

#[test]
fn own_prompts_are_added_edited_and_archived_and_components_renamed() {
    let Some(sandbox) =
        Sandbox::new_or_skip("own_prompts_are_added_edited_and_archived_and_components_renamed")
    else {
        return;
    };
    sandbox.onboard();
    let seen = sandbox.run_app(|app| async move {
        app.go("#/settings", "#open-library").await?;
        app.click("#open-library").await?;
        app.click("#library-voice > summary").await?;
        app.click("#add-prompt-voice").await?;
        app.type_into("#new-prompt-voice-text", "Whom did I tell what I want next?")
            .await?;
        app.type_into("#new-prompt-voice-hint", "One name is enough.")
            .await?;
        app.click("#library-voice .fits-choice[value=looking]").await?;
        app.click("#new-prompt-voice-save").await?;
        app.wait_until(
            "[...document.querySelectorAll('#library-voice .prompt-text')].some(p => p.textContent === 'Whom did I tell what I want next?')",
            "the new question is listed",
        )
        .await?;
        let meta = app
            .eval("return [...document.querySelectorAll('#library-voice .library-prompt')].find(li => li.textContent.includes('Whom did I tell')).querySelector('.prompt-meta').textContent")
            .await?;
        // Edit it: the first button of its row.
        app.eval("[...document.querySelectorAll('#library-voice .library-prompt')].find(li => li.textContent.includes('Whom did I tell')).querySelector('.prompt-actions button').click(); return null;")
            .await?;
        app.wait_for("#library-voice .prompt-form textarea").await?;
        app.eval("const t = document.querySelector('#library-voice .prompt-form textarea'); t.value = 'Whom did I tell what I want next, and how?'; return null;")
            .await?;
        app.click("#library-voice .prompt-form button[type=submit]").await?;
        app.wait_until(
            "[...document.querySelectorAll('#library-voice .prompt-text')].some(p => p.textContent === 'Whom did I tell what I want next, and how?')",
            "the question is rewritten",
        )
        .await?;
        app.click("#prompt-voice-01 .prompt-actions button").await?;
        app.wait_until(
            "document.querySelector('#prompt-voice-01').classList.contains('is-archived')",
            "voice-01 is archived",
        )
        .await?;
        app.click("#library-community > summary").await?;
        app.click("#rename-community").await?;
        app.eval("document.querySelector('#component-name-community').value = 'My people'; return null;")
            .await?;
        app.click("#component-save-community").await?;
        app.wait_until(
            "document.querySelector('#library-community .component-name').textContent === 'My people'",
            "the component is renamed",
        )
        .await?;
        app.save_screenshot("library.png").await?;
        app.go("#/checkin", "#checkin-save").await?;
        let checkin = app.text(".checkin-form").await?;
        app.go("#/help", ".help-component").await?;
        let help = app.text(".help-sides").await?;
        Ok((meta, checkin, help))
    });
    assert!(
        seen.0.as_str().unwrap().contains("Your own")
            && seen.0.as_str().unwrap().contains("looking for work"),
        "{}",
        seen.0
    );
    assert!(
        seen.1.contains("My people"),
        "the Check-in follows the new name"
    );
    assert!(seen.2.contains("My people"), "Help follows the new name");

    let journal = sandbox.journal();
    let voice = journal.prompts(Some("voice"), true).unwrap();
    let mine = voice
        .iter()
        .find(|p| p.origin == PromptOrigin::User)
        .expect("the own prompt is kept");
    assert_eq!(mine.text, "Whom did I tell what I want next, and how?");
    assert_eq!(mine.hint.as_deref(), Some("One name is enough."));
    assert_eq!(mine.situations, vec![Situation::Looking]);
    assert!(voice.iter().any(|p| p.id == "voice-01" && p.archived));
    assert_eq!(journal.component("community").unwrap().name, "My people");
}
