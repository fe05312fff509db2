//! The reflection calendar: done, partly done and missed weeks, laid out
//! by year.

use super::*;

#[test]
fn the_calendar_shows_done_partly_done_and_missed_weeks() {
    let start = day("2025-12-22");
    let statuses = [
        WeekStatus::Done,
        WeekStatus::PartlyDone,
        WeekStatus::Missed,
        WeekStatus::Done,
        WeekStatus::Due,
    ];
    let weeks: Vec<(NaiveDate, WeekStatus)> = statuses
        .iter()
        .enumerate()
        .map(|(i, s)| (start + Days::new(7 * i as u64), *s))
        .collect();
    let chart = calendar_chart(&weeks).unwrap();
    let doc = parse(&chart.svg);
    let done = hex(SIDE_RGB[1]);
    let filled = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(done.as_str()))
        .count();
    // Two done weeks, one half-filled partly done week, plus the key's two.
    assert_eq!(filled, 5);
    assert!(
        chart
            .description
            .contains("2 done (filled), 1 partly done (half filled), 1 missed"),
        "{}",
        chart.description
    );
    let years: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::trim)
        .filter(|t| t.starts_with("202"))
        .collect();
    assert_eq!(
        years,
        vec!["2025", "2026"],
        "a row per year across the year end"
    );
    assert_eq!(chart.table.rows[1], vec!["2025-12-29", "partly done"]);
}

/// The x and y of each week's cell (the square drawn for it, in order).
fn cells(doc: &roxmltree::Document<'_>) -> Vec<(f64, f64)> {
    doc.descendants()
        .filter(|n| {
            n.has_tag_name("rect")
                && n.attribute("fill") == Some(hex(SIDE_RGB[1]).as_str())
                && attr(n, "height") > 10.0
        })
        .map(|n| (attr(&n, "x"), attr(&n, "y")))
        .collect()
}

#[test]
fn a_week_across_the_year_end_opens_the_next_years_row() {
    // Weeks from 16 December 2024 to 13 January 2025, all done.
    let start = day("2024-12-16");
    let weeks: Vec<(NaiveDate, WeekStatus)> = (0..5)
        .map(|i| (start + Days::new(7 * i), WeekStatus::Done))
        .collect();
    let chart = calendar_chart(&weeks).unwrap();
    let doc = parse(&chart.svg);
    let found = cells(&doc);
    // Five weeks and the key's one.
    assert_eq!(found.len(), 6, "{found:?}");
    let (dec16, dec23, dec30, jan6) = (found[0], found[1], found[2], found[3]);
    assert_eq!(dec16.1, dec23.1, "December 2024 on one row");
    assert!(dec30.1 > dec23.1, "30 December 2024 opens 2025's row");
    assert_eq!(dec30.1, jan6.1);
    assert!(dec30.0 < jan6.0, "as its first column");
    assert!(
        dec30.0 < dec16.0,
        "not a stray cell past the end of 2024's row"
    );
}

#[test]
fn a_range_within_one_year_shows_only_its_own_months() {
    let start = day("2026-03-02");
    let weeks: Vec<(NaiveDate, WeekStatus)> = (0..13)
        .map(|i| (start + Days::new(7 * i), WeekStatus::Done))
        .collect();
    let chart = calendar_chart(&weeks).unwrap();
    let doc = parse(&chart.svg);
    let months: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .filter(|t| t.len() == 3)
        .collect();
    assert!(months.contains(&"Apr".to_string()), "{months:?}");
    assert!(!months.contains(&"Jan".to_string()), "{months:?}");
    assert!(!months.contains(&"Oct".to_string()), "{months:?}");
    let width: f64 = attr(&doc.root_element(), "width");
    assert!(width < 700.0, "a quarter's calendar is narrow: {width}");
}
