//! The one error shape the webview sees.
//!
//! Every command fails with a [`CommandError`], serialised as
//! `{ "code": "...", "message": "...", "fix": "..." }`. `code` is short and
//! stable, for the UI to branch on (it is `trine_app::Error::code` for core
//! errors); `message` is one user-facing line that says what happened and
//! what to do, in the app's own words (its screens and buttons, never the
//! CLI's flags or commands); `fix`, when there is one, is the core's
//! [`Fix`] for the page to offer as an action (a link to Backups).

use serde::Serialize;
use trine_app::Fix;

/// An error returned to the webview by a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    /// A short, stable code such as `"newer_schema"`.
    pub code: &'static str,
    /// One line for the user.
    pub message: String,
    /// What the person can do, for the page to offer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl CommandError {
    /// An error of the shell's own, with its code and one line for the user.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fix: None,
        }
    }
}

impl From<trine_app::Error> for CommandError {
    fn from(error: trine_app::Error) -> Self {
        let fix = error.fix();
        let mut message = error.to_string();
        if let Some(words) = fix.and_then(app_words) {
            message = format!("{message}. {words}");
        }
        Self {
            code: error.code(),
            message,
            fix,
        }
    }
}

/// The app's sentence for a fix, or `None` when the message says all there
/// is to do or the app offers no such choice (its lists are chosen from,
/// not typed).
pub fn app_words(fix: Fix) -> Option<&'static str> {
    Some(match fix {
        Fix::ChooseAnotherFolder => {
            "Make sure Trine can write to that folder (not a read-only disk, a locked folder or another user's), then open Trine again"
        }
        Fix::FreeDiskSpace => "Free some space on the disk, then try again",
        Fix::GivePassphrase => "Type the journal's passphrase on the lock screen",
        Fix::GiveNewPassphrase => "Type the new passphrase in both boxes",
        Fix::RunIntegrityCheck => {
            "Make a backup now in Backups, so a copy is safe; if the journal turns out damaged, Trine offers the newest good backup when it starts"
        }
        Fix::RestoreBackup => {
            "Restore the newest good backup: Trine offers it when it starts, and Backups lists every copy"
        }
        Fix::TryAgainLater => "Try again when the other Trine is done",
        Fix::RepairSearchIndex => "Take a backup now in Backups: it makes the search index again",
        Fix::RepairDamagedValues => {
            "Take a backup now in Backups: it reads them again first, losing only the damaged bytes"
        }
        Fix::OmitPassphrase => "Open Trine again: the journal opens without a passphrase",
        Fix::UpdateTrine | Fix::ListComponents | Fix::ListPrompts | Fix::ListEntries => return None,
        Fix::GiveTimeFormat => {
            "If the file writes its times another way, give that way in \u{201c}How jrnl writes dates\u{201d}"
        }
    })
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for CommandError {}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use trine_app::backup::BackupError;
    use trine_app::{Error, ImportError, Location, OpenError, StorageError, ValidationError};

    use super::*;

    /// One of every error the core can hand the shell, each variant once.
    /// `variant` below has no wildcard, so a new variant fails to compile
    /// until it is added here.
    fn every_core_error() -> Vec<Error> {
        let path = || PathBuf::from("/home/ada/.local/share/trine/journal.db");
        let io = || std::io::Error::other("permission denied");
        let location = || Location {
            file: PathBuf::from("/home/ada/export.jsonl"),
            line: Some(3),
            record: None,
        };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut all: Vec<Error> = vec![
            OpenError::Folder {
                path: path(),
                source: io(),
            }
            .into(),
            OpenError::NotADatabase { path: path() }.into(),
            OpenError::Encrypted { path: path() }.into(),
            OpenError::WrongPassphrase { path: path() }.into(),
            OpenError::NewerSchema {
                path: path(),
                found: 9,
                supported: 3,
            }
            .into(),
            OpenError::Damaged { path: path() }.into(),
            OpenError::Replaced { path: path() }.into(),
            OpenError::NoDataDir.into(),
            OpenError::NotEncrypted { path: path() }.into(),
            OpenError::LostBackupsAway {
                path: path(),
                folder: "/media/usb/trine".into(),
                missing: true,
            }
            .into(),
            OpenError::Lost {
                path: path(),
                backups: 3,
                missing: false,
            }
            .into(),
            StorageError::WriteRefused {
                path: Some(path()),
                detail: "database or disk is full".into(),
            }
            .into(),
            StorageError::NotWritable {
                path: Some(path()),
                detail: "attempt to write a readonly database".into(),
            }
            .into(),
            StorageError::Busy { path: Some(path()) }.into(),
            StorageError::SearchIndexDamaged { path: Some(path()) }.into(),
            StorageError::DamagedValues {
                path: Some(path()),
                count: Some(2),
            }
            .into(),
            StorageError::Damaged {
                path: Some(path()),
                detail: "database disk image is malformed".into(),
            }
            .into(),
            StorageError::Io {
                path: Some(path()),
                detail: "disk I/O error".into(),
            }
            .into(),
            ImportError::Read {
                file: path(),
                source: io(),
            }
            .into(),
            ImportError::Record {
                location: location(),
                field: Some("datetime".into()),
                message: "expected a date".into(),
            }
            .into(),
            ImportError::NotAFile { file: path() }.into(),
            ImportError::TooLarge {
                file: path(),
                limit: "104 MiB".into(),
            }
            .into(),
            ImportError::TooDeep {
                folder: path(),
                limit: 32,
            }
            .into(),
            ImportError::TooMany {
                folder: path(),
                limit: 200_000,
            }
            .into(),
            ImportError::Stopped.into(),
            ImportError::TimeFormat {
                location: location(),
                format: "%Y-%m-%d %H:%M".into(),
            }
            .into(),
            ImportError::NewerFormat {
                file: path(),
                found: 9,
                supported: 1,
            }
            .into(),
            BackupError::Refused {
                path: path(),
                why: "it is not a Trine journal".into(),
            }
            .into(),
            BackupError::PlaceFailed {
                folder: path(),
                written: path(),
                why: "no space".into(),
            }
            .into(),
            Error::EntryNotFound(uuid::Uuid::nil()),
            Error::NoSuchId("abc".into()),
            Error::AmbiguousId("a".into()),
            Error::File {
                path: path(),
                source: io(),
            },
            Error::Chart("no weeks".into()),
            Error::Database(rusqlite_like_error()),
            Error::Corrupt("a date that is not a date".into()),
        ];
        let invalid = [
            ValidationError::RatingOutOfRange {
                field: "seen",
                value: 11,
            },
            ValidationError::ScoreOutOfRange {
                component: "Voice".into(),
                value: 6,
            },
            ValidationError::EmptyTag("#".into()),
            ValidationError::BadDate {
                field: "date",
                value: "someday".into(),
                expected: "date (YYYY-MM-DD)",
            },
            ValidationError::DuplicateSection("emotional"),
            ValidationError::UnknownSide("social".into()),
            ValidationError::UnknownKind("memo".into()),
            ValidationError::UnknownComponent("voice".into()),
            ValidationError::UnknownPrompt("seen-99".into()),
            ValidationError::NoSuchAnswer {
                side: trine_app::Side::Emotional,
            },
            ValidationError::BuiltinPrompt("seen-01".into()),
            ValidationError::EmptyText("prompt"),
            ValidationError::PassphraseMismatch,
            ValidationError::NoNewPassphrase,
            ValidationError::DateOutOfReach {
                date: day,
                earliest: day,
            },
            ValidationError::BackupFolder {
                folder: path(),
                why: "it is the journal's own folder".into(),
            },
            ValidationError::NoBackupPlace,
            ValidationError::ReflectionDate,
            ValidationError::ReflectionExists(day),
            ValidationError::OutOfRange {
                field: "backups to keep",
                value: 0,
                min: 1,
                max: 100,
            },
            ValidationError::QueryTooLong {
                max_chars: 1000,
                max_terms: 64,
            },
            ValidationError::BackupTakesNoSelection,
            ValidationError::OwnPlace {
                out: "/home/me/.local/share/trine".into(),
                what: "the journal's folder",
                place: "/home/me/.local/share/trine".into(),
            },
            ValidationError::UnknownSituation("retired".into()),
            ValidationError::NothingPlanned(day),
            ValidationError::PrivateEntryChosen("1a2b3c4d".into()),
            ValidationError::BadChoice {
                field: "confidence rating",
                value: "maybe".into(),
                expected: "on or off",
            },
        ];
        all.extend(invalid.into_iter().map(Error::from));
        all
    }

    /// An SQLite error that is none of the storage cases.
    fn rusqlite_like_error() -> rusqlite::Error {
        rusqlite::Error::InvalidQuery
    }

    /// Which variant an error is, numbered; no wildcard arm.
    fn variant(error: &Error) -> usize {
        match error {
            Error::Open(e) => match e {
                OpenError::Folder { .. } => 0,
                OpenError::NotADatabase { .. } => 1,
                OpenError::Encrypted { .. } => 2,
                OpenError::WrongPassphrase { .. } => 3,
                OpenError::NewerSchema { .. } => 4,
                OpenError::Damaged { .. } => 5,
                OpenError::Replaced { .. } => 6,
                OpenError::NoDataDir => 7,
                OpenError::Lost { .. } => 58,
                OpenError::NotEncrypted { .. } => 59,
                OpenError::LostBackupsAway { .. } => 60,
            },
            Error::Storage(e) => match e {
                StorageError::WriteRefused { .. } => 8,
                StorageError::NotWritable { .. } => 9,
                StorageError::Busy { .. } => 10,
                StorageError::Damaged { .. } => 11,
                StorageError::Io { .. } => 12,
                StorageError::SearchIndexDamaged { .. } => 61,
                StorageError::DamagedValues { .. } => 62,
            },
            Error::Import(e) => match e {
                ImportError::Read { .. } => 13,
                ImportError::Record { .. } => 14,
                ImportError::NotAFile { .. } => 15,
                ImportError::TooLarge { .. } => 16,
                ImportError::TooDeep { .. } => 17,
                ImportError::TooMany { .. } => 18,
                ImportError::Stopped => 19,
                ImportError::TimeFormat { .. } => 20,
                ImportError::NewerFormat { .. } => 21,
            },
            Error::Backup(e) => match e {
                BackupError::Refused { .. } => 22,
                BackupError::PlaceFailed { .. } => 23,
            },
            Error::EntryNotFound(_) => 24,
            Error::NoSuchId(_) => 25,
            Error::AmbiguousId(_) => 26,
            Error::File { .. } => 27,
            Error::Chart(_) => 28,
            Error::Database(_) => 29,
            Error::Corrupt(_) => 30,
            Error::Invalid(e) => match e {
                ValidationError::RatingOutOfRange { .. } => 31,
                ValidationError::ScoreOutOfRange { .. } => 32,
                ValidationError::EmptyTag(_) => 33,
                ValidationError::BadDate { .. } => 34,
                ValidationError::DuplicateSection(_) => 35,
                ValidationError::UnknownSide(_) => 36,
                ValidationError::UnknownKind(_) => 37,
                ValidationError::UnknownComponent(_) => 38,
                ValidationError::UnknownPrompt(_) => 39,
                ValidationError::NoSuchAnswer { .. } => 40,
                ValidationError::BuiltinPrompt(_) => 41,
                ValidationError::EmptyText(_) => 42,
                ValidationError::PassphraseMismatch => 43,
                ValidationError::NoNewPassphrase => 44,
                ValidationError::DateOutOfReach { .. } => 45,
                ValidationError::BackupFolder { .. } => 46,
                ValidationError::NoBackupPlace => 47,
                ValidationError::ReflectionDate => 48,
                ValidationError::ReflectionExists(_) => 49,
                ValidationError::OutOfRange { .. } => 50,
                ValidationError::QueryTooLong { .. } => 51,
                ValidationError::BackupTakesNoSelection => 52,
                ValidationError::UnknownSituation(_) => 53,
                ValidationError::NothingPlanned(_) => 54,
                ValidationError::BadChoice { .. } => 55,
                ValidationError::PrivateEntryChosen(_) => 56,
                ValidationError::OwnPlace { .. } => 57,
            },
        }
    }
    const VARIANTS: usize = 63;

    /// What a message in the app must not hold: a CLI flag, an environment
    /// variable, or a `trine` command.
    fn cli_words(message: &str) -> Vec<String> {
        let mut found = Vec::new();
        let words: Vec<&str> = message.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            let bare = word.trim_matches(|c: char| "`'\"(),;:.".contains(c));
            if bare.starts_with("--") && bare.len() > 2 {
                found.push(format!("flag {bare}"));
            }
            if bare.starts_with("TRINE_") {
                found.push(format!("variable {bare}"));
            }
            if bare == "trine" && word.starts_with('`') {
                found.push(format!(
                    "command {}",
                    words[i..]
                        .iter()
                        .take(3)
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
            }
        }
        found
    }

    #[test]
    fn no_message_the_app_shows_names_a_cli_flag_variable_or_command() {
        let errors = every_core_error();
        let seen: std::collections::BTreeSet<usize> = errors.iter().map(variant).collect();
        assert_eq!(seen.len(), VARIANTS, "one error of every variant: {seen:?}");
        for error in errors {
            let shown = CommandError::from(error);
            let found = cli_words(&shown.message);
            assert!(found.is_empty(), "{} names {found:?}", shown.message);
            assert!(!shown.message.is_empty());
        }
        for fix in trine_app::ALL_FIXES {
            if let Some(words) = app_words(fix) {
                assert!(cli_words(words).is_empty(), "{fix:?}: {words}");
            }
        }
        // The check itself sees what it looks for.
        assert_eq!(
            cli_words("set TRINE_DATA_DIR or pass --data-dir, or run `trine check`").len(),
            3
        );
    }

    #[test]
    fn the_fix_reaches_the_page_with_the_apps_words() {
        let shown = CommandError::from(Error::from(OpenError::Damaged {
            path: PathBuf::from("/j/journal.db"),
        }));
        assert_eq!(shown.fix, Some(Fix::RestoreBackup));
        assert!(
            shown.message.contains("Backups lists every copy"),
            "{}",
            shown.message
        );
        let json = serde_json::to_value(&shown).unwrap();
        assert_eq!(json["fix"], "restore_backup");
        assert!(serde_json::to_value(CommandError::new("x", "y"))
            .unwrap()
            .get("fix")
            .is_none());
    }

    /// The shell's own messages (each `CommandError::new(...)`) follow the
    /// same rule.
    #[test]
    fn the_shells_own_messages_name_no_cli_flag_variable_or_command() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/src");
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            // The product's code, not its tests.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for call in code.split("CommandError::new(").skip(1) {
                // The call's arguments: up to its closing parenthesis.
                let mut depth = 1;
                let end = call
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '(' => 1,
                            ')' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .map_or(call.len(), |(i, _)| i);
                for literal in call[..end].split('"').skip(1).step_by(2) {
                    checked += 1;
                    let found = cli_words(literal);
                    assert!(
                        found.is_empty(),
                        "{}: {literal:?} names {found:?}",
                        entry.path().display()
                    );
                }
            }
        }
        assert!(checked >= 12, "the shell's messages were read ({checked})");
    }
}
