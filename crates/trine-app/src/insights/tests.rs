//! Tests of the insights: quarter averages, trends, best and hardest weeks,
//! tag comparisons, and saying "not enough data" on a short journal.

use super::*;
use trine_store::store::RatingMean;

fn week(start: &str, seen: Option<f64>, known: Option<f64>, valued: Option<f64>) -> WeekRatings {
    let m = |v: Option<f64>| v.map(|mean| RatingMean { mean, count: 1 });
    WeekRatings {
        week_start: NaiveDate::parse_from_str(start, "%Y-%m-%d").unwrap(),
        seen: m(seen),
        known: m(known),
        valued: m(valued),
        confident: None,
        rated_entries: 1,
    }
}

/// Eight weeks from 5 January 2026: seen rises by one a week from 2,
/// known stays at 5, valued is rated only in the first three weeks.
fn journal_weeks() -> Vec<WeekRatings> {
    let starts = [
        "2026-01-05",
        "2026-01-12",
        "2026-01-19",
        "2026-01-26",
        "2026-02-02",
        "2026-02-09",
        "2026-02-16",
        "2026-02-23",
    ];
    let valued = [Some(4.0), Some(6.0), Some(8.0)];
    starts
        .iter()
        .enumerate()
        .map(|(i, s)| {
            week(
                s,
                Some(2.0 + i as f64),
                Some(5.0),
                valued.get(i).copied().flatten(),
            )
        })
        .collect()
}

fn tags(weeks: &[(&str, &str)]) -> BTreeMap<NaiveDate, BTreeSet<String>> {
    let mut map: BTreeMap<NaiveDate, BTreeSet<String>> = BTreeMap::new();
    for (w, t) in weeks {
        map.entry(NaiveDate::parse_from_str(w, "%Y-%m-%d").unwrap())
            .or_default()
            .insert(t.to_string());
    }
    map
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn quarter_averages_and_trends_match_hand_computed_values() {
    let insights = compute(&journal_weeks(), &BTreeMap::new(), &[], false);
    assert_eq!(insights.rated_weeks, 8);
    assert_eq!(insights.quarters.len(), 1);
    let q1 = &insights.quarters[0];
    assert_eq!(q1.label, "2026-Q1");
    assert_eq!(
        q1.averages.seen,
        Figure::Value {
            value: 5.5,
            weeks: 8
        }
    );
    assert_eq!(
        q1.averages.known,
        Figure::Value {
            value: 5.0,
            weeks: 8
        }
    );
    assert_eq!(
        q1.averages.valued,
        Figure::Value {
            value: 6.0,
            weeks: 3
        }
    );
    // One point a week is 365.25 / 12 / 7 points a month.
    assert!(
        close(insights.trend_per_month.seen.value(), 365.25 / 12.0 / 7.0),
        "{:?}",
        insights.trend_per_month
    );
    assert!(close(insights.trend_per_month.known.value(), 0.0));
    assert_eq!(
        insights.trend_per_month.valued,
        Figure::NotEnoughData { weeks: 3 },
        "three weeks are too few for a trend"
    );
}

#[test]
fn best_and_hardest_weeks_need_enough_weeks_and_never_name_one_twice() {
    let weeks = journal_weeks();
    let few = compute(&weeks[..7], &BTreeMap::new(), &[], false);
    assert!(few.best_weeks.is_empty() && few.worst_weeks.is_empty());
    assert!(few
        .summary
        .iter()
        .any(|l| l.contains("not enough rated weeks yet")));
    // Eight weeks: three best, and the hardest from the other five.
    let enough = compute(&weeks, &BTreeMap::new(), &[], false);
    assert_eq!(enough.best_weeks.len(), 3);
    for worst in &enough.worst_weeks {
        assert!(
            enough
                .best_weeks
                .iter()
                .all(|b| b.week_start != worst.week_start),
            "{worst:?} is among the best too"
        );
    }
}

#[test]
fn best_and_worst_weeks_use_the_mean_of_the_three_ratings() {
    let insights = compute(&journal_weeks(), &BTreeMap::new(), &[], false);
    let best: Vec<(String, f64)> = insights
        .best_weeks
        .iter()
        .map(|w| (w.week_start.to_string(), w.score))
        .collect();
    assert_eq!(
        best,
        vec![
            ("2026-02-23".into(), 7.0),
            ("2026-02-16".into(), 6.5),
            ("2026-02-09".into(), 6.0)
        ]
    );
    let worst: Vec<String> = insights
        .worst_weeks
        .iter()
        .map(|w| w.week_start.to_string())
        .collect();
    assert_eq!(worst, vec!["2026-01-05", "2026-01-12", "2026-01-26"]);
    assert!(
        (insights.worst_weeks[0].score - 11.0 / 3.0).abs() < 1e-9,
        "(2 + 5 + 4) / 3"
    );
}

#[test]
fn tags_in_enough_weeks_are_compared_with_weeks_without_them() {
    let tagged = tags(&[
        ("2026-02-02", "promotion"),
        ("2026-02-09", "promotion"),
        ("2026-02-16", "promotion"),
        ("2026-02-23", "promotion"),
        ("2026-01-05", "rare"),
        ("2026-01-12", "rare"),
    ]);
    let insights = compute(&journal_weeks(), &tagged, &[], false);
    assert_eq!(insights.tags.len(), 1, "a tag in two weeks is not compared");
    let promotion = &insights.tags[0];
    assert_eq!(promotion.tag, "promotion");
    assert_eq!(
        promotion.with.seen,
        Figure::Value {
            value: 7.5,
            weeks: 4
        }
    );
    assert_eq!(
        promotion.without.seen,
        Figure::Value {
            value: 3.5,
            weeks: 4
        }
    );
    assert_eq!(promotion.with.valued, Figure::NotEnoughData { weeks: 0 });
    assert_eq!(promotion.without.valued, Figure::NotEnoughData { weeks: 3 });
    assert_eq!(
        promotion.without.valued.describe(1),
        "not enough data (3 weeks)"
    );
    assert_eq!(promotion.with.seen.describe(1), "7.5 (4 weeks)");
}

#[test]
fn a_short_journal_says_not_enough_data() {
    let insights = compute(&journal_weeks()[..2], &BTreeMap::new(), &[], false);
    assert_eq!(
        insights.quarters[0].averages.seen,
        Figure::NotEnoughData { weeks: 2 }
    );
    assert_eq!(
        insights.trend_per_month.seen,
        Figure::NotEnoughData { weeks: 2 }
    );
    let empty = compute(&[], &BTreeMap::new(), &[], false);
    assert!(empty.quarters.is_empty() && empty.best_weeks.is_empty() && empty.tags.is_empty());
}

#[test]
fn the_journal_gives_each_weeks_tags() {
    let mut journal = Journal::open_in_memory().unwrap();
    let at = |s: &str| Some(chrono::DateTime::parse_from_rfc3339(s).unwrap());
    journal
        .create(trine_store::NewEntry {
            tags: vec!["promotion".into()],
            created: at("2026-02-03T10:00:00+01:00"),
            ..trine_store::NewEntry::note("a", "")
        })
        .unwrap();
    journal
        .create(trine_store::NewEntry {
            tags: vec!["team".into(), "promotion".into()],
            created: at("2026-02-05T10:00:00+01:00"),
            ..trine_store::NewEntry::note("b", "")
        })
        .unwrap();
    let map = journal.tags_by_week(None, None).unwrap();
    assert_eq!(map.len(), 1);
    assert_eq!(
        map.values().next().unwrap().iter().collect::<Vec<_>>(),
        vec!["promotion", "team"]
    );
}
