//! Values that break a rule of the journal model.

/// Values that break a rule of the journal model.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    /// A rating was not a whole number from 1 to 10.
    #[error("{field} must be a whole number from 1 to 10, not {value}")]
    RatingOutOfRange {
        /// The rating at fault: `seen`, `known` or `valued`.
        field: &'static str,
        /// The value given.
        value: i64,
    },
    /// A check-in score was not a whole number from 1 to 5.
    #[error("the score for {component} must be a whole number from 1 to 5, not {value}")]
    ScoreOutOfRange {
        /// The component scored.
        component: String,
        /// The value given.
        value: i64,
    },
    /// A tag had no letters or digits left after tidying.
    #[error("tag {0:?} is empty once spaces and '#' are removed")]
    EmptyTag(String),
    /// A date or week could not be read.
    #[error("{field}: {value:?} is not a valid {expected}")]
    BadDate {
        /// The field or option at fault.
        field: &'static str,
        /// The text given.
        value: String,
        /// What was expected, e.g. "date (YYYY-MM-DD)".
        expected: &'static str,
    },
    /// An entry marked private was chosen for a shared export without the
    /// private entries asked for.
    #[error("entry {0} is marked private: include private entries to share it, or leave it out")]
    PrivateEntryChosen(String),
    /// A setting was given a value outside its few choices.
    #[error("{field}: {value:?} is not one of the choices ({expected})")]
    BadChoice {
        /// The field or option at fault.
        field: &'static str,
        /// The text given.
        value: String,
        /// The choices, e.g. "on or off".
        expected: &'static str,
    },
    /// Two sections were given for the same side of the triangle.
    #[error("the {0} side has two sections; give each side at most one")]
    DuplicateSection(&'static str),
    /// A side of the triangle was named that does not exist.
    #[error("{0:?} is not a side of the triangle (developmental, emotional or integration)")]
    UnknownSide(String),
    /// An entry kind was named that does not exist.
    #[error("{0:?} is not a kind of entry (reflection or note)")]
    UnknownKind(String),
    /// A situation was named that does not exist.
    #[error(
        "{0:?} is not a situation; the situations are working, new-role, looking, between, \
         freelance and changing-fields"
    )]
    UnknownSituation(String),
    /// No component has this key.
    #[error("{0:?} is not a component of the triangle")]
    UnknownComponent(String),
    /// No prompt has this id.
    #[error("no prompt has the id {0:?}")]
    UnknownPrompt(String),
    /// An edit gave an answer for a side the reflection does not hold.
    #[error(
        "this reflection has no answer for {} to edit; write one on the week's screen",
        side.label()
    )]
    NoSuchAnswer {
        /// The side named.
        side: crate::model::Side,
    },
    /// Built-in prompts cannot be edited, only archived.
    #[error("{0} is a built-in prompt and cannot be edited; archive it and add your own instead")]
    BuiltinPrompt(String),
    /// A text that must say something was empty.
    #[error("the {0} cannot be empty")]
    EmptyText(&'static str),
    /// The new passphrase was typed differently twice.
    #[error("the two passphrases typed did not match; nothing was changed")]
    PassphraseMismatch,
    /// No new passphrase was given.
    #[error("no new passphrase was given; nothing was changed")]
    NoNewPassphrase,
    /// A note was given a date outside the span Trine keeps.
    #[error(
        "{date} is {}; a note can be dated from {earliest} to a year from today",
        if date < earliest { "too early" } else { "too far ahead" }
    )]
    DateOutOfReach {
        /// The date asked for.
        date: chrono::NaiveDate,
        /// The earliest date allowed.
        earliest: chrono::NaiveDate,
    },
    /// A folder chosen for backups cannot take them.
    #[error("{} cannot take backups: {why}", folder.display())]
    BackupFolder {
        /// The folder chosen.
        folder: std::path::PathBuf,
        /// Why not.
        why: String,
    },
    /// Backups were turned off everywhere.
    #[error("backups need somewhere to go: keep them beside the journal, or choose a folder")]
    NoBackupPlace,
    /// A reflection was given another date.
    #[error(
        "a reflection belongs to its week and keeps its date; write in the week you mean instead"
    )]
    ReflectionDate,
    /// A week already has its reflection.
    #[error("the week of {0} already has a reflection; open it to edit it")]
    ReflectionExists(chrono::NaiveDate),
    /// A follow-up was answered for a week whose previous week planned no
    /// next step.
    #[error(
        "the week before {0} planned no next step, so there is nothing to follow up; \
         write how it went in the note instead"
    )]
    NothingPlanned(chrono::NaiveDate),
    /// A number setting was out of its range.
    #[error("{field} must be from {min} to {max}, not {value}")]
    OutOfRange {
        /// The setting at fault.
        field: &'static str,
        /// The value given.
        value: i64,
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
    },
    /// A search was longer than Trine runs.
    #[error(
        "the search is too long: at most {max_terms} words and {max_chars} characters; \
         shorten it"
    )]
    QueryTooLong {
        /// The most characters.
        max_chars: usize,
        /// The most words, phrases and ORs.
        max_terms: usize,
    },
    /// The full JSON backup was asked for with a selection.
    #[error(
        "the full JSON backup always holds the whole journal and takes no selection; \
         choose JSON Lines to export a selection"
    )]
    BackupTakesNoSelection,
    /// An export, a chart or anything else Trine writes where a person
    /// says was aimed at the journal's own folder, a backups folder, a
    /// folder holding one of them, or a place inside them: writing it would
    /// replace or remove the journal or its backups.
    #[error(
        "{}: Trine does not write there: it is, holds or lies inside {what} ({}), which writing \
         there could replace or remove; nothing was written. Choose a place outside the \
         journal's folder and its backups folders",
        out.display(),
        place.display()
    )]
    OwnPlace {
        /// The place asked for.
        out: std::path::PathBuf,
        /// What it would touch: "the journal's folder", "the journal", "a
        /// backups folder" or "a Trine journal or a backup of one".
        what: &'static str,
        /// That folder or file.
        place: std::path::PathBuf,
    },
}
