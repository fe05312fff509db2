//! The commands, one module per group: [`run`] opens the journal and
//! `dispatch` hands each command to its module.

mod entries;
mod insights;
mod library;
mod privacy;
mod settings;
mod transfer;
mod weekly;

pub(crate) use weekly::{print_prompt, weeks_phrase};

use trine_app::{Error, Journal, Result, ValidationError};

use crate::args::{Cli, Command};
use crate::output::Printer;

/// Runs the command the person asked for.
pub fn run(cli: Cli) -> Result<()> {
    let dir = trine_app::paths::resolve_data_dir(cli.data_dir)?;
    let out = Printer { json: cli.json };
    // Salvage reads a damaged file: the journal need not open.
    if let Command::Salvage { file, out: to } = &cli.command {
        return privacy::salvage(&dir, file, to, &out);
    }
    let journal = match (crate::passphrase::open(&dir), &cli.command) {
        // A journal too damaged to open can still be restored over.
        (Err(e), Command::Restore { file }) if e.code() == "damaged" => {
            return privacy::restore_damaged(&dir, file, &out);
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

/// Hands a command to the module that carries it out.
fn dispatch(
    command: Command,
    mut journal: Journal,
    out: Printer,
    dir: &std::path::Path,
) -> Result<()> {
    let (journal, out) = (&mut journal, &out);
    match command {
        Command::Add(args) => entries::add(journal, args, out),
        Command::List(args) => entries::list(journal, args, out),
        Command::Show { id } => entries::show(journal, &id, out),
        Command::Search { query, limit, by } => entries::search(journal, &query, limit, by, out),
        Command::Delete { id } => entries::delete(journal, &id, out),
        Command::Undelete { id } => entries::undelete(journal, &id, out),
        Command::Tags => entries::tags(journal, out),
        Command::Week(args) => weekly::week(journal, args, out),
        Command::Rate(args) => weekly::rate(journal, args, out),
        Command::Checkin(args) => weekly::checkin(journal, args, out),
        Command::Reflect(args) => crate::reflect::reflect(journal, args, out),
        Command::Prompts(command) => library::prompts(journal, command, out),
        Command::Components(command) => library::components(journal, command, out),
        Command::Chart(args) => insights::chart(journal, args, out),
        Command::Stats(args) => insights::stats(journal, args, out),
        Command::Settings {
            first_day,
            situation,
            confident_rating,
        } => settings::settings(
            journal,
            settings::SettingsChange {
                first_day,
                situation,
                confident_rating,
            },
            out,
        ),
        Command::Import(args) => transfer::import(journal, args, out),
        Command::Export(args) => transfer::export(journal, args, out),
        Command::Encrypt => privacy::encrypt(journal, out),
        Command::Decrypt => privacy::decrypt(journal, out),
        Command::Backup {
            list,
            folder,
            no_folder,
            forget_folder,
            beside_journal,
        } => {
            let places = privacy::BackupPlaces {
                list,
                folder,
                no_folder,
                forget_folder,
                beside_journal,
            };
            privacy::backup(journal, places, out)
        }
        Command::Restore { file } => privacy::restore(journal, &file, out),
        Command::Salvage { .. } => unreachable!("salvage runs before the journal is opened"),
        Command::Check { repair } => privacy::check(journal, repair, dir, out),
    }
}

/// Names a rating by its flag, as the person typed it.
pub fn flag_name(err: ValidationError) -> Error {
    match err {
        ValidationError::RatingOutOfRange { field, value } => ValidationError::RatingOutOfRange {
            field: match field {
                "seen" => "--seen",
                "known" => "--known",
                "valued" => "--valued",
                "confident" => "--confident",
                other => other,
            },
            value,
        }
        .into(),
        other => other.into(),
    }
}
