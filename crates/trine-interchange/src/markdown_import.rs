//! A folder of Markdown files with YAML front matter: Trine's own Markdown
//! export (read back without loss), and the notes of Obsidian or Joplin.
//!
//! Front matter may hold `id`, `title`, `date` / `datetime` / `created`,
//! `updated`, `tags` (a list or a comma-separated string), `private`,
//! `ratings`, `kind`, `week`, `sections`, `follow_up` and `source_id`; other keys are
//! ignored. Without a title, the file name is the title. A body that starts
//! with `# <title>` loses that line (Trine writes it); the `## <side>`
//! headings of declared sections become the sections again. Ratings written
//! in the text as `seen: 8` lines are read when the front matter has none.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize;

use super::record::{FollowUpRecord, RatingsRecord};
use super::text::ratings_in;
use super::{ImportError, Location};
use trine_store::error::Result;
use trine_store::model::{
    normalize_sections, normalize_tags, EntryKind, NewEntry, Ratings, Section, Side,
};
use trine_store::store::import::{ImportItem, ImportSet};
use trine_store::time::OffsetAt;

#[derive(Debug, Default, Deserialize)]
struct FrontMatter {
    id: Option<String>,
    kind: Option<EntryKind>,
    title: Option<String>,
    date: Option<String>,
    datetime: Option<String>,
    created: Option<String>,
    updated: Option<String>,
    week: Option<NaiveDate>,
    tags: Option<serde_yaml_ng::Value>,
    private: Option<bool>,
    ratings: Option<RatingsRecord>,
    sections: Option<Vec<SectionMeta>>,
    follow_up: Option<FollowUpRecord>,
    source_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct SectionMeta {
    side: Side,
    prompt_id: Option<String>,
}

fn problem(file: &Path, line: Option<usize>, field: &str, message: String) -> trine_store::Error {
    ImportError::Record {
        location: Location {
            file: file.to_path_buf(),
            line,
            record: None,
        },
        field: Some(field.to_string()),
        message,
    }
    .into()
}

/// Reads every `.md` file in `dir` and its subfolders, in name order.
pub fn read_markdown_folder(dir: &Path, offset_at: OffsetAt<'_>) -> Result<ImportSet> {
    let mut set = ImportSet::default();
    let files = super::limits::markdown_files(dir, &mut set.notes)?;
    let mut budget = super::limits::ImportBudget::default();
    for file in files {
        let text = budget.read_file(&file)?;
        let entry = read_note(&file, &text, offset_at)?;
        set.entries.push(ImportItem {
            location: Location {
                file,
                line: None,
                record: None,
            },
            entry,
        });
    }
    Ok(set)
}

/// Splits `---` front matter from the body; no front matter gives an empty one.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let text = text.trim_start_matches('\u{feff}');
    let Some(rest) = text
        .strip_prefix("---")
        .filter(|r| r.starts_with('\n') || r.starts_with("\r\n"))
    else {
        return (None, text);
    };
    let rest = rest.trim_start_matches(['\r', '\n']);
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

/// Reads a time in the forms these tools write (see `moments`): RFC 3339
/// or close to it, without a zone (local), or a bare date (noon, local).
fn parse_time(text: &str, offset_at: OffsetAt<'_>) -> Option<DateTime<FixedOffset>> {
    super::moments::read_moment_or_date(text).map(|m| m.resolve(offset_at))
}

/// What a date in front matter may look like, for messages.
fn date_forms() -> String {
    format!(
        "expected {}, or a date like 2025-03-05",
        super::moments::DATETIME_FORMS
    )
}

fn tags_of(value: Option<serde_yaml_ng::Value>) -> Vec<String> {
    use serde_yaml_ng::Value;
    match value {
        Some(Value::Sequence(items)) => items
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(Value::String(s)) => s
            .split([',', ' '])
            .filter(|t| !t.trim().is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

fn read_note(file: &Path, text: &str, offset_at: OffsetAt<'_>) -> Result<NewEntry> {
    // Windows line endings (a file that went through another editor or
    // system) read like Unix ones, sections included.
    let text = text.replace("\r\n", "\n");
    let (yaml, body) = split_front_matter(&text);
    let meta: FrontMatter = match yaml {
        Some(yaml) if !yaml.trim().is_empty() => {
            super::limits::check_front_matter(yaml)
                .map_err(|why| problem(file, Some(1), "front matter", why))?;
            serde_yaml_ng::from_str(yaml).map_err(|e| {
                // +1 for the opening `---` line.
                let line = e.location().map(|l| l.line() + 1);
                problem(file, line, "front matter", e.to_string())
            })?
        }
        _ => FrontMatter::default(),
    };
    let title = meta.title.clone().unwrap_or_else(|| {
        file.file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default()
    });
    let when = meta
        .datetime
        .as_deref()
        .or(meta.created.as_deref())
        .or(meta.date.as_deref());
    let created =
        match when {
            Some(text) => Some(parse_time(text, offset_at).ok_or_else(|| {
                problem(file, None, "date", format!("{text:?}: {}", date_forms()))
            })?),
            None => std::fs::metadata(file)
                .and_then(|m| m.modified())
                .ok()
                .map(|t| DateTime::<chrono::Utc>::from(t).fixed_offset()),
        };
    let updated = match meta.updated.as_deref() {
        Some(text) => Some(parse_time(text, offset_at).ok_or_else(|| {
            problem(file, None, "updated", format!("{text:?}: {}", date_forms()))
        })?),
        None => None,
    };

    // The body: drop a `# title` line Trine wrote, and split declared sections.
    let mut body = body.trim_start_matches(['\r', '\n']).to_string();
    let heading = format!("# {}", title.replace('\n', " "));
    if let Some(rest) = body.strip_prefix(&heading) {
        if rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n") {
            body = rest.trim_start_matches(['\r', '\n']).to_string();
        }
    }
    let mut sections = Vec::new();
    if let Some(declared) = &meta.sections {
        for meta_section in declared.iter().rev() {
            let marker = format!("\n## {}\n", meta_section.side.label());
            let padded = format!("\n{body}");
            if let Some(at) = padded.rfind(&marker) {
                let text = padded[at + marker.len()..]
                    .trim_matches(['\r', '\n'])
                    .to_string();
                body = padded[..at].trim_start_matches('\n').to_string();
                sections.push(Section {
                    side: meta_section.side,
                    prompt_id: meta_section.prompt_id.clone(),
                    text,
                });
            } else {
                sections.push(Section {
                    side: meta_section.side,
                    prompt_id: meta_section.prompt_id.clone(),
                    text: String::new(),
                });
            }
        }
    }
    let body = body.trim_end().to_string();
    let ratings = match meta.ratings {
        Some(r) => Ratings::checked(r.seen, r.known, r.valued)
            .and_then(|ratings| ratings.with_confident(r.confident))
            .map_err(|e| problem(file, None, "ratings", e.to_string()))?,
        None => ratings_in(&body),
    };
    let tags = normalize_tags(tags_of(meta.tags).iter().map(|t| t.trim_start_matches('#')))
        .map_err(|e| problem(file, None, "tags", e.to_string()))?;
    let (id, source_id) = match meta.id {
        Some(text) => match uuid::Uuid::parse_str(&text) {
            Ok(id) => (Some(id), meta.source_id),
            Err(_) => (None, meta.source_id.or(Some(text))),
        },
        None => (None, meta.source_id),
    };
    Ok(NewEntry {
        id,
        kind: meta.kind,
        week_start: meta.week,
        title,
        body,
        sections: normalize_sections(sections)
            .map_err(|e| problem(file, None, "sections", e.to_string()))?,
        tags,
        private: meta.private.unwrap_or(false),
        ratings,
        follow_up: meta.follow_up.map(|f| trine_store::model::FollowUp {
            planned: f.planned,
            answer: f.answer,
        }),
        created,
        updated,
        deleted: None,
        source_id,
    })
}
