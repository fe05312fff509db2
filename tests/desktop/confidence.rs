//! Confidence over time and follow-through, in the window: last week's
//! planned step and how it went, the offer and the slider of the fourth
//! rating, its setting, and the check-in history with its nudge.

use chrono::{Days, Local};
use fantoccini::key::Key;
use trine_app::library::Angle;
use trine_app::store::{Answer, NewCheckIn, ReflectionUpdate};
use trine_app::{Side, Situation};

use crate::harness::{App, Sandbox, Step};

/// Sets a rating slider to `value` with the keyboard: Home (1), then Right.
async fn rate(app: &App, which: &str, value: u8) -> Step<()> {
    let mut keys = String::from(char::from(Key::Home));
    for _ in 1..value {
        keys.push(char::from(Key::Right));
    }
    app.type_into(&format!("#rating-{which}"), &keys).await
}

fn this_week(journal: &trine_app::Journal) -> chrono::NaiveDate {
    journal
        .settings()
        .unwrap()
        .first_day
        .week_start(Local::now().date_naive())
}

/// Writes last week's answer to a next-step prompt, swapping questions side
/// by side until one is (a week never has three prompts of one angle).
fn plan_last_week(journal: &mut trine_app::Journal, text: &str) {
    let last = this_week(journal) - Days::new(7);
    for i in 0..90 {
        let prompts = journal.week_prompts(last).unwrap();
        if let Some(prompt) = prompts
            .iter()
            .find(|p| p.prompt.angle == Some(Angle::NextStep))
        {
            journal
                .save_reflection(
                    last,
                    ReflectionUpdate {
                        answers: vec![(prompt.side, Answer::Text(text.into()))],
                        ..ReflectionUpdate::default()
                    },
                )
                .unwrap();
            return;
        }
        journal.another_prompt(last, Side::ALL[i % 3]).unwrap();
    }
    panic!("no next-step prompt came up");
}

#[test]
fn last_weeks_step_comes_back_and_the_confidence_rating_is_offered_then_asked() {
    let Some(sandbox) = Sandbox::new_or_skip(
        "last_weeks_step_comes_back_and_the_confidence_rating_is_offered_then_asked",
    ) else {
        return;
    };
    sandbox.onboard();
    {
        let mut journal = sandbox.journal();
        let today = Local::now().date_naive();
        journal
            .set_situation(Situation::Looking, today - Days::new(60))
            .unwrap();
        plan_last_week(&mut journal, "Ask Dana for a referral.");
    }

    let seen = sandbox.run_app(|app| async move {
        let planned = app.wait_for_text("#follow-up-planned").await?;
        app.type_into("#follow-up-answer", "Asked. Dana said yes.")
            .await?;
        let offered = app.is_shown("#confident-offer").await?;
        let slider_before = app.is_shown("#rating-confident").await?;
        app.click("#confident-offer-yes").await?;
        app.wait_for("#rating-confident").await?;
        let offer_after = app.is_shown("#confident-offer").await?;
        // The answer typed before the screen was drawn again is kept.
        let answer_after = app.value("#follow-up-answer").await?;
        rate(&app, "confident", 6).await?;
        app.wait_until(
            "document.querySelector('.save-state').textContent === 'Saved'",
            "the week saves by itself",
        )
        .await?;
        app.save_screenshot("this-week-follow-up.png").await?;
        Ok((planned, offered, slider_before, offer_after, answer_after))
    });
    assert_eq!(seen.0, "Ask Dana for a referral.");
    assert!(seen.1, "the offer is shown to a person looking for work");
    assert!(!seen.2, "no fourth slider before it is turned on");
    assert!(!seen.3, "the offer goes once chosen");
    assert_eq!(seen.4, "Asked. Dana said yes.");

    let journal = sandbox.journal();
    let week = this_week(&journal);
    let reflection = journal.reflection_for_week(week).unwrap().unwrap();
    let follow_up = reflection.follow_up.expect("the follow-up is kept");
    assert_eq!(follow_up.planned, "Ask Dana for a referral.");
    assert_eq!(follow_up.answer, "Asked. Dana said yes.");
    assert_eq!(reflection.ratings.confident.unwrap().get(), 6);
    assert!(journal.settings().unwrap().confident_rating);
}

#[test]
fn the_confidence_rating_is_a_setting_and_not_now_stops_the_offer() {
    let Some(sandbox) =
        Sandbox::new_or_skip("the_confidence_rating_is_a_setting_and_not_now_stops_the_offer")
    else {
        return;
    };
    sandbox.onboard();
    sandbox
        .journal()
        .set_situation(Situation::ChangingFields, Local::now().date_naive())
        .unwrap();
    let seen = sandbox.run_app(|app| async move {
        app.wait_for("#confident-offer").await?;
        app.click("#confident-offer-no").await?;
        app.wait_until(
            "!document.querySelector('#confident-offer')",
            "the offer goes",
        )
        .await?;
        let slider = app.is_shown("#rating-confident").await?;
        app.go("#/settings", "#setting-confident").await?;
        let off = app
            .eval("return document.querySelector('#setting-confident').checked")
            .await?;
        app.click("#setting-confident").await?;
        app.wait_until(
            "document.querySelector('#settings-save-state').textContent === 'Saved'",
            "the setting saves",
        )
        .await?;
        app.go("#/week", "#rating-confident").await?;
        Ok((slider, off))
    });
    assert!(!seen.0, "not now: no fourth slider");
    assert_eq!(seen.1, serde_json::Value::Bool(false));
    assert!(sandbox.journal().settings().unwrap().confident_rating);
}

#[test]
fn the_checkin_history_is_drawn_with_its_meanings_and_a_nudge_after_a_month() {
    let Some(sandbox) = Sandbox::new_or_skip(
        "the_checkin_history_is_drawn_with_its_meanings_and_a_nudge_after_a_month",
    ) else {
        return;
    };
    sandbox.onboard();
    {
        let mut journal = sandbox.journal();
        let now = chrono::Local::now().fixed_offset();
        for (days_ago, confidence) in [(100, 5), (70, 4), (40, 2)] {
            journal
                .record_checkin(NewCheckIn {
                    scores: [
                        ("self_confidence".to_string(), confidence),
                        ("voice".to_string(), 3),
                    ]
                    .into_iter()
                    .collect(),
                    taken: Some(now - chrono::Duration::days(days_ago)),
                    ..NewCheckIn::default()
                })
                .unwrap();
        }
    }
    let seen = sandbox.run_app(|app| async move {
        let week_nudge = app.wait_for_text("#week-checkin-nudge").await?;
        app.go("#/checkin", "#checkin-history svg").await?;
        let nudge = app.text("#checkin-nudge").await?;
        let meanings = app
            .eval("return document.querySelectorAll('#checkin-history .scale-meanings dd').length")
            .await?;
        let rows = app
            .eval("return document.querySelectorAll('#checkin-history table.numbers tbody tr').length")
            .await?;
        let caption = app.text("#checkin-history .chart-caption").await?;
        app.save_screenshot("checkin-history.png").await?;
        app.go("#/trends", "#trends-checkins svg").await?;
        let trends_nudge = app.text("#trends-checkins .nudge").await?;
        Ok((week_nudge, nudge, meanings, rows, caption, trends_nudge))
    });
    assert!(seen.0.contains("It has been 5 weeks since"), "{}", seen.0);
    assert!(seen.1.contains("It has been 5 weeks since"), "{}", seen.1);
    assert_eq!(seen.2, serde_json::json!(5), "the five scores explained");
    assert_eq!(seen.3, serde_json::json!(3), "one row per check-in");
    assert!(
        seen.4
            .contains("Self-confidence went from 5 (needs most work) to 2 (mostly fine)"),
        "{}",
        seen.4
    );
    assert!(seen.5.contains("Check in now"), "{}", seen.5);
}
