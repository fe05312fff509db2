//! Tests of the charts: valid SVG, points where the data says, gaps as
//! gaps, escaped labels, titles and descriptions.

use chrono::{Days, NaiveDate};

use super::*;
use trine_store::store::{CheckIn, Component, RatingMean, WeekRatings, WeekStatus};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn rated(
    week: NaiveDate,
    seen: Option<f64>,
    known: Option<f64>,
    valued: Option<f64>,
) -> WeekRatings {
    let m = |v: Option<f64>| v.map(|mean| RatingMean { mean, count: 1 });
    WeekRatings {
        week_start: week,
        seen: m(seen),
        known: m(known),
        valued: m(valued),
        confident: None,
        rated_entries: 1,
    }
}

/// Parses the SVG, failing the test if it is not well-formed XML.
fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not valid XML: {e}\n{svg}"))
}

fn attr(node: &roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name).unwrap().parse().unwrap()
}

/// Six weeks: seen 1, 4, (none), 10, 7, (none); known only in week 1.
fn sample() -> (Vec<WeekRatings>, Vec<NaiveDate>) {
    let start = day("2026-01-05");
    let weeks: Vec<NaiveDate> = (0..6).map(|i| start + Days::new(7 * i)).collect();
    let seen = [Some(1.0), Some(4.0), None, Some(10.0), Some(7.0), None];
    let series = weeks
        .iter()
        .zip(seen)
        .enumerate()
        .filter(|(_, (_, s))| s.is_some())
        .map(|(i, (w, s))| rated(*w, s, (i == 0).then_some(5.0), None))
        .collect();
    (series, weeks)
}

/// The centres of the circles drawn in `rgb` (the weekly dots, light).
fn dots(doc: &roxmltree::Document<'_>, rgb: (u8, u8, u8)) -> Vec<(f64, f64)> {
    doc.descendants()
        .filter(|n| n.has_tag_name("circle") && n.attribute("fill") == Some(hex(rgb).as_str()))
        .map(|n| (attr(&n, "cx"), attr(&n, "cy")))
        .collect()
}

#[test]
fn the_ratings_chart_puts_each_point_where_the_data_says() {
    let (series, weeks) = sample();
    let chart = ratings_chart(&series, &weeks, &[], &RatingsChartOptions::default()).unwrap();
    let doc = parse(&chart.svg);
    let points = dots(&doc, SEEN_RGB);
    assert_eq!(points.len(), 4, "four rated weeks: {points:?}");
    let values = [1.0, 4.0, 10.0, 7.0];
    let week_index = [0.0, 1.0, 3.0, 4.0];
    // y is linear in the rating, higher ratings higher up.
    let per_point = (points[0].1 - points[2].1) / 9.0;
    assert!(per_point > 0.0);
    for ((_, cy), v) in points.iter().zip(values) {
        let expected = points[0].1 - (v - 1.0) * per_point;
        assert!(
            (cy - expected).abs() <= 1.0,
            "rating {v}: cy {cy}, expected {expected}"
        );
    }
    // x is linear in the week (pixels are rounded, so allow one).
    let per_week = (points[3].0 - points[0].0) / 4.0;
    assert!(per_week > 0.0);
    for ((cx, _), i) in points.iter().zip(week_index) {
        assert!(
            (cx - (points[0].0 + i * per_week)).abs() <= 1.0,
            "week {i}: cx {cx}"
        );
    }
    // Known has its own panel below seen's, on the same time axis.
    let known = dots(&doc, KNOWN_RGB);
    assert_eq!(known.len(), 1);
    assert_eq!(known[0].0, points[0].0, "the same week, the same x");
    assert!(known[0].1 > points[0].1 + 50.0, "a panel lower down");
}

#[test]
fn weeks_without_ratings_are_gaps_not_zeros() {
    let (series, weeks) = sample();
    let chart = ratings_chart(&series, &weeks, &[], &RatingsChartOptions::default()).unwrap();
    let doc = parse(&chart.svg);
    let seen_stroke = hex(SEEN_RGB);
    let lines: Vec<usize> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("polyline") && n.attribute("stroke") == Some(seen_stroke.as_str())
        })
        .map(|n| n.attribute("points").unwrap().split_whitespace().count())
        .collect();
    assert_eq!(lines, vec![2, 2], "two runs of two weeks: {lines:?}");
    let known_stroke = hex(KNOWN_RGB);
    let known_lines = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("polyline") && n.attribute("stroke") == Some(known_stroke.as_str())
        })
        .count();
    assert_eq!(
        known_lines, 0,
        "a single rated week draws no line, only its dot"
    );
    assert_eq!(chart.table.rows.len(), 6, "the table lists every week");
    assert_eq!(
        chart.table.rows[2],
        vec!["2026-01-19", "–", "–", "–", "0"],
        "a gap shows as a dash"
    );
    assert_eq!(chart.table.rows[3][1], "10.0");
}

#[test]
fn every_week_has_a_column_that_says_what_it_holds() {
    let (series, weeks) = sample();
    let chart = ratings_chart(&series, &weeks, &[], &RatingsChartOptions::default()).unwrap();
    let doc = parse(&chart.svg);
    let columns: Vec<roxmltree::Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("week-column"))
        .collect();
    assert_eq!(columns.len(), 6, "one per week, rated or not");
    assert_eq!(columns[0].attribute("data-week"), Some("2026-01-05"));
    assert_eq!(
        columns[0].attribute("data-label"),
        Some("Week of 5 January 2026: seen 1.0, known 5.0; 1 rated entry")
    );
    assert_eq!(
        columns[2].attribute("data-label"),
        Some("Week of 19 January 2026: not rated")
    );
    // Each column sits over its week's dot.
    let seen = dots(&doc, SEEN_RGB);
    let x = |n: &roxmltree::Node<'_, '_>| attr(n, "x") + attr(n, "width") / 2.0;
    assert!((x(&columns[0]) - seen[0].0).abs() <= 1.0);
    assert!((x(&columns[3]) - seen[2].0).abs() <= 1.0);
}

#[test]
fn the_rolling_average_takes_the_place_of_the_weekly_line() {
    let start = day("2026-01-05");
    let series: Vec<WeekRatings> = (0..12)
        .map(|i| {
            rated(
                start + Days::new(7 * i),
                Some(3.0 + (i % 3) as f64),
                None,
                None,
            )
        })
        .collect();
    let plain = ratings_chart(&series, &[], &[], &RatingsChartOptions::default()).unwrap();
    let rolling = ratings_chart(
        &series,
        &[],
        &[],
        &RatingsChartOptions {
            rolling_weeks: Some(4),
            ..Default::default()
        },
    )
    .unwrap();
    let seen_lines = |svg: &str| -> Vec<String> {
        let doc = parse(svg);
        doc.descendants()
            .filter(|n| {
                n.has_tag_name("polyline") && n.attribute("stroke") == Some(hex(SEEN_RGB).as_str())
            })
            .map(|n| n.attribute("stroke-width").unwrap_or("1").to_string())
            .collect()
    };
    assert_eq!(seen_lines(&plain.svg), vec!["1"], "a light weekly line");
    assert_eq!(
        seen_lines(&rolling.svg),
        vec!["3"],
        "only the average, stronger"
    );
    assert_eq!(
        dots(&parse(&rolling.svg), SEEN_RGB).len(),
        12,
        "the weeks stay as light dots"
    );
}

#[test]
fn labels_stay_readable_at_any_width() {
    let (series, weeks) = sample();
    for width in [560, 960] {
        let chart = ratings_chart(
            &series,
            &weeks,
            &[],
            &RatingsChartOptions {
                size: (width, 440),
                ..Default::default()
            },
        )
        .unwrap();
        let doc = parse(&chart.svg);
        assert_eq!(
            doc.root_element().attribute("width"),
            Some(width.to_string().as_str())
        );
        for text in doc.descendants().filter(|n| n.has_tag_name("text")) {
            let size: f64 = text
                .attribute("font-size")
                .map(|s| s.trim_end_matches("px").parse().unwrap())
                .unwrap_or(0.0);
            assert!(size >= 13.0, "{width} px: {:?} is {size} px", text.text());
        }
    }
}

#[test]
fn charts_have_a_title_a_description_and_follow_the_page_colour() {
    let (series, weeks) = sample();
    let chart = ratings_chart(
        &series,
        &weeks,
        &[],
        &RatingsChartOptions {
            rolling_weeks: Some(4),
            ..Default::default()
        },
    )
    .unwrap();
    let doc = parse(&chart.svg);
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .expect("a <title>");
    assert_eq!(title.text(), Some(chart.title.as_str()));
    let desc = root
        .children()
        .find(|n| n.has_tag_name("desc"))
        .expect("a <desc>");
    assert!(
        desc.text().unwrap().contains("4 of 6 weeks rated"),
        "{:?}",
        desc.text()
    );
    assert!(!chart.svg.contains("#000000"), "black became currentColor");
    assert!(chart.svg.contains("currentColor"));
    assert_eq!(chart.table.columns.len(), 8, "with the rolling averages");
    assert!(doc.descendants().any(|n| n.has_tag_name("title")));
}

#[test]
fn tag_names_cannot_inject_markup() {
    let (series, weeks) = sample();
    let tag = "<script>alert(1)</script>".to_string();
    let options = RatingsChartOptions {
        tag: Some(tag.clone()),
        ..Default::default()
    };
    let chart = ratings_chart(&series, &weeks, &weeks[..2], &options).unwrap();
    assert!(!chart.svg.contains("<script"), "no raw markup in the SVG");
    assert!(
        chart.svg.contains("&lt;script&gt;"),
        "the name appears, escaped"
    );
    let doc = parse(&chart.svg);
    assert!(doc.descendants().all(|n| !n.has_tag_name("script")));
    let text: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(
        text.contains("weeks tagged <script>alert(1)</script>"),
        "shown as text"
    );
}

#[test]
fn an_empty_journal_draws_an_empty_chart_that_says_so() {
    let chart = ratings_chart(&[], &[], &[], &RatingsChartOptions::default()).unwrap();
    parse(&chart.svg);
    assert!(chart.description.contains("No weeks are rated yet"));
}

#[test]
fn the_confidence_rating_is_a_fourth_line_only_where_it_is_rated() {
    let start = day("2026-01-05");
    let plain: Vec<WeekRatings> = (0..4)
        .map(|i| rated(start + Days::new(7 * i), Some(5.0), Some(6.0), Some(7.0)))
        .collect();
    let options = RatingsChartOptions::default();
    let chart = ratings_chart(&plain, &[], &[], &options).unwrap();
    assert_eq!(chart.table.columns.len(), 5, "{:?}", chart.table.columns);
    assert!(!chart.description.contains("confident"));

    let mut with = plain.clone();
    with[2].confident = Some(RatingMean {
        mean: 3.0,
        count: 1,
    });
    let chart = ratings_chart(&with, &[], &[], &options).unwrap();
    parse(&chart.svg);
    assert_eq!(chart.table.columns[4], "Confident");
    assert_eq!(chart.table.rows[2][4], "3.0");
    assert!(chart
        .description
        .contains("(seen, known, valued, confident)"));
    assert!(chart.svg.contains("#007A5A"), "drawn in its own colour");
    assert!(parse(&chart.svg)
        .descendants()
        .any(|n| n.has_tag_name("text") && n.text().is_some_and(|t| t.trim() == "Confident")));
}

#[test]
fn the_levels_before_and_after_a_shift_are_drawn_as_wide_bands() {
    let start = day("2026-01-05");
    let series: Vec<WeekRatings> = (0..10)
        .map(|i| {
            let v = if i < 5 { 4.0 } else { 7.0 };
            rated(start + Days::new(7 * i), Some(v), Some(5.0), Some(5.0))
        })
        .collect();
    let plain = ratings_chart(&series, &[], &[], &RatingsChartOptions::default()).unwrap();
    assert!(!plain.svg.contains("stroke-width=\"5\""));
    let options = RatingsChartOptions {
        levels: vec![(
            "seen".into(),
            vec![
                (start, start + Days::new(28), 4.0),
                (start + Days::new(35), start + Days::new(63), 7.0),
            ],
        )],
        ..RatingsChartOptions::default()
    };
    let chart = ratings_chart(&series, &[], &[], &options).unwrap();
    let doc = parse(&chart.svg);
    let bands: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("stroke-width") == Some("5"))
        .collect();
    assert_eq!(bands.len(), 2, "one band before, one after");
    for band in bands {
        let ys: Vec<f64> = band
            .attribute("points")
            .unwrap()
            .split_whitespace()
            .map(|p| p.split_once(',').unwrap().1.parse().unwrap())
            .collect();
        assert_eq!(ys[0], ys[1], "a level is flat");
    }
}

/// The smallest font size written in `svg`, in pixels.
fn smallest_text(svg: &str) -> f64 {
    parse(svg)
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.attribute("font-size"))
        .map(|s| s.trim_end_matches("px").parse::<f64>().unwrap())
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn every_chart_writes_its_labels_at_13_px_or_more() {
    let (series, weeks) = sample();
    let ratings = ratings_chart(&series, &weeks, &[], &RatingsChartOptions::default()).unwrap();
    let calendar = calendar_chart(
        &weeks
            .iter()
            .map(|w| (*w, WeekStatus::Done))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let latest = checkin("2026-11-20T10:00:00+01:00", &[("voice", 5)]);
    let triangle = triangle_chart(&components(), Some(&latest), None).unwrap();
    let history = checkin_history_chart(&components(), std::slice::from_ref(&latest)).unwrap();
    for (name, chart) in [
        ("ratings", ratings),
        ("calendar", calendar),
        ("triangle", triangle),
        ("check-in history", history),
    ] {
        let size = smallest_text(&chart.svg);
        assert!(size >= 13.0, "{name}: {size} px");
    }
}

#[test]
fn rated_weeks_outside_the_listed_weeks_still_fall_inside_the_plot() {
    // The listed weeks start later than the ratings (years without an
    // entry dated in them are left out of the list).
    let start = day("2024-12-02");
    let series: Vec<WeekRatings> = (0..60)
        .map(|i| rated(start + Days::new(7 * i), Some(5.0), None, None))
        .collect();
    let listed: Vec<NaiveDate> = (40..60).map(|i| start + Days::new(7 * i)).collect();
    let chart = ratings_chart(&series, &listed, &[], &RatingsChartOptions::default()).unwrap();
    let doc = parse(&chart.svg);
    let xs: Vec<f64> = dots(&doc, SEEN_RGB).iter().map(|(x, _)| *x).collect();
    assert_eq!(xs.len(), 60);
    assert!(xs.iter().all(|x| *x >= 100.0), "left of the plot: {xs:?}");
}

fn components() -> Vec<Component> {
    let keys = [
        ("professional_identity", trine_store::Side::Developmental),
        ("self_regulation", trine_store::Side::Developmental),
        ("self_confidence", trine_store::Side::Developmental),
        ("feeling_seen", trine_store::Side::Emotional),
        ("feeling_known", trine_store::Side::Emotional),
        ("feeling_valued", trine_store::Side::Emotional),
        ("values_alignment", trine_store::Side::Integration),
        ("voice", trine_store::Side::Integration),
        ("community", trine_store::Side::Integration),
    ];
    keys.iter()
        .map(|(k, s)| Component {
            key: k.to_string(),
            side: *s,
            name: k.replace('_', " "),
            description: String::new(),
        })
        .collect()
}

fn checkin(when: &str, scores: &[(&str, u8)]) -> CheckIn {
    CheckIn {
        id: uuid::Uuid::new_v4(),
        taken: chrono::DateTime::parse_from_rfc3339(when).unwrap(),
        scores: scores.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        note: String::new(),
    }
}

mod calendar;
mod checkins;
