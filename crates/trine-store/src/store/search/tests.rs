//! Tests of search internals: query parsing and escaping, snippets, and
//! the plans of filtered searches.

use super::*;

#[test]
fn a_very_common_word_ranks_its_most_recent_matches() {
    let mut journal = Journal::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for i in 0..10 {
        // The oldest entries repeat the word most, so rank alone would put them first.
        let body = "meeting ".repeat(10 - i);
        ids.push(
            journal
                .create(crate::NewEntry::note(format!("n{i}"), body))
                .unwrap()
                .id,
        );
    }
    let all = journal.search_within("meeting", 3, 100, None).unwrap();
    assert_eq!(
        all[0].entry.id, ids[0],
        "with a wide window, relevance decides"
    );
    let recent = journal.search_within("meeting", 3, 4, None).unwrap();
    let found: Vec<_> = recent.iter().map(|h| h.entry.id).collect();
    assert_eq!(
        found,
        vec![ids[6], ids[7], ids[8]],
        "only the 4 newest matches are ranked, best first"
    );
    assert_eq!(
        journal.search_within("meeting", 10, 4, None).unwrap().len(),
        4
    );
}

#[test]
fn results_page_with_the_true_count_in_either_order() {
    let mut journal = Journal::open_in_memory().unwrap();
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-05T09:00:00+00:00").unwrap();
    let mut ids = Vec::new();
    for i in 0..55 {
        // Added oldest first, except the last, which is backdated: the
        // date, not the order of adding, decides "newest first".
        let day = if i == 54 { 0 } else { i as u64 + 1 };
        let created = start.checked_add_days(chrono::Days::new(day)).unwrap();
        let entry = journal
            .create(crate::NewEntry {
                created: Some(created),
                tags: if i % 5 == 0 {
                    vec!["offsite".into()]
                } else {
                    vec![]
                },
                ..crate::NewEntry::note(format!("n{i}"), "planning the offsite ".repeat(1 + i % 3))
            })
            .unwrap();
        ids.push(entry.id);
    }
    journal
        .create(crate::NewEntry::note("other", "nothing here"))
        .unwrap();
    let all = crate::ListQuery::default();

    let first = journal
        .search_results("offsite", &all, SearchOrder::Relevance, 0, 50)
        .unwrap();
    assert_eq!(first.hits.len(), 50);
    assert_eq!((first.total, first.reachable), (55, 55), "the true count");
    assert_eq!(first.next_offset, Some(50));
    let rest = journal
        .search_results("offsite", &all, SearchOrder::Relevance, 50, 50)
        .unwrap();
    assert_eq!(rest.hits.len(), 5);
    assert_eq!(rest.next_offset, None, "the end");
    let mut seen: Vec<_> = first
        .hits
        .iter()
        .chain(&rest.hits)
        .map(|h| h.entry.id)
        .collect();
    assert!(
        first.hits.windows(2).all(|w| w[0].score <= w[1].score),
        "best first"
    );
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 55, "every match once across the pages");

    let newest = journal
        .search_results("offsite", &all, SearchOrder::Newest, 0, 3)
        .unwrap();
    let order: Vec<_> = newest.hits.iter().map(|h| h.entry.id).collect();
    assert_eq!(
        order,
        vec![ids[53], ids[52], ids[51]],
        "by date, newest first"
    );
    let last = journal
        .search_results("offsite", &all, SearchOrder::Newest, 54, 3)
        .unwrap();
    assert_eq!(
        last.hits[0].entry.id, ids[54],
        "the backdated one comes last"
    );
    assert!(last.hits[0].snippet_html.contains("<mark>offsite</mark>"));

    let tagged = crate::ListQuery {
        tag: Some("offsite".into()),
        ..crate::ListQuery::default()
    };
    let only = journal
        .search_results("planning", &tagged, SearchOrder::Newest, 0, 50)
        .unwrap();
    assert_eq!(
        (only.total, only.hits.len()),
        (11, 11),
        "the filter counts too"
    );
}

#[test]
fn a_word_in_more_entries_than_are_ranked_says_how_many_are_reachable() {
    let mut journal = Journal::open_in_memory().unwrap();
    for i in 0..10 {
        journal
            .create(crate::NewEntry::note(format!("n{i}"), "meeting"))
            .unwrap();
    }
    let all = crate::ListQuery::default();
    let ranked = journal
        .search_paged(
            "meeting",
            Some(&all),
            SearchOrder::Relevance,
            (0, 3),
            4,
            true,
        )
        .unwrap();
    assert_eq!((ranked.total, ranked.reachable), (10, 4));
    assert_eq!(ranked.next_offset, Some(3));
    let end = journal
        .search_paged(
            "meeting",
            Some(&all),
            SearchOrder::Relevance,
            (3, 3),
            4,
            true,
        )
        .unwrap();
    assert_eq!((end.hits.len(), end.next_offset), (1, None));
    let by_date = journal
        .search_paged("meeting", Some(&all), SearchOrder::Newest, (0, 50), 4, true)
        .unwrap();
    assert_eq!(
        (by_date.reachable, by_date.hits.len()),
        (10, 10),
        "every match by date"
    );
}

#[test]
fn a_prefix_spelt_out_finds_what_the_prefix_finds() {
    let mut journal = Journal::open_in_memory().unwrap();
    let bodies = [
        "asked about the promotion",
        "they promoted Sam",
        "a Promenade walk",
        "promo code",
        "nothing here",
        "Prométhée",
    ];
    for body in bodies {
        journal.create(crate::NewEntry::note("", body)).unwrap();
    }
    for i in 0..70 {
        journal
            .create(crate::NewEntry::note("", format!("zz{i:03}")))
            .unwrap();
    }
    let found = |q: &str| {
        let mut bodies: Vec<String> = journal
            .search(q, 100)
            .unwrap()
            .into_iter()
            .map(|h| h.entry.body)
            .collect();
        bodies.sort();
        bodies
    };
    assert_eq!(
        found("promo*"),
        [
            "asked about the promotion",
            "promo code",
            "they promoted Sam"
        ]
    );
    assert_eq!(found("PROM*").len(), 5, "any case; Prométhée too");
    assert_eq!(found("prom* sam"), ["they promoted Sam"]);
    assert_eq!(found("walk OR promo*").len(), 4);
    assert_eq!(
        found("prom\u{e9}*"),
        ["Prométhée", "a Promenade walk"],
        "beyond ASCII, left to FTS5, which folds the accent"
    );
    assert_eq!(found("zz*").len(), 70, "more words than are spelt out");
    assert!(found("qqq*").is_empty());
    let hit = &journal.search("promo*", 5).unwrap()[0];
    assert!(hit.snippet_html.contains("<mark>"), "{}", hit.snippet_html);
    let parsed = SearchQuery::parse("promo* sam");
    assert_eq!(
        journal.with_prefixes_spelt_out(&parsed).unwrap(),
        r#"("promo" OR "promoted" OR "promotion") AND "sam""#
    );
}

#[test]
fn typed_queries_become_quoted_fts_expressions() {
    assert_eq!(
        SearchQuery::parse("career change").fts_expression(),
        r#""career" AND "change""#
    );
    assert_eq!(
        SearchQuery::parse(r#""feeling seen" boss"#).fts_expression(),
        r#""feeling seen" AND "boss""#
    );
    assert_eq!(SearchQuery::parse("promo*").fts_expression(), r#""promo"*"#);
    assert_eq!(
        SearchQuery::parse("coach OR mentor").fts_expression(),
        r#""coach" OR "mentor""#
    );
}

#[test]
fn broken_syntax_is_read_literally() {
    assert_eq!(
        SearchQuery::parse(r#""unbalanced quote"#).fts_expression(),
        r#""unbalanced" AND "quote""#
    );
    assert_eq!(SearchQuery::parse("AND").fts_expression(), r#""and""#);
    assert_eq!(
        SearchQuery::parse("OR boss").fts_expression(),
        r#""or" AND "boss""#
    );
    assert_eq!(
        SearchQuery::parse("boss OR").fts_expression(),
        r#""boss" AND "or""#
    );
    assert!(SearchQuery::parse("*").is_empty());
    assert!(SearchQuery::parse("  ( ) - ").is_empty());
    assert_eq!(
        SearchQuery::parse(r#"say "hi"#).fts_expression(),
        r#""say" AND "hi""#
    );
    assert_eq!(
        SearchQuery::parse(r#"a"b"#).fts_expression(),
        r#""a" AND "b""#
    );
    // Found by the fuzzer: a NUL inside a phrase.
    assert_eq!(
        SearchQuery::parse("\"phrase her\0\0\te\"").fts_expression(),
        r#""phrase her   e""#
    );
}

#[test]
fn snippets_escape_user_text_before_marking_matches() {
    let raw = format!("<script>alert(1)</script> {MATCH_START}boss{MATCH_END} & co");
    assert_eq!(
        highlight_html(&raw),
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>boss</mark> &amp; co"
    );
    // A stray marker in user text cannot leave a <mark> open.
    assert_eq!(highlight_html(&format!("{MATCH_START}x")), "<mark>x</mark>");
    assert_eq!(highlight_html(&format!("x{MATCH_END}")), "x");
}
