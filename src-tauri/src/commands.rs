//! The commands the webview may call.
//!
//! Each command is a few lines: take the journal from managed state, call
//! the core, return its value or a [`CommandError`]. Every command here is
//! listed in `COMMANDS` in `src-tauri/build.rs` and granted in
//! `src-tauri/capabilities/default.json`; nothing else is callable.
//!
//! Commands run with `async` so that SQLite work happens on Tauri's worker
//! threads, never on the thread that draws the window.

use std::collections::BTreeMap;
use trine_app::prelude::*;

use chrono::NaiveDate;
use serde::Deserialize;
use tauri::State;
use trine_app::charts::RatingsChartOptions;
use trine_app::prompt_library::{LibraryView, OwnPrompt};
use trine_app::store::{Answer, ListQuery, NewCheckIn, ReflectionUpdate, SearchOrder};
use trine_app::views::{
    AppSettings, CheckinView, EntryPage, EntryView, RatingValues, SearchPage, ThisWeek, TrendsView,
};
use trine_app::{EntryEdit, EntryKind, NewEntry, Side};
use uuid::Uuid;

use crate::{CommandError, JournalState};
use trine_app::clock::today;

type Reply<T> = Result<T, CommandError>;

/// The situations a person can choose (first run, Settings).
#[tauri::command]
pub fn situation_choices() -> Vec<trine_app::situations::SituationChoice> {
    trine_app::situations::situation_choices()
}

/// Today's date on the app's clock (which `TRINE_NOW` can set), for the
/// page's date presets and typed dates such as "today".
#[tauri::command]
pub fn today_date() -> NaiveDate {
    today()
}

/// How many entries the journal holds, not counting deleted ones.
#[tauri::command(async)]
pub fn entry_count(journal: State<'_, JournalState>) -> Reply<u64> {
    journal.with(|journal| journal.entry_count())
}

/// Whether this week's reflection is due: its reminder time has passed and
/// it is not done. The bar marks "This week" while it is.
#[tauri::command(async)]
pub fn week_due(journal: State<'_, JournalState>) -> Reply<bool> {
    journal.with(|journal| journal.week_overdue(trine_app::clock::now().naive_local()))
}

/// The reflection screen for this week, or for the week of `week`.
#[tauri::command(async)]
pub fn week_view(journal: State<'_, JournalState>, week: Option<NaiveDate>) -> Reply<ThisWeek> {
    journal.with(|j| match week {
        Some(week) => j.week_view(trine_app::clock::week_of(j, week)?, today()),
        None => j.this_week(trine_app::clock::now().naive_local()),
    })
}

/// One side's answer as the editor sends it.
#[derive(Debug, Deserialize)]
pub struct AnswerInput {
    side: Side,
    text: String,
    skipped: bool,
}

/// Saves (autosaves) the week's reflection: the answers given (an empty,
/// unskipped answer clears the side), the ratings (unset = not rated; the
/// confidence rating is kept while it is turned off), the note and how
/// last week's planned step went.
#[tauri::command(async)]
pub fn save_reflection(
    journal: State<'_, JournalState>,
    week: NaiveDate,
    answers: Vec<AnswerInput>,
    ratings: RatingValues,
    note: Option<String>,
    follow_up: Option<String>,
) -> Reply<ThisWeek> {
    journal.with(|j| {
        let week = trine_app::clock::week_of(j, week)?;
        let answers = answers
            .into_iter()
            .map(|a| {
                (
                    a.side,
                    if a.skipped {
                        Answer::Skip
                    } else if a.text.trim().is_empty() {
                        // Words erased: the side is unanswered again.
                        Answer::Clear
                    } else {
                        Answer::Text(a.text)
                    },
                )
            })
            .collect();
        let mut ratings = ratings.checked()?;
        if ratings.confident.is_none() && !j.settings()?.confident_rating {
            // The screen asks no confidence while the rating is off: one
            // given before (or from the CLI) stays.
            ratings.confident = j
                .reflection_for_week(week)?
                .and_then(|r| r.ratings.confident);
        }
        j.save_reflection(
            week,
            ReflectionUpdate {
                answers,
                ratings,
                // The screen sends them all; one left unset is "not rated".
                replace_ratings: true,
                note,
                follow_up,
            },
        )?;
        j.week_view(week, today())
    })
}

/// "Another question" for one side of the week.
#[tauri::command(async)]
pub fn another_prompt(
    journal: State<'_, JournalState>,
    week: NaiveDate,
    side: Side,
) -> Reply<ThisWeek> {
    journal.with(|j| {
        let week = trine_app::clock::week_of(j, week)?;
        j.another_prompt(week, side)?;
        j.week_view(week, today())
    })
}

/// Markdown rendered to sanitised HTML, for the editor's preview.
#[tauri::command(async)]
pub fn preview_markdown(text: String) -> String {
    trine_app::render::markdown_to_html(&text)
}

/// Which entries a Journal page shows.
#[derive(Debug, Default, Deserialize)]
pub struct PageInput {
    after: Option<Uuid>,
    limit: Option<usize>,
    tag: Option<String>,
    side: Option<Side>,
    kind: Option<EntryKind>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    deleted: Option<bool>,
}

/// One page of the Journal list, newest first.
#[tauri::command(async)]
pub fn entry_page(journal: State<'_, JournalState>, query: PageInput) -> Reply<EntryPage> {
    let query = ListQuery {
        after: query.after,
        limit: Some(query.limit.unwrap_or(50).min(500)),
        tag: query.tag.filter(|t| !t.trim().is_empty()),
        side: query.side,
        kind: query.kind,
        from: query.from,
        to: query.to,
        deleted: query.deleted.unwrap_or(false),
        ..ListQuery::default()
    };
    journal.with(|j| j.entry_page(&query))
}

/// One page of search results with highlighted snippets and the true
/// count, among the entries the Journal's filters select (`filters` takes
/// the same fields as a page). `order` is "relevance" (the default) or
/// "newest"; `offset` is the previous page's `next_offset`.
#[tauri::command(async)]
pub fn search(
    journal: State<'_, JournalState>,
    query: String,
    limit: Option<usize>,
    offset: Option<usize>,
    order: Option<String>,
    filters: Option<PageInput>,
) -> Reply<SearchPage> {
    let filters = filters.unwrap_or_default();
    let filter = ListQuery {
        tag: filters.tag.filter(|t| !t.trim().is_empty()),
        side: filters.side,
        kind: filters.kind,
        from: filters.from,
        to: filters.to,
        ..ListQuery::default()
    };
    let order = match order.as_deref() {
        Some("newest") => SearchOrder::Newest,
        _ => SearchOrder::Relevance,
    };
    // On the reading handle: a search never waits for a save, nor holds it up.
    journal.read_with(|j| {
        j.search_page(
            &query,
            &filter,
            order,
            offset.unwrap_or(0),
            limit.unwrap_or(50).min(200),
        )
    })
}

/// One entry, rendered.
#[tauri::command(async)]
pub fn entry_view(journal: State<'_, JournalState>, id: Uuid) -> Reply<EntryView> {
    journal.with(|j| j.entry_view(id))
}

/// A new free note.
#[tauri::command(async)]
pub fn create_note(
    journal: State<'_, JournalState>,
    title: String,
    body: String,
    tags: Vec<String>,
    private: bool,
    date: Option<NaiveDate>,
) -> Reply<EntryView> {
    journal.with(|j| {
        // A note written for another day (backdated) is placed at this
        // moment's time of day on that day.
        let created = match date {
            Some(date) => Some(trine_app::store::note_time_on(
                date,
                trine_app::clock::now().time(),
            )?),
            None => None,
        };
        let entry = j.create(NewEntry {
            tags,
            private,
            created,
            ..NewEntry::note(title, body)
        })?;
        j.entry_view(entry.id)
    })
}

/// Changes to an entry.
#[derive(Debug, Deserialize)]
pub struct EditInput {
    title: Option<String>,
    body: Option<String>,
    tags: Option<Vec<String>>,
    private: Option<bool>,
    /// A reflection's answers, rewritten.
    answers: Option<Vec<AnswerEdit>>,
    /// Another date for a note.
    date: Option<NaiveDate>,
}

/// One answer of a reflection, rewritten on the entry screen.
#[derive(Debug, Deserialize)]
pub struct AnswerEdit {
    side: Side,
    text: String,
}

/// Edits an entry's title, body, tags or private flag, and a reflection's
/// answers (each keeps the question it answered).
#[tauri::command(async)]
pub fn update_entry(
    journal: State<'_, JournalState>,
    id: Uuid,
    edit: EditInput,
) -> Reply<EntryView> {
    let answers: Vec<(Side, String)> = edit
        .answers
        .unwrap_or_default()
        .into_iter()
        .map(|a| (a.side, a.text))
        .collect();
    journal.with(|j| {
        j.edit_entry(
            id,
            EntryEdit {
                title: edit.title,
                body: edit.body,
                tags: edit.tags,
                private: edit.private,
                date: edit.date,
                ..EntryEdit::default()
            },
            &answers,
        )
    })
}

/// Moves an entry to the bin (undo with `undelete_entry`).
#[tauri::command(async)]
pub fn delete_entry(journal: State<'_, JournalState>, id: Uuid) -> Reply<EntryView> {
    journal.with(|j| {
        j.delete(id)?;
        j.entry_view(id)
    })
}

/// Brings an entry back from the bin.
#[tauri::command(async)]
pub fn undelete_entry(journal: State<'_, JournalState>, id: Uuid) -> Reply<EntryView> {
    journal.with(|j| {
        j.undelete(id)?;
        j.entry_view(id)
    })
}

/// Tags in use with their counts.
#[tauri::command(async)]
pub fn tags(journal: State<'_, JournalState>) -> Reply<Vec<(String, u64)>> {
    journal.with(|j| j.tags())
}

/// The Trends screen: the charts and the insights for a range, the charts
/// drawn `width` pixels wide.
#[tauri::command(async)]
pub fn trends(
    journal: State<'_, JournalState>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    tag: Option<String>,
    rolling: Option<usize>,
    width: Option<u32>,
) -> Reply<TrendsView> {
    let defaults = RatingsChartOptions::default();
    let options = RatingsChartOptions {
        from,
        to,
        tag: tag.filter(|t| !t.trim().is_empty()),
        rolling_weeks: rolling,
        // Drawn at the width the page shows it, so its text stays readable
        // on a narrow window (within sensible bounds).
        size: (
            width.map_or(defaults.size.0, |w| w.clamp(360, 1600)),
            defaults.size.1,
        ),
        ..defaults
    };
    journal.with(|j| j.trends_view(&options, today()))
}

/// The Check-in screen.
#[tauri::command(async)]
pub fn checkin_view(journal: State<'_, JournalState>) -> Reply<CheckinView> {
    journal.with(|j| j.checkin_view())
}

/// Records a check-in and returns the updated screen.
#[tauri::command(async)]
pub fn record_checkin(
    journal: State<'_, JournalState>,
    scores: BTreeMap<String, i64>,
    note: Option<String>,
) -> Reply<CheckinView> {
    journal.with(|j| {
        j.record_checkin(NewCheckIn {
            scores,
            note: note.unwrap_or_default(),
            ..NewCheckIn::default()
        })?;
        j.checkin_view()
    })
}

/// Turns the fourth weekly rating (how confident I felt in my direction)
/// on or off, recording the choice either way (the offer on the week's
/// screen then goes), and returns the week's screen.
#[tauri::command(async)]
pub fn set_confident_rating(
    journal: State<'_, JournalState>,
    on: bool,
    week: Option<NaiveDate>,
) -> Reply<ThisWeek> {
    journal.with(|j| {
        j.set_confident_rating(on)?;
        match week {
            Some(week) => j.week_view(trine_app::clock::week_of(j, week)?, today()),
            None => j.this_week(trine_app::clock::now().naive_local()),
        }
    })
}

/// The prompt library: every component with its prompts.
#[tauri::command(async)]
pub fn library_view(journal: State<'_, JournalState>) -> Reply<LibraryView> {
    journal.with(|j| j.library_view())
}

/// Adds one of the person's own prompts to a component.
#[tauri::command(async)]
pub fn add_own_prompt(
    journal: State<'_, JournalState>,
    component: String,
    prompt: OwnPrompt,
) -> Reply<LibraryView> {
    journal.with(|j| j.add_own_prompt(&component, &prompt))
}

/// Rewrites one of the person's own prompts.
#[tauri::command(async)]
pub fn edit_own_prompt(
    journal: State<'_, JournalState>,
    id: String,
    prompt: OwnPrompt,
) -> Reply<LibraryView> {
    journal.with(|j| j.edit_own_prompt(&id, &prompt))
}

/// Archives a prompt or brings it back.
#[tauri::command(async)]
pub fn set_prompt_archived(
    journal: State<'_, JournalState>,
    id: String,
    archived: bool,
) -> Reply<LibraryView> {
    journal.with(|j| j.set_prompt_archived(&id, archived))
}

/// Renames a component or rewrites its description.
#[tauri::command(async)]
pub fn describe_component(
    journal: State<'_, JournalState>,
    key: String,
    name: String,
    description: String,
) -> Reply<LibraryView> {
    journal.with(|j| j.describe_component(&key, &name, &description))
}

/// The settings, and where the journal lives.
#[tauri::command(async)]
pub fn app_settings(journal: State<'_, JournalState>) -> Reply<(AppSettings, String)> {
    journal.with(|j| {
        Ok((
            j.app_settings()?,
            j.path()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        ))
    })
}

/// Saves the settings.
#[tauri::command(async)]
pub fn save_app_settings(
    journal: State<'_, JournalState>,
    settings: AppSettings,
) -> Reply<AppSettings> {
    journal.with(|j| j.save_app_settings(&settings))
}

/// Opens an encrypted journal with its passphrase (the app starts with it
/// locked: every command fails with the code `locked` until this succeeds).
#[tauri::command(async)]
pub fn unlock_journal<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    journal: State<'_, JournalState>,
    passphrase: String,
) -> Reply<()> {
    journal.unlock(&passphrase)?;
    crate::privacy::backup_soon(app);
    Ok(())
}

/// The page has saved what was typed: the window may close now. Close
/// requests wait for this (see `save_then_close` in `lib.rs`).
#[tauri::command]
pub fn close_after_saving(window: tauri::WebviewWindow) {
    if let Err(error) = window.destroy() {
        eprintln!("trine: the window could not be closed: {error}");
    }
}

/// Opens the folder that holds the journal in the system's file manager.
#[tauri::command(async)]
pub fn open_data_folder(app: tauri::AppHandle, journal: State<'_, JournalState>) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let folder = journal.with(|j| {
        Ok(j.path()
            .and_then(|p| p.parent())
            .map(|p| p.to_path_buf())
            .unwrap_or_default())
    })?;
    app.opener()
        .open_path(folder.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            CommandError::new(
                "open_failed",
                format!(
                    "Trine could not open {} in a file manager ({e}); copy the path instead",
                    folder.display()
                ),
            )
        })
}
