//! The change verdicts on synthetic journals whose truth is known. The
//! short form runs in CI; `TRINE_FULL_STATS=1 cargo test -p trine-app
//! --release change -- --nocapture` runs thousands and prints the rates
//! recorded in STATISTICS.md.

use chrono::{Days, NaiveDate};

use super::*;
use crate::synthetic::{full_runs, Synthetic};

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 6).unwrap()
}

/// How many journals to try: a short form in CI, thousands on request.
fn runs() -> u64 {
    if full_runs() {
        2000
    } else {
        150
    }
}

/// Of `runs()` one-year journals with a step of `step` points at week 26
/// (from 4.5, or to 4.5 when the step is negative): the share called in
/// the step's direction, and of those the share with `since` within three
/// weeks of the true week.
fn step_rates(step: f64, seed: u64) -> (f64, f64) {
    let truth = start() + Days::new(7 * 26);
    let (mut called, mut near) = (0, 0);
    for run in 0..runs() {
        let mut synthetic = Synthetic::new(seed + run);
        let low = 4.5;
        let (before, after) = if step > 0.0 {
            (low, low + step)
        } else {
            (low - step, low)
        };
        let series = synthetic.series(start(), 52, |i| if i < 26 { before } else { after });
        let change = detect_change(&series);
        let expected = if step > 0.0 {
            Verdict::Up
        } else {
            Verdict::Down
        };
        if change.verdict == expected {
            called += 1;
            let off = (change.since.unwrap() - truth).num_days().abs();
            if off <= 21 {
                near += 1;
            }
        }
    }
    let n = runs() as f64;
    (called as f64 / n, near as f64 / called.max(1) as f64)
}

#[test]
fn stable_journals_are_seldom_called_anything_but_steady() {
    let mut false_alarms = 0;
    for run in 0..runs() {
        let mut synthetic = Synthetic::new(10_000 + run);
        let level = 3.0 + (run % 5) as f64;
        let series = synthetic.series(start(), 52, |_| level);
        let change = detect_change(&series);
        assert_ne!(change.verdict, Verdict::NotEnoughData);
        if change.verdict != Verdict::Steady {
            false_alarms += 1;
        }
    }
    let rate = false_alarms as f64 / runs() as f64;
    eprintln!("stable one-year journals called up or down: {rate:.3}");
    assert!(rate <= 0.10, "{rate}");
}

#[test]
fn a_step_of_two_and_a_half_points_is_found_with_its_week() {
    for step in [2.5, -2.5] {
        let (called, near) = step_rates(step, 20_000);
        eprintln!("step {step:+}: called {called:.3}, since within 3 weeks {near:.3}");
        assert!(called >= 0.80, "step {step}: called in {called}");
        assert!(near >= 0.80, "step {step}: since within 3 weeks in {near}");
    }
}

#[test]
fn a_step_of_one_and_a_half_points_is_measured() {
    // Recorded in STATISTICS.md; asserted loosely, as a smaller step is
    // harder to see.
    for step in [1.5, -1.5] {
        let (called, near) = step_rates(step, 30_000);
        eprintln!("step {step:+}: called {called:.3}, since within 3 weeks {near:.3}");
        assert!(called >= 0.5, "step {step}: called in {called}");
    }
}

#[test]
fn a_few_weeks_are_not_enough_and_the_words_say_so() {
    let series: Vec<(NaiveDate, f64)> = (0..5).map(|i| (start() + Days::new(7 * i), 5.0)).collect();
    let change = detect_change(&series);
    assert_eq!(change.verdict, Verdict::NotEnoughData);
    assert_eq!(change.weeks_after, 5);
    let words = change_words("How seen you felt", &change);
    assert!(words.contains("not enough weeks yet"), "{words}");
}

#[test]
fn the_latest_of_two_shifts_is_the_one_reported_in_words() {
    let mut synthetic = Synthetic::new(7);
    // Up at week 20, down again at week 60.
    let series = synthetic.series(start(), 104, |i| match i {
        0..20 => 4.0,
        20..60 => 7.5,
        _ => 5.0,
    });
    let change = detect_change(&series);
    assert_eq!(change.verdict, Verdict::Down, "{change:?}");
    let since = change.since.unwrap();
    let truth = start() + Days::new(7 * 60);
    assert!((since - truth).num_days().abs() <= 21, "{since}");
    assert!(change.before.unwrap() > 6.5 && change.after.unwrap() < 6.0);
    let words = change_words("How valued you felt", &change);
    assert!(
        words.starts_with("How valued you felt fell from about ")
            && words.contains("it has held there since"),
        "{words}"
    );
    // The same weeks give the same answer every time.
    assert_eq!(detect_change(&series), change);
}

#[test]
fn a_steady_rating_says_its_level_in_words() {
    let series: Vec<(NaiveDate, f64)> = (0..20)
        .map(|i| {
            (
                start() + Days::new(7 * i),
                if i % 2 == 0 { 6.0 } else { 7.0 },
            )
        })
        .collect();
    let change = detect_change(&series);
    assert_eq!(change.verdict, Verdict::Steady);
    let words = change_words("How known you felt", &change);
    assert!(words.contains("held steady at about 6.5"), "{words}");
}
