//! Small readers shared by the importers.

use trine_store::model::Ratings;

/// Ratings written as `seen: 7`, `known: 5`, `valued: 6` and, when the
/// person rates it, `confident: 6` (any order, any separators); numbers
/// outside 1 to 10 are left as text.
pub(crate) fn ratings_in(text: &str) -> Ratings {
    let lower = text.to_lowercase();
    let find = |name: &str| -> Option<i64> {
        let at = lower.find(&format!("{name}:"))?;
        let rest = lower[at + name.len() + 1..].trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok().filter(|v| (1..=10).contains(v))
    };
    Ratings::checked(find("seen"), find("known"), find("valued"))
        .and_then(|r| r.with_confident(find("confident")))
        .unwrap_or_default()
}
