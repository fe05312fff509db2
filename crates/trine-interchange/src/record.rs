//! The JSON shape of an entry, shared by the JSON export, JSON Lines import
//! and export, and the CLI's `--json` output. README.md documents it.

use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use super::moments::{Day, Moment};

use trine_store::error::ValidationError;
use trine_store::model::{Entry, EntryKind, FollowUp, NewEntry, Ratings, Section};
use trine_store::store::import::ImportItem;
use trine_store::{ImportError, Location};

/// The three ratings as numbers, any of them absent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingsRecord {
    /// How seen I felt, 1 to 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<i64>,
    /// How known I felt, 1 to 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known: Option<i64>,
    /// How valued I felt, 1 to 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valued: Option<i64>,
    /// How confident I felt in my direction, 1 to 10 (the optional fourth
    /// rating).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confident: Option<i64>,
}

/// Follow-through as JSON: `{"planned": "...", "answer": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpRecord {
    /// The step as it was planned the week before.
    pub planned: String,
    /// How it went (may be empty).
    #[serde(default)]
    pub answer: String,
}

/// An entry as JSON. On output every field is present except those marked
/// optional below; on input only a date (`datetime` or `date`) is required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRecord {
    /// The entry's UUID; on import, any other string or a whole number is
    /// kept as the source id.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "string_or_number"
    )]
    pub id: Option<String>,
    /// `reflection` or `note` (a note when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntryKind>,
    /// The local date written, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    /// The local time written, RFC 3339 with its UTC offset (on import, also
    /// without seconds, with a space, or without an offset: local time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datetime: Option<Moment>,
    /// The first day of the week the entry belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week: Option<Day>,
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The free text, Markdown.
    #[serde(default)]
    pub body: String,
    /// One section per side answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Kept out of shared exports.
    #[serde(default)]
    pub private: bool,
    /// Self-ratings, 1 to 10 (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratings: Option<RatingsRecord>,
    /// A reflection's follow-through on last week's planned step: the
    /// step as planned and how it went (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUpRecord>,
    /// Last changed, RFC 3339 (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Moment>,
    /// In the bin since, RFC 3339 (only in full backups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<Moment>,
    /// The id the entry had in the journal it was imported from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
}

impl From<&Entry> for EntryRecord {
    fn from(entry: &Entry) -> Self {
        let r = entry.ratings;
        EntryRecord {
            id: Some(entry.id.to_string()),
            kind: Some(entry.kind),
            date: Some(Day(entry.date())),
            datetime: Some(entry.created.into()),
            week: Some(Day(entry.week_start)),
            title: entry.title.clone(),
            body: entry.body.clone(),
            sections: entry.sections.clone(),
            tags: entry.tags.clone(),
            private: entry.private,
            ratings: (!r.is_empty()).then(|| RatingsRecord {
                seen: r.seen.map(|v| i64::from(v.get())),
                known: r.known.map(|v| i64::from(v.get())),
                valued: r.valued.map(|v| i64::from(v.get())),
                confident: r.confident.map(|v| i64::from(v.get())),
            }),
            follow_up: entry.follow_up.as_ref().map(|f| FollowUpRecord {
                planned: f.planned.clone(),
                answer: f.answer.clone(),
            }),
            updated: Some(entry.updated.into()),
            deleted: entry.deleted.map(Moment::from),
            source_id: entry.source_id.clone(),
        }
    }
}

/// Where a problem in a record is: the field's path, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field, e.g. `ratings.seen`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl EntryRecord {
    /// Checks the record and turns it into an entry to write. `local_offset`
    /// gives the offset for a bare `date` (placed at noon) when `datetime` is absent.
    pub fn into_new_entry(
        self,
        offset_at: trine_store::time::OffsetAt<'_>,
    ) -> Result<NewEntry, FieldProblem> {
        let problem = |field: &str, e: ValidationError| FieldProblem {
            field: field.to_string(),
            message: e.to_string(),
        };
        let created = match (self.datetime, self.date) {
            (Some(datetime), Some(Day(date))) if datetime.date() != date => {
                return Err(FieldProblem {
                    field: "date".into(),
                    message: format!("{date} does not match datetime {datetime}"),
                })
            }
            (Some(datetime), _) => datetime.resolve(offset_at),
            (None, Some(Day(date))) => {
                Moment::Local(date.and_time(super::moments::noon())).resolve(offset_at)
            }
            (None, None) => {
                return Err(FieldProblem {
                    field: "date".into(),
                    message: format!(
                        "missing: give `datetime` ({}) or `date` ({})",
                        super::moments::DATETIME_FORMS,
                        super::moments::DATE_FORMS
                    ),
                })
            }
        };
        let ratings = match self.ratings {
            None => Ratings::default(),
            Some(r) => Ratings::checked(r.seen, r.known, r.valued)
                .and_then(|ratings| ratings.with_confident(r.confident))
                .map_err(|e| match &e {
                    ValidationError::RatingOutOfRange { field, .. } => {
                        problem(&format!("ratings.{field}"), e.clone())
                    }
                    _ => problem("ratings", e.clone()),
                })?,
        };
        let tags =
            trine_store::model::normalize_tags(&self.tags).map_err(|e| problem("tags", e))?;
        let sections = trine_store::model::normalize_sections(self.sections)
            .map_err(|e| problem("sections", e))?;
        let (id, source_id) = match self.id {
            Some(text) => match Uuid::parse_str(&text) {
                Ok(uuid) => (Some(uuid), self.source_id),
                Err(_) => (None, self.source_id.or(Some(text))),
            },
            None => (None, self.source_id),
        };
        Ok(NewEntry {
            id,
            kind: self.kind,
            week_start: self.week.map(|d| d.0),
            title: self.title,
            body: self.body,
            sections,
            tags,
            private: self.private,
            ratings,
            follow_up: self.follow_up.map(|f| FollowUp {
                planned: f.planned,
                answer: f.answer,
            }),
            created: Some(created),
            updated: self.updated.map(|m| m.resolve(offset_at)),
            deleted: self.deleted.map(|m| m.resolve(offset_at)),
            source_id,
        })
    }
}

/// An id written as text or as a whole number (as people's own scripts
/// number their entries); kept as text.
fn string_or_number<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    struct IdVisitor;
    impl<'v> serde::de::Visitor<'v> for IdVisitor {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("text or a whole number")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Err(E::custom(format!(
                "{v} is not a whole number; an id is text or a whole number"
            )))
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<S: Deserializer<'v>>(self, d: S) -> Result<Self::Value, S::Error> {
            d.deserialize_any(IdVisitor)
        }
    }
    deserializer.deserialize_any(IdVisitor)
}

/// Checks a record read at `location` and makes it an entry to import,
/// naming the location and field of any fault.
pub fn checked_item(
    record: EntryRecord,
    location: Location,
    offset_at: trine_store::time::OffsetAt<'_>,
) -> std::result::Result<ImportItem, ImportError> {
    match record.into_new_entry(offset_at) {
        Ok(entry) => Ok(ImportItem { location, entry }),
        Err(problem) => Err(ImportError::Record {
            location,
            field: Some(problem.field),
            message: problem.message,
        }),
    }
}
