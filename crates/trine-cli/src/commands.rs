//! One function per command, each a few lines over `trine-app`.

use std::io::Read;
#[allow(unused_imports)]
use trine_app::prelude::*;

use chrono::DateTime;
use trine_app::interchange::{self, ExportSelection};
use trine_app::store::ListQuery;
use trine_app::week::{parse_date, parse_week};
use trine_app::{time, Error, Journal, NewEntry, Ratings, Result, ValidationError};

use crate::args::{
    AddArgs, Cli, Command, ExportArgs, ExportFormat, ImportArgs, KindArg, ListArgs, RateArgs,
};
use crate::output::{self, Printer};

/// Runs the command the person asked for.
pub fn run(cli: Cli) -> Result<()> {
    let dir = trine_app::paths::resolve_data_dir(cli.data_dir)?;
    let out = Printer { json: cli.json };
    let journal = match (crate::passphrase::open(&dir), &cli.command) {
        // A journal too damaged to open can still be restored over.
        (Err(e), Command::Restore { file }) if e.code() == "damaged" => {
            return restore_damaged(&dir, file, &out);
        }
        (Err(e), Command::Backup { list: true, .. }) if e.code() == "damaged" => {
            let file = dir.join(trine_app::store::JOURNAL_FILE);
            let backups = trine_app::backup::backups_dir(&file);
            out.backups(&trine_app::backup::all_backups(&file)?, &backups);
            return Ok(());
        }
        (opened, _) => opened?,
    };
    let journal_file = journal.path().map(std::path::Path::to_path_buf);
    // SQLite's errors do not say which file they are about: name it.
    dispatch(cli.command, journal, out, &dir).map_err(|e| e.in_journal(journal_file.as_deref()))
}

/// `trine restore FILE` for a journal that cannot be opened because it is
/// damaged: its bytes are kept aside and the checked backup takes its place.
fn restore_damaged(dir: &std::path::Path, file: &std::path::Path, out: &Printer) -> Result<()> {
    let path = dir.join(trine_app::store::JOURNAL_FILE);
    let passphrase = std::env::var(crate::passphrase::PASSPHRASE_ENV)
        .ok()
        .filter(|p| !p.is_empty());
    let (journal, kept) = trine_app::backup::restore_damaged(&path, file, passphrase.as_deref())?;
    out.restored(file, &kept, journal.entry_count()?);
    Ok(())
}

fn dispatch(
    command: Command,
    mut journal: Journal,
    out: Printer,
    dir: &std::path::Path,
) -> Result<()> {
    match command {
        Command::Add(args) => add(&mut journal, args, &out),
        Command::List(args) => list(&journal, args, &out),
        Command::Show { id } => {
            let entry = journal.get(journal.resolve_id(&id)?)?;
            out.entry(&entry);
            Ok(())
        }
        Command::Search { query, limit, by } => {
            let order = match by {
                crate::args::SearchBy::Relevance => trine_app::store::SearchOrder::Relevance,
                crate::args::SearchBy::Newest => trine_app::store::SearchOrder::Newest,
            };
            let found = journal.search_results(
                &query,
                &trine_app::ListQuery::default(),
                order,
                0,
                limit,
            )?;
            out.hits(&query, &found.hits, found.total);
            Ok(())
        }
        Command::Rate(args) => rate(&mut journal, args, &out),
        Command::Week(args) => crate::weekly::week(&mut journal, args, &out),
        Command::Reflect(args) => crate::weekly::reflect(&mut journal, args, &out),
        Command::Checkin(args) => crate::weekly::checkin(&mut journal, args, &out),
        Command::Prompts(command) => crate::weekly::prompts(&mut journal, command, &out),
        Command::Components(command) => crate::weekly::components(&mut journal, command, &out),
        Command::Delete { id } => {
            let entry = journal.delete(journal.resolve_id(&id)?)?;
            out.done(
                &entry,
                "Moved to the bin",
                Some(&format!("undo with: trine undelete {}", entry.id)),
            );
            Ok(())
        }
        Command::Undelete { id } => {
            let entry = journal.undelete(journal.resolve_id(&id)?)?;
            out.done(&entry, "Restored", None);
            Ok(())
        }
        Command::Chart(args) => crate::insight_commands::chart(&journal, args, &out),
        Command::Stats(args) => crate::insight_commands::stats(&journal, args, &out),
        Command::Settings { first_day } => {
            if let Some(day) = first_day {
                journal.set_first_day(day.parse()?)?;
            }
            let settings = journal.settings()?;
            if out.json {
                say!(
                    "{}",
                    serde_json::json!({ "first_day": settings.first_day.as_str() })
                );
            } else {
                say!("Weeks start on: {}", settings.first_day);
            }
            Ok(())
        }
        Command::Tags => {
            out.tags(&journal.tags()?);
            Ok(())
        }
        Command::Import(args) => import(&mut journal, args, &out),
        Command::Export(args) => export(&journal, args, &out),
        Command::Encrypt => {
            let new = crate::passphrase::new_passphrase()?;
            let was = journal.is_encrypted();
            let copies = journal.set_passphrase(Some(&new))?;
            out.message(if was {
                "The passphrase is changed. Keep it safe: without it the journal cannot be opened."
            } else {
                "The journal is encrypted. Keep the passphrase safe: without it the journal cannot be opened, by anyone."
            });
            out.copies_rekeyed(&copies);
            Ok(())
        }
        Command::Decrypt => {
            let copies = journal.set_passphrase(None)?;
            out.message("The journal is no longer encrypted.");
            out.copies_rekeyed(&copies);
            Ok(())
        }
        Command::Backup {
            list,
            folder,
            no_folder,
            beside_journal,
        } => {
            let file = journal
                .path()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default();
            if list {
                let beside = trine_app::backup::backups_dir(&file);
                out.backups(&trine_app::backup::all_backups(&file)?, &beside);
                return Ok(());
            }
            if folder.is_some() || no_folder || beside_journal.is_some() {
                let now = trine_app::before_unlock::read(
                    file.parent().unwrap_or(std::path::Path::new(".")),
                );
                let folder = match (folder, no_folder) {
                    (Some(folder), _) => Some(std::path::absolute(&folder).unwrap_or(folder)),
                    (None, true) => None,
                    (None, false) => now.backup_folder,
                };
                let beside = beside_journal.map_or(now.backups_beside_journal, |b| b == "yes");
                trine_app::backup::choose_backup_places(&file, folder.as_deref(), beside)?;
                out.backup_places(&trine_app::backup::backup_places(&file));
            }
            out.backup(&journal.backup_now()?);
            Ok(())
        }
        Command::Restore { file } => {
            let kept = journal.restore(&file)?;
            out.restored(&file, &kept, journal.entry_count()?);
            Ok(())
        }
        Command::Check => {
            let health = journal.health()?;
            out.health(&health, dir);
            if health.is_ok() {
                Ok(())
            } else {
                Err(Error::Corrupt(
                    "the integrity check found problems (listed above)".into(),
                ))
            }
        }
    }
}

fn add(journal: &mut Journal, args: AddArgs, out: &Printer) -> Result<()> {
    let body = if args.body == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::File {
                path: "standard input".into(),
                source: e,
            })?;
        text
    } else {
        args.body
    };
    let created = args
        .datetime
        .map(|text| {
            DateTime::parse_from_rfc3339(&text).map_err(|_| ValidationError::BadDate {
                field: "--datetime",
                value: text,
                expected: "date and time (RFC 3339, e.g. 2026-11-24T18:00:00+01:00)",
            })
        })
        .transpose()?;
    let entry = journal.create(NewEntry {
        tags: args.tags,
        private: args.private,
        ratings: args.ratings.checked()?,
        created,
        ..NewEntry::note(args.title, body)
    })?;
    out.done(&entry, "Saved", None);
    Ok(())
}

fn list(journal: &Journal, args: ListArgs, out: &Printer) -> Result<()> {
    let entries = journal.list(&ListQuery {
        limit: Some(args.limit),
        offset: args.offset,
        tag: args.tag,
        from: args.from.map(|d| parse_date("--from", &d)).transpose()?,
        to: args.to.map(|d| parse_date("--to", &d)).transpose()?,
        kind: args.kind.map(KindArg::into_kind),
        exclude_private: false,
        deleted: args.deleted,
        ..ListQuery::default()
    })?;
    out.entries(&entries);
    Ok(())
}

fn rate(journal: &mut Journal, args: RateArgs, out: &Printer) -> Result<()> {
    let first = journal.settings()?.first_day;
    let week = match args.week {
        Some(text) => parse_week("--week", &text, first)?,
        None => first.week_start(time::now().date_naive()),
    };
    let ratings = Ratings::checked(Some(args.seen), Some(args.known), Some(args.valued))
        .map_err(flag_name)?;
    let entry = journal.rate_week(week, ratings, args.note)?;
    out.done(
        &entry,
        &format!("Rated the week of {}", output::week_phrase(week)),
        None,
    );
    Ok(())
}

fn import(journal: &mut Journal, args: ImportArgs, out: &Printer) -> Result<()> {
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

fn export(journal: &Journal, args: ExportArgs, out: &Printer) -> Result<()> {
    let selection = ExportSelection {
        from: args.from.map(|d| parse_date("--from", &d)).transpose()?,
        to: args.to.map(|d| parse_date("--to", &d)).transpose()?,
        tags: args.tags,
        sides: args.sides.into_iter().map(Into::into).collect(),
        kinds: args.kinds.into_iter().map(KindArg::into_kind).collect(),
        include_private: args.include_private,
        without_ratings: args.without_ratings,
        without_charts: args.without_charts,
    };
    if args.format == ExportFormat::Json && selection != ExportSelection::default() {
        use clap::CommandFactory;
        crate::args::Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--format json is the full backup and takes no selection \
                 (--from, --to, --tag, --side, --kind, --include-private, --without-*); \
                 use --format jsonl for a selection",
            )
            .exit();
    }
    if args.preview {
        out.preview(&journal.export_preview(&selection)?);
        return Ok(());
    }
    let format = match args.format {
        ExportFormat::Markdown if args.single_file => interchange::ExportFormat::MarkdownFile,
        other => other.into(),
    };
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

/// Names a rating by its flag, as the person typed it.
pub fn flag_name(err: ValidationError) -> Error {
    match err {
        ValidationError::RatingOutOfRange { field, value } => ValidationError::RatingOutOfRange {
            field: match field {
                "seen" => "--seen",
                "known" => "--known",
                _ => "--valued",
            },
            value,
        }
        .into(),
        other => other.into(),
    }
}
