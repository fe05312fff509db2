//! This week as it shows: the bar's mark while the week is due, a new
//! journal's week, a past week with its own streak, the editor's keys, and
//! the ratings worded for where the person is.

use trine_app::prelude::*;

use fantoccini::key::Key;

use crate::harness::Sandbox;
use crate::this_week::{rate, DEVELOPMENTAL};

const WEEK_LINK: &str = "document.querySelector('.nav a[data-screen=week]')";

/// The bar marks "This week" once the week's reminder time has passed with
/// the week not done, whatever screen is open, and the mark goes as soon as
/// the week is done.
#[test]
fn the_bar_marks_this_week_while_it_is_due() {
    let Some(sandbox) = Sandbox::new_or_skip("the_bar_marks_this_week_while_it_is_due") else {
        return;
    };
    sandbox.onboard();
    // Friday 27 November 2026 at 17:00: an hour after the default reminder
    // time (Friday at 16:00), with the week not written.
    sandbox.set_env("TRINE_NOW", "2026-11-27T17:00:00");

    let (due_name, on_journal, done_name, status) = sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        app.wait_until(
            &format!("{WEEK_LINK}.classList.contains('is-due')"),
            "the mark on This week",
        )
        .await?;
        let due_name = app
            .eval(&format!("return {WEEK_LINK}.textContent;"))
            .await?;
        app.go("#/journal", "#entry-list").await?;
        let on_journal = app
            .eval(&format!(
                "return window.__trineRefreshDue().then(() => {WEEK_LINK}.classList.contains('is-due'));"
            ))
            .await?;
        app.save_screenshot("nav-week-due.png").await?;
        app.go("#/week", "#week-label").await?;
        for side in ["developmental", "emotional", "integration"] {
            app.click(&format!(".side-card[data-side={side}] .skip-toggle"))
                .await?;
        }
        rate(&app, "seen", 6).await?;
        rate(&app, "known", 5).await?;
        rate(&app, "valued", 7).await?;
        app.wait_until(
            &format!("!{WEEK_LINK}.classList.contains('is-due')"),
            "the mark goes once the week is done",
        )
        .await?;
        let done_name = app
            .eval(&format!("return {WEEK_LINK}.textContent;"))
            .await?;
        let status = app.text("#week-status").await?;
        Ok((due_name, on_journal, done_name, status))
    });

    assert_eq!(
        due_name, "This week, due",
        "the mark is named for screen readers too"
    );
    assert_eq!(on_journal, true, "the mark stays on other screens");
    assert_eq!(status, "Done");
    assert_eq!(done_name, "This week");
}

/// With nothing to look back on, This week shows no stray word: the
/// missing section used to be printed as "null" under the note.
#[test]
fn a_new_journal_s_week_shows_no_stray_null() {
    let Some(sandbox) = Sandbox::new_or_skip("a_new_journal_s_week_shows_no_stray_null") else {
        return;
    };
    sandbox.onboard();
    let text = sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        app.text("#screen").await
    });
    assert!(!text.contains("null"), "{text}");
    assert!(text.contains("A note"), "the screen is there: {text}");
}

#[test]
fn a_past_week_shows_what_was_answered_and_its_own_streak() {
    let Some(sandbox) =
        Sandbox::new_or_skip("a_past_week_shows_what_was_answered_and_its_own_streak")
    else {
        return;
    };
    sandbox.onboard();
    let week = chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
    let (id, answered) = {
        let mut journal = sandbox.journal();
        let answered = journal
            .prompts(None, false)
            .unwrap()
            .into_iter()
            .find(|p| p.component == "feeling_seen")
            .unwrap();
        // Done the week before too: the old week's streak is 2, today's 0.
        for (start, dev_prompt) in [(week - chrono::Days::new(7), None), (week, None)] {
            let section = |side, prompt_id: Option<String>, text: &str| trine_app::Section {
                side,
                prompt_id,
                text: text.into(),
            };
            journal
                .create(trine_app::NewEntry {
                    sections: vec![
                        section(
                            trine_app::Side::Developmental,
                            dev_prompt,
                            "Kept calm in the long meeting.",
                        ),
                        section(
                            trine_app::Side::Emotional,
                            Some(answered.id.clone()),
                            "Named in the review.",
                        ),
                        section(trine_app::Side::Integration, None, ""),
                    ],
                    ratings: trine_app::Ratings::checked(Some(6), Some(5), Some(7)).unwrap(),
                    ..trine_app::NewEntry::reflection(start)
                })
                .unwrap();
        }
        let id = journal.reflection_for_week(week).unwrap().unwrap().id;
        (id, answered)
    };
    let (prompts, streak, edited) = sandbox.run_app(|app| async move {
        app.go("#/week?week=2025-03-03", "#week-label").await?;
        app.wait_for("[data-side=emotional] .prompt").await?;
        let prompts = app
            .eval("return [...document.querySelectorAll('.side-card .prompt')].map(p => p.textContent);")
            .await?;
        let streak = app.text(".streak").await?;
        app.go(&format!("#/entry/{id}"), "#entry-edit").await?;
        app.click("#entry-edit").await?;
        app.wait_for("#answer-developmental").await?;
        app.type_into("#answer-developmental", " And said so.").await?;
        app.save_screenshot("entry-edit-reflection-light.png").await?;
        app.click("#note-done").await?;
        let edited = app.wait_for_text("#entry-body").await?;
        Ok((prompts, streak, edited))
    });
    let prompts: Vec<String> = serde_json::from_value(prompts).unwrap();
    assert_eq!(
        prompts[0], "This answer was kept without its question.",
        "no prompt drawn above an answer that recorded none"
    );
    assert_eq!(prompts[1], answered.text, "the question answered");
    assert!(streak.contains('2'), "the week's own streak: {streak}");
    assert!(edited.contains("And said so."), "{edited}");
    let saved = sandbox.journal().get(id).unwrap();
    let developmental = saved.section(trine_app::Side::Developmental).unwrap();
    assert_eq!(
        developmental.text,
        "Kept calm in the long meeting. And said so."
    );
    assert_eq!(
        developmental.prompt_id, None,
        "still no question pinned to it"
    );
    assert_eq!(
        saved.section(trine_app::Side::Emotional).unwrap().prompt_id,
        Some(answered.id.clone()),
        "the other answers keep theirs"
    );
}

#[test]
fn the_editor_continues_lists_tabs_past_its_toolbar_and_rates_by_number() {
    let Some(sandbox) = Sandbox::new_or_skip(
        "the_editor_continues_lists_tabs_past_its_toolbar_and_rates_by_number",
    ) else {
        return;
    };
    sandbox.onboard();
    let (text, tabs_to_next, thumb_before, thumb_after, rated, ten) =
        sandbox.run_app(|app| async move {
            let enter = char::from(Key::Enter).to_string();
            app.wait_for(DEVELOPMENTAL).await?;
            // A list: Enter continues it, Enter on an empty item ends it.
            app.type_into(DEVELOPMENTAL, "- first").await?;
            app.press(&enter).await?;
            app.press("second").await?;
            app.press(&enter).await?;
            app.press(&enter).await?;
            app.press("after").await?;
            app.press(&enter).await?;
            app.press("3. third").await?;
            app.press(&enter).await?;
            app.press("fourth").await?;
            let text = app.value(DEVELOPMENTAL).await?;

            // From one answer, Tab reaches the next answer's text in at
            // most two presses (its toolbar is one stop).
            let mut presses = 0;
            let tab = char::from(Key::Tab).to_string();
            loop {
                app.press(&tab).await?;
                presses += 1;
                let side = app
                    .eval("return document.activeElement.dataset.side || null;")
                    .await?;
                if side == "emotional" || presses > 8 {
                    break;
                }
            }

            // Within the toolbar, the arrow keys move from button to button.
            app.eval("document.querySelector('.side-card[data-side=emotional] .toolbar button').focus(); return null;")
                .await?;
            app.press_key(Key::Right).await?;
            let next_tool = app.eval("return document.activeElement.title;").await?;
            if next_tool != "Italic" {
                return Err(format!("Right went to {next_tool}, not Italic"));
            }
            let thumb = "return getComputedStyle(document.querySelector('#rating-seen')).getPropertyValue('--thumb-shown').trim();";
            let thumb_before = app.eval(thumb).await?;
            app.eval("document.querySelector('#rating-seen').focus(); return null;")
                .await?;
            app.press("7").await?;
            let thumb_after = app.eval(thumb).await?;
            let rated = app.text("#rating-seen-value").await?;
            app.eval("document.querySelector('#rating-known').focus(); return null;")
                .await?;
            app.press("0").await?;
            let ten = app.text("#rating-known-value").await?;
            app.save_screenshot("this-week-editor-light.png").await?;
            app.press_ctrl('s').await?;
            app.wait_until(
                "document.querySelector('.save-state').textContent === 'Saved'",
                "saved",
            )
            .await?;
            Ok((text, presses, thumb_before, thumb_after, rated, ten))
        });
    assert_eq!(
        text, "- first\n- second\n\nafter\n3. third\n4. fourth",
        "lists continue and end as expected"
    );
    assert!(tabs_to_next <= 2, "Tab took {tabs_to_next} presses");
    assert_eq!(thumb_before, "0", "an untouched rating shows no thumb");
    assert_eq!(thumb_after, "1");
    assert_eq!(rated, "7");
    assert_eq!(ten, "10", "0 is 10");
    let view = sandbox
        .journal()
        .this_week(trine_app::time::now().naive_local())
        .unwrap();
    assert_eq!(view.ratings.seen, Some(7));
    assert_eq!(view.ratings.known, Some(10));
    assert_eq!(view.ratings.valued, None, "the untouched one stays unrated");
}

/// The ratings are worded for where the person is: a person looking for
/// work is not asked how they felt "at work".
#[test]
fn the_ratings_heading_follows_the_situation() {
    let Some(sandbox) = Sandbox::new_or_skip("the_ratings_heading_follows_the_situation") else {
        return;
    };
    sandbox.onboard();
    let today = trine_app::clock::today();
    sandbox
        .journal()
        .set_situation(trine_app::Situation::Looking, today - chrono::Days::new(30))
        .unwrap();

    let heading = sandbox.run_app(|app| async move {
        let heading = app.wait_for_text("#ratings-title").await?;
        app.save_screenshot("this-week-looking-light.png").await?;
        Ok(heading)
    });
    assert_eq!(
        heading,
        "This week, in my search, how much did I feel\u{2026}"
    );
}
