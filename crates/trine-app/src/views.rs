//! Ready-made views for the desktop app: each is what one screen needs,
//! gathered by the core in one call and serialisable as it is, so the Tauri
//! commands stay a few lines long. User text that the page shows as HTML is
//! rendered here, sanitised ([`trine_interchange::render`]); everything else is plain
//! text for `textContent`.

use crate::prelude::*;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use trine_store::error::Result;
use trine_store::model::{display_title, week_label};
use trine_store::model::{Entry, EntryKind, Ratings, Side};
use trine_store::store::{Journal, ListQuery, SearchHit, SearchOrder, WeekStatus};

pub use crate::app_settings::{AppSettings, Theme, DEFAULT_LOCK_AFTER_SECONDS};
pub use crate::checkin_trends::{CheckinTrends, CheckinView, TrendsView};

/// The ratings as plain numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingValues {
    /// How seen, 1 to 10.
    pub seen: Option<u8>,
    /// How known, 1 to 10.
    pub known: Option<u8>,
    /// How valued, 1 to 10.
    pub valued: Option<u8>,
    /// How confident in my direction, 1 to 10 (the optional fourth rating).
    #[serde(default)]
    pub confident: Option<u8>,
}

impl From<Ratings> for RatingValues {
    fn from(r: Ratings) -> Self {
        RatingValues {
            seen: r.seen.map(|v| v.get()),
            known: r.known.map(|v| v.get()),
            valued: r.valued.map(|v| v.get()),
            confident: r.confident.map(|v| v.get()),
        }
    }
}

impl RatingValues {
    /// The values as checked ratings; one out of range is refused with
    /// its name.
    pub fn checked(self) -> Result<Ratings> {
        Ok(Ratings::checked(
            self.seen.map(i64::from),
            self.known.map(i64::from),
            self.valued.map(i64::from),
        )
        .and_then(|r| r.with_confident(self.confident.map(i64::from)))?)
    }
}

/// Follow-through on the week's screen: the step last week planned and
/// how it went, so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUpView {
    /// The step as planned (Markdown, as written).
    pub planned: String,
    /// The step as planned, rendered to sanitised HTML.
    pub planned_html: String,
    /// How it went, as written so far; empty if not yet.
    pub answer: String,
}

/// One side of this week's reflection: its prompt and what is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideView {
    /// The side.
    pub side: Side,
    /// The component the prompt belongs to; none when no prompt is shown.
    pub component: Option<trine_store::store::Component>,
    /// The prompt shown: the one answered, or the week's for a side still
    /// to write; none for an answer that recorded no prompt.
    pub prompt: Option<trine_store::store::Prompt>,
    /// The side's name, e.g. "Emotional needs".
    pub side_name: String,
    /// The answer so far (Markdown), empty if none.
    pub answer: String,
    /// Whether the side was skipped this week.
    pub skipped: bool,
}

/// Everything the This week screen shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThisWeek {
    /// The week's first day.
    pub week_start: NaiveDate,
    /// "the week of 23 November 2026".
    pub label: String,
    /// Due, partly done, done...
    pub status: WeekStatus,
    /// Done weeks in a row.
    pub streak: u32,
    /// One per side, in order.
    pub sides: Vec<SideView>,
    /// This week's ratings so far.
    pub ratings: RatingValues,
    /// Last week's ratings, shown beside the sliders.
    pub last_week: RatingValues,
    /// The optional note.
    pub note: String,
    /// The reflection's id, once it exists.
    pub entry_id: Option<Uuid>,
    /// Whether the reminder time of the current week has passed with its
    /// reflection not done: the "this week is due" state.
    pub overdue: bool,
    /// The reflections of a year and a quarter ago (for the current week
    /// only, and only those that exist).
    pub looking_back: Vec<crate::looking_back::LookBack>,
    /// Where the person was that week, if they have said.
    pub situation: Option<trine_store::Situation>,
    /// The heading over the ratings, worded for that situation.
    pub ratings_heading: String,
    /// Whether the week asks the fourth rating, how confident I felt in my
    /// direction.
    pub confident_rating: bool,
    /// Whether to offer turning that rating on (a person in transition who
    /// has not chosen, on or off).
    pub offer_confident_rating: bool,
    /// Last week's planned step and how it went, when last week's
    /// reflection answered a next-step prompt.
    pub follow_up: Option<FollowUpView>,
    /// This week only: a gentle word when the latest check-in is a month
    /// old or more.
    pub checkin_nudge: Option<String>,
}

/// A line in the Journal list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntrySummary {
    /// The entry's id.
    pub id: Uuid,
    /// Reflection or note.
    pub kind: EntryKind,
    /// The local date written.
    pub date: NaiveDate,
    /// The title, or a stand-in built from the week or the first words.
    pub title: String,
    /// The first words of the text, plain.
    pub excerpt: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Private entries stay out of shared exports.
    pub private: bool,
    /// Ratings, if any.
    pub ratings: RatingValues,
    /// Search only: the matching extract, HTML-escaped with `<mark>`s.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet_html: Option<String>,
}

/// A page of the Journal list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryPage {
    /// The entries, newest first.
    pub items: Vec<EntrySummary>,
    /// Pass as `after` to get the next page; none at the end.
    pub next_after: Option<Uuid>,
}

/// A page of search results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchPage {
    /// The matching entries on this page, with snippets.
    pub items: Vec<EntrySummary>,
    /// How many entries match in all (within the filters).
    pub total: usize,
    /// How many can be reached in the order asked for: fewer than `total`
    /// only when relevance ranks the most recent matches of a very common
    /// word.
    pub reachable: usize,
    /// Pass as `offset` to get the next page; none at the end.
    pub next_offset: Option<usize>,
}

/// An entry opened in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryView {
    /// The entry's summary line.
    #[serde(flatten)]
    pub summary: EntrySummary,
    /// Body and sections rendered to sanitised HTML, sections under their
    /// side's name and prompt.
    pub html: String,
    /// The body as written (Markdown), for editing.
    pub body: String,
    /// When it was written, RFC 3339 with its offset.
    pub created: String,
    /// When it was last changed.
    pub updated: String,
    /// In the bin since, if deleted.
    pub deleted: Option<String>,
    /// A reflection's answers as written, for editing (none for a note).
    pub sections: Vec<SectionView>,
}

/// One answer of a reflection, for the entry editor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionView {
    /// The side answered.
    pub side: Side,
    /// "Emotional needs".
    pub side_name: String,
    /// The question the answer was written to; none if it recorded none.
    pub prompt: Option<String>,
    /// The answer (Markdown); empty for a skipped side.
    pub text: String,
}

/// The first words of the entry as plain text: Markdown marks and raw
/// HTML tags are left out, so a list line reads as words.
fn excerpt(entry: &Entry) -> String {
    let text = trine_interchange::render::markdown_to_text(&entry.full_text());
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = flat.chars().take(160).collect();
    if flat.chars().count() > 160 {
        short.push('…');
    }
    short
}

impl From<&Entry> for EntrySummary {
    fn from(entry: &Entry) -> Self {
        EntrySummary {
            id: entry.id,
            kind: entry.kind,
            date: entry.date(),
            title: display_title(entry),
            excerpt: excerpt(entry),
            tags: entry.tags.clone(),
            private: entry.private,
            ratings: entry.ratings.into(),
            snippet_html: None,
        }
    }
}

/// The screens' models, read from and written to the journal.
pub trait Screens {
    /// The This week screen at `now`: the week holding it, whether it is
    /// overdue, and what was written a year and a quarter ago.
    fn this_week(&mut self, now: chrono::NaiveDateTime) -> Result<ThisWeek>;

    /// The reflection screen for any week (a missed one can be filled in).
    fn week_view(&mut self, week: NaiveDate, today: NaiveDate) -> Result<ThisWeek>;

    /// One page of the Journal list.
    fn entry_page(&self, query: &ListQuery) -> Result<EntryPage>;

    /// One page of search results as Journal lines with highlighted
    /// snippets, in `order`, starting `offset` results in.
    fn search_page(
        &self,
        query: &str,
        filter: &ListQuery,
        order: SearchOrder,
        offset: usize,
        limit: usize,
    ) -> Result<SearchPage>;

    /// An entry opened in full, its text rendered to sanitised HTML.
    fn entry_view(&self, id: Uuid) -> Result<EntryView>;

    /// Edits an entry as the entry screen does: `edit`'s fields and, for a
    /// reflection, the text of each side in `answers` (a side it does not
    /// hold is refused). Each answer keeps the question it was written to;
    /// an answer emptied stays as a skipped side. One transaction.
    fn edit_entry(
        &mut self,
        id: Uuid,
        edit: trine_store::model::EntryEdit,
        answers: &[(Side, String)],
    ) -> Result<EntryView>;
}

impl Screens for Journal {
    fn this_week(&mut self, now: chrono::NaiveDateTime) -> Result<ThisWeek> {
        let today = now.date();
        let week = self.settings()?.first_day.week_start(today);
        let mut view = self.week_view(week, today)?;
        view.overdue = self.week_overdue(now)?;
        view.looking_back = self.looking_back(today)?;
        view.checkin_nudge = crate::checkin_nudge::checkin_nudge(
            self.checkins()?.first().map(|c| c.taken.date_naive()),
            today,
        );
        Ok(view)
    }

    fn week_view(&mut self, week: NaiveDate, today: NaiveDate) -> Result<ThisWeek> {
        let prompts = self.shown_prompts(week)?;
        let reflection = self.reflection_for_week(week)?;
        let last = self.reflection_for_week(week - Days::new(7))?;
        let situation = self
            .situation_on((week + Days::new(6)).min(today.max(week)))?
            .map(|s| s.situation);
        let settings = self.settings()?;
        let confident_rating = settings.confident_rating;
        let follow_up = match reflection.as_ref().and_then(|r| r.follow_up.clone()) {
            Some(kept) => Some(FollowUpView {
                planned_html: trine_interchange::render::markdown_to_html(&kept.planned),
                planned: kept.planned,
                answer: kept.answer,
            }),
            None => self.planned_step(week)?.map(|planned| FollowUpView {
                planned_html: trine_interchange::render::markdown_to_html(&planned),
                planned,
                answer: String::new(),
            }),
        };
        let sides = prompts
            .into_iter()
            .map(|(side, prompt)| {
                let section = reflection.as_ref().and_then(|r| r.section(side));
                SideView {
                    side,
                    side_name: side.label().to_string(),
                    answer: section.map(|s| s.text.clone()).unwrap_or_default(),
                    skipped: section.is_some_and(|s| s.text.is_empty()),
                    component: prompt.as_ref().map(|p| p.component.clone()),
                    prompt: prompt.map(|p| p.prompt),
                }
            })
            .collect();
        Ok(ThisWeek {
            week_start: week,
            label: week_label(week),
            status: self.week_status(week, today)?,
            streak: self.streak_through(week)?,
            sides,
            ratings: reflection
                .as_ref()
                .map(|r| r.ratings.into())
                .unwrap_or_default(),
            last_week: last.map(|r| r.ratings.into()).unwrap_or_default(),
            note: reflection
                .as_ref()
                .map(|r| r.body.clone())
                .unwrap_or_default(),
            entry_id: reflection.map(|r| r.id),
            overdue: false,
            looking_back: Vec::new(),
            situation,
            ratings_heading: crate::situations::ratings_heading(situation),
            confident_rating,
            offer_confident_rating: crate::situations::offer_confident_rating(
                situation,
                settings.confident_rating_chosen,
            ),
            follow_up,
            checkin_nudge: None,
        })
    }

    fn entry_page(&self, query: &ListQuery) -> Result<EntryPage> {
        let limit = query.limit.unwrap_or(50);
        let entries = self.list(&ListQuery {
            limit: Some(limit),
            ..query.clone()
        })?;
        let next_after = (entries.len() == limit)
            .then(|| entries.last().map(|e| e.id))
            .flatten();
        Ok(EntryPage {
            items: entries.iter().map(EntrySummary::from).collect(),
            next_after,
        })
    }

    fn search_page(
        &self,
        query: &str,
        filter: &ListQuery,
        order: SearchOrder,
        offset: usize,
        limit: usize,
    ) -> Result<SearchPage> {
        let results = self.search_results(query, filter, order, offset, limit)?;
        Ok(SearchPage {
            items: results
                .hits
                .into_iter()
                .map(
                    |SearchHit {
                         entry,
                         snippet_html,
                         ..
                     }| EntrySummary {
                        snippet_html: Some(snippet_html),
                        ..EntrySummary::from(&entry)
                    },
                )
                .collect(),
            total: results.total,
            reachable: results.reachable,
            next_offset: results.next_offset,
        })
    }

    fn entry_view(&self, id: Uuid) -> Result<EntryView> {
        let entry = self.get(id)?;
        let html = trine_interchange::render::entry_html(self, &entry);
        Ok(EntryView {
            summary: EntrySummary::from(&entry),
            html,
            body: entry.body.clone(),
            created: entry.created.to_rfc3339(),
            updated: entry.updated.to_rfc3339(),
            deleted: entry.deleted.map(|d| d.to_rfc3339()),
            sections: entry
                .sections
                .iter()
                .map(|section| SectionView {
                    side: section.side,
                    side_name: section.side.label().to_string(),
                    prompt: section
                        .prompt_id
                        .as_deref()
                        .and_then(|p| self.prompt(p).ok())
                        .map(|p| p.text),
                    text: section.text.clone(),
                })
                .collect(),
        })
    }

    fn edit_entry(
        &mut self,
        id: Uuid,
        mut edit: trine_store::model::EntryEdit,
        answers: &[(Side, String)],
    ) -> Result<EntryView> {
        if !answers.is_empty() {
            let entry = self.get(id)?;
            let mut sections = entry.sections.clone();
            for (side, text) in answers {
                let section = sections
                    .iter_mut()
                    .find(|s| s.side == *side)
                    .ok_or(trine_store::error::ValidationError::NoSuchAnswer { side: *side })?;
                section.text = text.trim_end().to_string();
            }
            edit.sections = Some(sections);
        }
        self.update(id, edit)?;
        self.entry_view(id)
    }
}

/// A side's colour class name in the UI (`side-developmental` …).
pub fn side_class(side: Side) -> String {
    format!("side-{}", side.as_str())
}

#[cfg(test)]
mod tests;
