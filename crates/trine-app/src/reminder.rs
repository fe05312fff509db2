//! The weekly reminder: when it falls in a week, whether it is owed now,
//! and the words it says. The app shows it as a desktop notification; the
//! This week screen shows the same "due" state when the app is opened.
//!
//! A reminder is owed when reminders are on, the chosen day and time of
//! the current week have passed, the week's reflection is not done, and no
//! reminder was shown for this week yet. The last week reminded is kept in
//! the journal, so a restart does not remind twice.
//!
//! What the rule needs is read from the journal into a [`ReminderPlan`]
//! while the journal is open, so that the app can still remind when an
//! encrypted journal has locked itself after a while without use (which is
//! when a reminder is most needed). The plan holds no words of the journal.

use crate::prelude::*;
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use trine_store::error::Result;
use trine_store::store::{Journal, WeekStatus};
use trine_store::week::FirstDay;

/// The setting holding the first day of the last week reminded.
const LAST_REMINDED: &str = "reminder.last_week";

/// The words of the reminder.
const TITLE: &str = "Time for this week's reflection";
const BODY: &str = "Three short questions, one for each side of your triangle, and how seen, known and valued you felt. A few quiet minutes is enough.";

/// A reminder to show now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// The first day of the week it is for.
    pub week_start: NaiveDate,
    /// The notification's title.
    pub title: &'static str,
    /// The notification's text.
    pub body: &'static str,
}

/// The moment the reminder falls in the week starting `week_start`: the
/// first `day` on or after the week's start, at `time`.
pub fn reminder_moment(week_start: NaiveDate, day: FirstDay, time: NaiveTime) -> NaiveDateTime {
    let ahead =
        (7 + day.0.num_days_from_monday() - week_start.weekday().num_days_from_monday()) % 7;
    (week_start + Days::new(u64::from(ahead))).and_time(time)
}

/// What the reminder rule needs from the journal, read while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderPlan {
    enabled: bool,
    first_day: FirstDay,
    day: FirstDay,
    time: NaiveTime,
    /// The week that was done when the plan was read, if the current one was.
    done_week: Option<NaiveDate>,
    last_reminded: Option<NaiveDate>,
}

impl ReminderPlan {
    /// Whether the reminder time of the week holding `now` has passed with
    /// that week not done (whether or not reminders are on).
    pub fn overdue(&self, now: NaiveDateTime) -> bool {
        let week = self.first_day.week_start(now.date());
        now >= reminder_moment(week, self.day, self.time) && self.done_week != Some(week)
    }

    /// The reminder owed at `now`, if any.
    pub fn due(&self, now: NaiveDateTime) -> Option<Reminder> {
        let week = self.first_day.week_start(now.date());
        let owed = self.enabled && self.overdue(now) && self.last_reminded != Some(week);
        owed.then_some(Reminder {
            week_start: week,
            title: TITLE,
            body: BODY,
        })
    }

    /// Notes that the reminder for the week starting `week` was shown.
    pub fn reminded(&mut self, week: NaiveDate) {
        self.last_reminded = Some(week);
    }
}

/// The weekly reminder's plan, read from the journal.
pub trait Reminders {
    /// Reads what the reminder rule needs, at `now`.
    fn reminder_plan(&self, now: NaiveDateTime) -> Result<ReminderPlan>;

    /// Whether the current week's reminder time has passed with its
    /// reflection not done: the week is due, whether or not reminders are
    /// on (the This week screen says so either way).
    fn week_overdue(&self, now: NaiveDateTime) -> Result<bool>;

    /// The reminder owed at `now`, if any (see the module's rules). Call
    /// [`Journal::mark_reminded`] once it is shown.
    fn reminder_due(&self, now: NaiveDateTime) -> Result<Option<Reminder>>;

    /// Records that the reminder for the week starting `week` was shown.
    fn mark_reminded(&mut self, week: NaiveDate) -> Result<()>;
}

impl Reminders for Journal {
    fn reminder_plan(&self, now: NaiveDateTime) -> Result<ReminderPlan> {
        let settings = self.app_settings()?;
        let first_day = self.settings()?.first_day;
        let week = first_day.week_start(now.date());
        let done = self.week_status(week, now.date())? == WeekStatus::Done;
        Ok(ReminderPlan {
            enabled: settings.reminder_enabled,
            first_day,
            day: settings.reminder_day.parse()?,
            time: NaiveTime::parse_from_str(&settings.reminder_time, "%H:%M")
                .unwrap_or(NaiveTime::MIN),
            done_week: done.then_some(week),
            last_reminded: self.setting(LAST_REMINDED)?.and_then(|w| w.parse().ok()),
        })
    }

    fn week_overdue(&self, now: NaiveDateTime) -> Result<bool> {
        Ok(self.reminder_plan(now)?.overdue(now))
    }

    fn reminder_due(&self, now: NaiveDateTime) -> Result<Option<Reminder>> {
        Ok(self.reminder_plan(now)?.due(now))
    }

    fn mark_reminded(&mut self, week: NaiveDate) -> Result<()> {
        self.set_setting(LAST_REMINDED, &week.to_string())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDateTime, Weekday};

    use super::*;
    use trine_store::model::Rating;
    use trine_store::store::{Answer, ReflectionUpdate};

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn the_moment_is_the_chosen_day_of_the_week_at_the_chosen_time() {
        let friday = FirstDay(Weekday::Fri);
        let four = NaiveTime::from_hms_opt(16, 0, 0).unwrap();
        // Weeks from Monday 23 November 2026: Friday the 27th.
        assert_eq!(
            reminder_moment("2026-11-23".parse().unwrap(), friday, four),
            at("2026-11-27 16:00")
        );
        // Weeks from Saturday 28 November: the Friday that ends it.
        assert_eq!(
            reminder_moment("2026-11-28".parse().unwrap(), friday, four),
            at("2026-12-04 16:00")
        );
        // On the first day itself.
        assert_eq!(
            reminder_moment("2026-11-27".parse().unwrap(), friday, four),
            at("2026-11-27 16:00")
        );
    }

    #[test]
    fn a_reminder_is_owed_once_after_its_time_until_the_week_is_done() {
        let mut journal = Journal::open_in_memory().unwrap();
        // The defaults: Friday at 16:00, reminders on.
        assert_eq!(journal.reminder_due(at("2026-11-27 15:59")).unwrap(), None);
        assert!(!journal.week_overdue(at("2026-11-27 15:59")).unwrap());
        let owed = journal
            .reminder_due(at("2026-11-27 16:00"))
            .unwrap()
            .expect("owed at four");
        assert_eq!(owed.week_start, "2026-11-23".parse().unwrap());
        journal.mark_reminded(owed.week_start).unwrap();
        assert_eq!(
            journal.reminder_due(at("2026-11-28 09:00")).unwrap(),
            None,
            "once a week"
        );
        assert!(journal.week_overdue(at("2026-11-28 09:00")).unwrap());
        assert!(
            journal
                .reminder_due(at("2026-12-04 16:30"))
                .unwrap()
                .is_some(),
            "and again the next week"
        );
    }

    #[test]
    fn a_done_week_or_reminders_turned_off_owe_nothing() {
        let mut journal = Journal::open_in_memory().unwrap();
        let mut update = ReflectionUpdate {
            answers: trine_store::model::Side::ALL
                .into_iter()
                .map(|side| (side, Answer::Text("words".into())))
                .collect(),
            ..ReflectionUpdate::default()
        };
        for (field, slot) in [
            ("seen", &mut update.ratings.seen),
            ("known", &mut update.ratings.known),
            ("valued", &mut update.ratings.valued),
        ] {
            *slot = Some(Rating::new(field, 6).unwrap());
        }
        journal
            .save_reflection("2026-11-23".parse().unwrap(), update)
            .unwrap();
        assert_eq!(journal.reminder_due(at("2026-11-27 17:00")).unwrap(), None);
        assert!(!journal.week_overdue(at("2026-11-27 17:00")).unwrap());

        let mut settings = journal.app_settings().unwrap();
        settings.reminder_enabled = false;
        journal.save_app_settings(&settings).unwrap();
        assert_eq!(journal.reminder_due(at("2026-12-04 17:00")).unwrap(), None);
        assert!(
            journal.week_overdue(at("2026-12-04 17:00")).unwrap(),
            "still due on the screen"
        );
    }

    #[test]
    fn a_plan_read_earlier_reminds_later_without_the_journal() {
        let journal = Journal::open_in_memory().unwrap();
        // Read on Friday morning (as the app does while the journal is open),
        // then used in the afternoon, when an encrypted journal may be locked.
        let mut plan = journal.reminder_plan(at("2026-11-27 09:00")).unwrap();
        drop(journal);
        assert_eq!(plan.due(at("2026-11-27 15:59")), None);
        let owed = plan.due(at("2026-11-27 16:00")).expect("owed at four");
        plan.reminded(owed.week_start);
        assert_eq!(plan.due(at("2026-11-27 18:00")), None, "once");
        assert!(
            plan.due(at("2026-12-04 16:00")).is_some(),
            "next week too: a week done earlier does not count for it"
        );
    }
}
