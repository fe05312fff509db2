//! Trends and Check-in: the charts come from the core, their numbers are a
//! table away, and a check-in redraws the triangle.

use chrono::{Datelike, Days};
use trine_app::Ratings;

use crate::harness::Sandbox;

#[test]
fn trends_show_the_weeks_and_their_numbers() {
    let Some(sandbox) = Sandbox::new_or_skip("trends_show_the_weeks_and_their_numbers") else {
        return;
    };
    sandbox.onboard();
    {
        let mut journal = sandbox.journal();
        let today = trine_app::time::now().date_naive();
        let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
        for back in 1..=8u64 {
            let n = (back % 5) as i64 + 3;
            journal
                .rate_week(
                    monday - Days::new(7 * back),
                    Ratings::checked(Some(n), Some(n + 1), Some(n + 2)).unwrap(),
                    None,
                )
                .unwrap();
        }
    }

    let (rows, insights) = sandbox.run_app(|app| async move {
        app.go("#/trends", ".chart-ratings svg").await?;
        app.click(".chart-ratings details summary").await?;
        let rows = app
            .eval("return document.querySelectorAll('.chart-ratings table tbody tr').length;")
            .await?;
        let insights = app.text(".insights").await?;
        app.eval("document.querySelector('.chart-ratings svg').dataset.old = '1'; return null;")
            .await?;
        app.click("#trends-rolling").await?;
        app.wait_until(
            "document.querySelector('.chart-ratings svg') && !document.querySelector('.chart-ratings svg').dataset.old",
            "the rolling average redraws the chart",
        )
        .await?;
        Ok((rows, insights))
    });

    assert!(
        rows.as_u64().is_some_and(|r| r >= 8),
        "one row per week: {rows}"
    );
    assert!(
        insights.contains("8 rated weeks"),
        "the insights count the weeks: {insights}"
    );
    assert!(
        insights.contains("How seen you felt has held steady")
            || insights.contains("How seen you felt rose")
            || insights.contains("How seen you felt fell"),
        "each rating's change in words: {insights}"
    );
    assert!(!insights.contains("a month"), "no slopes: {insights}");
}

#[test]
fn a_check_in_is_saved_and_redraws_the_triangle() {
    let Some(sandbox) = Sandbox::new_or_skip("a_check_in_is_saved_and_redraws_the_triangle") else {
        return;
    };
    sandbox.onboard();

    let (before, after) = sandbox.run_app(|app| async move {
        app.go("#/checkin", ".chart-triangle svg").await?;
        let before = app.text("#checkin-when").await?;
        app.click("[data-component=voice] .scale-option:nth-child(5)")
            .await?;
        app.click("[data-component=self_regulation] .scale-option:nth-child(1)")
            .await?;
        app.press_ctrl('s').await?;
        app.wait_until(
            "document.querySelector('#checkin-when').textContent.startsWith('Your last check-in')",
            "the check-in saves and the screen says so",
        )
        .await?;
        Ok((before, app.text("#checkin-when").await?))
    });

    assert_eq!(before, "No check-in yet: this will be your first.");
    assert!(after.starts_with("Your last check-in was on "), "{after}");
    let latest = sandbox.journal().checkins().unwrap().remove(0);
    assert_eq!(latest.scores.get("voice"), Some(&5));
    assert_eq!(latest.scores.get("self_regulation"), Some(&1));
}

/// Themes show the words of the higher and the lower weeks, and each week
/// they came from opens.
#[test]
fn themes_list_their_weeks_and_open_them() {
    let Some(sandbox) = Sandbox::new_or_skip("themes_list_their_weeks_and_open_them") else {
        return;
    };
    sandbox.onboard();
    {
        let mut journal = sandbox.journal();
        let today = trine_app::time::now().date_naive();
        let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
        for back in 1..=48u64 {
            let week = monday - Days::new(7 * back);
            let good = back % 2 == 0;
            let n = if good { 8 } else { 3 } + (back % 3) as i64 - 1;
            let words = if good {
                "Coffee with my mentor, and the demo went well."
            } else {
                "Another deadline slipped and the tickets piled up."
            };
            journal
                .rate_week(
                    week,
                    Ratings::checked(Some(n), Some(n), Some(n)).unwrap(),
                    Some(words.into()),
                )
                .unwrap();
        }
    }
    let (higher, lower, opened) = sandbox.run_app(|app| async move {
        app.go("#/trends", "#themes-higher").await?;
        let higher = app.text("#themes-higher").await?;
        let lower = app.text("#themes-lower").await?;
        let href = app
            .eval("return document.querySelector('#themes-higher a').getAttribute('href');")
            .await?;
        app.click("#themes-higher a").await?;
        app.wait_until(
            "location.hash.startsWith('#/week?week=') && document.querySelector('#week-label')",
            "the week opens",
        )
        .await?;
        app.save_screenshot("trends-themes.png").await?;
        Ok((higher, lower, href))
    });
    assert!(higher.contains("mentor"), "{higher}");
    assert!(lower.contains("deadline"), "{lower}");
    assert!(
        opened.as_str().unwrap().starts_with("#/week?week="),
        "{opened}"
    );
}
