//! Writing the week's one reflection in parts (answers, ratings, the note,
//! how last week's step went) and reading the step planned for a week.

use chrono::{Days, NaiveDate};

use super::triangle::find_prompt;
use super::Journal;
use crate::error::Result;
use crate::model::{Entry, Ratings, Side};

/// An answer to one side's prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The answer, in Markdown.
    Text(String),
    /// The side is skipped this week.
    Skip,
    /// The side has no answer (yet): any saved answer or skip is removed.
    Clear,
}

/// Changes to a week's reflection; what is not given is kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReflectionUpdate {
    /// Answers by side.
    pub answers: Vec<(Side, Answer)>,
    /// Ratings given; each one set replaces the stored one.
    pub ratings: Ratings,
    /// Take `ratings` as all three, so one left unset is cleared (the app
    /// sends its whole state); otherwise unset ones are kept.
    pub replace_ratings: bool,
    /// The optional note (the entry's body).
    pub note: Option<String>,
    /// How last week's planned step went ([`Journal::planned_step`]); an
    /// empty answer removes it.
    pub follow_up: Option<String>,
}

impl Journal {
    /// Creates or edits the week's one reflection. A new answer is stored
    /// with the week's prompt for its side; an answer rewritten keeps the
    /// prompt it was first written to (or none, for one imported without),
    /// so editing an old week never pins its words to a question drawn
    /// today.
    pub fn save_reflection(&mut self, week: NaiveDate, update: ReflectionUpdate) -> Result<Entry> {
        // Something is written in the week: its prompts are kept.
        let prompts = self.draw_week_prompts(week, true)?;
        let prompt_for = |side: Side| {
            prompts
                .iter()
                .find(|p| p.side == side)
                .map(|p| p.prompt.id.clone())
        };
        let existing = self.reflection_for_week(week)?;
        let mut sections = existing
            .as_ref()
            .map(|e| e.sections.clone())
            .unwrap_or_default();
        for (side, answer) in update.answers {
            let answered = sections
                .iter()
                .find(|s| s.side == side)
                .map(|s| s.prompt_id.clone());
            sections.retain(|s| s.side != side);
            let text = match answer {
                Answer::Text(text) => text.trim_end().to_string(),
                Answer::Skip => String::new(),
                Answer::Clear => continue,
            };
            sections.push(crate::model::Section {
                side,
                prompt_id: answered.unwrap_or_else(|| prompt_for(side)),
                text,
            });
        }
        let mut ratings = existing.as_ref().map(|e| e.ratings).unwrap_or_default();
        if update.replace_ratings {
            ratings = update.ratings;
        } else {
            ratings.seen = update.ratings.seen.or(ratings.seen);
            ratings.known = update.ratings.known.or(ratings.known);
            ratings.valued = update.ratings.valued.or(ratings.valued);
            ratings.confident = update.ratings.confident.or(ratings.confident);
        }
        let follow_up = match update.follow_up {
            None => None,
            Some(answer) if answer.trim().is_empty() => Some(None),
            Some(answer) => {
                // The step as first brought back stays the one answered.
                let planned = match existing.as_ref().and_then(|e| e.follow_up.clone()) {
                    Some(kept) => kept.planned,
                    None => self
                        .planned_step(week)?
                        .ok_or(crate::ValidationError::NothingPlanned(week))?,
                };
                Some(Some(crate::model::FollowUp { planned, answer }))
            }
        };
        match existing {
            Some(entry) => self.update(
                entry.id,
                crate::model::EntryEdit {
                    sections: Some(sections),
                    ratings: Some(ratings),
                    body: update.note,
                    follow_up,
                    ..crate::model::EntryEdit::default()
                },
            ),
            None => self.create(crate::model::NewEntry {
                sections,
                ratings,
                body: update.note.unwrap_or_default(),
                follow_up: follow_up.flatten(),
                ..crate::model::NewEntry::reflection(week)
            }),
        }
    }

    /// The next step planned the week before `week`: what last week's
    /// reflection wrote to a next-step prompt (several, one paragraph
    /// each), or none when it answered none.
    pub fn planned_step(&self, week: NaiveDate) -> Result<Option<String>> {
        let Some(last) = week.checked_sub_days(Days::new(7)) else {
            return Ok(None);
        };
        let Some(reflection) = self.reflection_for_week(last)? else {
            return Ok(None);
        };
        let mut planned = Vec::new();
        for section in &reflection.sections {
            let Some(id) = section.prompt_id.as_deref() else {
                continue;
            };
            let next_step = find_prompt(&self.conn, id)
                .map(|p| p.angle == Some(crate::library::Angle::NextStep))
                .unwrap_or(false);
            if next_step && !section.text.trim().is_empty() {
                planned.push(section.text.trim().to_string());
            }
        }
        Ok((!planned.is_empty()).then(|| planned.join("\n\n")))
    }
}
