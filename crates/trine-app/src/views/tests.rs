//! Tests of the screens' models.

use super::*;
use trine_store::html::escape_html;
use trine_store::model::NewEntry;
use trine_store::store::{Answer, ReflectionUpdate};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn a_past_weeks_screen_shows_the_streak_it_had_then() {
    let mut journal = Journal::open_in_memory().unwrap();
    let today = day("2026-11-25");
    for week in [
        "2026-10-12",
        "2026-10-26",
        "2026-11-02",
        "2026-11-09",
        "2026-11-16",
    ] {
        let mut entry = NewEntry::reflection(day(week));
        entry.sections = Side::ALL
            .iter()
            .map(|side| trine_store::model::Section {
                side: *side,
                prompt_id: None,
                text: "answered".into(),
            })
            .collect();
        entry.ratings = Ratings::checked(Some(5), Some(5), Some(5)).unwrap();
        entry.created = Some(
            day(week)
                .and_hms_opt(19, 0, 0)
                .unwrap()
                .and_local_timezone(chrono::FixedOffset::east_opt(3600).unwrap())
                .unwrap(),
        );
        journal.create(entry).unwrap();
    }
    let old_week = journal.week_view(day("2026-11-02"), today).unwrap();
    assert_eq!(
        old_week.streak, 2,
        "the week's screen shows the week's streak"
    );
}

#[test]
fn this_week_gathers_prompts_answers_ratings_and_last_week() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .rate_week(
            day("2026-11-16"),
            Ratings::checked(Some(4), Some(5), Some(6)).unwrap(),
            None,
        )
        .unwrap();
    journal
        .save_reflection(
            day("2026-11-23"),
            ReflectionUpdate {
                answers: vec![
                    (Side::Emotional, Answer::Text("Seen *today*".into())),
                    (Side::Integration, Answer::Skip),
                ],
                ratings: Ratings::checked(Some(7), None, None).unwrap(),
                note: Some("note".into()),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    let view = journal
        .this_week(day("2026-11-25").and_hms_opt(12, 0, 0).unwrap())
        .unwrap();
    assert_eq!(view.label, "the week of 23 November 2026");
    assert_eq!(view.status, WeekStatus::PartlyDone);
    assert_eq!(view.sides.len(), 3);
    assert_eq!(view.sides[1].answer, "Seen *today*");
    assert!(view.sides[2].skipped && !view.sides[0].skipped);
    assert_eq!(
        view.ratings,
        RatingValues {
            seen: Some(7),
            known: None,
            valued: None,
            confident: None
        }
    );
    assert_eq!(
        view.last_week,
        RatingValues {
            seen: Some(4),
            known: Some(5),
            valued: Some(6),
            confident: None
        }
    );
    assert_eq!(view.note, "note");
    assert!(view.entry_id.is_some());
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(
        json["sides"][0]["side"], "developmental",
        "flattened prompt fields"
    );
    assert!(json["sides"][0]["prompt"]["text"].is_string());
}

#[test]
fn entry_pages_follow_on_and_end() {
    let mut journal = Journal::open_in_memory().unwrap();
    for i in 0..5 {
        journal
            .create(NewEntry::note(format!("n{i}"), "body"))
            .unwrap();
    }
    let first = journal
        .entry_page(&ListQuery {
            limit: Some(2),
            ..ListQuery::default()
        })
        .unwrap();
    assert_eq!(first.items.len(), 2);
    let second = journal
        .entry_page(&ListQuery {
            limit: Some(2),
            after: first.next_after,
            ..ListQuery::default()
        })
        .unwrap();
    let third = journal
        .entry_page(&ListQuery {
            limit: Some(2),
            after: second.next_after,
            ..ListQuery::default()
        })
        .unwrap();
    assert_eq!(third.items.len(), 1);
    assert_eq!(third.next_after, None, "the last page says so");
    let titles: Vec<String> = [first, second, third]
        .iter()
        .flat_map(|p| p.items.iter().map(|i| i.title.clone()))
        .collect();
    assert_eq!(titles, vec!["n4", "n3", "n2", "n1", "n0"]);
}

#[test]
fn an_opened_entry_is_rendered_safely_with_its_prompts() {
    let mut journal = Journal::open_in_memory().unwrap();
    let week = day("2026-11-23");
    let entry = journal
        .save_reflection(
            week,
            ReflectionUpdate {
                answers: vec![(
                    Side::Emotional,
                    Answer::Text("<script>alert(1)</script>\n\nSome **bold** words".into()),
                )],
                note: Some("<img src=x onerror=alert(2)> body".into()),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
    let prompt = journal.week_prompts(week).unwrap()[1].prompt.text.clone();
    let view = journal.entry_view(entry.id).unwrap();
    assert!(
        !view.html.contains("<script")
            && !view.html.contains("<img")
            && !view.html.contains("onerror"),
        "{}",
        view.html
    );
    assert!(view.html.contains("<strong>bold</strong>"));
    assert!(view.html.contains("<h3>Emotional needs</h3>"));
    assert!(
        view.html.contains(&escape_html(&prompt)),
        "the prompt answered is shown"
    );
    assert_eq!(
        view.summary.title,
        "Reflection, the week of 23 November 2026"
    );
    let hits = journal
        .search_page("bold", &ListQuery::default(), SearchOrder::Relevance, 0, 5)
        .unwrap()
        .items;
    assert!(hits[0]
        .snippet_html
        .as_deref()
        .unwrap()
        .contains("&lt;script&gt;"));
}
