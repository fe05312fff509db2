//! A folder of Markdown files, one per entry, with YAML front matter.
//!
//! Strings in the front matter are written as JSON strings, which YAML reads
//! as the same strings, so any title or tag is quoted safely without a YAML
//! writer.

use std::fmt::Write as _;
use std::path::Path;

use super::atomic;
use trine_store::error::{Error, Result};
use trine_store::model::Entry;

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
        for (name, value) in r.named() {
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
    if let Some(follow_up) = &entry.follow_up {
        out.push_str("follow_up:\n");
        let _ = writeln!(out, "  planned: {}", quoted(&follow_up.planned));
        let _ = writeln!(out, "  answer: {}", quoted(&follow_up.answer));
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
/// platform: `2026-11-24-a-good-week-1a2b3c4d.md`. Two entries can share
/// it (the same date, the same start of the title and the same first
/// digits of the id); [`export_markdown`] then gives the later ones the
/// whole id.
pub fn markdown_file_name(entry: &Entry) -> String {
    file_name_with_id(entry, &entry.id.simple().to_string()[..8])
}

fn file_name_with_id(entry: &Entry, short_id: &str) -> String {
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
    if slug.is_empty() {
        format!("{}-{short_id}.md", entry.date())
    } else {
        format!("{}-{slug}-{short_id}.md", entry.date())
    }
}

/// Writes one Markdown file per entry into the folder `dir`, which must
/// not exist yet (or be empty). Returns the number of files written.
///
/// Every name is unique, also where the file system ignores case: a name
/// already taken in this export gets the entry's whole id (and, should
/// even that be taken, a number). Each file is created new, so no file
/// written in this run is ever overwritten.
pub fn export_markdown(entries: &[Entry], dir: &Path) -> Result<usize> {
    atomic::write_folder(dir, |tmp| {
        let mut taken = std::collections::HashSet::new();
        for entry in entries {
            let name = unique_name(entry, &mut taken);
            let path = tmp.join(name);
            let mut file = trine_store::private_files::options()
                .write(true)
                .create_new(true)
                .open(&path)
                .map_err(|e| Error::file(&path, e))?;
            std::io::Write::write_all(&mut file, render_markdown(entry).as_bytes())
                .map_err(|e| Error::file(&path, e))?;
        }
        Ok(())
    })?;
    Ok(entries.len())
}

/// The entry's file name, made unique among `taken` (compared without
/// case), which it joins.
fn unique_name(entry: &Entry, taken: &mut std::collections::HashSet<String>) -> String {
    let whole = entry.id.simple().to_string();
    let mut candidates = [markdown_file_name(entry), file_name_with_id(entry, &whole)]
        .into_iter()
        .chain((2..).map(|n| file_name_with_id(entry, &format!("{whole}-{n}"))));
    loop {
        let name = candidates.next().expect("an endless list of names");
        if taken.insert(name.to_lowercase()) {
            return name;
        }
    }
}

/// Writes all entries into one Markdown file for reading (not for
/// re-import: use the folder form for that). Returns the number of entries.
pub fn export_markdown_single(entries: &[Entry], path: &Path) -> Result<usize> {
    let mut out = String::from("# Career belonging journal\n");
    for entry in entries {
        let _ = writeln!(
            out,
            "\n---\n\n## {}\n",
            trine_store::model::display_title(entry).replace('\n', " ")
        );
        let mut meta = vec![entry.created.format("%A %-d %B %Y, %H:%M").to_string()];
        let r = entry.ratings;
        let ratings: Vec<String> = r
            .named()
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
        if let Some(follow_up) = &entry.follow_up {
            let _ = writeln!(out, "\n### Last week's step\n");
            let _ = writeln!(out, "Planned:\n");
            for line in follow_up.planned.trim_end().lines() {
                let _ = writeln!(out, "{}", format!("> {line}").trim_end());
            }
            if !follow_up.answer.is_empty() {
                let _ = writeln!(out, "\n{}", follow_up.answer.trim_end());
            }
        }
    }
    atomic::write_file(path, |w| w.write_all(out.as_bytes()))?;
    Ok(entries.len())
}
