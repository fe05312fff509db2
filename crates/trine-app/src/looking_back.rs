//! Looking back: the reflection written a year ago this week, and a
//! quarter ago, shown on the This week screen beside the week being
//! written, when one exists.

use chrono::{Months, NaiveDate};
use serde::Serialize;
use uuid::Uuid;

use crate::views::RatingValues;
use trine_interchange::render::markdown_to_html;
use trine_store::error::Result;
use trine_store::model::{Entry, Side};
use trine_store::store::Journal;

/// How far back to look, with the heading for each, farthest first.
const LOOKS: [(u32, &str); 2] = [(12, "A year ago this week"), (3, "A quarter ago this week")];

/// What was written for one side of a past week.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PastAnswer {
    /// The side.
    pub side: Side,
    /// The side's name, e.g. "Emotional needs".
    pub side_name: String,
    /// The question asked that week, when it is still known.
    pub prompt: Option<String>,
    /// The answer as sanitised HTML.
    pub html: String,
}

/// A past week's reflection, as the This week screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LookBack {
    /// "A year ago this week" or "A quarter ago this week".
    pub heading: &'static str,
    /// The first day of that week.
    pub week_start: NaiveDate,
    /// "the week of 25 November 2025".
    pub label: String,
    /// The reflection, to open it.
    pub entry_id: Uuid,
    /// The sides answered then (sides left empty or skipped are left out).
    pub answers: Vec<PastAnswer>,
    /// How seen, known and valued the person felt then.
    pub ratings: RatingValues,
}

/// Looking back over past weeks and reflections.
pub trait LookingBack {
    /// The reflections of the weeks a year and a quarter before the week
    /// holding `today`, for those of the two weeks that have one.
    fn looking_back(&self, today: NaiveDate) -> Result<Vec<LookBack>>;
}

impl LookingBack for Journal {
    fn looking_back(&self, today: NaiveDate) -> Result<Vec<LookBack>> {
        let first_day = self.settings()?.first_day;
        let mut found = Vec::new();
        for (months, heading) in LOOKS {
            let Some(then) = today.checked_sub_months(Months::new(months)) else {
                continue;
            };
            let week = first_day.week_start(then);
            if let Some(reflection) = self.reflection_for_week(week)? {
                found.push(look_back(self, heading, week, &reflection)?);
            }
        }
        Ok(found)
    }
}

fn look_back(
    journal: &Journal,
    heading: &'static str,
    week: NaiveDate,
    reflection: &Entry,
) -> Result<LookBack> {
    let mut answers = Vec::new();
    for section in reflection
        .sections
        .iter()
        .filter(|s| !s.text.trim().is_empty())
    {
        let prompt = match &section.prompt_id {
            Some(id) => journal.prompt(id).ok().map(|p| p.text),
            None => None,
        };
        answers.push(PastAnswer {
            side: section.side,
            side_name: section.side.label().to_string(),
            prompt,
            html: markdown_to_html(&section.text),
        });
    }
    Ok(LookBack {
        heading,
        week_start: week,
        label: format!("the week of {}", week.format("%-d %B %Y")),
        entry_id: reflection.id,
        answers,
        ratings: reflection.ratings.into(),
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::prelude::*;

    use trine_store::model::{Rating, Side};
    use trine_store::store::{Answer, Journal, ReflectionUpdate};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn reflect(journal: &mut Journal, week: &str, emotional: &str, seen: i64) {
        let mut update = ReflectionUpdate {
            answers: vec![
                (Side::Emotional, Answer::Text(emotional.into())),
                (Side::Developmental, Answer::Skip),
            ],
            ..ReflectionUpdate::default()
        };
        update.ratings.seen = Some(Rating::new("seen", seen).unwrap());
        journal.save_reflection(day(week), update).unwrap();
    }

    #[test]
    fn the_weeks_a_year_and_a_quarter_ago_are_found_when_written() {
        let mut journal = Journal::open_in_memory().unwrap();
        // Today is Tuesday 24 November 2026; weeks start on Monday.
        reflect(
            &mut journal,
            "2025-11-24",
            "Nobody **noticed** the launch.<script>alert(1)</script>",
            3,
        );
        reflect(
            &mut journal,
            "2026-08-24",
            "My manager asked for my view.",
            7,
        );
        reflect(&mut journal, "2026-08-17", "A week too early to count.", 5);

        let found = journal.looking_back(day("2026-11-24")).unwrap();

        let headings: Vec<_> = found.iter().map(|l| (l.heading, l.week_start)).collect();
        assert_eq!(
            headings,
            vec![
                ("A year ago this week", day("2025-11-24")),
                ("A quarter ago this week", day("2026-08-24")),
            ]
        );
        let year = &found[0];
        assert_eq!(year.label, "the week of 24 November 2025");
        assert_eq!(year.ratings.seen, Some(3));
        assert_eq!(year.answers.len(), 1, "the skipped side is left out");
        assert_eq!(year.answers[0].side, Side::Emotional);
        assert!(year.answers[0].prompt.is_some(), "the question asked then");
        let html = &year.answers[0].html;
        assert!(html.contains("<strong>noticed</strong>"), "{html}");
        assert!(!html.contains("<script"), "sanitised: {html}");
    }

    #[test]
    fn nothing_is_shown_for_weeks_without_a_reflection() {
        let mut journal = Journal::open_in_memory().unwrap();
        assert!(journal.looking_back(day("2026-11-24")).unwrap().is_empty());
        reflect(&mut journal, "2026-11-16", "Last week only.", 6);
        assert!(journal.looking_back(day("2026-11-24")).unwrap().is_empty());
    }

    #[test]
    fn the_week_a_year_ago_follows_the_chosen_first_day() {
        let mut journal = Journal::open_in_memory().unwrap();
        journal
            .set_first_day(trine_store::week::FirstDay(chrono::Weekday::Sun))
            .unwrap();
        // 24 November 2025 was a Monday: its week began on Sunday the 23rd.
        reflect(&mut journal, "2025-11-23", "Started on a Sunday.", 4);
        let found = journal.looking_back(day("2026-11-24")).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].week_start, day("2025-11-23"));
    }
}
