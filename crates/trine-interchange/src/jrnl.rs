//! jrnl: its plain-text journal file and its JSON export.
//!
//! jrnl keeps entries as `[2026-01-05 08:40:00 PM] First line` followed by
//! more lines, in local time with no zone, so the time format is an option
//! (jrnl's default is `%F %r`) and each time gets this machine's UTC offset
//! for that day. The first line is the title and the rest the body, as
//! jrnl's own export does; `@tags` anywhere become tags. jrnl has no
//! ratings, but a line such as `seen: 7 | known: 5 | valued: 6` is read as
//! the entry's ratings.

use std::path::Path;

use chrono::{FixedOffset, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use super::json::parse;
use super::text::ratings_in;
use super::{ImportError, Location};
use trine_store::error::Result;
#[cfg(test)]
use trine_store::model::Ratings;
use trine_store::model::{normalize_tags, NewEntry};
use trine_store::store::import::{ImportItem, ImportSet};
use trine_store::time::OffsetAt;

/// jrnl's default time format.
pub const JRNL_DEFAULT_TIME_FORMAT: &str = "%F %r";

fn read(path: &Path) -> Result<String> {
    Ok(super::limits::ImportBudget::default().read_file(path)?)
}

/// Tags written with `symbol` in the text, without the symbol, tidied.
fn tags_in(text: &str, symbol: char) -> Vec<String> {
    let raw: Vec<&str> = text
        .split_whitespace()
        .filter_map(|w| w.strip_prefix(symbol))
        .map(|w| w.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    normalize_tags(raw).unwrap_or_default()
}

fn entry(title: &str, body: &str, local: NaiveDateTime, offset_at: OffsetAt<'_>) -> NewEntry {
    let created = local
        .and_local_timezone(offset_at(local))
        .single()
        .expect("a fixed offset maps every time");
    let text = format!("{title}\n{body}");
    NewEntry {
        tags: tags_in(&text, '@'),
        ratings: ratings_in(&text),
        created: Some(created),
        ..NewEntry::note(title.trim(), body.trim())
    }
}

/// Reads jrnl's plain-text journal file. `time_format` is the format of
/// the bracketed times (jrnl's `timeformat` setting).
pub fn read_jrnl_text(
    path: &Path,
    time_format: &str,
    offset_at: OffsetAt<'_>,
) -> Result<ImportSet> {
    let text = read(path)?;
    let header = |line: &str| -> Option<(NaiveDateTime, String)> {
        let rest = line.strip_prefix('[')?;
        let end = rest.find(']')?;
        let when = NaiveDateTime::parse_from_str(&rest[..end], time_format).ok()?;
        Some((when, rest[end + 1..].trim().to_string()))
    };
    let mut set = ImportSet::default();
    // (line number, time, first line, following lines)
    let mut current: Option<(usize, NaiveDateTime, String, Vec<String>)> = None;
    let finish = |current: Option<(usize, NaiveDateTime, String, Vec<String>)>,
                  set: &mut ImportSet| {
        if let Some((line, when, title, body)) = current {
            set.entries.push(ImportItem {
                location: Location {
                    file: path.to_path_buf(),
                    line: Some(line),
                    record: None,
                },
                entry: entry(&title, body.join("\n").trim(), when, offset_at),
            });
        }
    };
    for (index, raw) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if let Some((when, title)) = header(line) {
            finish(current.take(), &mut set);
            current = Some((index + 1, when, title, Vec::new()));
        } else if let Some((_, _, _, body)) = current.as_mut() {
            body.push(line.to_string());
        } else if !line.trim().is_empty() {
            return Err(ImportError::TimeFormat {
                location: Location {
                    file: path.to_path_buf(),
                    line: Some(index + 1),
                    record: None,
                },
                format: time_format.to_string(),
            }
            .into());
        }
    }
    finish(current, &mut set);
    Ok(set)
}

#[derive(Debug, Deserialize)]
struct JrnlExport {
    entries: Vec<JrnlEntry>,
}

#[derive(Debug, Deserialize)]
struct JrnlEntry {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    date: super::moments::Day,
    time: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

/// Reads jrnl's JSON export (`jrnl --export json`).
pub fn read_jrnl_json(path: &Path, offset_at: OffsetAt<'_>) -> Result<ImportSet> {
    let text = read(path)?;
    let located = |line: usize| Location {
        file: path.to_path_buf(),
        line: Some(line),
        record: None,
    };
    let export: JrnlExport = parse(text.trim_start_matches('\u{feff}'), &located)?;
    let mut set = ImportSet::default();
    let starred = export.entries.iter().filter(|e| e.starred).count();
    if starred > 0 {
        set.notes.push(format!(
            "{starred} entries were starred in jrnl; Trine has no stars, so that mark was not kept"
        ));
    }
    for (index, e) in export.entries.into_iter().enumerate() {
        let location = Location {
            file: path.to_path_buf(),
            line: None,
            record: Some(index + 1),
        };
        let time = NaiveTime::parse_from_str(&e.time, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(&e.time, "%H:%M:%S"))
            .map_err(|_| ImportError::Record {
                location: location.clone(),
                field: Some("time".into()),
                message: format!("{:?}: expected a time like 18:30 (HH:MM)", e.time),
            })?;
        let mut new = entry(&e.title, &e.body, e.date.0.and_time(time), offset_at);
        let listed: Vec<&str> = e.tags.iter().map(|t| t.trim_start_matches('@')).collect();
        new.tags = normalize_tags(
            listed
                .into_iter()
                .chain(new.tags.iter().map(String::as_str)),
        )
        .map_err(|err| ImportError::Record {
            location: location.clone(),
            field: Some("tags".into()),
            message: err.to_string(),
        })?;
        set.entries.push(ImportItem {
            location,
            entry: new,
        });
    }
    Ok(set)
}

/// A fixed offset, for callers that want one zone for every time.
pub fn fixed_offset(seconds_east: i32) -> impl Fn(NaiveDateTime) -> FixedOffset {
    move |_| FixedOffset::east_opt(seconds_east).expect("a valid offset")
}

#[cfg(test)]
mod tests {
    use super::*;
    use trine_store::store::{Journal, ListQuery};

    fn write(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.txt");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    const TEXT: &str = "[2026-01-05 08:40:00 PM] First line. Second sentence @Identity\nBody line one.\n\nBody after a blank line. seen: 7 | known: 5 | valued: 6\n\n[2026-01-12 09:05:00 AM] Single line @promotion.\n";

    #[test]
    fn the_text_file_gives_titles_bodies_tags_times_and_ratings() {
        let (_dir, path) = write(TEXT);
        let minus_five = fixed_offset(-5 * 3600);
        let set = read_jrnl_text(&path, JRNL_DEFAULT_TIME_FORMAT, &minus_five).unwrap();
        assert_eq!(set.entries.len(), 2);
        let first = &set.entries[0];
        assert_eq!(first.location.line, Some(1));
        assert_eq!(first.entry.title, "First line. Second sentence @Identity");
        assert_eq!(
            first.entry.body,
            "Body line one.\n\nBody after a blank line. seen: 7 | known: 5 | valued: 6"
        );
        assert_eq!(first.entry.tags, vec!["identity"]);
        assert_eq!(
            first.entry.created.unwrap().to_rfc3339(),
            "2026-01-05T20:40:00-05:00"
        );
        assert_eq!(
            first.entry.ratings,
            Ratings::checked(Some(7), Some(5), Some(6)).unwrap()
        );
        let second = &set.entries[1];
        assert_eq!(second.location.line, Some(6));
        assert_eq!(
            second.entry.tags,
            vec!["promotion"],
            "trailing punctuation is not part of a tag"
        );
        assert!(second.entry.ratings.is_empty());
        assert_eq!(second.entry.body, "");
    }

    #[test]
    fn importing_the_same_jrnl_file_twice_adds_nothing() {
        let (_dir, path) = write(TEXT);
        let utc = fixed_offset(0);
        let mut journal = Journal::open_in_memory().unwrap();
        assert_eq!(
            journal
                .import(read_jrnl_text(&path, JRNL_DEFAULT_TIME_FORMAT, &utc).unwrap())
                .unwrap()
                .imported,
            2
        );
        let again = journal
            .import(read_jrnl_text(&path, JRNL_DEFAULT_TIME_FORMAT, &utc).unwrap())
            .unwrap();
        assert_eq!((again.imported, again.duplicates), (0, 2));
        assert_eq!(journal.list(&ListQuery::default()).unwrap().len(), 2);
    }

    #[test]
    fn a_wrong_time_format_is_named_with_the_line() {
        let (_dir, path) = write(TEXT);
        let err = read_jrnl_text(&path, "%d/%m/%Y %H:%M", &fixed_offset(0)).unwrap_err();
        assert_eq!(err.fix(), Some(trine_store::Fix::GiveTimeFormat));
        let err = err.to_string();
        assert!(
            err.contains("journal.txt:1") && err.contains("%d/%m/%Y %H:%M"),
            "{err}"
        );
        let (_dir, path) = write("[2026-01-05 20:40] other format\nbody\n");
        let set = read_jrnl_text(&path, "%Y-%m-%d %H:%M", &fixed_offset(0)).unwrap();
        assert_eq!(set.entries[0].entry.title, "other format");
    }

    #[test]
    fn the_json_export_gives_the_same_entries_as_the_text_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.json");
        std::fs::write(
            &path,
            r#"{"tags": {"@identity": 1}, "entries": [{"title": "First line. Second sentence @Identity", "body": "Body line one.", "date": "2026-01-05", "time": "20:40", "tags": ["@identity"], "starred": false}]}"#,
        )
        .unwrap();
        let set = read_jrnl_json(&path, &fixed_offset(-5 * 3600)).unwrap();
        assert_eq!(
            set.entries[0].entry.created.unwrap().to_rfc3339(),
            "2026-01-05T20:40:00-05:00"
        );
        assert_eq!(set.entries[0].entry.tags, vec!["identity"]);
        std::fs::write(
            &path,
            r#"{"entries": [{"title": "x", "date": "2026-01-05", "time": "8pm"}]}"#,
        )
        .unwrap();
        let err = read_jrnl_json(&path, &fixed_offset(0))
            .unwrap_err()
            .to_string();
        assert!(err.contains("(entry 1)") && err.contains("`time`"), "{err}");
    }
}
