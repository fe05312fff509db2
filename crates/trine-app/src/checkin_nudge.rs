//! The gentle monthly nudge to check in again: the check-in is where a
//! person sees their confidence (and the other eight components) move, and
//! it only moves if it is taken now and then.

use chrono::NaiveDate;
use serde::Serialize;

/// How many days after a check-in the nudge appears: about a month.
pub const NUDGE_AFTER_DAYS: i64 = 28;

/// The nudge, when the latest check-in (taken on `latest`) is a month old or
/// more; none without a check-in (the first is asked for in the first run
/// and on the Check-in screen) or when it is recent.
pub fn checkin_nudge(latest: Option<NaiveDate>, today: NaiveDate) -> Option<String> {
    let days = (today - latest?).num_days();
    if days < NUDGE_AFTER_DAYS {
        return None;
    }
    let weeks = days / 7;
    let ago = if weeks >= 8 {
        format!("about {} months", (days as f64 / 30.4).round() as i64)
    } else {
        format!("{weeks} weeks")
    };
    Some(format!(
        "It has been {ago} since your last check-in. A new one takes a few minutes and shows what has moved."
    ))
}

/// One step of the check-in's 1 to 5 scale and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScaleStep {
    /// 1 to 5.
    pub score: u8,
    /// "fine as it is" … "needs most work".
    pub words: &'static str,
}

/// The check-in scale, 1 to 5, each with its meaning.
pub fn checkin_scale() -> Vec<ScaleStep> {
    (1..=5)
        .map(|score| ScaleStep {
            score,
            words: trine_charts::score_words(score),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_nudge_comes_a_month_after_the_latest_check_in() {
        let today = day("2026-12-05");
        assert_eq!(checkin_nudge(None, today), None, "no check-in yet");
        assert_eq!(checkin_nudge(Some(day("2026-11-20")), today), None);
        assert_eq!(
            checkin_nudge(Some(day("2026-11-08")), today),
            None,
            "27 days"
        );
        let month = checkin_nudge(Some(day("2026-11-07")), today).unwrap();
        assert!(month.contains("It has been 4 weeks since"), "{month}");
        let long = checkin_nudge(Some(day("2026-06-01")), today).unwrap();
        assert!(long.contains("about 6 months since"), "{long}");
    }

    #[test]
    fn the_scale_says_what_each_score_means() {
        let scale = checkin_scale();
        assert_eq!(scale.len(), 5);
        assert_eq!(scale[0].words, "fine as it is");
        assert_eq!(scale[4].words, "needs most work");
    }
}
