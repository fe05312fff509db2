//! Themes: the words and tags that go with a person's higher weeks and
//! with their lower ones.
//!
//! # Method
//!
//! The rated weeks are ranked by their score (the mean of the week's
//! ratings): the top third are the higher weeks, the bottom third the
//! lower ones; the middle third (and weeks tied at a boundary) take no
//! side, so that an ordinary week does not blur the contrast.
//! Each term's use in the two groups is compared by the weighted log-odds
//! ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn,
//! "Fightin' Words: Lexical Feature Selection and Evaluation for
//! Identifying the Content of Political Conflict", Political Analysis 16,
//! 2008, section 3.5): the prior for a term is its share of all the words,
//! scaled to [`PRIOR_WORDS`] pseudo-words, which keeps rare words from
//! looking decisive; each term gets a z-score, positive when it leans to
//! the higher weeks.
//!
//! A journal holds hundreds of terms, so some would lean one way by
//! chance. A term is shown only when its z-score is beyond what the
//! largest z-score reaches when the weeks' labels are shuffled: the
//! max-T permutation method (Westfall and Young, "Resampling-Based
//! Multiple Testing", Wiley 1993), with [`PERMUTATIONS`] shuffles and a
//! family-wise error of [`ALPHA`], so a journal where no word goes with
//! better or worse weeks shows no theme in about 95 runs out of 100.
//! Before any of that, there must be [`MIN_GROUP_WEEKS`] weeks with words
//! on each side, and a term must occur [`MIN_TERM_COUNT`] times in at
//! least [`MIN_TERM_WEEKS`] weeks of its side.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rand::seq::SliceRandom;
use serde::Serialize;

use crate::seeded::{fnv1a, generator, FNV_OFFSET};

/// Weeks with words needed in each third (so three times as many rated
/// weeks with words in all).
pub const MIN_GROUP_WEEKS: usize = 8;
/// The fewest weeks of its side a theme must come from.
pub const MIN_TERM_WEEKS: usize = 3;
/// The fewest times a theme's term must occur in all.
pub const MIN_TERM_COUNT: u32 = 5;
/// The weight of the prior, in pseudo-words.
pub const PRIOR_WORDS: f64 = 100.0;
/// Shuffles of the weeks' labels that set the bar.
pub const PERMUTATIONS: usize = 99;
/// The chance that a journal without real themes shows one.
pub const ALPHA: f64 = 0.05;
/// The most themes shown on each side.
pub const MAX_THEMES: usize = 6;

/// One theme: a word (or `#tag`) and the weeks it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Theme {
    /// The word, or a tag as `#tag`.
    pub term: String,
    /// The first days of the weeks of its side that use it, oldest first.
    pub weeks: Vec<NaiveDate>,
    /// Its z-score (how far it leans to its side), rounded to 0.01.
    pub score: f64,
}

/// The themes of a range of weeks.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Themes {
    /// Terms that go with the higher weeks, strongest first.
    pub higher: Vec<Theme>,
    /// Terms that go with the lower weeks, strongest first.
    pub lower: Vec<Theme>,
    /// Why there are none, when there are too few weeks to look.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The themes of the weeks scored in `scores` (a week's mean rating),
/// from their `terms` (each week's term counts).
pub fn themes(scores: &[(NaiveDate, f64)], terms: &[(NaiveDate, BTreeMap<String, u32>)]) -> Themes {
    let by_week: HashMap<NaiveDate, &BTreeMap<String, u32>> =
        terms.iter().map(|(w, t)| (*w, t)).collect();
    let mut weeks: Vec<(NaiveDate, f64, &BTreeMap<String, u32>)> = scores
        .iter()
        .filter_map(|(w, s)| by_week.get(w).map(|t| (*w, *s, *t)))
        .filter(|(_, _, t)| !t.is_empty())
        .collect();
    weeks.sort_by_key(|(w, _, _)| *w);
    let not_enough = |have: usize| Themes {
        note: Some(format!(
            "not enough weeks yet: themes need {} rated weeks with words, and there are {have}",
            3 * MIN_GROUP_WEEKS
        )),
        ..Themes::default()
    };
    let mut sorted: Vec<f64> = weeks.iter().map(|(_, s, _)| *s).collect();
    sorted.sort_by(f64::total_cmp);
    if sorted.len() < 3 * MIN_GROUP_WEEKS {
        return not_enough(sorted.len());
    }
    // Higher (true): the top third; lower (false): the bottom third; the
    // middle third, and weeks tied at a boundary, take no side.
    let (low_bar, high_bar) = (
        sorted[sorted.len() / 3 - 1],
        sorted[sorted.len() - sorted.len() / 3],
    );
    let sides: Vec<(usize, bool)> = weeks
        .iter()
        .enumerate()
        .filter_map(|(i, (_, s, _))| {
            if *s >= high_bar && *s > low_bar {
                Some((i, true))
            } else if *s <= low_bar && *s < high_bar {
                Some((i, false))
            } else {
                None
            }
        })
        .collect();
    let higher = sides.iter().filter(|(_, h)| *h).count();
    let lower = sides.len() - higher;
    if higher.min(lower) < MIN_GROUP_WEEKS {
        // Many weeks tied at the boundaries.
        return not_enough(higher.min(lower) * 3);
    }

    // Terms as numbers, and each week's counts by number.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let week_counts: Vec<Vec<(usize, u32)>> = weeks
        .iter()
        .map(|(_, _, t)| {
            t.iter()
                .map(|(term, count)| {
                    let id = *ids.entry(term.as_str()).or_insert_with(|| {
                        names.push(term.as_str());
                        names.len() - 1
                    });
                    (id, *count)
                })
                .collect()
        })
        .collect();
    let mut total = vec![0u32; names.len()];
    for (i, _) in &sides {
        for (id, count) in &week_counts[*i] {
            total[*id] += count;
        }
    }
    let all_words: f64 = total.iter().map(|c| f64::from(*c)).sum();
    let candidates: Vec<usize> = (0..names.len())
        .filter(|id| total[*id] >= MIN_TERM_COUNT)
        .collect();
    if candidates.is_empty() || all_words == 0.0 {
        return Themes::default();
    }
    let prior: Vec<f64> = total
        .iter()
        .map(|c| PRIOR_WORDS * f64::from(*c) / all_words)
        .collect();

    let scores_for = |labels: &[bool]| -> Vec<f64> {
        let mut high = vec![0u32; names.len()];
        let mut low = vec![0u32; names.len()];
        let (mut n_high, mut n_low) = (0.0, 0.0);
        for ((i, _), is_high) in sides.iter().zip(labels) {
            for (id, count) in &week_counts[*i] {
                if *is_high {
                    high[*id] += count;
                    n_high += f64::from(*count);
                } else {
                    low[*id] += count;
                    n_low += f64::from(*count);
                }
            }
        }
        candidates
            .iter()
            .map(|&id| {
                let a = prior[id];
                let (yh, yl) = (f64::from(high[id]), f64::from(low[id]));
                let log_odds = |y: f64, n: f64| ((y + a) / (n + PRIOR_WORDS - y - a)).ln();
                let delta = log_odds(yh, n_high) - log_odds(yl, n_low);
                delta / (1.0 / (yh + a) + 1.0 / (yl + a)).sqrt()
            })
            .collect()
    };
    let labels: Vec<bool> = sides.iter().map(|(_, h)| *h).collect();
    let observed = scores_for(&labels);

    // The bar: how far the largest z-score reaches with shuffled labels.
    let mut rng = generator(seed(&weeks));
    let mut shuffled = labels.clone();
    let mut maxima: Vec<f64> = (0..PERMUTATIONS)
        .map(|_| {
            shuffled.shuffle(&mut rng);
            scores_for(&shuffled)
                .into_iter()
                .map(f64::abs)
                .fold(0.0, f64::max)
        })
        .collect();
    maxima.sort_by(f64::total_cmp);
    let at = ((1.0 - ALPHA) * (PERMUTATIONS + 1) as f64).ceil() as usize - 1;
    let bar = maxima[at.min(maxima.len() - 1)];

    let theme = |index: usize, high: bool| -> Option<Theme> {
        let id = candidates[index];
        let z = observed[index];
        let leans = if high { z > bar } else { -z > bar };
        if !leans {
            return None;
        }
        let from: Vec<NaiveDate> = sides
            .iter()
            .filter(|(i, h)| *h == high && week_counts[*i].iter().any(|(t, _)| *t == id))
            .map(|(i, _)| weeks[*i].0)
            .collect();
        (from.len() >= MIN_TERM_WEEKS).then(|| Theme {
            term: names[id].to_string(),
            weeks: from,
            score: (z.abs() * 100.0).round() / 100.0,
        })
    };
    let pick = |high: bool| {
        let mut found: Vec<Theme> = (0..candidates.len())
            .filter_map(|i| theme(i, high))
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.term.cmp(&b.term)));
        found.truncate(MAX_THEMES);
        found
    };
    Themes {
        higher: pick(true),
        lower: pick(false),
        note: None,
    }
}

/// A seed from the weeks and their scores, so the same journal always
/// shows the same themes.
fn seed(weeks: &[(NaiveDate, f64, &BTreeMap<String, u32>)]) -> u64 {
    weeks.iter().fold(FNV_OFFSET, |hash, (week, score, terms)| {
        fnv1a(
            hash,
            week.to_string()
                .bytes()
                .chain(score.to_bits().to_le_bytes())
                .chain((terms.len() as u64).to_le_bytes()),
        )
    })
}

/// The themes in a sentence or two, for the screens, the CLI and the
/// report.
pub fn themes_words(themes: &Themes) -> String {
    if let Some(note) = &themes.note {
        return format!("Themes: {note}.");
    }
    let list = |found: &[Theme]| {
        found
            .iter()
            .map(|t| format!("\u{201c}{}\u{201d} ({} weeks)", t.term, t.weeks.len()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (themes.higher.is_empty(), themes.lower.is_empty()) {
        (true, true) => {
            "Themes: no word or tag goes with your higher or lower weeks more than chance would."
                .into()
        }
        (false, true) => format!("Your higher weeks often mention {}.", list(&themes.higher)),
        (true, false) => format!("Your lower weeks often mention {}.", list(&themes.lower)),
        (false, false) => format!(
            "Your higher weeks often mention {}; your lower weeks, {}.",
            list(&themes.higher),
            list(&themes.lower)
        ),
    }
}

#[cfg(test)]
mod tests;
