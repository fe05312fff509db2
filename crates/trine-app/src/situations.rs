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
}
