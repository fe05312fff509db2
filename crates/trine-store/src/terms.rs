//! The terms of an entry, for the themes: the words that carry meaning
//! (lower-cased, at least three letters, not a stop word, not a number)
//! and its tags (as `#tag`). Markdown marks fall away with the other
//! punctuation.

use std::collections::BTreeMap;

use crate::model::Entry;

/// Common English words that say nothing about a week on their own. Trine's
/// own list; words shorter than three letters are dropped anyway.
pub const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "always",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "aren't",
    "around",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "came",
    "can",
    "can't",
    "cannot",
    "come",
    "could",
    "couldn't",
    "did",
    "didn't",
    "does",
    "doesn't",
    "doing",
    "don't",
    "done",
    "down",
    "during",
    "each",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "get",
    "gets",
    "getting",
    "got",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "into",
    "isn't",
    "it's",
    "its",
    "itself",
    "just",
    "let",
    "like",
    "made",
    "make",
    "many",
    "may",
    "maybe",
    "more",
    "most",
    "much",
    "must",
    "myself",
    "never",
    "next",
    "nor",
    "not",
    "now",
    "off",
    "once",
    "one",
    "only",
    "onto",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "quite",
    "rather",
    "really",
    "said",
    "same",
    "say",
    "see",
    "she",
    "should",
    "shouldn't",
    "since",
    "some",
    "something",
    "still",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they're",
    "thing",
    "things",
    "this",
    "those",
    "though",
    "through",
    "too",
    "under",
    "until",
    "upon",
    "very",
    "was",
    "wasn't",
    "way",
    "week",
    "well",
    "went",
    "were",
    "weren't",
    "what",
    "what's",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "wouldn't",
    "yes",
    "yet",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// The meaningful words of `text`, lower-cased, in order.
pub fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| {
            w.trim_matches(|c| c == '\'' || c == '\u{2019}')
                .replace('\u{2019}', "'")
                .to_lowercase()
        })
        .filter(|w| {
            w.chars().count() >= 3
                && w.chars().any(char::is_alphabetic)
                && STOP_WORDS.binary_search(&w.as_str()).is_err()
        })
}

/// Adds `entry`'s terms to `counts`: each meaningful word of its title,
/// body, answers and follow-up, and each tag once as `#tag`.
pub fn add_terms(entry: &Entry, counts: &mut BTreeMap<String, u32>) {
    let mut add = |text: &str| {
        for word in words_of(text) {
            *counts.entry(word).or_default() += 1;
        }
    };
    add(&entry.title);
    add(&entry.full_text());
    for tag in &entry.tags {
        *counts.entry(format!("#{tag}")).or_default() += 1;
    }
}

/// Writes counts as stored: one `term<TAB>count` line each.
pub(crate) fn encode(counts: &BTreeMap<String, u32>) -> String {
    let mut out = String::new();
    for (term, count) in counts {
        out.push_str(term);
        out.push('\t');
        out.push_str(&count.to_string());
        out.push('\n');
    }
    out
}

/// Reads counts as stored; a line that does not read is skipped.
pub(crate) fn decode(text: &str) -> BTreeMap<String, u32> {
    text.lines()
        .filter_map(|line| {
            let (term, count) = line.split_once('\t')?;
            Some((term.to_string(), count.parse().ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stop_words_are_sorted_for_searching() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS, "sorted, without repeats");
    }

    #[test]
    fn words_are_lower_cased_without_marks_stop_words_or_numbers() {
        let words: Vec<String> = words_of(
            "**Asked** my mentor about the *lead* role — it's 2026; Mentor’s advice: wait.",
        )
        .collect();
        assert_eq!(
            words,
            ["asked", "mentor", "lead", "role", "mentor's", "advice", "wait"]
        );
    }

    #[test]
    fn counts_survive_being_stored() {
        let mut counts = BTreeMap::new();
        counts.insert("mentor".to_string(), 3);
        counts.insert("#career change".to_string(), 1);
        assert_eq!(decode(&encode(&counts)), counts);
    }
}
