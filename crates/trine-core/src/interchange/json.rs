//! The full JSON backup: every entry (private and deleted ones too), every
//! check-in and the settings, with a format version. Exporting and then
//! importing into an empty journal gives back the same journal.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::import::{ImportItem, ImportSet};
use super::record::EntryRecord;
use super::{atomic, ImportError, Location};
use crate::error::{Error, Result};
use crate::store::{CheckIn, Journal, ListQuery};
use crate::time;

/// The `format` field of a Trine JSON export.
pub const JSON_FORMAT: &str = "trine-journal";
/// The newest JSON export format version this build writes and reads.
pub const JSON_FORMAT_VERSION: u32 = 1;

/// A whole journal as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalDocument {
    /// Always [`JSON_FORMAT`].
    pub format: String,
    /// The format version, [`JSON_FORMAT_VERSION`] when written by this build.
    pub version: u32,
    /// When the export was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported: Option<DateTime<FixedOffset>>,
    /// Every entry, oldest first.
    #[serde(default)]
    pub entries: Vec<EntryRecord>,
    /// Every check-in, oldest first.
    #[serde(default)]
    pub checkins: Vec<CheckIn>,
    /// The journal's settings.
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
}

impl Journal {
    /// The whole journal as a [`JournalDocument`].
    pub fn to_document(&self) -> Result<JournalDocument> {
        let mut entries = self.list(&ListQuery::default())?;
        entries.extend(self.list(&ListQuery {
            deleted: true,
            ..ListQuery::default()
        })?);
        entries.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
        let mut checkins = self.checkins()?;
        checkins.reverse();
        Ok(JournalDocument {
            format: JSON_FORMAT.to_string(),
            version: JSON_FORMAT_VERSION,
            exported: Some(time::now()),
            entries: entries.iter().map(EntryRecord::from).collect(),
            checkins,
            settings: self.all_settings()?,
        })
    }
}

/// Writes the full JSON backup of `journal` to `path`. Returns the number
/// of entries written.
pub fn export_json(journal: &Journal, path: &Path) -> Result<usize> {
    let doc = journal.to_document()?;
    atomic::write_file(path, |out| {
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
        out.write_all(b"\n")
    })?;
    Ok(doc.entries.len())
}

/// Reads a Trine JSON export (or a bare JSON array of entry records) and
/// checks every record. Fails on the first fault, naming line and field.
pub fn read_json(path: &Path, offset_at: crate::time::OffsetAt<'_>) -> Result<ImportSet> {
    let text = super::limits::ImportBudget::default().read_file(path)?;
    let text = text.trim_start_matches('\u{feff}');
    let located = |line: usize| Location {
        file: path.to_path_buf(),
        line: Some(line),
        record: None,
    };
    let doc: JournalDocument = if text.trim_start().starts_with('[') {
        let entries: Vec<EntryRecord> = parse(text, &located)?;
        JournalDocument {
            format: JSON_FORMAT.into(),
            version: JSON_FORMAT_VERSION,
            exported: None,
            entries,
            checkins: Vec::new(),
            settings: BTreeMap::new(),
        }
    } else {
        // Check the format and version before the shape of the rest.
        let head: serde_json::Value = parse(text, &located)?;
        let format = head.get("format").and_then(|f| f.as_str());
        if format != Some(JSON_FORMAT) {
            return Err(ImportError::Record {
                location: located(1),
                field: Some("format".into()),
                message: format!(
                    "expected \"{JSON_FORMAT}\", found {}; is this a Trine export?",
                    format.map_or("nothing".to_string(), |f| format!("{f:?}"))
                ),
            }
            .into());
        }
        let version = head.get("version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
        if version > JSON_FORMAT_VERSION {
            return Err(ImportError::NewerFormat {
                file: path.to_path_buf(),
                found: version,
                supported: JSON_FORMAT_VERSION,
            }
            .into());
        }
        parse(text, &located)?
    };
    let mut set = ImportSet {
        checkins: doc.checkins,
        settings: doc.settings,
        ..ImportSet::default()
    };
    for (index, record) in doc.entries.into_iter().enumerate() {
        let location = Location {
            file: path.to_path_buf(),
            line: None,
            record: Some(index + 1),
        };
        set.entries
            .push(ImportItem::checked(record, location, offset_at)?);
    }
    Ok(set)
}

/// Parses JSON text, reporting the line and the path of the field at fault.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    text: &str,
    located: &dyn Fn(usize) -> Location,
) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        Error::Import(ImportError::Record {
            location: located(inner.line()),
            field: (path != ".").then_some(path),
            message: describe_json_error(&inner),
        })
    })?;
    de.end().map_err(|inner| {
        Error::Import(ImportError::Record {
            location: located(inner.line()),
            field: None,
            message: describe_json_error(&inner),
        })
    })?;
    Ok(value)
}

/// serde_json's message without its own "at line L column C" tail (the
/// location is reported separately), plus the column.
fn describe_json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    if e.column() > 0 {
        format!("{message} (column {})", e.column())
    } else {
        message.to_string()
    }
}
