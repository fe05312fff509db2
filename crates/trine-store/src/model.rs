//! The journal's data model: entries, their sections, tags and ratings.
//!
//! These types are what every other part of Trine passes around. They hold
//! already-validated values: a [`Rating`] is always 1 to 10 and a tag is
//! always in its tidy form, so code that receives them need not check again.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::ValidationError;

/// What sort of entry this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// The weekly reflection: one per week, a section per side of the triangle.
    Reflection,
    /// Free writing, any time.
    Note,
}

impl EntryKind {
    /// The name stored in the database and used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Reflection => "reflection",
            EntryKind::Note => "note",
        }
    }
}

impl FromStr for EntryKind {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "reflection" => Ok(EntryKind::Reflection),
            "note" => Ok(EntryKind::Note),
            _ => Err(ValidationError::UnknownKind(s.to_string())),
        }
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a person is in their working life now. The weekly prompts and the
/// ratings' wording follow it, and its history marks the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Situation {
    /// Working in a role.
    Working,
    /// New in a role: its first months.
    NewRole,
    /// Looking for work.
    Looking,
    /// Between roles: caregiving, study, leave, health, a sabbatical.
    Between,
    /// Self-employed or freelance.
    Freelance,
    /// Changing fields.
    ChangingFields,
}

impl Situation {
    /// Every situation, in the order they are offered.
    pub const ALL: [Situation; 6] = [
        Situation::Working,
        Situation::NewRole,
        Situation::Looking,
        Situation::Between,
        Situation::Freelance,
        Situation::ChangingFields,
    ];

    /// The stable key: `working`, `new-role`, `looking`, `between`,
    /// `freelance`, `changing-fields`.
    pub fn as_str(self) -> &'static str {
        match self {
            Situation::Working => "working",
            Situation::NewRole => "new-role",
            Situation::Looking => "looking",
            Situation::Between => "between",
            Situation::Freelance => "freelance",
            Situation::ChangingFields => "changing-fields",
        }
    }

    /// How a person would say it: "looking for work".
    pub fn label(self) -> &'static str {
        match self {
            Situation::Working => "working in a role",
            Situation::NewRole => "new in a role",
            Situation::Looking => "looking for work",
            Situation::Between => "between roles",
            Situation::Freelance => "self-employed or freelance",
            Situation::ChangingFields => "changing fields",
        }
    }

    /// A line that says who the situation is for, for the one choosing it.
    pub fn hint(self) -> &'static str {
        match self {
            Situation::Working => "In a role, past its first months.",
            Situation::NewRole => "The first months in a role that is new to you.",
            Situation::Looking => "Searching for your next role, after a layoff or by choice.",
            Situation::Between => {
                "Time away from paid work: caregiving, study, leave, health or a sabbatical."
            }
            Situation::Freelance => "Working for yourself, with clients rather than an employer.",
            Situation::ChangingFields => {
                "Moving into a different line of work: retraining, or finding the way in."
            }
        }
    }

    /// Whether the person has a job with colleagues around them (a role,
    /// new or not): prompts about a manager, a team or "at work" fit only
    /// these.
    pub fn has_workplace(self) -> bool {
        matches!(self, Situation::Working | Situation::NewRole)
    }

    /// Whether the person is in a career transition (new in a role,
    /// looking, between roles, changing fields): Trine then offers the
    /// weekly confidence rating.
    pub fn is_transition(self) -> bool {
        matches!(
            self,
            Situation::NewRole
                | Situation::Looking
                | Situation::Between
                | Situation::ChangingFields
        )
    }
}

impl FromStr for Situation {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Situation::ALL
            .into_iter()
            .find(|situation| situation.as_str() == key)
            .ok_or_else(|| ValidationError::UnknownSituation(s.to_string()))
    }
}

impl fmt::Display for Situation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A side of the career-belonging triangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Developmental needs: identity, self-regulation, self-confidence.
    Developmental,
    /// Emotional needs: feeling seen, known and valued.
    Emotional,
    /// Integration needs: the glue between the other two sides.
    Integration,
}

impl Side {
    /// The three sides in their usual order.
    pub const ALL: [Side; 3] = [Side::Developmental, Side::Emotional, Side::Integration];

    /// The short name used in the database, files and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Developmental => "developmental",
            Side::Emotional => "emotional",
            Side::Integration => "integration",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Side::Developmental => "Developmental needs",
            Side::Emotional => "Emotional needs",
            Side::Integration => "Integration needs",
        }
    }
}

impl FromStr for Side {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Side::ALL
            .into_iter()
            .find(|side| side.as_str() == lower || side.label().to_ascii_lowercase() == lower)
            .ok_or_else(|| ValidationError::UnknownSide(s.to_string()))
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A self-rating from 1 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Rating(u8);

impl Rating {
    /// Checks that `value` is 1 to 10; `field` names it in the error.
    pub fn new(field: &'static str, value: i64) -> Result<Rating, ValidationError> {
        if (1..=10).contains(&value) {
            Ok(Rating(value as u8))
        } else {
            Err(ValidationError::RatingOutOfRange { field, value })
        }
    }

    /// The rating as a number.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// This week, how seen, known and valued I felt, and (when the person
/// turned it on) how confident in my direction. Each is optional: a draft
/// may have some and not others, and most notes have none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Ratings {
    /// How seen I felt: noticed for who I am and what I do.
    pub seen: Option<Rating>,
    /// How known I felt: understood for what I care about and how I work.
    pub known: Option<Rating>,
    /// How valued I felt: my contribution recognised in the way that matters to me.
    pub valued: Option<Rating>,
    /// How confident I felt in my direction: the optional fourth rating,
    /// for a person in transition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confident: Option<Rating>,
}

impl Ratings {
    /// Builds ratings from raw numbers, checking each is 1 to 10.
    pub fn checked(
        seen: Option<i64>,
        known: Option<i64>,
        valued: Option<i64>,
    ) -> Result<Ratings, ValidationError> {
        Ok(Ratings {
            seen: seen.map(|v| Rating::new("seen", v)).transpose()?,
            known: known.map(|v| Rating::new("known", v)).transpose()?,
            valued: valued.map(|v| Rating::new("valued", v)).transpose()?,
            confident: None,
        })
    }

    /// The same ratings with the confidence rating set from a raw number,
    /// checked to be 1 to 10.
    pub fn with_confident(self, confident: Option<i64>) -> Result<Ratings, ValidationError> {
        Ok(Ratings {
            confident: confident.map(|v| Rating::new("confident", v)).transpose()?,
            ..self
        })
    }

    /// Each rating by its name (`seen`, `known`, `valued`, `confident`), in
    /// that order, set or not.
    pub fn named(&self) -> [(&'static str, Option<Rating>); 4] {
        [
            ("seen", self.seen),
            ("known", self.known),
            ("valued", self.valued),
            ("confident", self.confident),
        ]
    }

    /// True when none of the ratings is set.
    pub fn is_empty(&self) -> bool {
        self.seen.is_none()
            && self.known.is_none()
            && self.valued.is_none()
            && self.confident.is_none()
    }
}

/// One side's part of a weekly reflection: the prompt answered and the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Which side of the triangle this section is for.
    pub side: Side,
    /// The id of the prompt it answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<String>,
    /// The answer, in Markdown.
    pub text: String,
}

/// Follow-through: the next step last week's reflection planned, brought
/// back in this week's, and how it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The step as it was planned (last week's answer to a next-step prompt).
    pub planned: String,
    /// How it went, in the person's words; may be empty while unanswered.
    pub answer: String,
}

/// An entry as stored in the journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable identity, kept across export and import.
    pub id: Uuid,
    /// Reflection or note.
    pub kind: EntryKind,
    /// The first day of the week the entry belongs to, fixed when it is
    /// written so that changing the first day of the week moves nothing.
    pub week_start: NaiveDate,
    /// A short title; may be empty.
    pub title: String,
    /// The free text, in Markdown.
    pub body: String,
    /// At most one section per side, in side order.
    pub sections: Vec<Section>,
    /// Tidy tags, sorted and without repeats.
    pub tags: Vec<String>,
    /// Left out of shared exports unless asked for.
    pub private: bool,
    /// The optional self-ratings.
    pub ratings: Ratings,
    /// A reflection's follow-through on last week's planned step, if any.
    pub follow_up: Option<FollowUp>,
    /// When it was written, with the writer's UTC offset at the time.
    pub created: DateTime<FixedOffset>,
    /// When it was last changed, with the UTC offset at the time.
    pub updated: DateTime<FixedOffset>,
    /// When it was deleted, if it is in the bin (undelete brings it back).
    pub deleted: Option<DateTime<FixedOffset>>,
    /// The id it had in the journal it was imported from, if any.
    pub source_id: Option<String>,
}

impl Entry {
    /// The calendar date the entry was written on, in the writer's time zone then.
    pub fn date(&self) -> NaiveDate {
        self.created.date_naive()
    }

    /// The section for `side`, if the entry has one.
    pub fn section(&self, side: Side) -> Option<&Section> {
        self.sections.iter().find(|s| s.side == side)
    }

    /// All the text of the entry (body and sections), for counting words and
    /// comparing content.
    pub fn full_text(&self) -> String {
        let mut text = self.body.clone();
        for section in &self.sections {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&section.text);
        }
        if let Some(follow_up) = self.follow_up.as_ref().filter(|f| !f.answer.is_empty()) {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&follow_up.answer);
        }
        text
    }
}

/// What is needed to write a new entry. Unset times mean "now".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewEntry {
    /// Use this id instead of a new one (imports keep their ids).
    pub id: Option<Uuid>,
    /// Reflection or note; a note when unset.
    pub kind: Option<EntryKind>,
    /// The week it belongs to; computed from `created` when unset.
    pub week_start: Option<NaiveDate>,
    /// A short title.
    pub title: String,
    /// Free text in Markdown.
    pub body: String,
    /// The sections, at most one per side.
    pub sections: Vec<Section>,
    /// Tags as typed; they are tidied on save.
    pub tags: Vec<String>,
    /// Keep out of shared exports.
    pub private: bool,
    /// Optional self-ratings.
    pub ratings: Ratings,
    /// A reflection's follow-through on last week's planned step.
    pub follow_up: Option<FollowUp>,
    /// When it was written; now when unset.
    pub created: Option<DateTime<FixedOffset>>,
    /// When it was last changed; equal to `created` when unset.
    pub updated: Option<DateTime<FixedOffset>>,
    /// Deleted at this time (only imports of a full backup set this).
    pub deleted: Option<DateTime<FixedOffset>>,
    /// The id it had in the journal it came from.
    pub source_id: Option<String>,
}

impl NewEntry {
    /// A free note with a title and a body, written now.
    pub fn note(title: impl Into<String>, body: impl Into<String>) -> NewEntry {
        NewEntry {
            kind: Some(EntryKind::Note),
            title: title.into(),
            body: body.into(),
            ..NewEntry::default()
        }
    }

    /// An empty weekly reflection for the week starting `week_start`.
    pub fn reflection(week_start: NaiveDate) -> NewEntry {
        NewEntry {
            kind: Some(EntryKind::Reflection),
            week_start: Some(week_start),
            ..NewEntry::default()
        }
    }
}

/// Changes to an existing entry: each `Some` replaces that part.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EntryEdit {
    /// New title.
    pub title: Option<String>,
    /// New body.
    pub body: Option<String>,
    /// New sections (replacing all of them).
    pub sections: Option<Vec<Section>>,
    /// New tags (replacing all of them), as typed.
    pub tags: Option<Vec<String>>,
    /// New private flag.
    pub private: Option<bool>,
    /// New ratings (replacing all of them).
    pub ratings: Option<Ratings>,
    /// New follow-through (`Some(None)` removes it).
    pub follow_up: Option<Option<FollowUp>>,
    /// Another date for a note (backdating): the note keeps its time of
    /// day, in the local time of the new date. Refused for a reflection,
    /// which belongs to its week.
    pub date: Option<chrono::NaiveDate>,
}

/// The earliest year an entry may be dated (imported or moved): a
/// mistyped year (0206 for 2026) would otherwise stretch every chart,
/// calendar and report over centuries.
pub const EARLIEST_YEAR: i32 = 1900;

/// Tidies a tag as typed: trims it, drops a leading `#`, lower-cases it and
/// joins inner spaces with `-`. `#Career Change ` becomes `career-change`.
pub fn normalize_tag(raw: &str) -> Result<String, ValidationError> {
    let trimmed = raw.trim().trim_start_matches('#').trim();
    let tidy = trimmed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase();
    if tidy.chars().any(char::is_alphanumeric) {
        Ok(tidy)
    } else {
        Err(ValidationError::EmptyTag(raw.to_string()))
    }
}

/// Tidies a list of tags: each normalised, sorted, repeats removed.
pub fn normalize_tags<I, S>(raw: I) -> Result<Vec<String>, ValidationError>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut tags = raw
        .into_iter()
        .map(|t| normalize_tag(t.as_ref()))
        .collect::<Result<Vec<_>, _>>()?;
    tags.sort();
    tags.dedup();
    Ok(tags)
}

/// Checks sections (at most one per side) and puts them in side order.
pub fn normalize_sections(mut sections: Vec<Section>) -> Result<Vec<Section>, ValidationError> {
    sections.sort_by_key(|s| s.side);
    if let Some(pair) = sections.windows(2).find(|w| w[0].side == w[1].side) {
        return Err(ValidationError::DuplicateSection(pair[0].side.as_str()));
    }
    Ok(sections)
}

/// "the week of 5 March 2025": how a week is named in titles and labels.
pub fn week_label(week: NaiveDate) -> String {
    format!("the week of {}", week.format("%-d %B %Y"))
}

/// The title to show for an entry: its own, or for an untitled one
/// "Reflection, the week of 23 November 2026" or "Untitled note".
pub fn display_title(entry: &Entry) -> String {
    if !entry.title.trim().is_empty() {
        return entry.title.clone();
    }
    match entry.kind {
        EntryKind::Reflection => format!("Reflection, {}", week_label(entry.week_start)),
        EntryKind::Note => "Untitled note".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_outside_one_to_ten_are_refused_naming_the_field() {
        assert_eq!(Rating::new("seen", 1).unwrap().get(), 1);
        assert_eq!(Rating::new("seen", 10).unwrap().get(), 10);
        let err = Ratings::checked(Some(5), Some(11), None).unwrap_err();
        assert_eq!(
            err,
            ValidationError::RatingOutOfRange {
                field: "known",
                value: 11
            }
        );
        assert!(
            err.to_string().contains("known"),
            "message names the field: {err}"
        );
        assert!(Ratings::checked(Some(0), None, None).is_err());
        assert!(Ratings::checked(None, None, Some(-3)).is_err());
    }

    #[test]
    fn tags_are_tidied_sorted_and_deduplicated() {
        assert_eq!(normalize_tag("#Career Change ").unwrap(), "career-change");
        assert_eq!(
            normalize_tags(["b", "A", "#a", "Été"]).unwrap(),
            vec!["a", "b", "été"]
        );
        assert!(matches!(
            normalize_tag(" # "),
            Err(ValidationError::EmptyTag(_))
        ));
    }

    #[test]
    fn sides_and_kinds_parse_from_names_and_labels() {
        assert_eq!("Emotional".parse::<Side>().unwrap(), Side::Emotional);
        assert_eq!(
            "integration needs".parse::<Side>().unwrap(),
            Side::Integration
        );
        assert!("social".parse::<Side>().is_err());
        assert_eq!("NOTE".parse::<EntryKind>().unwrap(), EntryKind::Note);
        assert!("diary".parse::<EntryKind>().is_err());
    }

    #[test]
    fn a_side_cannot_have_two_sections() {
        let s = |side| Section {
            side,
            prompt_id: None,
            text: "x".into(),
        };
        let sorted =
            normalize_sections(vec![s(Side::Integration), s(Side::Developmental)]).unwrap();
        assert_eq!(sorted[0].side, Side::Developmental);
        assert_eq!(
            normalize_sections(vec![s(Side::Emotional), s(Side::Emotional)]).unwrap_err(),
            ValidationError::DuplicateSection("emotional")
        );
    }
}
