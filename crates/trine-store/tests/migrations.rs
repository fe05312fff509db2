//! Every earlier schema version opens and migrates with nothing lost.
//!
//! `tests/fixtures/schema-vN.db` is a journal written by the Trine that
//! introduced schema version N (see `examples/make_schema_fixture.rs`).

use std::path::PathBuf;

use trine_store::store::{ListQuery, CURRENT_VERSION};
use trine_store::{Journal, Side};

fn fixture(version: i64) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-v{version}.db"))
}

#[test]
fn every_schema_version_has_a_fixture() {
    for version in 1..=CURRENT_VERSION {
        assert!(
            fixture(version).exists(),
            "missing {}",
            fixture(version).display()
        );
    }
}

#[test]
fn every_earlier_schema_opens_and_keeps_its_content() {
    for version in 1..=CURRENT_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        std::fs::copy(fixture(version), &path).unwrap();
        let journal = Journal::open(&path).unwrap_or_else(|e| panic!("schema v{version}: {e}"));
        assert_eq!(
            journal.schema_version().unwrap(),
            CURRENT_VERSION,
            "v{version} migrated"
        );
        // From schema 6 on, the fixture adds a reflection with a follow-up.
        let added = usize::from(version >= 6);
        let health = journal.health().unwrap();
        assert!(health.is_ok(), "v{version}: {health:?}");
        assert_eq!(
            (health.entries, health.deleted, health.checkins),
            (2 + added as u64, 1, 1),
            "v{version}"
        );

        let reflection = journal
            .get("00000000-0000-4000-8000-000000000001".parse().unwrap())
            .unwrap();
        assert_eq!(reflection.title, "Fixture reflection");
        assert_eq!(reflection.tags, vec!["fixture"]);
        assert_eq!(reflection.created.to_rfc3339(), "2026-11-24T18:00:00+01:00");
        let section = reflection.section(Side::Emotional).unwrap();
        assert_eq!(section.prompt_id.as_deref(), Some("feeling-seen-01"));
        assert_eq!(reflection.ratings.valued.unwrap().get(), 8);

        let private = journal
            .get("00000000-0000-4000-8000-000000000002".parse().unwrap())
            .unwrap();
        assert!(private.private);
        assert_eq!(private.body, "Ünïcödé and a quiet worry.");
        let deleted = journal
            .get("00000000-0000-4000-8000-000000000003".parse().unwrap())
            .unwrap();
        assert!(deleted.deleted.is_some());

        assert_eq!(
            journal.search("migration", 10).unwrap().len(),
            1,
            "v{version}: the index works"
        );
        // The themes' counts are made from the entries on first use.
        let mut journal = journal;
        let terms = journal.week_terms(None, None).unwrap();
        assert!(
            terms.iter().any(|(_, t)| t.get("migration") == Some(&1)),
            "v{version}: {terms:?}"
        );
        assert_eq!(
            journal.list(&ListQuery::default()).unwrap().len(),
            2 + added
        );
        assert_eq!(journal.checkins().unwrap()[0].scores["voice"], 4);
        assert_eq!(journal.weekly_ratings(None, None).unwrap().len(), 1 + added);

        // Every version ends with the full triangle and library seeded.
        assert_eq!(journal.components().unwrap().len(), 9, "v{version}");
        assert!(
            journal.prompts(None, false).unwrap().len() >= 108,
            "v{version}"
        );
        if version >= 2 {
            let week = trine_store::week::parse_date("test", "2026-11-23").unwrap();
            assert_eq!(
                journal.component("community").unwrap().name,
                "My people",
                "renames survive"
            );
            let own = journal.prompts(Some("voice"), false).unwrap();
            assert!(own
                .iter()
                .any(|p| p.text == "Who heard your real answer this week?"));
            // The stored week keeps its prompts (reading needs &mut only to fill gaps).
            let mut journal = journal;
            let prompts = journal.week_prompts(week).unwrap();
            assert_eq!(prompts.len(), 3, "v{version}");
            if version >= 6 {
                let followed = journal
                    .get("00000000-0000-4000-8000-000000000004".parse().unwrap())
                    .unwrap();
                assert_eq!(followed.ratings.confident.unwrap().get(), 6);
                let follow_up = followed.follow_up.unwrap();
                assert_eq!(follow_up.planned, "Send two applications.");
                assert_eq!(follow_up.answer, "Sent one, and a note to a friend.");
            }
            if version >= 4 {
                let history = journal.situation_history().unwrap();
                assert_eq!(history.len(), 2, "v{version}");
                assert_eq!(
                    journal.situation().unwrap().map(|s| s.situation),
                    Some(trine_store::Situation::Looking)
                );
            } else {
                assert_eq!(
                    journal.situation().unwrap(),
                    None,
                    "v{version}: not said yet"
                );
            }
        }
    }
}
