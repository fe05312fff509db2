//! Keyboard access: Ctrl+N writes a note from anywhere, Ctrl+F goes to the
//! search box, Ctrl+S saves, Esc goes back.

use fantoccini::key::Key;

use crate::harness::Sandbox;

#[test]
fn ctrl_n_ctrl_f_ctrl_s_and_esc_work() {
    let Some(sandbox) = Sandbox::new_or_skip("ctrl_n_ctrl_f_ctrl_s_and_esc_work") else {
        return;
    };
    sandbox.onboard();

    let seen = sandbox.run_app(|app| async move {
        let escape = char::from(Key::Escape).to_string();
        // From This week, with the cursor in an answer.
        app.click("textarea[data-side=developmental]").await?;
        app.press_ctrl('n').await?;
        app.wait_for("#note-title-input").await?;
        let new_note_focused = app.eval("return document.activeElement.id;").await?;
        app.press("A note from the keyboard").await?;
        app.type_into("#note-body", "Written without the mouse.")
            .await?;
        app.press_ctrl('s').await?;
        app.wait_until(
            "document.querySelector('.save-state').textContent === 'Saved'",
            "Ctrl+S saves the note",
        )
        .await?;
        // Esc: out of the editor to the note, then to the Journal.
        app.press(&escape).await?;
        let opened = app.wait_for_text("#entry-title").await?;
        app.press(&escape).await?;
        app.wait_for("#journal-search").await?;
        app.wait_for("#entry-list .entry-item").await?;
        // Ctrl+F from the Journal, then from another screen.
        app.press_ctrl('f').await?;
        let focused_here = app.eval("return document.activeElement.id;").await?;
        app.go("#/settings", "#setting-first-day").await?;
        app.click("#setting-first-day").await?;
        app.press(&escape).await?;
        app.press_ctrl('f').await?;
        app.wait_until(
            "document.activeElement && document.activeElement.id === 'journal-search'",
            "Ctrl+F from Settings opens the Journal's search",
        )
        .await?;
        Ok((new_note_focused, opened, focused_here))
    });

    assert_eq!(
        seen.0, "note-title-input",
        "Ctrl+N opens a new note, ready to type"
    );
    assert_eq!(
        seen.1, "A note from the keyboard",
        "Esc shows the saved note"
    );
    assert_eq!(seen.2, "journal-search", "Ctrl+F focuses the search box");
    let titles: Vec<String> = sandbox
        .journal()
        .list(&trine_app::ListQuery::default())
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    assert_eq!(titles, ["A note from the keyboard"], "one note, saved once");
}

#[test]
fn ctrl_z_brings_back_a_deleted_entry() {
    let Some(sandbox) = Sandbox::new_or_skip("ctrl_z_brings_back_a_deleted_entry") else {
        return;
    };
    sandbox.onboard();
    let id = sandbox
        .journal()
        .create(trine_app::NewEntry::note("Keep me", "Deleted by mistake."))
        .unwrap()
        .id;

    let back = sandbox.run_app(|app| async move {
        app.go(&format!("#/entry/{id}"), "#entry-delete").await?;
        app.click("#entry-delete").await?;
        app.wait_for(".toast-action").await?;
        app.wait_for("#journal-search").await?;
        app.press_ctrl('z').await?;
        app.wait_for_text("#entry-title").await
    });

    assert_eq!(back, "Keep me", "Ctrl+Z undoes the delete");
    assert!(sandbox.journal().get(id).unwrap().deleted.is_none());
}
