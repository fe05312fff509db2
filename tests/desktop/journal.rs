//! The Journal: search as you type, open, edit, delete and undo.

use trine_core::NewEntry;

use crate::harness::Sandbox;

#[test]
fn search_finds_the_entry_and_highlights_the_words() {
    let Some(sandbox) = Sandbox::new_or_skip("search_finds_the_entry_and_highlights_the_words")
    else {
        return;
    };
    sandbox.onboard();
    sandbox.seed_notes(5);
    {
        let mut journal = sandbox.journal();
        journal
            .create(NewEntry::note(
                "Skip-level chat",
                "We talked about the roadmap and my voice in planning.",
            ))
            .unwrap();
    }

    let (marks, titles) = sandbox.run_app(|app| async move {
        app.go("#/journal", "#entry-list .entry-item").await?;
        app.type_into("#journal-search", "roadmap").await?;
        app.wait_for("#entry-list mark").await?;
        let marks = app
            .eval("return [...document.querySelectorAll('#entry-list mark')].map(m => m.textContent);")
            .await?;
        let titles = app
            .eval("return [...document.querySelectorAll('#entry-list .entry-title')].map(m => m.textContent);")
            .await?;
        app.save_screenshot("journal-search-light.png").await?;
        Ok((marks, titles))
    });

    assert_eq!(
        titles,
        serde_json::json!(["Skip-level chat"]),
        "only the matching entry"
    );
    assert_eq!(
        marks,
        serde_json::json!(["roadmap"]),
        "the word is highlighted"
    );
}

#[test]
fn the_journal_pages_fifty_at_a_time_as_it_scrolls() {
    let Some(sandbox) = Sandbox::new_or_skip("the_journal_pages_fifty_at_a_time_as_it_scrolls")
    else {
        return;
    };
    sandbox.onboard();
    sandbox.seed_notes(120);

    let (first, after_scroll, at_end) = sandbox.run_app(|app| async move {
        app.go("#/journal", "#entry-list .entry-item").await?;
        app.wait_until(
            "document.querySelectorAll('#entry-list .entry-item').length >= 50",
            "the first page",
        )
        .await?;
        let count = "return document.querySelectorAll('#entry-list .entry-item').length;";
        let first = app.eval(count).await?;
        app.eval("window.scrollTo(0, document.body.scrollHeight); return null;")
            .await?;
        app.wait_until(
            "document.querySelectorAll('#entry-list .entry-item').length >= 100",
            "the second page",
        )
        .await?;
        let after_scroll = app.eval(count).await?;
        app.eval("window.scrollTo(0, document.body.scrollHeight); return null;")
            .await?;
        app.wait_until(
            "document.querySelectorAll('#entry-list .entry-item').length === 120",
            "the last page",
        )
        .await?;
        let at_end = app.text("#list-summary").await?;
        Ok((first, after_scroll, at_end))
    });

    assert_eq!(first, 50, "the first page holds fifty entries");
    assert_eq!(
        after_scroll, 100,
        "scrolling to the end loads the next fifty"
    );
    assert_eq!(at_end, "120 entries");
}

#[test]
fn an_entry_can_be_edited_deleted_and_brought_back() {
    let Some(sandbox) = Sandbox::new_or_skip("an_entry_can_be_edited_deleted_and_brought_back")
    else {
        return;
    };
    sandbox.onboard();
    let id = sandbox
        .journal()
        .create(NewEntry::note("Retro", "The retro went **well**."))
        .unwrap()
        .id;

    let (rendered, title_after_edit, back) = sandbox.run_app(|app| async move {
        app.go(&format!("#/entry/{id}"), "#entry-body strong")
            .await?;
        let rendered = app.text("#entry-body strong").await?;
        app.click("#entry-edit").await?;
        app.type_into("#note-title-input", " notes").await?;
        app.type_into("#note-tags", "team, voice").await?;
        app.click("#note-private-label span").await?;
        app.click("#note-done").await?;
        let title_after_edit = app.wait_for_text("#entry-title").await?;
        app.click("#entry-delete").await?;
        app.wait_for(".toast-action").await?;
        app.click(".toast-action").await?;
        app.wait_for("#entry-title").await?;
        let back = app.text("#entry-title").await?;
        Ok((rendered, title_after_edit, back))
    });

    assert_eq!(rendered, "well", "the body is rendered from Markdown");
    assert_eq!(title_after_edit, "Retro notes");
    assert_eq!(back, "Retro notes", "Undo brings the entry back");
    let entry = sandbox.journal().get(id).unwrap();
    assert_eq!(entry.tags, ["team", "voice"]);
    assert!(entry.private, "the private mark is saved");
    assert!(entry.deleted.is_none(), "the entry is out of the bin");
}

#[test]
fn back_from_an_entry_far_down_the_list_finds_its_place() {
    let Some(sandbox) =
        Sandbox::new_or_skip("back_from_an_entry_far_down_the_list_finds_its_place")
    else {
        return;
    };
    sandbox.onboard();
    sandbox.seed_notes(120);

    let (opened, focused) = sandbox.run_app(|app| async move {
        app.go("#/journal", "#entry-list .entry-item").await?;
        app.eval("window.scrollTo(0, document.body.scrollHeight); return null;")
            .await?;
        app.wait_until(
            "document.querySelectorAll('#entry-list .entry-item').length >= 100",
            "the second page",
        )
        .await?;
        app.click("#entry-list .entry-item:nth-child(90) .entry-link")
            .await?;
        let opened = app.wait_for_text("#entry-title").await?;
        app.press(&char::from(fantoccini::key::Key::Escape).to_string())
            .await?;
        app.wait_until(
            "document.activeElement && document.activeElement.classList.contains('entry-link')",
            "the line of the entry has the focus again",
        )
        .await?;
        let focused = app
            .eval("return document.activeElement.querySelector('.entry-title').textContent;")
            .await?;
        Ok((opened, focused))
    });

    assert_eq!(opened, "Note 31", "the 90th line, newest first");
    assert_eq!(focused, opened, "Esc comes back to the same line");
}

#[test]
fn search_respects_the_side_filter() {
    let Some(sandbox) = Sandbox::new_or_skip("search_respects_the_side_filter") else {
        return;
    };
    sandbox.onboard();
    {
        let mut journal = sandbox.journal();
        journal
            .create(NewEntry::note("Plain note", "The quarterly demo was fine."))
            .unwrap();
        journal
            .create(NewEntry {
                sections: vec![trine_core::Section {
                    side: trine_core::Side::Emotional,
                    prompt_id: None,
                    text: "My lead named the demo in the all-hands.".into(),
                }],
                ..NewEntry::note("Named at the demo", "")
            })
            .unwrap();
    }
    let (all, emotional) = sandbox.run_app(|app| async move {
        app.go("#/journal", "#entry-list .entry-item").await?;
        app.type_into("#journal-search", "demo").await?;
        app.wait_until("document.querySelectorAll('#entry-list mark').length >= 2", "two hits").await?;
        let all = app.eval("return document.querySelectorAll('#entry-list .entry-item').length;").await?;
        app.eval("const s = document.querySelector('#filter-side'); s.value = 'emotional'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;")
            .await?;
        app.wait_until("document.querySelectorAll('#entry-list .entry-item').length === 1", "one hit on the emotional side")
            .await?;
        let title = app.text("#entry-list .entry-title").await?;
        Ok((all, title))
    });
    assert_eq!(all, 2, "both entries mention the demo");
    assert_eq!(
        emotional, "Named at the demo",
        "the side filter applies to search results"
    );
}
