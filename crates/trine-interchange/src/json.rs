//! The full JSON backup: every entry (private and deleted ones too), every
//! check-in and the settings, with a format version. Exporting and then
//! importing into an empty journal gives back the same journal.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::record::EntryRecord;
use super::{atomic, ImportError, Location};
use trine_store::error::{Error, Result};
use trine_store::store::import::ImportSet;
use trine_store::store::salvage::Salvaged;
use trine_store::store::{CheckIn, Journal, ListQuery, SituationSince};
use trine_store::time;

/// The `format` field of a Trine JSON export.
pub const JSON_FORMAT: &str = "trine-journal";
/// The newest JSON export format version this build writes and reads.
/// Version 2 adds the situation history; a journal without one is still
/// written as version 1, which every Trine reads.
pub const JSON_FORMAT_VERSION: u32 = 2;

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
    /// Where the person was in their working life, and since when
    /// (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub situations: Vec<SituationSince>,
}

/// The whole journal as one document (the lossless JSON backup).
pub trait JournalDocuments {
    /// The whole journal as a [`JournalDocument`].
    fn to_document(&self) -> Result<JournalDocument>;
}

impl JournalDocuments for Journal {
    fn to_document(&self) -> Result<JournalDocument> {
        let mut entries = self.list(&ListQuery::default())?;
        entries.extend(self.list(&ListQuery {
            deleted: true,
            ..ListQuery::default()
        })?);
        entries.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
        let mut checkins = self.checkins()?;
        checkins.reverse();
        let situations = self.situation_history()?;
        Ok(JournalDocument {
            format: JSON_FORMAT.to_string(),
            version: if situations.is_empty() {
                1
            } else {
                JSON_FORMAT_VERSION
            },
            situations,
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

/// Writes what could be read from a damaged journal (see
/// [`trine_store::store::salvage`]) as a Trine JSON export, which imports
/// like any other: into the journal restored from a backup, it adds only
/// what the backup lacked. Returns the number of entries written.
pub fn export_salvaged(salvaged: &Salvaged, path: &Path) -> Result<usize> {
    let mut entries: Vec<&trine_store::Entry> = salvaged.entries.iter().collect();
    entries.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
    let mut checkins = salvaged.checkins.clone();
    checkins.sort_by(|a, b| a.taken.cmp(&b.taken).then(a.id.cmp(&b.id)));
    let doc = JournalDocument {
        format: JSON_FORMAT.to_string(),
        version: if salvaged.situations.is_empty() {
            1
        } else {
            JSON_FORMAT_VERSION
        },
        exported: Some(time::now()),
        entries: entries.into_iter().map(EntryRecord::from).collect(),
        checkins,
        settings: salvaged.settings.clone(),
        situations: salvaged.situations.clone(),
    };
    atomic::write_new_file(path, |out| {
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
        out.write_all(b"\n")
    })?;
    Ok(doc.entries.len())
}

/// What could be read from the damaged journal `file`, as a set to import
/// (without its settings): each entry checked as an imported one is.
pub fn salvaged_import_set(salvaged: &Salvaged, file: &Path) -> Result<ImportSet> {
    let mut set = ImportSet {
        checkins: salvaged.checkins.clone(),
        ..ImportSet::default()
    };
    for (index, entry) in salvaged.entries.iter().enumerate() {
        let location = Location {
            file: file.to_path_buf(),
            line: None,
            record: Some(index + 1),
        };
        set.entries.push(crate::record::checked_item(
            EntryRecord::from(entry),
            location,
            &time::local_offset_at,
        )?);
    }
    Ok(set)
}

/// Reads a Trine JSON export (or a bare JSON array of entry records) and
/// checks every record. Fails on the first fault, naming line and field.
pub fn read_json(path: &Path, offset_at: trine_store::time::OffsetAt<'_>) -> Result<ImportSet> {
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
            situations: Vec::new(),
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
        situations: doc.situations,
        ..ImportSet::default()
    };
    for (index, record) in doc.entries.into_iter().enumerate() {
        let location = Location {
            file: path.to_path_buf(),
            line: None,
            record: Some(index + 1),
        };
        set.entries
            .push(crate::record::checked_item(record, location, offset_at)?);
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
            // serde_path_to_error says "?" where no field is known yet.
            field: (path != "." && path != "?").then_some(path),
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

/// What went wrong in a JSON record, in Trine's own words: the parser's
/// message is read for what it means (a missing comma, a number where text
/// belongs, a misspelt field) and said again plainly, with the column.
/// Messages Trine's own readers wrote (dates, ids) pass as they are.
fn describe_json_error(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    let column = if e.column() > 0 {
        format!(" (column {})", e.column())
    } else {
        String::new()
    };
    let plain = match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            syntax_words(message)
        }
        serde_json::error::Category::Data => data_words(message),
        serde_json::error::Category::Io => "the file could not be read".to_string(),
    };
    format!("{plain}{column}")
}

/// A syntax problem, said plainly.
fn syntax_words(message: &str) -> String {
    let known: &[(&str, &str)] = &[
        ("EOF while parsing", "the text ends before the JSON is complete (a bracket, brace or quote is not closed)"),
        ("expected `,` or `}`", "expected a comma or a closing brace `}` here"),
        ("expected `,` or `]`", "expected a comma or a closing bracket `]` here"),
        ("expected `:`", "expected a colon `:` after the field's name"),
        ("key must be a string", "a field's name must be in double quotes"),
        ("trailing comma", "a comma is followed by nothing; remove it"),
        ("trailing characters", "more text follows the end of the JSON; each line holds one record"),
        ("control character", "a string holds a raw line break or tab; write it as \\n or \\t"),
        ("invalid escape", "a backslash in a string starts no escape JSON knows (use \\\\ for a backslash)"),
        ("invalid unicode", "a \\u escape in a string is not a character"),
        ("lone leading surrogate", "a \\u escape in a string is half of a character"),
        ("number out of range", "a number is too large"),
        ("invalid number", "a number is not written as JSON writes numbers"),
        ("recursion limit", "the JSON is nested too deeply"),
        ("expected ident", "a word here is not true, false or null (text needs double quotes)"),
        ("expected value", "expected a value here (text in double quotes, a number, true, false, null, a list or an object)"),
    ];
    known
        .iter()
        .find(|(pattern, _)| message.contains(pattern))
        .map(|(_, words)| (*words).to_string())
        .unwrap_or_else(|| "the text here is not JSON Trine can read".to_string())
}

/// A value of the wrong kind, an unknown or missing field, said plainly.
fn data_words(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "expected {}, found {}",
                kind_words(expected),
                found_words(found)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((field, known)) = rest.split_once("`, expected ") {
            let known: Vec<&str> = known
                .trim_start_matches("one of ")
                .split(['`', ',', ' '])
                .filter(|w| !w.is_empty() && *w != "or")
                .collect();
            let nearest = known
                .iter()
                .map(|k| (strsim::damerau_levenshtein(field, k), *k))
                .filter(|(distance, k)| *distance <= 2.max(k.len() / 3))
                .min();
            let hint = nearest.map_or(String::new(), |(_, k)| format!("; did you mean \"{k}\"?"));
            return format!(
                "\"{field}\" is not a field Trine knows{hint} (known: {})",
                known.join(", ")
            );
        }
        if let Some(field) = rest.strip_suffix("`, there are no fields") {
            return format!("\"{field}\" is not a field Trine knows (this takes none)");
        }
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return format!("\"{}\" is missing", rest.trim_end_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((value, known)) = rest.split_once("`, expected ") {
            let known: Vec<&str> = known
                .trim_start_matches("one of ")
                .split(['`', ',', ' '])
                .filter(|w| !w.is_empty() && *w != "or")
                .collect();
            return format!("\"{value}\" is not one of: {}", known.join(", "));
        }
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "expected {}, found {}",
                kind_words(expected),
                found_words(found)
            );
        }
    }
    if message.starts_with("invalid length") {
        return "a list has the wrong number of items".to_string();
    }
    if message.starts_with("duplicate field `") {
        let field = message
            .trim_start_matches("duplicate field `")
            .trim_end_matches('`');
        return format!("\"{field}\" is given twice");
    }
    // Trine's own readers (dates, ids, ratings) wrote this one.
    message.to_string()
}

/// What a field expects, in words ("i64" is "a whole number").
fn kind_words(expected: &str) -> String {
    let e = expected.trim();
    let words = match e {
        "a string" => "text in double quotes",
        "a boolean" => "true or false",
        "a sequence" => "a list in [ ]",
        "a map" => "an object in { }",
        "i64" | "i32" | "u64" | "u32" | "u8" | "u16" | "i8" | "i16" | "usize" => "a whole number",
        "f64" | "f32" => "a number",
        _ if e.starts_with("struct ") => "an object in { }",
        _ if e.starts_with("enum ") || e.starts_with("unit variant") => {
            "one of the names this field takes"
        }
        _ if e.starts_with("a sequence") => "a list in [ ]",
        _ => return e.trim_start_matches("a ").to_string().replace('`', "\""),
    };
    words.to_string()
}

/// What was found, in words ("integer `1`" is "the number 1").
fn found_words(found: &str) -> String {
    let f = found.trim();
    let inner = |prefix: &str| {
        f.strip_prefix(prefix)
            .map(|r| r.trim_matches('`').to_string())
    };
    if let Some(n) = inner("integer ").or_else(|| inner("floating point ")) {
        return format!("the number {n}");
    }
    if let Some(text) = f.strip_prefix("string ") {
        return format!("the text {text}");
    }
    if let Some(b) = inner("boolean ") {
        return b;
    }
    match f {
        "null" | "unit value" => "null".to_string(),
        "map" => "an object".to_string(),
        "sequence" => "a list".to_string(),
        other => other.replace('`', "\""),
    }
}
