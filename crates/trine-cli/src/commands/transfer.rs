//! `trine import` and `trine export`.

use trine_app::interchange::{self, ExportSelection};
use trine_app::prelude::*;
use trine_app::week::parse_date;
use trine_app::{time, Error, Journal, Result};

use crate::args::{ExportArgs, ExportFormat, ImportArgs, KindArg};
use crate::output::Printer;

/// `trine import`: all of the file or nothing.
pub fn import(journal: &mut Journal, args: ImportArgs, out: &Printer) -> Result<()> {
    let mut set = interchange::read_import(
        args.format.into(),
        &args.path,
        Some(&args.time_format),
        &time::local_offset_at,
    )?;
    set.apply_settings = args.with_settings;
    // A bar on the terminal for imports long enough to wait for.
    let bar = (set.entries.len() >= 1000 && std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .then(|| {
            let bar = indicatif::ProgressBar::new(set.entries.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "Importing {bar:40} {pos}/{len} entries ({eta} left)",
                )
                .expect("a valid template"),
            );
            bar
        });
    let summary = journal.import_with_progress(set, &mut |done, _| {
        if let Some(bar) = &bar {
            bar.set_position(done as u64);
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    out.import_summary(&summary, &args.path, args.with_settings);
    Ok(())
}

/// Reads `--without-section ID:SIDE`: the entry (an id or its first
/// characters) and the side to leave out.
fn without_section(journal: &Journal, spec: &str) -> Result<(uuid::Uuid, trine_app::Side)> {
    let (id, side) =
        spec.rsplit_once(':')
            .ok_or_else(|| trine_app::ValidationError::BadChoice {
                field: "--without-section",
                value: spec.to_string(),
                expected: "ID:SIDE, like 1a2b3c4d:emotional",
            })?;
    Ok((journal.resolve_id(id)?, side.parse()?))
}

/// `trine export`: the entries chosen, in the format chosen.
pub fn export(journal: &Journal, args: ExportArgs, out: &Printer) -> Result<()> {
    let selection = ExportSelection {
        from: args.from.map(|d| parse_date("--from", &d)).transpose()?,
        to: args.to.map(|d| parse_date("--to", &d)).transpose()?,
        tags: args.tags,
        sides: args.sides.into_iter().map(Into::into).collect(),
        kinds: args.kinds.into_iter().map(KindArg::into_kind).collect(),
        include_private: args.include_private,
        without_ratings: args.without_ratings,
        without_charts: args.without_charts,
        entries: args
            .entries
            .iter()
            .map(|id| journal.resolve_id(id))
            .collect::<Result<_>>()?,
        without_entries: args
            .without_entries
            .iter()
            .map(|id| journal.resolve_id(id))
            .collect::<Result<_>>()?,
        without_sections: args
            .without_sections
            .iter()
            .map(|spec| without_section(journal, spec))
            .collect::<Result<_>>()?,
        newest_first: args.order == crate::args::OrderArg::Newest,
        note: args.note,
        name: args.name,
    };
    if args.format == ExportFormat::Json && selection != ExportSelection::default() {
        use clap::CommandFactory;
        crate::args::Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--format json is the full backup and takes no selection \
                 (--from, --to, --tag, --side, --kind, --entry, --without-entry, --without-section, --order, \
                 --note, --name, --include-private, --without-*); \
                 use --format jsonl for a selection",
            )
            .exit();
    }
    if args.preview {
        out.preview(&journal.preview_export(&selection)?);
        return Ok(());
    }
    let format = match args.format {
        ExportFormat::Markdown if args.single_file => interchange::ExportFormat::MarkdownFile,
        other => other.into(),
    };
    // Before anything at --out is moved aside for --force.
    journal.check_write_target(&args.out)?;
    let aside = clear_the_way(&args.out, args.force)?;
    let outcome = match journal.export_to(format, &selection, &args.out) {
        Ok(outcome) => {
            if let Some(aside) = aside {
                let _ = std::fs::remove_dir_all(aside);
            }
            outcome
        }
        Err(e) => {
            // The folder that was to be replaced comes back as it was.
            if let Some(aside) = aside {
                let _ = std::fs::rename(&aside, &args.out);
            }
            return Err(e);
        }
    };
    out.exported(
        outcome.count,
        &args.out,
        format.counts_weeks(),
        outcome.private_left_out,
    );
    Ok(())
}

/// Makes sure `trine export` replaces nothing it was not told to: an
/// existing file or non-empty folder at `out` is refused without `--force`.
/// With it, a file is replaced when the new one is complete, and a folder is
/// moved aside first and returned, to be removed once the export succeeds
/// (or put back if it fails).
fn clear_the_way(out: &std::path::Path, force: bool) -> Result<Option<std::path::PathBuf>> {
    let refuse = || {
        Err(Error::file(
            out,
            std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "it exists already and was left as it is; choose another name, or add --force \
                 to replace it",
            ),
        ))
    };
    let Ok(meta) = std::fs::symlink_metadata(out) else {
        return Ok(None);
    };
    if !meta.is_dir() {
        return if force { Ok(None) } else { refuse() };
    }
    let empty = std::fs::read_dir(out)
        .map_err(|e| Error::file(out, e))?
        .next()
        .is_none();
    if empty {
        return Ok(None);
    }
    if !force {
        return refuse();
    }
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    let aside = out.with_file_name(format!(
        ".{name}.replaced-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::rename(out, &aside).map_err(|e| Error::file(out, e))?;
    Ok(Some(aside))
}
