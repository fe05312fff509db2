//! Synthetic journals whose truth is known, for the tests of the analysis:
//! weekly integer ratings from 1 to 10 around a chosen level, with
//! normal noise and some weeks missed, from a seeded generator.

use chrono::{Days, NaiveDate};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

/// The noise of a weekly rating around its level (standard deviation).
pub const NOISE: f64 = 1.3;
/// The share of weeks a person misses.
pub const MISSED: f64 = 0.1;

/// A generator of synthetic weeks.
pub struct Synthetic {
    rng: StdRng,
}

impl Synthetic {
    /// A generator for run `seed`.
    pub fn new(seed: u64) -> Synthetic {
        Synthetic {
            rng: StdRng::seed_from_u64(seed),
        }
    }

    /// A standard normal draw (Box-Muller).
    pub fn normal(&mut self) -> f64 {
        let u1: f64 = self.rng.random::<f64>().max(1e-12);
        let u2: f64 = self.rng.random::<f64>();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// A uniform draw in 0..1.
    pub fn uniform(&mut self) -> f64 {
        self.rng.random::<f64>()
    }

    /// One week's rating around `level`: rounded, kept within 1 to 10.
    pub fn rating(&mut self, level: f64) -> f64 {
        (level + NOISE * self.normal()).round().clamp(1.0, 10.0)
    }

    /// `weeks` weeks from `start`, the level given by `level(i)` for week
    /// `i`; missed weeks are left out.
    pub fn series(
        &mut self,
        start: NaiveDate,
        weeks: u64,
        level: impl Fn(u64) -> f64,
    ) -> Vec<(NaiveDate, f64)> {
        (0..weeks)
            .filter_map(|i| {
                let rating = self.rating(level(i));
                (self.uniform() >= MISSED).then(|| (start + Days::new(7 * i), rating))
            })
            .collect()
    }
}

/// Whether the full runs (thousands of journals) were asked for with
/// `TRINE_FULL_STATS=1`; CI runs the short form.
pub fn full_runs() -> bool {
    std::env::var("TRINE_FULL_STATS").is_ok_and(|v| v == "1")
}
