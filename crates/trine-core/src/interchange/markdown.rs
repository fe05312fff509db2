//! A folder of Markdown files, one per entry, with YAML front matter.
//!
//! Strings in the front matter are written as JSON strings, which YAML reads
//! as the same strings, so any title or tag is quoted safely without a YAML
//! writer.

use std::fmt::Write as _;
use std::path::Path;

use super::atomic;
use crate::error::{Error, Result};
use crate::model::Entry;

fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// The Markdown file for one entry: front matter, then the body, then one
/// `##` section per side answered.
pub fn render_markdown(entry: &Entry) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(out, "id: {}", quoted(&entry.id.to_string()));
    let _ = writeln!(out, "kind: {}", entry.kind);
    let _ = writeln!(out, "title: {}", quoted(&entry.title));
    let _ = writeln!(out, "date: {}", entry.date());
    let _ = writeln!(out, "datetime: {}", quoted(&entry.created.to_rfc3339()));
    let _ = writeln!(out, "updated: {}", quoted(&entry.updated.to_rfc3339()));
    let _ = writeln!(out, "week: {}", entry.week_start);
    let tags: Vec<String> = entry.tags.iter().map(|t| quoted(t)).collect();
    let _ = writeln!(out, "tags: [{}]", tags.join(", "));
    let _ = writeln!(out, "private: {}", entry.private);
    let r = entry.ratings;
    if !r.is_empty() {
        out.push_str("ratings:\n");
        for (name, value) in [("seen", r.seen), ("known", r.known), ("valued", r.valued)] {
            if let Some(v) = value {
                let _ = writeln!(out, "  {name}: {}", v.get());
            }
        }
    }
    if !entry.sections.is_empty() {
        out.push_str("sections:\n");
        for section in &entry.sections {
            let _ = writeln!(out, "  - side: {}", section.side);
            if let Some(prompt) = &section.prompt_id {
                let _ = writeln!(out, "    prompt_id: {}", quoted(prompt));
            }
        }
    }
    if let Some(source) = &entry.source_id {
        let _ = writeln!(out, "source_id: {}", quoted(source));
    }
    out.push_str("---\n");
    if !entry.title.is_empty() {
        let _ = writeln!(out, "\n# {}", entry.title.replace('\n', " "));
    }
    if !entry.body.is_empty() {
        let _ = writeln!(out, "\n{}", entry.body.trim_end());
    }
    for section in &entry.sections {
        let _ = writeln!(out, "\n## {}\n", section.side.label());
        if !section.text.is_empty() {
            let _ = writeln!(out, "{}", section.text.trim_end());
        }
    }
    out
}

/// A file name for the entry that sorts by date and is safe on every
/// platform: `2026-11-24-a-good-week-1a2b3c4d.md`.
pub fn markdown_file_name(entry: &Entry) -> String {
    let mut slug = String::new();
    for c in entry.title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let short_id = &entry.id.simple().to_string()[..8];
    if slug.is_empty() {
        format!("{}-{short_id}.md", entry.date())
    } else {
        format!("{}-{slug}-{short_id}.md", entry.date())
    }
}

/// Writes one Markdown file per entry into the folder `dir`, which must
/// not exist yet (or be empty). Returns the number of files written.
pub fn export_markdown(entries: &[Entry], dir: &Path) -> Result<usize> {
    atomic::write_folder(dir, |tmp| {
        for entry in entries {
            let path = tmp.join(markdown_file_name(entry));
            std::fs::write(&path, render_markdown(entry)).map_err(|e| Error::file(&path, e))?;
        }
        Ok(())
    })?;
    Ok(entries.len())
}

/// Writes all entries into one Markdown file for reading (not for
/// re-import: use the folder form for that). Returns the number of entries.
pub fn export_markdown_single(entries: &[Entry], path: &Path) -> Result<usize> {
    let mut out = String::from("# Career belonging journal\n");
    for entry in entries {
        let _ = writeln!(
            out,
            "\n---\n\n## {}\n",
            crate::views::display_title(entry).replace('\n', " ")
        );
        let mut meta = vec![entry.created.format("%A %-d %B %Y, %H:%M").to_string()];
        let r = entry.ratings;
        let ratings: Vec<String> = [("seen", r.seen), ("known", r.known), ("valued", r.valued)]
            .iter()
            .filter_map(|(n, v)| v.map(|v| format!("{n} {}/10", v.get())))
            .collect();
        if !ratings.is_empty() {
            meta.push(format!("felt {}", ratings.join(", ")));
        }
        if !entry.tags.is_empty() {
            meta.push(
                entry
                    .tags
                    .iter()
                    .map(|t| format!("#{t}"))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        let _ = writeln!(out, "*{}*", meta.join(" · "));
        if !entry.body.trim().is_empty() {
            let _ = writeln!(out, "\n{}", entry.body.trim_end());
        }
        for section in &entry.sections {
            let _ = writeln!(out, "\n### {}\n", section.side.label());
            let _ = writeln!(
                out,
                "{}",
                if section.text.is_empty() {
                    "*Skipped this week.*"
                } else {
                    section.text.trim_end()
                }
            );
        }
    }
    atomic::write_file(path, |w| w.write_all(out.as_bytes()))?;
    Ok(entries.len())
}
