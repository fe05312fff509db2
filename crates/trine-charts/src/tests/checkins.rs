//! The check-in charts: the triangle of components and their history.

use super::*;

#[test]
fn the_triangle_draws_each_component_by_its_score_with_the_earlier_checkin_faint() {
    let mut components = components();
    components[8].name = "My <b>people</b>".into();
    let latest = checkin(
        "2026-11-20T10:00:00+01:00",
        &[("voice", 5), ("community", 1), ("feeling_seen", 4)],
    );
    let earlier = checkin("2026-10-01T10:00:00+01:00", &[("voice", 3)]);
    let chart = triangle_chart(&components, Some(&latest), Some(&earlier)).unwrap();
    let doc = parse(&chart.svg);
    let text: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect();
    assert!(text.contains(&"voice · 5".to_string()), "{text:?}");
    assert!(
        text.contains(&"My <b>people</b> · 1".to_string()),
        "names are text, escaped in the SVG"
    );
    assert!(!chart.svg.contains("<b>"));
    assert!(
        text.contains(&"self regulation".to_string()),
        "unscored components are still named"
    );
    // Scored circles: radius grows with the score.
    let radii: Vec<f64> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle") && n.attribute("fill").is_some_and(|f| f != "none"))
        .map(|n| attr(&n, "r"))
        .collect();
    assert!(
        radii.contains(&31.0) && radii.contains(&11.0),
        "5 → 31 px, 1 → 11 px: {radii:?}"
    );
    assert!(
        chart
            .description
            .contains("Needing most work: voice (5), feeling seen (4)"),
        "{}",
        chart.description
    );
    assert!(
        chart.description.contains("1 October 2026"),
        "the earlier check-in is named"
    );
    assert_eq!(
        chart.table.rows[7],
        vec!["voice", "Integration needs", "5", "3"]
    );
}

#[test]
fn the_checkin_history_draws_each_component_moving_with_better_upwards() {
    let components = components();
    let checkins = vec![
        checkin(
            "2026-09-01T10:00:00+01:00",
            &[("self_confidence", 5), ("voice", 3)],
        ),
        checkin(
            "2026-12-01T10:00:00+01:00",
            &[("self_confidence", 2), ("voice", 3)],
        ),
        checkin("2026-10-15T10:00:00+01:00", &[("self_confidence", 4)]),
    ];
    let chart = checkin_history_chart(&components, &checkins).unwrap();
    let doc = parse(&chart.svg);
    assert!(
        chart
            .description
            .contains("self confidence went from 5 (needs most work) to 2 (mostly fine)"),
        "{}",
        chart.description
    );
    assert!(
        !chart.description.contains("voice went"),
        "voice did not move"
    );
    // The table: newest first, one column per component.
    assert_eq!(chart.table.columns.len(), 10);
    assert_eq!(chart.table.rows[0][0], "2026-12-01");
    assert_eq!(chart.table.rows[2][3], "5");
    assert_eq!(chart.table.rows[1][8], "–", "voice not scored in October");
    // The confidence row's line: three points, each later one higher up
    // (a smaller y), as the score falls from 5 to 2.
    let lines: Vec<Vec<(f64, f64)>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .map(|n| {
            n.attribute("points")
                .unwrap()
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect();
    let confidence = lines
        .iter()
        .find(|l| l.len() == 3)
        .expect("a line of three check-ins");
    assert!(
        confidence[0].0 < confidence[1].0 && confidence[1].0 < confidence[2].0,
        "in time order: {confidence:?}"
    );
    assert!(
        confidence[0].1 > confidence[1].1 && confidence[1].1 > confidence[2].1,
        "better is higher: {confidence:?}"
    );
    let empty = checkin_history_chart(&components, &[]).unwrap();
    parse(&empty.svg);
    assert!(empty.description.contains("No check-ins yet"));
}
