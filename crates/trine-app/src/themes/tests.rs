//! Themes on synthetic journals: a word planted in the higher weeks comes
//! first, and a journal without one shows nothing in most runs. The short
//! form runs in CI; `TRINE_FULL_STATS=1` runs a thousand journals.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::*;
use crate::synthetic::{full_runs, Synthetic};
use trine_store::store::WeekTerms;

fn runs() -> u64 {
    if full_runs() {
        1000
    } else {
        60
    }
}

/// Two years of weeks: each week's score (the mean of three ratings around
/// a hidden mood) and 40 words from a 300-word vocabulary; `planted` adds
/// "mentor" once or twice to three in four weeks whose mood was above the
/// middle, and to one in twenty of the others.
fn journal(seed: u64, planted: bool) -> (Vec<(NaiveDate, f64)>, Vec<WeekTerms>) {
    let mut synthetic = Synthetic::new(seed);
    let start = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    let (mut scores, mut terms) = (Vec::new(), Vec::new());
    for i in 0..104u64 {
        if synthetic.uniform() < crate::synthetic::MISSED {
            continue;
        }
        let week = start + Days::new(7 * i);
        // Good and bad weeks: a hidden mood moves all three ratings.
        let mood = 5.0 + 1.2 * synthetic.normal();
        let score = (0..3).map(|_| synthetic.rating(mood)).sum::<f64>() / 3.0;
        let mut words: BTreeMap<String, u32> = BTreeMap::new();
        for _ in 0..40 {
            let n = (synthetic.uniform() * 300.0) as u32;
            *words.entry(format!("word{n}")).or_default() += 1;
        }
        let p = if mood > 5.0 { 0.75 } else { 0.05 };
        if planted && synthetic.uniform() < p {
            *words.entry("mentor".into()).or_default() += 1 + u32::from(synthetic.uniform() < 0.5);
        }
        scores.push((week, score));
        terms.push((week, words));
    }
    (scores, terms)
}

#[test]
fn a_word_planted_in_the_higher_weeks_comes_first() {
    let mut first = 0;
    for run in 0..runs() {
        let (scores, terms) = journal(60_000 + run, true);
        let found = themes(&scores, &terms);
        if found.higher.first().is_some_and(|t| t.term == "mentor") {
            first += 1;
            let theme = &found.higher[0];
            assert!(theme.weeks.len() >= MIN_TERM_WEEKS);
            assert!(theme.weeks.windows(2).all(|w| w[0] < w[1]));
        }
        assert!(
            found.lower.iter().all(|t| t.term != "mentor"),
            "run {run}: never on the wrong side"
        );
    }
    let rate = first as f64 / runs() as f64;
    eprintln!("planted word first among the higher themes: {rate:.3}");
    assert!(rate >= 0.8, "{rate}");
}

#[test]
fn a_journal_without_themes_shows_none_in_most_runs() {
    let mut shown = 0;
    for run in 0..runs() {
        let (scores, terms) = journal(70_000 + run, false);
        let found = themes(&scores, &terms);
        assert_eq!(found.note, None);
        if !found.higher.is_empty() || !found.lower.is_empty() {
            shown += 1;
        }
    }
    let rate = shown as f64 / runs() as f64;
    eprintln!("journals without themes that show one: {rate:.3}");
    assert!(rate <= 0.2, "{rate}");
}

#[test]
fn a_few_weeks_say_not_enough_and_the_words_say_why() {
    let (scores, terms) = journal(5, true);
    let found = themes(&scores[..20], &terms[..20]);
    assert!(found.higher.is_empty() && found.lower.is_empty());
    assert!(found
        .note
        .as_deref()
        .unwrap()
        .starts_with("not enough weeks yet"));
    assert!(themes_words(&found).starts_with("Themes: not enough weeks yet"));
    let none = themes(&scores, &journal(5, false).1);
    let words = themes_words(&none);
    assert!(
        words.contains("more than chance") || words.contains("often mention"),
        "{words}"
    );
}
