//! Day One: its JSON export, as a zip or unpacked into a folder.
//!
//! Day One stores times in UTC with the IANA time zone the entry was
//! written in; each entry keeps that zone's offset at that moment. The text
//! is Markdown; a leading `# heading` becomes the title. Photos and other
//! media are counted in the summary, not imported (Trine keeps text), and
//! their placeholders in the text are replaced by a short note.

use std::path::Path;

use chrono::{DateTime, FixedOffset, Utc};
use jiff::tz::TimeZone;
use serde::Deserialize;

use super::json::parse;
use super::{ImportError, Location};
use trine_store::error::Result;
use trine_store::model::{normalize_tags, NewEntry};
use trine_store::store::import::{ImportItem, ImportSet};

#[derive(Debug, Deserialize)]
struct Export {
    entries: Vec<DayOneEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DayOneEntry {
    uuid: String,
    creation_date: DateTime<Utc>,
    modified_date: Option<DateTime<Utc>>,
    time_zone: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
    #[serde(default)]
    photos: Vec<serde_json::Value>,
    #[serde(default)]
    videos: Vec<serde_json::Value>,
    #[serde(default)]
    audios: Vec<serde_json::Value>,
    #[serde(default)]
    pdf_attachments: Vec<serde_json::Value>,
}

/// Reads a Day One JSON export: a `.zip` as Day One writes it, a folder it
/// was unpacked into, or one of its `.json` files.
pub fn read_dayone(path: &Path) -> Result<ImportSet> {
    let read_error = |source: std::io::Error| ImportError::Read {
        file: path.to_path_buf(),
        source,
    };
    let mut files: Vec<(std::path::PathBuf, String)> = Vec::new();
    let mut budget = super::limits::ImportBudget::default();
    if path.is_dir() {
        let mut names: Vec<_> = std::fs::read_dir(path)
            .map_err(read_error)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("json"))
            })
            .collect();
        names.sort();
        for name in names {
            let text = budget.read_file(&name)?;
            files.push((name, text));
        }
    } else if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("zip"))
    {
        let file = std::fs::File::open(path).map_err(read_error)?;
        let mut archive =
            zip::ZipArchive::new(file).map_err(|e| read_error(std::io::Error::other(e)))?;
        for i in 0..archive.len() {
            let mut member = archive
                .by_index(i)
                .map_err(|e| read_error(std::io::Error::other(e)))?;
            let name = member
                .name()
                .map_err(|e| read_error(std::io::Error::other(e)))?
                .to_string();
            if name.to_ascii_lowercase().ends_with(".json") && !name.contains('/') {
                // An honest size past the budget is refused before reading;
                // whatever size the archive claims, at most the budget is read.
                let shown = path.join(&name);
                budget.check_size(member.size(), &shown)?;
                let text = budget.read_from(&mut member, &shown)?;
                files.push((shown, text));
            }
        }
    } else {
        let text = budget.read_file(path)?;
        files.push((path.to_path_buf(), text));
    }
    if files.is_empty() {
        return Err(ImportError::Record {
            location: Location {
                file: path.to_path_buf(),
                line: None,
                record: None,
            },
            field: None,
            message: "no Day One journal (.json) was found here; export from Day One as JSON"
                .into(),
        }
        .into());
    }
    let mut set = ImportSet::default();
    let (mut media, mut starred) = (0usize, 0usize);
    for (file, text) in files {
        let located = |line: usize| Location {
            file: file.clone(),
            line: Some(line),
            record: None,
        };
        let export: Export = parse(text.trim_start_matches('\u{feff}'), &located)?;
        for (index, e) in export.entries.into_iter().enumerate() {
            let location = Location {
                file: file.clone(),
                line: None,
                record: Some(index + 1),
            };
            media += e.photos.len() + e.videos.len() + e.audios.len() + e.pdf_attachments.len();
            starred += usize::from(e.starred);
            let zone = match e.time_zone.as_deref() {
                None => TimeZone::UTC,
                Some(name) => TimeZone::get(name).map_err(|_| ImportError::Record {
                    location: location.clone(),
                    field: Some("timeZone".into()),
                    message: format!("{name:?} is not a time zone Trine knows"),
                })?,
            };
            let local = |t: DateTime<Utc>| in_zone(t, &zone);
            let (title, body) = split_title(&strip_media(&e.text));
            let tags = normalize_tags(&e.tags).map_err(|err| ImportError::Record {
                location: location.clone(),
                field: Some("tags".into()),
                message: err.to_string(),
            })?;
            set.entries.push(ImportItem {
                location,
                entry: NewEntry {
                    source_id: Some(format!("dayone:{}", e.uuid)),
                    tags,
                    created: Some(local(e.creation_date)),
                    updated: e.modified_date.map(local),
                    ..NewEntry::note(title, body)
                },
            });
        }
    }
    if media > 0 {
        set.notes.push(format!(
            "{media} photos or other media were counted but not imported: Trine keeps the text"
        ));
    }
    if starred > 0 {
        set.notes.push(format!("{starred} entries were starred in Day One; Trine has no stars, so that mark was not kept"));
    }
    Ok(set)
}

/// `t` as the wall clock showed it in `zone`: the zone's offset at that
/// instant, so summer and winter times each keep their own.
fn in_zone(t: DateTime<Utc>, zone: &TimeZone) -> DateTime<FixedOffset> {
    let offset = jiff::Timestamp::from_second(t.timestamp())
        .map(|instant| zone.to_offset(instant).seconds())
        .unwrap_or(0);
    let fixed = FixedOffset::east_opt(offset)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero is an offset"));
    t.with_timezone(&fixed)
}

/// A leading `# heading` line is the title; the rest is the body.
fn split_title(text: &str) -> (String, String) {
    let trimmed = text.trim_start();
    if let Some(rest) = trimmed.strip_prefix("# ") {
        let (title, body) = rest.split_once('\n').unwrap_or((rest, ""));
        (title.trim().to_string(), body.trim().to_string())
    } else {
        (String::new(), text.trim().to_string())
    }
}

/// Replaces Day One's media placeholders (`![](dayone-moment://…)`) with a note.
fn strip_media(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("![](dayone-moment:") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find(')').map_or(after.len(), |e| e + 1);
        out.push_str("*(a photo, not imported)*");
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_become_titles_and_media_placeholders_a_note() {
        assert_eq!(
            split_title("# Title\n\nBody"),
            ("Title".into(), "Body".into())
        );
        assert_eq!(
            split_title("No heading\nhere"),
            (String::new(), "No heading\nhere".into())
        );
        assert_eq!(
            strip_media("a ![](dayone-moment://ABC) b"),
            "a *(a photo, not imported)* b"
        );
    }

    #[test]
    fn each_entry_keeps_its_zones_offset_at_that_moment() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let paris = TimeZone::get("Europe/Paris").unwrap();
        assert_eq!(
            in_zone(at("2031-07-01T12:00:00Z"), &paris).to_rfc3339(),
            "2031-07-01T14:00:00+02:00"
        );
        assert_eq!(
            in_zone(at("2031-01-15T12:00:00Z"), &paris).to_rfc3339(),
            "2031-01-15T13:00:00+01:00"
        );
        let new_york = TimeZone::get("America/New_York").unwrap();
        assert_eq!(
            in_zone(at("2031-07-01T12:00:00Z"), &new_york).to_rfc3339(),
            "2031-07-01T08:00:00-04:00"
        );
        let kolkata = TimeZone::get("Asia/Kolkata").unwrap();
        assert_eq!(
            in_zone(at("2031-07-01T12:00:00Z"), &kolkata).to_rfc3339(),
            "2031-07-01T17:30:00+05:30"
        );
        assert!(TimeZone::get("Mars/Olympus").is_err());
    }
}
