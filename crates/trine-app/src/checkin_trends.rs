//! The Check-in and Trends screens' models: the check-in form and its
//! history, and every chart and insight of the Trends screen, gathered in
//! one call each.

use crate::prelude::*;
use chrono::NaiveDate;
use serde::Serialize;

use trine_store::error::Result;
use trine_store::store::Journal;

/// Everything the Check-in screen shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckinView {
    /// The three sides.
    pub sides: Vec<trine_store::store::SideInfo>,
    /// The nine components, side by side.
    pub components: Vec<trine_store::store::Component>,
    /// The latest check-in, to start the controls from.
    pub latest: Option<trine_store::store::CheckIn>,
    /// The triangle picture of the latest check-ins.
    pub triangle: trine_charts::Chart,
    /// Each component's score across the check-ins, drawn and as a table.
    pub history: trine_charts::Chart,
    /// What each score of the 1 to 5 scale means.
    pub scale: Vec<crate::checkin_nudge::ScaleStep>,
    /// A gentle word when the latest check-in is a month old or more.
    pub nudge: Option<String>,
}

/// Everything the Trends screen shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendsView {
    /// Seen, known and valued over the weeks.
    pub ratings: trine_charts::Chart,
    /// The reflection calendar.
    pub calendar: trine_charts::Chart,
    /// Each component's check-in score over time.
    pub checkin_history: trine_charts::Chart,
    /// A gentle word when the latest check-in is a month old or more.
    pub checkin_nudge: Option<String>,
    /// The insights as numbers.
    pub insights: crate::insights::Insights,
}

/// The Check-in and Trends screens' models.
pub trait CheckinTrends {
    /// The Check-in screen.
    fn checkin_view(&self) -> Result<CheckinView>;

    /// The Trends screen for a range of dates, with tag markers and a
    /// rolling average if asked.
    fn trends_view(
        &mut self,
        options: &trine_charts::RatingsChartOptions,
        today: NaiveDate,
    ) -> Result<TrendsView>;
}

impl CheckinTrends for Journal {
    fn checkin_view(&self) -> Result<CheckinView> {
        let latest = self.checkins()?.into_iter().next();
        Ok(CheckinView {
            sides: self.sides()?,
            components: self.components()?,
            nudge: crate::checkin_nudge::checkin_nudge(
                latest.as_ref().map(|c| c.taken.date_naive()),
                crate::clock::today(),
            ),
            latest,
            triangle: self.triangle_chart()?,
            history: self.checkin_history_chart()?,
            scale: crate::checkin_nudge::checkin_scale(),
        })
    }

    fn trends_view(
        &mut self,
        options: &trine_charts::RatingsChartOptions,
        today: NaiveDate,
    ) -> Result<TrendsView> {
        let first_day = self.settings()?.first_day;
        let insights = self.insights(
            options.from.map(|d| first_day.week_start(d)),
            options.to.map(|d| first_day.week_start(d)),
        )?;
        // The honest-change levels, drawn beneath each rating's line.
        let changes = &insights.changes;
        let mut levels = vec![
            ("seen".to_string(), changes.seen.levels()),
            ("known".to_string(), changes.known.levels()),
            ("valued".to_string(), changes.valued.levels()),
        ];
        if let Some(confident) = &changes.confident {
            levels.push(("confident".to_string(), confident.levels()));
        }
        let options = trine_charts::RatingsChartOptions {
            levels,
            ..options.clone()
        };
        Ok(TrendsView {
            ratings: self.ratings_chart(&options)?,
            calendar: self.calendar_chart_at(options.from, options.to, today, options.size.0)?,
            checkin_history: self.checkin_history_chart()?,
            checkin_nudge: crate::checkin_nudge::checkin_nudge(
                self.checkins()?.first().map(|c| c.taken.date_naive()),
                today,
            ),
            insights,
        })
    }
}
