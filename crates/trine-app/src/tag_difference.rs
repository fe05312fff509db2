//! Tag comparisons that say when there is no difference: do a person's
//! weeks with a tag (an interview, a conflict, a course) rate higher or
//! lower than their other weeks, by more than the week-to-week noise?
//!
//! # Method
//!
//! A permutation test of the difference in means (Good, "Permutation,
//! Parametric and Bootstrap Tests of Hypotheses", 3rd ed., Springer 2005,
//! chapter 3): the weeks' values are shuffled between "with the tag" and
//! "without" [`PERMUTATIONS`] times, and the share of shuffles whose
//! difference is at least as large (either way) as the real one is the
//! p-value. If the tag made no difference, the real split would be one
//! shuffle among many. A difference counts when the p-value is below
//! [`ALPHA`] divided by the number of ratings compared for the tag (a
//! Bonferroni correction), so a tag with no effect is called higher or
//! lower on any of its ratings at most [`ALPHA`] of the time. Otherwise,
//! "no clear difference"; with fewer than [`MIN_TAG_WEEKS`] weeks on
//! either side, "not enough data". The weeks counted are always given.

use rand::seq::SliceRandom;
use serde::Serialize;

use crate::seeded::{bytes_of, fnv1a, generator, FNV_OFFSET};

/// Rated weeks needed with the tag and without it.
pub const MIN_TAG_WEEKS: usize = 4;
/// How many shuffles test a difference.
pub const PERMUTATIONS: usize = 999;
/// The false-alarm rate allowed for a tag, over all its ratings.
pub const ALPHA: f64 = 0.05;

/// Whether a tag's weeks stand apart for one rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Difference {
    /// Higher with the tag, beyond the noise.
    #[serde(rename = "higher")]
    Higher,
    /// Lower with the tag, beyond the noise.
    #[serde(rename = "lower")]
    Lower,
    /// Within the week-to-week noise.
    #[serde(rename = "no clear difference")]
    NoClearDifference,
    /// Too few weeks on one side to tell.
    #[serde(rename = "not enough data")]
    NotEnoughData,
}

impl Difference {
    /// The words the screens and the CLI use.
    pub fn as_str(self) -> &'static str {
        match self {
            Difference::Higher => "higher",
            Difference::Lower => "lower",
            Difference::NoClearDifference => "no clear difference",
            Difference::NotEnoughData => "not enough data",
        }
    }
}

/// One rating compared between a tag's weeks and the others.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RatingDifference {
    /// Higher, lower, no clear difference or not enough data.
    pub difference: Difference,
    /// The mean over weeks with the tag, when there are any.
    pub with: Option<f64>,
    /// The mean over the other rated weeks, when there are any.
    pub without: Option<f64>,
    /// Rated weeks with the tag.
    pub weeks_with: usize,
    /// Rated weeks without it.
    pub weeks_without: usize,
}

/// Compares `with` (a tag's weekly values) against `without` (the other
/// weeks'), as one of `tests` ratings compared for the same tag.
pub fn compare(with: &[f64], without: &[f64], tests: usize) -> RatingDifference {
    let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    let mut result = RatingDifference {
        difference: Difference::NotEnoughData,
        with: mean(with),
        without: mean(without),
        weeks_with: with.len(),
        weeks_without: without.len(),
    };
    if with.len() < MIN_TAG_WEEKS || without.len() < MIN_TAG_WEEKS {
        return result;
    }
    let observed = result.with.unwrap_or_default() - result.without.unwrap_or_default();
    let alpha = ALPHA / tests.max(1) as f64;
    result.difference = if stands_out(with, without, observed.abs(), alpha) {
        if observed > 0.0 {
            Difference::Higher
        } else {
            Difference::Lower
        }
    } else {
        Difference::NoClearDifference
    };
    result
}

/// Whether a difference of `observed` (in absolute value) between the two
/// groups' means is rarer than `alpha` among shuffles of their weeks.
fn stands_out(with: &[f64], without: &[f64], observed: f64, alpha: f64) -> bool {
    let mut pooled: Vec<f64> = with.iter().chain(without).copied().collect();
    // Seeded by the values and the group size: the same weeks, the same answer.
    let mut rng = generator(fnv1a(FNV_OFFSET ^ with.len() as u64, bytes_of(&pooled)));
    let total: f64 = pooled.iter().sum();
    let (k, n) = (with.len(), pooled.len());
    // p = (1 + at least as large) / (1 + shuffles) < alpha.
    let allowed = (alpha * (PERMUTATIONS + 1) as f64).ceil() as usize - 1;
    let mut as_large = 0;
    for _ in 0..PERMUTATIONS {
        pooled.shuffle(&mut rng);
        let group: f64 = pooled[..k].iter().sum();
        let difference = group / k as f64 - (total - group) / (n - k) as f64;
        if difference.abs() >= observed - 1e-9 {
            as_large += 1;
            if as_large >= allowed {
                return false;
            }
        }
    }
    true
}

/// One tag's comparison in words: "Weeks tagged “interview” (9 with it,
/// 40 without): seen higher (6.8 against 5.1); known and valued no clear
/// difference." `ratings` pairs each rating's name with its result.
pub fn difference_words(tag: &str, ratings: &[(&str, RatingDifference)]) -> String {
    let Some((_, first)) = ratings.first() else {
        return String::new();
    };
    let counted = format!(
        "Weeks tagged \u{201c}{tag}\u{201d} ({} with it, {} without)",
        first.weeks_with, first.weeks_without
    );
    if ratings
        .iter()
        .all(|(_, r)| r.difference == Difference::NotEnoughData)
    {
        return format!("{counted}: not enough weeks on both sides to compare yet.");
    }
    let standing: Vec<String> = ratings
        .iter()
        .filter(|(_, r)| matches!(r.difference, Difference::Higher | Difference::Lower))
        .map(|(name, r)| {
            format!(
                "{name} {} ({:.1} against {:.1})",
                r.difference.as_str(),
                r.with.unwrap_or_default(),
                r.without.unwrap_or_default()
            )
        })
        .collect();
    let quiet: Vec<&str> = ratings
        .iter()
        .filter(|(_, r)| !matches!(r.difference, Difference::Higher | Difference::Lower))
        .map(|(name, _)| *name)
        .collect();
    if standing.is_empty() {
        return format!("{counted}: no clear difference from the other weeks in any rating.");
    }
    let mut text = format!("{counted}: {}", standing.join("; "));
    if !quiet.is_empty() {
        text.push_str(&format!("; {} no clear difference", join_and(&quiet)));
    }
    text.push('.');
    text
}

/// "a", "a and b", "a, b and c".
fn join_and(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::{full_runs, Synthetic};

    fn runs() -> u64 {
        if full_runs() {
            2000
        } else {
            150
        }
    }

    /// Of `runs()` one-year journals with 12 tagged weeks whose level is
    /// `effect` above the others' 5: the share where any of three
    /// ratings (each with the effect) is called in the effect's direction
    /// (`effect` non-zero), or called at all (`effect` zero).
    fn called_rate(effect: f64, seed: u64) -> f64 {
        let mut called = 0;
        for run in 0..runs() {
            let mut synthetic = Synthetic::new(seed + run);
            let mut any = false;
            for _rating in 0..3 {
                let (mut with, mut without) = (Vec::new(), Vec::new());
                for week in 0..52u64 {
                    if synthetic.uniform() < crate::synthetic::MISSED {
                        continue;
                    }
                    let tagged = week % 4 == 1;
                    let level = 5.0 + if tagged { effect } else { 0.0 };
                    let value = synthetic.rating(level);
                    if tagged {
                        with.push(value);
                    } else {
                        without.push(value);
                    }
                }
                let result = compare(&with, &without, 3);
                let right = match result.difference {
                    Difference::Higher => effect >= 0.0,
                    Difference::Lower => effect <= 0.0,
                    _ => false,
                };
                any |= right;
            }
            if any {
                called += 1;
            }
        }
        called as f64 / runs() as f64
    }

    #[test]
    fn a_planted_two_point_effect_is_called() {
        for effect in [2.0, -2.0] {
            let rate = called_rate(effect, 40_000);
            eprintln!("tag effect {effect:+}: called {rate:.3}");
            assert!(rate >= 0.80, "{effect}: {rate}");
        }
    }

    #[test]
    fn a_tag_with_no_effect_is_seldom_called() {
        let rate = called_rate(0.0, 50_000);
        eprintln!("tag without effect: called on some rating {rate:.3}");
        assert!(rate <= 0.10, "{rate}");
    }

    #[test]
    fn the_words_name_what_stands_out_and_count_the_weeks() {
        let higher = RatingDifference {
            difference: Difference::Higher,
            with: Some(6.8),
            without: Some(5.1),
            weeks_with: 9,
            weeks_without: 40,
        };
        let quiet = RatingDifference {
            difference: Difference::NoClearDifference,
            ..higher
        };
        assert_eq!(
            difference_words("interview", &[("seen", higher), ("known", quiet), ("valued", quiet)]),
            "Weeks tagged \u{201c}interview\u{201d} (9 with it, 40 without): seen higher (6.8 against 5.1); known and valued no clear difference."
        );
        assert_eq!(
            difference_words("gym", &[("seen", quiet), ("known", quiet), ("valued", quiet)]),
            "Weeks tagged \u{201c}gym\u{201d} (9 with it, 40 without): no clear difference from the other weeks in any rating."
        );
    }

    #[test]
    fn too_few_weeks_say_so_and_count_the_weeks() {
        let result = compare(&[7.0, 8.0, 7.0], &[5.0; 20], 3);
        assert_eq!(result.difference, Difference::NotEnoughData);
        assert_eq!((result.weeks_with, result.weeks_without), (3, 20));
        assert_eq!(result.with, Some(22.0 / 3.0));
        let same = compare(&[5.0, 6.0, 5.0, 6.0], &[6.0, 5.0, 6.0, 5.0, 5.0, 6.0], 1);
        assert_eq!(same.difference, Difference::NoClearDifference);
    }
}
