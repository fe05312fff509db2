//! JSON Lines: one entry record per line (DESIGN.md section 5).

use std::path::Path;

use super::json::parse;
use super::record::EntryRecord;
use super::{atomic, Location};
use trine_store::error::Result;
use trine_store::model::Entry;
use trine_store::store::import::ImportSet;

/// Reads a JSON Lines file of entry records and checks every line. Blank
/// lines are skipped; Windows line endings are fine. Fails on the first
/// fault, naming the line and the field.
pub fn read_jsonl(path: &Path, offset_at: trine_store::time::OffsetAt<'_>) -> Result<ImportSet> {
    let text = super::limits::ImportBudget::default().read_file(path)?;
    let mut set = ImportSet::default();
    for (index, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let location = Location {
            file: path.to_path_buf(),
            line: Some(index + 1),
            record: None,
        };
        if !line.trim_start().starts_with('{') {
            return Err(super::ImportError::Record {
                location,
                field: None,
                message: "each line must hold one entry as an object in { }".into(),
            }
            .into());
        }
        let record: EntryRecord = parse(line, &|_| location.clone())?;
        set.entries
            .push(crate::record::checked_item(record, location, offset_at)?);
    }
    Ok(set)
}

/// Writes entries as JSON Lines, one record per line.
pub fn export_jsonl(entries: &[Entry], path: &Path) -> Result<usize> {
    atomic::write_file(path, |out| {
        for entry in entries {
            serde_json::to_writer(&mut *out, &EntryRecord::from(entry))
                .map_err(std::io::Error::other)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    Ok(entries.len())
}
