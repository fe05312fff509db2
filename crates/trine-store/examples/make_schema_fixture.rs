//! Writes a small journal at the current schema version, for the migration
//! tests: `cargo run -p trine-store --example make_schema_fixture -- OUT.db`.
//!
//! Run it once when a new schema version is released and commit the file as
//! `tests/fixtures/schema-vN.db`; never regenerate an older fixture. The
//! content must stay what `tests/migrations.rs` expects.

use chrono::DateTime;
use trine_store::store::NewCheckIn;
use trine_store::{Journal, NewEntry, Ratings, Section, Side};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .ok_or("usage: make_schema_fixture OUT.db")?;
    let mut journal = Journal::open(std::path::Path::new(&out))?;
    let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("valid time");
    journal.create(NewEntry {
        id: Some("00000000-0000-4000-8000-000000000001".parse()?),
        kind: Some(trine_store::EntryKind::Reflection),
        title: "Fixture reflection".into(),
        sections: vec![Section {
            side: Side::Emotional,
            prompt_id: Some("feeling-seen-01".into()),
            text: "Someone noticed the migration work.".into(),
        }],
        tags: vec!["fixture".into()],
        ratings: Ratings::checked(Some(6), Some(7), Some(8))?,
        created: Some(at("2026-11-24T18:00:00+01:00")),
        ..NewEntry::default()
    })?;
    journal.create(NewEntry {
        id: Some("00000000-0000-4000-8000-000000000002".parse()?),
        private: true,
        created: Some(at("2026-11-25T08:30:00-05:00")),
        ..NewEntry::note("Fixture private note", "Ünïcödé and a quiet worry.")
    })?;
    let gone = journal.create(NewEntry {
        id: Some("00000000-0000-4000-8000-000000000003".parse()?),
        created: Some(at("2026-11-26T12:00:00+00:00")),
        ..NewEntry::note("Fixture deleted note", "in the bin")
    })?;
    journal.delete(gone.id)?;
    journal.record_checkin(NewCheckIn {
        scores: [("voice".to_string(), 4), ("community".to_string(), 2)]
            .into_iter()
            .collect(),
        taken: Some(at("2026-11-24T18:05:00+01:00")),
        ..NewCheckIn::default()
    })?;
    journal.set_setting("week.first_day", "monday")?;
    // Since schema version 2: the triangle as data, prompts and week prompts.
    let week = trine_store::week::parse_date("fixture", "2026-11-23")?;
    journal.week_prompts(week)?;
    journal.another_prompt(week, Side::Integration)?;
    journal.add_prompt(
        "voice",
        "Who heard your real answer this week?",
        Some("Name them."),
        &[],
    )?;
    journal.edit_component("community", Some("My people".into()), None)?;
    // Since schema version 4: the situation and its history.
    journal.set_situation(
        trine_store::Situation::Working,
        trine_store::week::parse_date("fixture", "2026-01-05")?,
    )?;
    journal.set_situation(
        trine_store::Situation::Looking,
        trine_store::week::parse_date("fixture", "2026-11-02")?,
    )?;
    // Since schema version 6: the confidence rating and a follow-up on
    // last week's planned step.
    journal.create(NewEntry {
        id: Some("00000000-0000-4000-8000-000000000004".parse()?),
        kind: Some(trine_store::EntryKind::Reflection),
        title: "Fixture follow-up".into(),
        ratings: Ratings::checked(None, None, None)?.with_confident(Some(6))?,
        follow_up: Some(trine_store::FollowUp {
            planned: "Send two applications.".into(),
            answer: "Sent one, and a note to a friend.".into(),
        }),
        created: Some(at("2026-12-02T19:00:00+01:00")),
        ..NewEntry::default()
    })?;
    drop(journal);
    // Fold the WAL into the main file so the fixture is one file.
    let conn = rusqlite::Connection::open(&out)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    conn.pragma_update(None, "journal_mode", "DELETE")?;
    Ok(())
}
