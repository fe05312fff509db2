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

/// The ratings chart at two years: a week is shown on hover and with the
/// arrow keys, opens on click or Enter, the date presets narrow it, and at
/// 600 px it is drawn narrow rather than shrunk.
#[test]
fn the_ratings_chart_is_explored_week_by_week() {
    let Some(sandbox) = Sandbox::new_or_skip("the_ratings_chart_is_explored_week_by_week") else {
        return;
    };
    sandbox.onboard();
    {
        let mut journal = sandbox.journal();
        let today = trine_app::time::now().date_naive();
        let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
        for back in 1..=104u64 {
            let n = 3 + (back % 5) as i64 + if back < 40 { 2 } else { 0 };
            journal
                .rate_week(
                    monday - Days::new(7 * back),
                    Ratings::checked(Some(n), Some(n), Some(n.min(10))).unwrap(),
                    None,
                )
                .unwrap();
        }
    }
    let seen = sandbox.run_app(|app| async move {
        app.go("#/trends", ".chart-ratings .week-column").await?;
        let columns = app
            .eval("return document.querySelectorAll('.chart-ratings .week-column').length;")
            .await?;
        // Hover a week.
        app.eval("document.querySelectorAll('.chart-ratings .week-column')[10].dispatchEvent(new MouseEvent('mouseenter')); return null;")
            .await?;
        let hovered = app.text("#week-tip").await?;
        // The keyboard: focus the chart, the last week is shown; Left moves.
        app.eval("document.querySelector('.chart-ratings .chart-svg').focus(); return null;")
            .await?;
        let focused = app.text("#week-tip").await?;
        app.press("\u{e012}").await?; // ArrowLeft
        let moved = app.text("#week-tip").await?;
        app.save_screenshot("trends-explore.png").await?;
        app.press("\u{e007}").await?; // Enter
        app.wait_until(
            "location.hash.startsWith('#/week?week=') && document.querySelector('#week-label')",
            "Enter opens the week",
        )
        .await?;
        let opened = app.eval("return location.hash;").await?;
        // A click opens one too (WebKit's driver will not click a
        // transparent SVG shape, so the click is sent to it).
        app.go("#/trends", ".chart-ratings .week-column").await?;
        app.eval("document.querySelectorAll('.chart-ratings .week-column')[50].dispatchEvent(new MouseEvent('click', { bubbles: true })); return null;")
            .await?;
        app.wait_until("location.hash.startsWith('#/week?week=')", "a click opens the week")
            .await?;
        // The last three months.
        app.go("#/trends", ".chart-ratings .week-column").await?;
        app.eval("const s = document.querySelector('#trends-range'); s.value = '3m'; s.dispatchEvent(new Event('change')); return null;")
            .await?;
        app.wait_until(
            "document.querySelectorAll('.chart-ratings .week-column').length < 20",
            "the preset narrows the chart",
        )
        .await?;
        let three_months = app
            .eval("return document.querySelectorAll('.chart-ratings .week-column').length;")
            .await?;
        app.eval("const s = document.querySelector('#trends-range'); s.value = 'all'; s.dispatchEvent(new Event('change')); return null;")
            .await?;
        app.resize(600, 800).await?;
        // Trends draws its charts again for the narrower window.
        app.wait_until(
            "Number(document.querySelector('.chart-ratings svg').getAttribute('viewBox').split(' ')[2]) <= 600",
            "the chart is drawn again at the new width",
        )
        .await?;
        let narrow = app
            .eval("return Number(document.querySelector('.chart-ratings svg').getAttribute('viewBox').split(' ')[2]);")
            .await?;
        app.save_screenshot("trends-600.png").await?;
        Ok((columns, hovered, focused, moved, opened, three_months, narrow))
    });
    let (columns, hovered, focused, moved, opened, three_months, narrow) = seen;
    assert!(columns.as_u64().unwrap() >= 104, "{columns}");
    assert!(
        hovered.starts_with("Week of ") && hovered.contains("seen"),
        "{hovered}"
    );
    assert!(focused.contains("rated entr"), "{focused}");
    assert_ne!(focused, moved, "the arrow moved to another week");
    assert!(
        opened.as_str().unwrap().starts_with("#/week?week="),
        "{opened}"
    );
    assert!(
        (12..=15).contains(&three_months.as_u64().unwrap()),
        "{three_months}"
    );
    assert!(
        narrow.as_f64().unwrap() <= 600.0,
        "drawn for the narrow window: {narrow}"
    );
}

/// Trends over ten years of weekly reflections: every panel, the levels,
/// the calendar and the themes are drawn, and the time from asking to
/// painted is printed for BENCHMARKS.md (measured, not asserted: this
/// machine's timings drift).
#[test]
fn trends_over_ten_years_are_drawn_and_timed() {
    let Some(sandbox) = Sandbox::new_or_skip("trends_over_ten_years_are_drawn_and_timed") else {
        return;
    };
    sandbox.onboard();
    {
        let mut journal = sandbox.journal();
        let today = trine_app::time::now().date_naive();
        let monday = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
        let words = [
            "Spoke up in the planning meeting and the idea was taken.",
            "Quiet week, heads down on the migration.",
            "Coffee with a mentor about the lead role.",
            "Overlooked again in the all-hands.",
        ];
        for back in 1..=520u64 {
            let n = 3 + ((back * 7) % 6) as i64;
            journal
                .rate_week(
                    monday - Days::new(7 * back),
                    Ratings::checked(Some(n), Some(9 - n / 2), Some(n)).unwrap(),
                    Some(words[(back % 4) as usize].into()),
                )
                .unwrap();
        }
    }
    let (columns, times) = sandbox.run_app(|app| async move {
        let mut times = Vec::new();
        for _ in 0..3 {
            app.go("#/week", "#week-label").await?;
            app.go("#/trends", ".trends-body[data-drawn-in-ms]").await?;
            times.push(
                app.eval(
                    "return Number(document.querySelector('.trends-body').dataset.drawnInMs);",
                )
                .await?
                .as_f64()
                .unwrap_or(f64::NAN),
            );
        }
        let columns = app
            .eval("return document.querySelectorAll('.chart-ratings .week-column').length;")
            .await?;
        Ok((columns, times))
    });
    assert!(columns.as_u64().unwrap() >= 520, "{columns}");
    eprintln!("Trends over 520 weekly reflections, asked to painted (ms): {times:?}");
}
