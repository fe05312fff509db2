//! The built-in triangle and prompt library.
//!
//! `data/library.toml` holds the three sides, the nine components with
//! their descriptions, and the original prompts, each tied to a component.
//! It is compiled into the core and seeded into every journal: a newer
//! library version adds new prompts and components without touching what the
//! person renamed, edited or wrote.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{Side, Situation};

/// The library file, as compiled in.
const LIBRARY_TOML: &str = include_str!("../data/library.toml");

/// The kind of question a prompt asks, so a week's prompts vary.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Angle {
    /// A specific moment of the week.
    Moment,
    /// A pattern noticed over time.
    Pattern,
    /// A person.
    Person,
    /// A small win.
    Win,
    /// What to do next.
    NextStep,
}

impl Angle {
    /// Every angle.
    pub const ALL: [Angle; 5] = [
        Angle::Moment,
        Angle::Pattern,
        Angle::Person,
        Angle::Win,
        Angle::NextStep,
    ];

    /// The name used in files and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Angle::Moment => "moment",
            Angle::Pattern => "pattern",
            Angle::Person => "person",
            Angle::Win => "win",
            Angle::NextStep => "next-step",
        }
    }
}

/// A side of the triangle as the library describes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideDef {
    /// Which side.
    pub key: Side,
    /// Its name.
    pub name: String,
    /// What it is about, in a sentence or two.
    pub description: String,
}

/// A component of the triangle as the library describes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentDef {
    /// A stable key, e.g. `feeling_seen`.
    pub key: String,
    /// The side it belongs to.
    pub side: Side,
    /// Its name.
    pub name: String,
    /// What it is about, in a sentence or two.
    pub description: String,
}

/// A built-in prompt.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromptDef {
    /// A stable id, e.g. `seen-04`.
    pub id: String,
    /// The component it belongs to.
    pub component: String,
    /// The kind of question.
    pub angle: Angle,
    /// The question.
    pub text: String,
    /// An optional follow-up nudge.
    #[serde(default)]
    pub hint: Option<String>,
    /// The situations the prompt fits, when the library names them; see
    /// [`PromptDef::fits`].
    #[serde(default)]
    pub situations: Option<Vec<Situation>>,
}

/// Words that place a prompt in a workplace with others (a manager, a
/// team, "at work"): such a prompt fits only a person in a role.
pub const WORKPLACE_WORDS: [&str; 21] = [
    "manager",
    "managers",
    "boss",
    "bosses",
    "coworker",
    "coworkers",
    "co-worker",
    "co-workers",
    "colleague",
    "colleagues",
    "team",
    "teams",
    "direct report",
    "direct reports",
    "stand-up",
    "stand-ups",
    "one-on-one",
    "one-on-ones",
    "at work",
    "your job",
    "your jobs",
];

/// Whether `text` names a workplace with others ([`WORKPLACE_WORDS`]), as
/// whole words.
pub fn mentions_workplace(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    WORKPLACE_WORDS
        .iter()
        .any(|w| joined.contains(&format!(" {w} ")))
}

impl PromptDef {
    /// The situations the prompt fits: those the library names, or, when it
    /// names none, a person in a role only if the prompt or its hint names a
    /// workplace ([`mentions_workplace`]), and everyone otherwise.
    pub fn fits(&self) -> Vec<Situation> {
        if let Some(named) = &self.situations {
            return named.clone();
        }
        let text = format!("{} {}", self.text, self.hint.as_deref().unwrap_or_default());
        if mentions_workplace(&text) {
            vec![Situation::Working, Situation::NewRole]
        } else {
            Situation::ALL.to_vec()
        }
    }
}

/// The whole built-in library.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    /// Raised whenever prompts or components are added.
    pub library_version: u32,
    /// The three sides.
    #[serde(rename = "side")]
    pub sides: Vec<SideDef>,
    /// The nine components.
    #[serde(rename = "component")]
    pub components: Vec<ComponentDef>,
    /// The prompts.
    #[serde(rename = "prompt")]
    pub prompts: Vec<PromptDef>,
    /// Prompts the library no longer offers (a near-duplicate rewritten, a
    /// question replaced). Journals keep them, marked retired, so that old
    /// entries still show the question they answered; their ids are never
    /// used again.
    #[serde(rename = "retired", default)]
    pub retired: Vec<PromptDef>,
}

impl Library {
    /// Reads and checks a library file.
    pub fn parse(text: &str) -> Result<Library, String> {
        let library: Library = toml::from_str(text).map_err(|e| e.to_string())?;
        library.check()?;
        Ok(library)
    }

    /// Checks the library's own rules: every side once, components on known
    /// sides, unique ids (a retired id included), every prompt on a known
    /// component.
    pub fn check(&self) -> Result<(), String> {
        let sides: HashSet<Side> = self.sides.iter().map(|s| s.key).collect();
        if sides.len() != 3 || self.sides.len() != 3 {
            return Err("the library must describe each of the three sides once".into());
        }
        let mut keys = HashSet::new();
        for component in &self.components {
            if !keys.insert(component.key.as_str()) {
                return Err(format!("component {} is listed twice", component.key));
            }
        }
        let mut ids = HashSet::new();
        for retired in &self.retired {
            if !ids.insert(retired.id.as_str()) {
                return Err(format!("retired prompt {} is listed twice", retired.id));
            }
            if !keys.contains(retired.component.as_str()) {
                return Err(format!(
                    "retired prompt {} names an unknown component {}",
                    retired.id, retired.component
                ));
            }
        }
        for prompt in &self.prompts {
            if !ids.insert(prompt.id.as_str()) {
                return Err(format!(
                    "prompt {} is listed twice (a retired id is never used again)",
                    prompt.id
                ));
            }
            if !keys.contains(prompt.component.as_str()) {
                return Err(format!(
                    "prompt {} names an unknown component {}",
                    prompt.id, prompt.component
                ));
            }
            let text = format!(
                "{} {}",
                prompt.text,
                prompt.hint.as_deref().unwrap_or_default()
            );
            let fits = prompt.fits();
            if fits.is_empty() {
                return Err(format!("prompt {} fits no situation", prompt.id));
            }
            if mentions_workplace(&text) && fits.iter().any(|s| !s.has_workplace()) {
                return Err(format!(
                    "prompt {} names a workplace, so it fits only working and new-role",
                    prompt.id
                ));
            }
        }
        Ok(())
    }

    /// The prompts of each component, by component key.
    pub fn prompts_by_component(&self) -> BTreeMap<&str, Vec<&PromptDef>> {
        let mut map: BTreeMap<&str, Vec<&PromptDef>> = BTreeMap::new();
        for prompt in &self.prompts {
            map.entry(prompt.component.as_str())
                .or_default()
                .push(prompt);
        }
        map
    }
}

/// The version of the library compiled into this build, read from its
/// `library_version` line without parsing the rest: every start compares
/// it with the journal's, and the whole library is parsed only when the
/// journal needs seeding (a new journal, or a newer library).
pub fn builtin_version() -> u32 {
    static VERSION: OnceLock<u32> = OnceLock::new();
    *VERSION.get_or_init(|| {
        LIBRARY_TOML
            .lines()
            .find_map(|line| {
                line.strip_prefix("library_version")
                    .and_then(|rest| rest.trim().strip_prefix('='))
                    .and_then(|n| n.trim().parse().ok())
            })
            .unwrap_or_else(|| builtin().library_version)
    })
}

/// The library compiled into this build.
pub fn builtin() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        Library::parse(LIBRARY_TOML).expect("the built-in library is valid (tested)")
    })
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashSet};

    use super::*;

    #[test]
    fn the_quick_version_is_the_parsed_one() {
        assert_eq!(builtin_version(), builtin().library_version);
    }

    fn words(text: &str) -> Vec<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn fnv1a64(text: &str) -> u64 {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    }

    #[test]
    fn the_builtin_library_parses_and_has_three_sides_and_nine_components() {
        let library = builtin();
        assert_eq!(library.sides.len(), 3);
        assert_eq!(library.components.len(), 9);
        for side in Side::ALL {
            let n = library.components.iter().filter(|c| c.side == side).count();
            assert_eq!(n, 3, "three components on the {side} side");
        }
        for component in &library.components {
            assert!(
                !component.description.trim().is_empty(),
                "{} has a description",
                component.key
            );
        }
    }

    #[test]
    fn every_component_has_at_least_twelve_varied_prompts() {
        let by_component = builtin().prompts_by_component();
        assert_eq!(by_component.len(), 9);
        for (component, prompts) in by_component {
            assert!(
                prompts.len() >= 12,
                "{component} has {} prompts",
                prompts.len()
            );
            let angles: BTreeSet<Angle> = prompts.iter().map(|p| p.angle).collect();
            assert_eq!(
                angles.len(),
                Angle::ALL.len(),
                "{component} uses every angle"
            );
        }
    }

    #[test]
    fn prompts_are_short_enough_to_answer_in_a_few_minutes() {
        for prompt in &builtin().prompts {
            let n = words(&prompt.text).len();
            assert!((6..=30).contains(&n), "{}: {n} words", prompt.id);
            assert!(
                prompt.text.trim().ends_with('?') || prompt.text.trim().ends_with('.'),
                "{}",
                prompt.id
            );
            if let Some(hint) = &prompt.hint {
                assert!(words(hint).len() <= 25, "{}: hint too long", prompt.id);
            }
        }
    }

    #[test]
    fn no_two_prompts_are_near_duplicates() {
        // Jaccard similarity of the sets of meaningful words (longer than
        // three letters); 0.6 or more reads as the same question.
        let sets: Vec<(&str, HashSet<String>)> = builtin()
            .prompts
            .iter()
            .map(|p| {
                (
                    p.id.as_str(),
                    words(&p.text).into_iter().filter(|w| w.len() > 3).collect(),
                )
            })
            .collect();
        for (i, (a, wa)) in sets.iter().enumerate() {
            for (b, wb) in &sets[i + 1..] {
                let shared = wa.intersection(wb).count() as f64;
                let union = wa.union(wb).count() as f64;
                assert!(
                    shared / union < 0.6,
                    "{a} and {b} are too alike ({:.2})",
                    shared / union
                );
            }
        }
    }

    #[test]
    fn no_prompt_shares_eight_words_in_a_row_with_the_seed_articles() {
        let seed_runs: HashSet<u64> = include_str!("../tests/fixtures/seed-shingles.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| u64::from_str_radix(l, 16).expect("hex"))
            .collect();
        assert!(seed_runs.len() > 1000, "the seed fingerprint is loaded");
        let library = builtin();
        let texts = library
            .prompts
            .iter()
            .flat_map(|p| {
                std::iter::once((&p.id, &p.text)).chain(p.hint.as_ref().map(|h| (&p.id, h)))
            })
            .chain(library.components.iter().map(|c| (&c.key, &c.description)));
        for (id, text) in texts {
            let w = words(text);
            for run in w.windows(8) {
                assert!(
                    !seed_runs.contains(&fnv1a64(&run.join(" "))),
                    "{id} copies the seeds: {:?}",
                    run.join(" ")
                );
            }
        }
    }

    #[test]
    fn openers_vary() {
        let mut openers: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for prompt in &builtin().prompts {
            let opening = prompt
                .text
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            openers.entry(opening).or_default().push(&prompt.id);
        }
        for (opening, ids) in openers {
            assert!(ids.len() <= 3, "{ids:?} all open with {opening:?}");
        }
    }

    /// A prompt that asks about something that may not have happened this
    /// week ("Was there a moment...", "When did you...") has a hint with a
    /// way out for the week it did not: a sentence starting with "If".
    #[test]
    fn a_prompt_that_presumes_an_event_offers_a_way_out() {
        const PRESUMING: [&str; 11] = [
            "was there",
            "when did",
            "think of a",
            "who did",
            "whom did",
            "who in",
            "what did someone",
            "where did you",
            "recall",
            "describe a",
            "name one time",
        ];
        // These ask for a comparison or a choice that every week holds
        // ("where was it easy, and where hard?"), so they presume nothing.
        const ALWAYS_ANSWERABLE: [&str; 6] = [
            "confidence-05",
            "seen-04",
            "values-03",
            "voice-04",
            "voice-07",
            "voice-19",
        ];
        let mut checked = 0;
        for prompt in &builtin().prompts {
            let text = prompt.text.to_lowercase();
            if !PRESUMING.iter().any(|p| text.starts_with(p))
                || ALWAYS_ANSWERABLE.contains(&prompt.id.as_str())
            {
                continue;
            }
            checked += 1;
            let hint = prompt.hint.as_deref().unwrap_or_default();
            let way_out = hint.starts_with("If ")
                || [". If ", "? If ", "! If "].iter().any(|s| hint.contains(s));
            assert!(
                way_out,
                "{} presumes an event but its hint offers no way out: {hint:?}",
                prompt.id
            );
        }
        assert!(checked >= 30, "only {checked} prompts were checked");
    }

    /// The near-duplicates a careful read found (the same question in other
    /// words) stay retired: each group keeps one prompt on offer.
    #[test]
    fn the_near_duplicates_found_by_reading_stay_retired() {
        const GROUPS: [&[&str]; 20] = [
            &["identity-01", "seen-03"],
            &["regulation-01", "regulation-14"],
            &["regulation-09", "regulation-11"],
            &["regulation-02", "regulation-06"],
            &["confidence-02", "confidence-06"],
            &["confidence-10", "seen-11"],
            &["seen-02", "valued-03"],
            &["seen-09", "valued-09", "seen-11"],
            &["known-12", "known-13"],
            &["valued-04", "valued-12"],
            &["values-04", "values-09", "values-14"],
            &["values-05", "values-06"],
            &["values-03", "values-10"],
            &["known-03", "voice-03"],
            &["identity-03", "voice-05"],
            &["valued-10", "community-11"],
            &["community-07", "community-10"],
            &["community-02", "community-04"],
            &["voice-11", "voice-14"],
            &["confidence-09", "voice-06", "voice-13"],
        ];
        let library = builtin();
        let offered: HashSet<&str> = library.prompts.iter().map(|p| p.id.as_str()).collect();
        let retired: HashSet<&str> = library.retired.iter().map(|p| p.id.as_str()).collect();
        for group in GROUPS {
            let on_offer: Vec<&&str> = group.iter().filter(|id| offered.contains(**id)).collect();
            assert_eq!(on_offer.len(), 1, "{group:?}: {on_offer:?} are all offered");
            for id in group.iter().filter(|id| !offered.contains(**id)) {
                assert!(retired.contains(id), "{id} is kept among the retired");
            }
        }
    }

    #[test]
    fn a_broken_library_is_refused_with_the_reason() {
        let err = Library::parse("library_version = 1\nside = []\ncomponent = []\nprompt = []")
            .unwrap_err();
        assert!(err.contains("three sides"), "{err}");
        let mut library = builtin().clone();
        library.prompts.push(library.prompts[0].clone());
        assert!(library.check().unwrap_err().contains("twice"));
        library.prompts.pop();
        library.prompts[0].component = "nowhere".into();
        assert!(library.check().unwrap_err().contains("unknown component"));
    }

    #[test]
    fn a_prompt_about_a_workplace_fits_only_a_person_in_a_role() {
        assert!(mentions_workplace("What did your manager notice?"));
        assert!(mentions_workplace("At work this week, who helped?"));
        assert!(mentions_workplace(
            "Before the stand-up, what did you want to say?"
        ));
        assert!(!mentions_workplace(
            "Which teammate of your past would you call?"
        ));
        for prompt in &builtin().prompts {
            let text = format!(
                "{} {}",
                prompt.text,
                prompt.hint.as_deref().unwrap_or_default()
            );
            if mentions_workplace(&text) {
                assert!(
                    prompt.fits().iter().all(|s| s.has_workplace()),
                    "{} names a workplace but fits {:?}",
                    prompt.id,
                    prompt.fits()
                );
            }
        }
        let mut broken = builtin().clone();
        let first = broken
            .prompts
            .iter_mut()
            .find(|p| mentions_workplace(&p.text))
            .expect("a prompt about a workplace");
        first.situations = Some(vec![crate::model::Situation::Looking]);
        let err = broken.check().unwrap_err();
        assert!(err.contains("names a workplace"), "{err}");
    }

    #[test]
    fn every_component_has_at_least_ten_prompts_for_every_situation() {
        for (component, prompts) in builtin().prompts_by_component() {
            for situation in crate::model::Situation::ALL {
                let fitting = prompts
                    .iter()
                    .filter(|p| p.fits().contains(&situation))
                    .count();
                assert!(
                    fitting >= 10,
                    "{component} has {fitting} prompts for a person {}",
                    situation.label()
                );
            }
        }
    }
}
