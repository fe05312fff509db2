//! Tests of what the Export screen shows before saving: the entries that
//! can be ticked one by one, the figures a report will carry, and the
//! report's first pages drawn as the PDF lays them out.

use crate::export::report_figures;
use crate::prelude::*;
use crate::tests_export::sharing_journal;
use trine_interchange::*;
use trine_store::model::{EntryKind, Side};

#[test]
fn the_preview_lists_the_entries_to_tick_and_the_figures_the_report_carries() {
    let journal = sharing_journal();
    let all = journal.preview_export(&ExportSelection::default()).unwrap();
    let titles: Vec<&str> = all.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles.len(),
        3,
        "the private note is not listed: {titles:?}"
    );
    assert_eq!(titles[0], "Shared note", "oldest first");
    let reflection = all
        .items
        .iter()
        .find(|i| i.kind == EntryKind::Reflection)
        .unwrap();
    assert_eq!(reflection.sides, [Side::Emotional], "only sides with words");

    // The figures are the report's own, by title.
    let (entries, _) = journal.select(&ExportSelection::default()).unwrap();
    let analysis = report_figures(&journal, &ExportSelection::default(), &entries).unwrap();
    let mut expected = vec!["a summary of what changed, in words".to_string()];
    expected.extend(analysis.charts.iter().map(|c| c.title.clone()));
    assert_eq!(all.charts, expected);

    // Choosing one entry: one is exported, all three can still be ticked.
    let one = journal
        .preview_export(&ExportSelection {
            entries: vec![reflection.id],
            newest_first: true,
            ..ExportSelection::default()
        })
        .unwrap();
    assert_eq!(one.entries, 1);
    assert_eq!(one.items.len(), 3);
    assert_eq!(one.items[0].title, "Pasted", "newest first");
    assert_eq!(one.first_date, one.last_date);

    // Without charts, no figure is promised.
    let plain = journal
        .preview_export(&ExportSelection {
            without_charts: true,
            ..ExportSelection::default()
        })
        .unwrap();
    assert!(plain.charts.is_empty());
}

#[test]
fn the_first_pages_are_drawn_with_the_cover_contents_and_entries() {
    let mut journal = sharing_journal();
    let selection = ExportSelection {
        name: Some("Sam <Lee>".into()),
        note: Some("Whether to ask for the lead role".into()),
        ..ExportSelection::default()
    };
    let drawn = journal.preview_report_pages(&selection, 8).unwrap();
    let page_count = drawn.page_count.expect("a short report is counted");
    assert!(page_count >= 4, "cover, contents, brief, charts, entries");
    assert_eq!(drawn.pages.len(), page_count.min(8));
    let cover = &drawn.pages[0];
    assert!(cover.starts_with("<svg") && cover.ends_with("</svg>"));
    assert!(cover.contains("Sam &lt;Lee&gt;"), "the name, escaped");
    assert!(cover.contains("Whether to ask for the lead role"));
    assert!(cover.contains(&format!("page 1 of {page_count}")));
    assert!(
        drawn.pages[1].contains(">In brief<"),
        "the summary comes right after the cover"
    );
    let contents = drawn
        .pages
        .iter()
        .find(|p| p.contains(">Contents<"))
        .expect("a contents page among the first");
    for title in ["In brief", "Charts", "Shared note", "Pasted"] {
        assert!(contents.contains(title), "{title} in the contents");
    }
    assert!(!contents.contains("Secret"), "a private entry stays out");
    // The pasted markup is words on the page, never markup.
    let all = drawn.pages.concat();
    assert!(!all.contains("<script"), "no script reaches a page");
    assert!(all.contains("&lt;script&gt;") || all.contains("alert(1)"));
    assert!(all.contains("<g transform="), "the charts are drawn in");

    // Fewer pages asked, fewer given; the count stays the report's.
    let two = journal.preview_report_pages(&selection, 2).unwrap();
    assert_eq!(two.pages.len(), 2);
    assert_eq!(
        two.page_count,
        Some(page_count),
        "a short report is counted"
    );
}

#[test]
fn a_long_list_to_tick_is_capped_and_says_how_many_match() {
    let mut journal = trine_store::Journal::open_in_memory().unwrap();
    for n in 0..(MAX_ITEMS + 5) {
        journal
            .create(trine_store::NewEntry::note(format!("Note {n}"), "words"))
            .unwrap();
    }
    let preview = journal.export_preview(&ExportSelection::default()).unwrap();
    assert_eq!(preview.items.len(), MAX_ITEMS);
    assert_eq!(preview.items_total, MAX_ITEMS + 5);
    assert_eq!(
        preview.entries,
        MAX_ITEMS + 5,
        "every entry is still exported"
    );
    // An entry past the list can still be left out, and the list stays.
    let everyone = journal.select(&ExportSelection::default()).unwrap().0;
    let last = everyone.last().unwrap().id;
    assert!(preview.items.iter().all(|i| i.id != last), "not listed");
    let without_last = journal
        .export_preview(&ExportSelection {
            without_entries: vec![last],
            ..ExportSelection::default()
        })
        .unwrap();
    assert_eq!(without_last.entries, MAX_ITEMS + 4);
    assert_eq!(without_last.items_total, MAX_ITEMS + 5);
    assert_eq!(without_last.items, preview.items);
}

#[test]
fn the_cover_counts_only_the_choices_that_applied() {
    let mut journal = sharing_journal();
    let all = journal.select(&ExportSelection::default()).unwrap().0;
    let id_of = |kind: EntryKind| all.iter().find(|e| e.kind == kind).unwrap().id;
    let (note, reflection) = (id_of(EntryKind::Note), id_of(EntryKind::Reflection));
    let cover = |journal: &mut trine_store::Journal, selection: ExportSelection| {
        journal.preview_report_pages(&selection, 1).unwrap().pages[0].clone()
    };
    // Two left out one by one, but only notes are chosen: the reflection
    // was not going to be exported anyway.
    let left_out = cover(
        &mut journal,
        ExportSelection {
            kinds: vec![EntryKind::Note],
            without_entries: vec![note, reflection, note],
            ..ExportSelection::default()
        },
    );
    assert!(
        left_out.contains("1 entry left out one by one"),
        "{left_out}"
    );
    // Two named one by one, one of them not a note; and a side left out
    // of the entry that is not exported.
    let named = cover(
        &mut journal,
        ExportSelection {
            kinds: vec![EntryKind::Note],
            entries: vec![note, reflection],
            without_sections: vec![(reflection, Side::Emotional)],
            ..ExportSelection::default()
        },
    );
    assert!(named.contains("1 entry chosen one by one"), "{named}");
    assert!(!named.contains("left out;"), "{named}");
    assert!(!named.contains("side of a reflection"), "{named}");
}
