//! The situations a person can choose from, for the first run and the
//! Settings screen (the CLI lists the same keys in `trine settings --help`).

use serde::Serialize;
use trine_store::Situation;

/// One situation as the screens offer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SituationChoice {
    /// The stable key (`looking`).
    pub key: &'static str,
    /// How a person says it ("looking for work").
    pub label: &'static str,
    /// Who it is for, in a line.
    pub hint: &'static str,
}

/// Every situation, in the order they are offered.
pub fn situation_choices() -> Vec<SituationChoice> {
    Situation::ALL
        .into_iter()
        .map(|situation| SituationChoice {
            key: situation.as_str(),
            label: situation.label(),
            hint: situation.hint(),
        })
        .collect()
}

/// Where the week's ratings are felt, for their wording, in the first
/// person ("at work", "in my search") and the second ("in your search").
fn ratings_setting(situation: Option<Situation>) -> (&'static str, &'static str) {
    match situation {
        Some(Situation::Working | Situation::NewRole) => ("at work", "at work"),
        Some(Situation::Looking) => ("in my search", "in your search"),
        Some(Situation::Between) => ("in what filled my days", "in what filled your days"),
        Some(Situation::Freelance) => ("in my work", "in your work"),
        Some(Situation::ChangingFields) | None => {
            ("in my work or my search", "in your work or your search")
        }
    }
}

/// The heading over the week's three ratings on the week's screen:
/// "This week at work, how much did I feel…" for a person in a role, "This
/// week, in my search, how much did I feel…" for one looking for work.
pub fn ratings_heading(situation: Option<Situation>) -> String {
    match ratings_setting(situation).0 {
        "at work" => "This week at work, how much did I feel\u{2026}".to_string(),
        setting => format!("This week, {setting}, how much did I feel\u{2026}"),
    }
}

/// The question for one rating (`seen`, `known` or `valued`) as the CLI
/// asks it: "This week, in your search, how seen did you feel?"
pub fn rating_question(situation: Option<Situation>, word: &str) -> String {
    match ratings_setting(situation).1 {
        "at work" => format!("This week at work, how {word} did you feel?"),
        setting => format!("This week, {setting}, how {word} did you feel?"),
    }
}

/// The question for the optional fourth rating, as the CLI asks it.
pub const CONFIDENT_QUESTION: &str = "This week, how confident did you feel in your direction?";

/// Whether to offer the fourth rating (how confident I felt in my
/// direction): for a person in transition (new in a role, looking, between
/// roles or changing fields) who has not chosen yet, on or off.
pub fn offer_confident_rating(situation: Option<Situation>, chosen: bool) -> bool {
    !chosen && situation.is_some_and(|s| s.is_transition())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_situation_is_offered_once_with_its_words() {
        let choices = situation_choices();
        assert_eq!(choices.len(), Situation::ALL.len());
        let keys: std::collections::BTreeSet<_> = choices.iter().map(|c| c.key).collect();
        assert_eq!(keys.len(), choices.len());
        for choice in &choices {
            assert!(choice.key.parse::<Situation>().is_ok(), "{}", choice.key);
            assert!(
                choice.hint.ends_with('.') && choice.label.len() > 5,
                "{choice:?}"
            );
        }
    }

    #[test]
    fn the_confidence_rating_is_offered_in_a_transition_until_chosen() {
        for situation in [
            Situation::NewRole,
            Situation::Looking,
            Situation::Between,
            Situation::ChangingFields,
        ] {
            assert!(
                offer_confident_rating(Some(situation), false),
                "{situation}"
            );
            assert!(
                !offer_confident_rating(Some(situation), true),
                "{situation}"
            );
        }
        assert!(!offer_confident_rating(Some(Situation::Working), false));
        assert!(!offer_confident_rating(Some(Situation::Freelance), false));
        assert!(!offer_confident_rating(None, false));
    }

    #[test]
    fn the_ratings_are_worded_for_where_the_person_is() {
        assert_eq!(
            ratings_heading(Some(Situation::Working)),
            "This week at work, how much did I feel\u{2026}"
        );
        assert_eq!(
            ratings_heading(Some(Situation::Looking)),
            "This week, in my search, how much did I feel\u{2026}"
        );
        assert_eq!(
            rating_question(None, "seen"),
            "This week, in your work or your search, how seen did you feel?"
        );
        for situation in Situation::ALL {
            let heading = ratings_heading(Some(situation));
            assert!(
                heading.starts_with("This week") && heading.ends_with('\u{2026}'),
                "{heading}"
            );
            if !situation.has_workplace() {
                assert!(!heading.contains("at work"), "{situation}: {heading}");
            }
        }
    }
}
