//! The command line, as clap reads it. README.md documents it; the commands
//! and flags of DESIGN.md section 5 are a contract: add, never rename.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod formats;
mod library;
mod transfer;
pub use formats::{ExportFormat, ImportFormat};
pub use library::{ComponentsCommand, PromptsCommand, SideArg};
pub use transfer::{ExportArgs, ImportArgs, OrderArg};

/// Trine: a private journal for career belonging.
///
/// Everything stays on this machine. The journal lives in the platform's
/// app-data folder unless --data-dir or TRINE_DATA_DIR says otherwise.
#[derive(Debug, Parser)]
#[command(name = "trine", version, propagate_version = true)]
#[command(after_help = "Examples:\n  \
    trine add --title \"Standup\" --body \"I asked for the demo.\" --tag voice --seen 7 --known 6 --valued 7\n  \
    trine list --limit 5 --tag voice\n  \
    trine search '\"asked for\" demo*'\n  \
    trine rate --seen 6 --known 5 --valued 7 --note \"A steady week\"\n  \
    trine export --format json --out backup.json\n  \
    trine --json list | jq '.[].title'\n\n\
Run `trine help COMMAND` for a command's flags and examples.\n\n\
Environment:\n  \
    TRINE_DATA_DIR        the folder that holds the journal (as --data-dir)\n  \
    TRINE_PASSPHRASE      the passphrase of an encrypted journal, for scripts\n  \
    TRINE_NEW_PASSPHRASE  the new passphrase for `trine encrypt`, for scripts\n  \
    TRINE_NOW             pretend the clock started at this local time, e.g. 2026-11-27T15:59")]
pub struct Cli {
    /// The folder that holds the journal.
    #[arg(long, global = true, env = "TRINE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new entry.
    #[command(
        after_help = "Examples:\n  trine add --title \"One-to-one\" --body \"I asked about the lead role.\" --tag voice\n  trine add --body - --private < notes.md\n  trine add --title \"Demo day\" --seen 8 --known 6 --valued 7 --datetime 2026-11-20T17:00:00+01:00"
    )]
    Add(AddArgs),
    /// List entries, newest first.
    #[command(
        after_help = "Examples:\n  trine list --limit 5\n  trine list --tag voice --from 2026-09-01 --kind note\n  trine list --deleted"
    )]
    List(ListArgs),
    /// Show one entry in full.
    #[command(after_help = "Examples:\n  trine show 0193f0a2-7c1e-7d40-9a55-2b1f3c4d5e6f")]
    Show {
        /// The entry's id (as `list` shows it).
        id: String,
    },
    /// Search all entries; words, "quoted phrases", prefix* and OR.
    #[command(
        after_help = "Examples:\n  trine search promotion\n  trine search '\"career conversation\" OR mentor*' --limit 5\n  trine search offsite --by newest"
    )]
    Search {
        /// What to look for.
        query: String,
        /// Show at most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Order: best match first, or newest first.
        #[arg(long, value_enum, default_value = "relevance")]
        by: SearchBy,
    },
    /// Record how seen, known and valued you felt this week (1 to 10).
    #[command(
        after_help = "Examples:\n  trine rate --seen 6 --known 5 --valued 7\n  trine rate --seen 4 --known 4 --valued 5 --week 2026-W47 --note \"A quiet week\""
    )]
    Rate(RateArgs),
    /// This week's prompts, its status and your streak.
    #[command(
        after_help = "Examples:\n  trine week\n  trine week --week 2026-W47\n  trine week --another emotional"
    )]
    Week(WeekArgs),
    /// Write the week's reflection: each prompt in turn, then the ratings.
    #[command(
        after_help = "Examples:\n  trine reflect\n  trine reflect --emotional \"My lead thanked me by name.\" --skip integration --seen 7\n  trine reflect --week 2026-11-18 --developmental - < answer.md"
    )]
    Reflect(ReflectArgs),
    /// The nine-component check-in: how much do you still need to work on each?
    #[command(
        after_help = "Examples:\n  trine checkin\n  trine checkin --score voice=4 --score community=2 --note \"After the offsite\"\n  trine checkin --history"
    )]
    Checkin(CheckinArgs),
    /// List, add, edit or archive prompts.
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  trine prompts list --component voice\n  trine prompts add --component voice --text \"What did you ask for this week?\""
    )]
    Prompts(PromptsCommand),
    /// List the triangle's components, or rename one.
    #[command(subcommand)]
    #[command(
        after_help = "Examples:\n  trine components list\n  trine components edit community --name \"My people\""
    )]
    Components(ComponentsCommand),
    /// Draw a chart as an SVG file.
    #[command(
        after_help = "Examples:\n  trine chart --out ratings.svg\n  trine chart --kind triangle --out triangle.svg\n  trine chart --kind calendar --from 2026-01-01 --out year.svg"
    )]
    Chart(ChartArgs),
    /// Insights as numbers: quarter averages, trends, best and worst weeks, tags.
    #[command(after_help = "Examples:\n  trine stats\n  trine --json stats --from 2026-07-01")]
    Stats(StatsArgs),
    /// Show or change the journal's settings (shared with the app).
    #[command(
        after_help = "Examples:\n  trine settings\n  trine settings --first-day sunday\n  trine settings --situation looking\n  trine settings --confident-rating on"
    )]
    Settings {
        /// The day weeks start on (monday to sunday). Saved reflections keep their weeks.
        #[arg(long, value_name = "DAY")]
        first_day: Option<String>,
        /// Where you are now, from today: working (in a role), new-role (its
        /// first months), looking (for work), between (roles: caregiving,
        /// study, leave, health, a sabbatical), freelance (or self-employed),
        /// changing-fields. The weekly prompts follow it; earlier changes are
        /// kept.
        #[arg(long, value_name = "KEY")]
        situation: Option<String>,
        /// Rate each week how confident you felt in your direction, beside
        /// seen, known and valued (off by default).
        #[arg(long, value_name = "on|off")]
        confident_rating: Option<String>,
    },
    /// Move an entry to the bin (undo with `undelete`).
    #[command(after_help = "Examples:\n  trine delete 0193f0a2-7c1e-7d40-9a55-2b1f3c4d5e6f")]
    Delete {
        /// The entry's id.
        id: String,
    },
    /// Bring an entry back from the bin.
    #[command(after_help = "Examples:\n  trine undelete 0193f0a2-7c1e-7d40-9a55-2b1f3c4d5e6f")]
    Undelete {
        /// The entry's id.
        id: String,
    },
    /// List the tags in use, with how many entries carry each.
    #[command(after_help = "Examples:\n  trine tags\n  trine --json tags")]
    Tags,
    /// Import entries from a file; all or nothing.
    #[command(
        after_help = "Examples:\n  trine import --format dayone Export-Journal.zip\n  trine import --format jrnl journal.txt --time-format \"%Y-%m-%d %H:%M\"\n  trine import --format markdown ~/Notes/Work\n  trine import --format json --with-settings trine-backup.json\n\nEntries must be dated from 1900 to a year from today. If a file is refused for a date out of that range (often a mistyped year, 0206 for 2026), correct the year on the line named and import it again: nothing is imported until every entry is right."
    )]
    Import(ImportArgs),
    /// Export entries to a file or folder.
    #[command(
        after_help = "Examples:\n  trine export --format pdf --from 2026-09-01 --out for-my-coach.pdf\n  trine export --format html --side emotional --tag voice --out report.html\n  trine export --format csv --out ratings.csv\n  trine export --format json --out everything.json"
    )]
    Export(ExportArgs),
    /// Check the journal's integrity and count what it holds.
    #[command(after_help = "Examples:\n  trine check\n  trine check --repair")]
    Check {
        /// When the search index is the only problem, make it again from the
        /// entries (no word is lost; a backup does this too).
        #[arg(long)]
        repair: bool,
    },
    /// Encrypt the journal with a passphrase, or change its passphrase.
    ///
    /// The new passphrase is asked twice on the terminal, or read from
    /// TRINE_NEW_PASSPHRASE. A lost passphrase cannot be recovered: nobody,
    /// not even Trine, can open the journal without it.
    #[command(
        after_help = "Examples:\n  trine encrypt\n  TRINE_PASSPHRASE=old TRINE_NEW_PASSPHRASE=new trine encrypt"
    )]
    Encrypt,
    /// Remove the journal's encryption (asks for the current passphrase).
    #[command(after_help = "Examples:\n  trine decrypt")]
    Decrypt,
    /// Back the journal up now into its backups folder, and a folder
    /// chosen for backups (the newest 10 are kept in each).
    #[command(
        after_help = "Examples:\n  trine backup\n  trine backup --list\n  trine backup --folder /media/me/usb/trine --beside-journal no\n  trine backup --no-folder\n  trine backup --forget-folder /media/me/old-usb/trine"
    )]
    Backup {
        /// List the backups instead, from every place.
        #[arg(long)]
        list: bool,
        /// Also keep backups in this folder (another disk, say); it must
        /// exist. A backup is taken there at once.
        #[arg(long, value_name = "FOLDER", conflicts_with_all = ["list", "no_folder"])]
        folder: Option<std::path::PathBuf>,
        /// Stop keeping backups in the chosen folder (those there stay,
        /// and still change with the journal when it is encrypted).
        #[arg(long, conflicts_with = "list")]
        no_folder: bool,
        /// Forget a folder chosen for backups before: its copies stay as
        /// they are and no longer change with the journal. Writes no backup.
        #[arg(long, value_name = "FOLDER", conflicts_with_all = ["list", "folder", "no_folder", "beside_journal"])]
        forget_folder: Option<std::path::PathBuf>,
        /// Whether backups also go to the folder beside the journal.
        #[arg(long, value_name = "yes|no", value_parser = ["yes", "no"], conflicts_with = "list")]
        beside_journal: Option<String>,
    },
    /// Save every entry and check-in that can still be read from a
    /// damaged journal (or the damaged-*.db copy a restore kept) as a
    /// Trine JSON export, to import into the journal restored from a
    /// backup. The damaged file is not changed.
    #[command(
        after_help = "Examples:\n  trine salvage ~/.local/share/trine/backups/damaged-20261204-101500-000.db --out salvaged.json\n  trine import --format json salvaged.json"
    )]
    Salvage {
        /// The damaged journal file.
        file: std::path::PathBuf,
        /// Where to write what could be read (a new file).
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
    },
    /// Replace the journal with a backup (checked first; the journal it
    /// replaces is kept in the backups folder).
    #[command(
        after_help = "Examples:\n  trine restore ~/.local/share/trine/backups/journal-20261124-090000-000.db"
    )]
    Restore {
        /// The backup file (see `trine backup --list`).
        file: std::path::PathBuf,
    },
}

/// `trine add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// A short title.
    #[arg(long, default_value = "")]
    pub title: String,
    /// The text, in Markdown; `-` reads it from standard input.
    #[arg(long, default_value = "")]
    pub body: String,
    /// A tag (repeat for more).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Optional ratings.
    #[command(flatten)]
    pub ratings: RatingFlags,
    /// Keep this entry out of shared exports.
    #[arg(long)]
    pub private: bool,
    /// When it was written (RFC 3339, e.g. 2026-11-24T18:00:00+01:00); now by default.
    #[arg(long, value_name = "DATETIME")]
    pub datetime: Option<String>,
}

/// This week, how seen, known and valued did you feel? Each optional.
#[derive(Debug, Args)]
pub struct RatingFlags {
    /// How seen you felt, 1 to 10.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub seen: Option<i64>,
    /// How known you felt, 1 to 10.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub known: Option<i64>,
    /// How valued you felt, 1 to 10.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub valued: Option<i64>,
    /// How confident you felt in your direction, 1 to 10 (the optional
    /// fourth rating; see `trine settings --confident-rating`).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub confident: Option<i64>,
}

impl RatingFlags {
    /// The ratings, checked; an error names the flag at fault.
    pub fn checked(&self) -> trine_app::Result<trine_app::Ratings> {
        trine_app::Ratings::checked(self.seen, self.known, self.valued)
            .and_then(|r| r.with_confident(self.confident))
            .map_err(crate::commands::flag_name)
    }
}

/// `trine list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Show at most this many.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Skip this many first.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Only entries with this tag.
    #[arg(long)]
    pub tag: Option<String>,
    /// Only entries written on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only entries written on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only reflections or only notes.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// List the bin instead.
    #[arg(long)]
    pub deleted: bool,
}

/// `trine rate`.
#[derive(Debug, Args)]
pub struct RateArgs {
    /// How seen you felt, 1 to 10.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub seen: i64,
    /// How known you felt, 1 to 10.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub known: i64,
    /// How valued you felt, 1 to 10.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub valued: i64,
    /// How confident you felt in your direction, 1 to 10 (optional).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub confident: Option<i64>,
    /// The week: 2026-W48 or any date in it; this week by default.
    #[arg(long, value_name = "WEEK")]
    pub week: Option<String>,
    /// A note for the week.
    #[arg(long)]
    pub note: Option<String>,
}

/// `trine week`.
#[derive(Debug, Args)]
pub struct WeekArgs {
    /// The week: 2026-W48 or any date in it; this week by default.
    #[arg(long, value_name = "WEEK")]
    pub week: Option<String>,
    /// "Another question": swap this side's prompt for the week.
    #[arg(long, value_enum, value_name = "SIDE")]
    pub another: Option<SideArg>,
}

/// `trine reflect`. With no answer or rating flags, it asks in the
/// terminal; with flags, it saves them and asks nothing.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trine reflect                      (asks each prompt in turn; uses $EDITOR if set)\n  \
    trine reflect --emotional \"My lead named my work in the review.\" --skip integration\n  \
    trine reflect --week 2026-W47 --seen 6 --known 5 --valued 7 --note \"Filled in late\"")]
pub struct ReflectArgs {
    /// The week: 2026-W48 or any date in it; this week by default.
    #[arg(long, value_name = "WEEK")]
    pub week: Option<String>,
    /// Your answer for the developmental side (`-` reads standard input).
    #[arg(long, value_name = "TEXT")]
    pub developmental: Option<String>,
    /// Your answer for the emotional side (`-` reads standard input).
    #[arg(long, value_name = "TEXT")]
    pub emotional: Option<String>,
    /// Your answer for the integration side (`-` reads standard input).
    #[arg(long, value_name = "TEXT")]
    pub integration: Option<String>,
    /// Skip a side this week (repeat for more).
    #[arg(long, value_enum, value_name = "SIDE")]
    pub skip: Vec<SideArg>,
    /// Optional ratings.
    #[command(flatten)]
    pub ratings: RatingFlags,
    /// An optional note for the week.
    #[arg(long)]
    pub note: Option<String>,
    /// How last week's planned step went (shown as "Last week you
    /// planned: ..."); an empty text removes the answer.
    #[arg(long, value_name = "TEXT")]
    pub follow_up: Option<String>,
}

/// `trine checkin`.
#[derive(Debug, Args)]
#[command(after_help = "Scores: 1 = fine as it is … 5 = needs most work.\n\
    Components: professional_identity, self_regulation, self_confidence, feeling_seen,\n\
    feeling_known, feeling_valued, values_alignment, voice, community.\n\n\
    Examples:\n  trine checkin                                   (asks for each component)\n  \
    trine checkin --score voice=4 --score community=2\n  trine checkin --history")]
pub struct CheckinArgs {
    /// A component's score, as KEY=N (repeat for more).
    #[arg(long = "score", value_name = "KEY=N")]
    pub scores: Vec<String>,
    /// A note for this check-in.
    #[arg(long, default_value = "")]
    pub note: String,
    /// Show earlier check-ins instead of taking one.
    #[arg(long)]
    pub history: bool,
}

/// `trine chart`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trine chart --out ratings.svg --from 2026-01-01 --rolling 4 --tag promotion\n  \
    trine chart --kind triangle --out triangle.svg\n  \
    trine chart --kind calendar --out calendar.svg --table")]
pub struct ChartArgs {
    /// Which chart.
    #[arg(long, value_enum, default_value = "ratings")]
    pub kind: ChartKind,
    /// The SVG file to write.
    #[arg(long, value_name = "FILE.svg")]
    pub out: PathBuf,
    /// From this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// To this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Mark the weeks with this tag (ratings chart).
    #[arg(long)]
    pub tag: Option<String>,
    /// Add a rolling average over N weeks (ratings chart).
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "4")]
    pub rolling: Option<usize>,
    /// Also print the numbers behind the chart.
    #[arg(long)]
    pub table: bool,
}

/// The charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartKind {
    /// Seen, known and valued over the weeks.
    Ratings,
    /// The nine components of the latest check-ins on the triangle.
    Triangle,
    /// Done, partly done and missed weeks, one cell a week.
    Calendar,
}

/// `trine stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// From this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// To this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

/// Entry kinds on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Weekly reflections.
    Reflection,
    /// Free notes.
    Note,
}

impl KindArg {
    /// The core's kind.
    pub fn into_kind(self) -> trine_app::EntryKind {
        match self {
            KindArg::Reflection => trine_app::EntryKind::Reflection,
            KindArg::Note => trine_app::EntryKind::Note,
        }
    }
}

#[cfg(test)]
mod tests;

/// How `trine search` orders what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchBy {
    /// Best match first.
    Relevance,
    /// Newest first.
    Newest,
}
