//! The Journal: search as you type, open, edit, delete and undo.

use trine_app::NewEntry;

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
                sections: vec![trine_app::Section {
                    side: trine_app::Side::Emotional,
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

/// Tagged notes mentioning a word, among notes that mention it untagged.
fn seed_tagged(sandbox: &Sandbox) {
    let mut journal = sandbox.journal();
    for n in 1..=30 {
        let tags = if n % 5 == 0 {
            vec!["promotion".to_string()]
        } else {
            vec![]
        };
        journal
            .create(NewEntry {
                tags,
                ..NewEntry::note(format!("Note {n}"), "A word about the demo.")
            })
            .unwrap();
    }
}

const LINES: &str = "return document.querySelectorAll('#entry-list .entry-item').length;";

#[test]
fn a_tag_filter_still_applies_after_coming_back_from_an_entry() {
    let Some(sandbox) =
        Sandbox::new_or_skip("a_tag_filter_still_applies_after_coming_back_from_an_entry")
    else {
        return;
    };
    sandbox.onboard();
    seed_tagged(&sandbox);
    let (listed, back, searched, back_searched, shown) = sandbox.run_app(|app| async move {
        let esc = char::from(fantoccini::key::Key::Escape).to_string();
        app.go("#/journal", "#entry-list .entry-item").await?;
        app.wait_until("document.querySelector('#filter-tag').options.length > 1", "the tags")
            .await?;
        app.eval("const s = document.querySelector('#filter-tag'); s.value = 'promotion'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;")
            .await?;
        app.wait_until("document.querySelectorAll('#entry-list .entry-item').length === 6", "six tagged")
            .await?;
        let listed = app.eval(LINES).await?;
        app.click("#entry-list .entry-item:nth-child(2) .entry-link").await?;
        app.wait_for("#entry-title").await?;
        app.press(&esc).await?;
        app.wait_for("#entry-list .entry-item").await?;
        app.wait_until("document.activeElement && document.activeElement.classList.contains('entry-link')", "back on the list")
            .await?;
        let back = app.eval(LINES).await?;

        app.type_into("#journal-search", "demo").await?;
        app.wait_until("document.querySelectorAll('#entry-list mark').length > 0", "results").await?;
        app.wait_until("/entries match/.test(document.querySelector('#list-summary').textContent)", "the count")
            .await?;
        let searched = app.eval(LINES).await?;
        app.click("#entry-list .entry-item:nth-child(1) .entry-link").await?;
        app.wait_for("#entry-title").await?;
        app.press(&esc).await?;
        app.wait_until("document.activeElement && document.activeElement.classList.contains('entry-link')", "back on the results")
            .await?;
        let back_searched = app.eval(LINES).await?;
        let shown = app.eval("return document.querySelector('#filter-tag').value;").await?;
        Ok((listed, back, searched, back_searched, shown))
    });
    assert_eq!(listed, 6, "the tag filter narrows the list");
    assert_eq!(back, 6, "and still does after an entry was opened");
    assert_eq!(searched, 6, "a search within the tag");
    assert_eq!(back_searched, 6, "the same results on coming back");
    assert_eq!(shown, "promotion", "the filter shown is the filter applied");
}

#[test]
fn search_pages_past_fifty_says_the_true_count_and_orders_by_date() {
    let Some(sandbox) =
        Sandbox::new_or_skip("search_pages_past_fifty_says_the_true_count_and_orders_by_date")
    else {
        return;
    };
    sandbox.onboard();
    {
        let mut journal = sandbox.journal();
        let start = chrono::DateTime::parse_from_rfc3339("2026-01-05T09:00:00+00:00").unwrap();
        for n in 1..=55u64 {
            // Added in date order, except "Note 1", backdated to come last.
            let day = if n == 1 { 0 } else { n };
            journal
                .create(NewEntry {
                    created: Some(start.checked_add_days(chrono::Days::new(day)).unwrap()),
                    ..NewEntry::note(
                        format!("Note {n}"),
                        "Planning the offsite ".repeat(n as usize % 4 + 1),
                    )
                })
                .unwrap();
        }
        journal
            .create(NewEntry::note("Elsewhere", "Nothing to find"))
            .unwrap();
    }
    let (summary, first, all, newest_summary, newest_first) = sandbox.run_app(|app| async move {
        app.go("#/journal", "#entry-list .entry-item").await?;
        app.type_into("#journal-search", "offsite").await?;
        app.wait_until("/entries match/.test(document.querySelector('#list-summary').textContent)", "the count")
            .await?;
        let summary = app.text("#list-summary").await?;
        let first = app.eval(LINES).await?;
        app.eval("window.scrollTo(0, document.body.scrollHeight); return null;").await?;
        app.wait_until("document.querySelectorAll('#entry-list .entry-item').length === 55", "the second page")
            .await?;
        let all = app.eval(LINES).await?;
        app.eval("const s = document.querySelector('#search-order'); s.value = 'newest'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;")
            .await?;
        app.wait_until("/newest first/.test(document.querySelector('#list-summary').textContent)", "newest first")
            .await?;
        let newest_summary = app.text("#list-summary").await?;
        let newest_first = app.text("#entry-list .entry-item:first-child .entry-title").await?;
        app.save_screenshot("journal-search-order-light.png").await?;
        Ok((summary, first, all, newest_summary, newest_first))
    });
    assert_eq!(summary, "55 entries match, best first.", "the true count");
    assert_eq!(first, 50, "a first page of fifty");
    assert_eq!(all, 55, "the rest load on scrolling");
    assert_eq!(newest_summary, "55 entries match, newest first.");
    assert_eq!(newest_first, "Note 55", "newest by date");
}

/// The app's clock in the date tests (local time).
const NOW: &str = "2026-12-04T10:00:00";

/// What a date field shows (its `value` is the date as YYYY-MM-DD).
fn shown(css: &str) -> String {
    format!(
        "return Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').get.call(document.querySelector('{css}'));"
    )
}

#[test]
fn date_filters_read_typed_dates_show_them_in_words_and_offer_presets() {
    let Some(sandbox) =
        Sandbox::new_or_skip("date_filters_read_typed_dates_show_them_in_words_and_offer_presets")
    else {
        return;
    };
    sandbox.onboard();
    sandbox.set_env("TRINE_NOW", NOW);
    {
        let mut journal = sandbox.journal();
        for (title, at) in [
            ("January", "2026-01-10T09:00:00+00:00"),
            ("June", "2026-06-05T09:00:00+00:00"),
            ("November", "2026-11-20T09:00:00+00:00"),
        ] {
            journal
                .create(NewEntry {
                    created: Some(chrono::DateTime::parse_from_rfc3339(at).unwrap()),
                    ..NewEntry::note(title, "Dated.")
                })
                .unwrap();
        }
    }
    let titles = "return [...document.querySelectorAll('#entry-list .entry-title')].map(t => t.textContent).join(',');";
    let (preset, shown_from, typed, problem, after_bad, everything) =
        sandbox.run_app(|app| async move {
            let enter = char::from(fantoccini::key::Key::Enter).to_string();
            app.go("#/journal", "#entry-list .entry-item").await?;
            app.eval("const s = document.querySelector('#filter-range'); s.value = '3m'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;")
                .await?;
            app.wait_until("document.querySelectorAll('#entry-list .entry-item').length === 1", "the last 3 months")
                .await?;
            let preset = app.eval(titles).await?;
            let shown_from = app.eval(&shown("#filter-from")).await?;
            app.eval("const i = document.querySelector('#filter-from'); i.focus(); i.select(); return null;")
                .await?;
            app.press(&format!("5 jun 2026{enter}")).await?;
            app.wait_until("document.querySelectorAll('#entry-list .entry-item').length === 2", "from 5 June")
                .await?;
            let typed = app.eval(&shown("#filter-from")).await?;
            app.eval("const i = document.querySelector('#filter-to'); i.focus(); i.select(); return null;")
                .await?;
            app.press(&format!("31/02/2026{enter}")).await?;
            let problem = app.wait_for_text("#filter-to-problem").await?;
            let after_bad = app.eval(titles).await?;
            app.save_screenshot("journal-dates-light.png").await?;
            app.eval("const s = document.querySelector('#filter-range'); s.value = 'all'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;")
                .await?;
            app.wait_until("document.querySelectorAll('#entry-list .entry-item').length === 3", "everything")
                .await?;
            let everything = app.eval(titles).await?;
            Ok((preset, shown_from, typed, problem, after_bad, everything))
        });
    assert_eq!(preset, "November", "the last 3 months");
    assert_eq!(
        shown_from, "4 September 2026",
        "the preset's date, in words"
    );
    assert_eq!(
        typed, "5 June 2026",
        "a typed date is read and shown in words"
    );
    assert!(problem.contains("“31/02/2026” is not a date"), "{problem}");
    assert_eq!(
        after_bad, "November,June",
        "a date that is not one changes nothing"
    );
    assert_eq!(everything, "November,June,January");
}

#[test]
fn a_note_can_be_dated_another_day_when_written_and_when_edited() {
    let Some(sandbox) =
        Sandbox::new_or_skip("a_note_can_be_dated_another_day_when_written_and_when_edited")
    else {
        return;
    };
    sandbox.onboard();
    sandbox.set_env("TRINE_NOW", NOW);
    let (written, edited) = sandbox.run_app(|app| async move {
        let enter = char::from(fantoccini::key::Key::Enter).to_string();
        app.go("#/new", "#note-title-input").await?;
        app.type_into("#note-title-input", "From my paper notebook")
            .await?;
        app.type_into("#note-date", &format!("1 March 2026{enter}"))
            .await?;
        app.type_into("#note-body", "Copied across.").await?;
        app.click("#note-done").await?;
        let written = app.wait_for_text(".entry-head .eyebrow").await?;
        app.click("#entry-edit").await?;
        app.wait_for("#note-date").await?;
        app.eval(
            "const i = document.querySelector('#note-date'); i.focus(); i.select(); return null;",
        )
        .await?;
        app.press(&format!("2026-02-14{enter}")).await?;
        app.click("#note-done").await?;
        app.wait_until(
            "/14 February 2026/.test(document.querySelector('.entry-head .eyebrow').textContent)",
            "the new date",
        )
        .await?;
        let edited = app.text(".entry-head .eyebrow").await?;
        Ok((written, edited))
    });
    // The eyebrow is shown in capitals.
    assert_eq!(written.to_lowercase(), "note · 1 march 2026");
    assert_eq!(edited.to_lowercase(), "note · 14 february 2026");
    let notes = sandbox
        .journal()
        .list(&trine_app::ListQuery::default())
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].date().to_string(), "2026-02-14");
}
