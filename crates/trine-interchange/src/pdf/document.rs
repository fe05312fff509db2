//! What the PDF report holds, in order: the cover (the person's name and
//! note, the range, what was chosen and left out), the summary and the
//! charts (what a coach reads first), the contents with page numbers, then
//! the entries.

use chrono::NaiveDate;

use super::layout::{Layout, Target};
use super::{markdown, BOTTOM, INK, MARGIN, MUTED, SIDES, WIDTH};
use crate::report::ReportAnalysis;
use crate::selection::{date_span, entry_meta_line, skipped_sides_line, ExportSelection};
use trine_store::error::Result;
use trine_store::model::{display_title, Entry, EntryKind};
use trine_store::store::Journal;

/// A line of the contents: its words and the page (counted from 0) it
/// points to.
struct ContentsLine {
    words: String,
    page: usize,
}

/// The whole report laid out in pages.
pub(super) fn lay_out(
    journal: &Journal,
    selection: &ExportSelection,
    entries: &[Entry],
    analysis: &ReportAnalysis,
    made_on: NaiveDate,
) -> Result<Layout> {
    Ok(lay_out_first(journal, selection, entries, analysis, made_on, usize::MAX)?.0)
}

/// The report's first `count` pages laid out, and how many pages the whole
/// report has when that was laid out too. Entries are laid out only as far
/// as the contents pages shown number them (all of them once the pages
/// shown reach past the contents), so that a preview of a report of many
/// thousand entries takes no longer than one of a few.
pub(super) fn lay_out_first(
    journal: &Journal,
    selection: &ExportSelection,
    entries: &[Entry],
    analysis: &ReportAnalysis,
    made_on: NaiveDate,
    count: usize,
) -> Result<(Layout, Option<usize>)> {
    // The cover, then what a coach reads first (the summary on page 2,
    // the charts after it), then the contents, then the entries.
    let (front, front_lines) = lay_out_front(selection, entries, analysis, made_on)?;
    // The contents' length follows from its number of lines alone, so
    // where the entries begin is known before they are laid out.
    let total_lines = front_lines.len() + entries.len();
    let columns = contents_columns(total_lines);
    let contents_pages = contents_page_count(total_lines, columns);
    let offset = front.pages.len() + contents_pages;
    let shown_contents = count.saturating_sub(front.pages.len()).min(contents_pages);
    let numbered_entries =
        contents_lines_on(shown_contents, columns).saturating_sub(front_lines.len());

    // The entries' pages are counted from the first after the contents.
    let mut body = Layout::new();
    let mut entry_lines = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            body.new_page_if_low(120.0);
        }
        // Enough: every entry numbered on the contents pages shown is
        // placed (when pages past the contents are shown, every entry is).
        if i >= numbered_entries {
            break;
        }
        entry_lines.push(ContentsLine {
            words: format!(
                "{}  \u{2014}  {}",
                entry.created.format("%-d %b %Y"),
                contents_title(entry)
            ),
            page: offset + body.page_number() - 1,
        });
        lay_out_entry(&mut body, journal, entry);
    }
    let complete = entry_lines.len() == entries.len();

    let mut lines = front_lines;
    lines.extend(entry_lines);
    let contents = lay_out_contents(&lines, columns);
    if complete {
        debug_assert_eq!(contents.pages.len(), contents_pages);
    }
    let mut pages = front.pages;
    pages.extend(contents.pages.into_iter().take(contents_pages));
    pages.extend(body.pages);
    let total = complete.then_some(pages.len());
    pages.truncate(count);
    let mut laid = Layout::new();
    laid.pages = pages;
    Ok((laid, total))
}

/// The cover, the summary and the charts, with their lines of the contents.
fn lay_out_front(
    selection: &ExportSelection,
    entries: &[Entry],
    analysis: &ReportAnalysis,
    made_on: NaiveDate,
) -> Result<(Layout, Vec<ContentsLine>)> {
    let mut front = Layout::new();
    lay_out_cover(&mut front, selection, entries, made_on);
    let mut lines = Vec::new();
    if !analysis.summary.is_empty() {
        front.new_page();
        lines.push(ContentsLine {
            words: "In brief".into(),
            page: front.page_number() - 1,
        });
        front.paragraph("In brief", 17.0, true, INK, 0.0);
        front.gap(6.0);
        for line in &analysis.summary {
            front.paragraph(&format!("\u{2022} {line}"), 10.5, false, INK, 10.0);
            front.gap(3.0);
        }
    }
    if !analysis.charts.is_empty() {
        front.new_page();
        lines.push(ContentsLine {
            words: "Charts".into(),
            page: front.page_number() - 1,
        });
        for (i, figure) in analysis.charts.iter().enumerate() {
            if i > 0 {
                front.gap(16.0);
            }
            front.svg(&figure.svg)?;
            front.paragraph(&figure.description, 9.0, false, MUTED, 0.0);
        }
    }
    Ok((front, lines))
}

/// An entry as the contents names it: its title, or "Weekly reflection"
/// (its date is beside it).
fn contents_title(entry: &Entry) -> String {
    if entry.title.trim().is_empty() && entry.kind == EntryKind::Reflection {
        "Weekly reflection".to_string()
    } else {
        display_title(entry)
    }
}

const CONTENTS_SIZE: f32 = 10.0;
const CONTENTS_GUTTER: f32 = 24.0;
const CONTENTS_LINE: f32 = CONTENTS_SIZE * 1.6;

/// Two columns for a long contents.
fn contents_columns(lines: usize) -> usize {
    if lines > 30 {
        2
    } else {
        1
    }
}

/// How many rows a column of the contents holds: on its first page (below
/// the heading) or on the pages after.
fn contents_rows(first_page: bool) -> usize {
    let top = if first_page {
        MARGIN + 17.0 * 1.45 + 8.0
    } else {
        MARGIN
    };
    (((BOTTOM - top) / CONTENTS_LINE).floor() as usize).max(1)
}

/// How many pages a contents of `lines` lines takes.
fn contents_page_count(lines: usize, columns: usize) -> usize {
    let (mut pages, mut left) = (0, lines);
    while left > 0 || pages == 0 {
        left = left.saturating_sub(contents_rows(pages == 0) * columns);
        pages += 1;
    }
    pages
}

/// How many lines the first `pages` pages of the contents hold.
fn contents_lines_on(pages: usize, columns: usize) -> usize {
    (0..pages)
        .map(|page| contents_rows(page == 0) * columns)
        .sum()
}

/// The contents: one line per part and entry with its page number, in
/// `columns` columns, down the first column and then the second.
fn lay_out_contents(lines: &[ContentsLine], columns: usize) -> Layout {
    let mut layout = Layout::new();
    layout.paragraph("Contents", 17.0, true, INK, 0.0);
    layout.gap(8.0);
    let width = (WIDTH - CONTENTS_GUTTER * (columns - 1) as f32) / columns as f32;
    let mut rest = lines;
    let mut first_page = true;
    while !rest.is_empty() {
        let top = layout.y;
        let rows = contents_rows(first_page);
        for column in 0..columns {
            layout.y = top;
            let x = column as f32 * (width + CONTENTS_GUTTER);
            let (here, later) = rest.split_at(rows.min(rest.len()));
            for line in here {
                layout.line_with_number(
                    (x, width),
                    &line.words,
                    &(line.page + 1).to_string(),
                    CONTENTS_SIZE,
                    Target::Page(line.page),
                );
            }
            rest = later;
        }
        if !rest.is_empty() {
            layout.new_page();
            first_page = false;
        }
    }
    layout
}

fn lay_out_cover(
    layout: &mut Layout,
    selection: &ExportSelection,
    entries: &[Entry],
    made_on: NaiveDate,
) {
    let words = |text: &str| text.trim().to_string();
    layout.gap(120.0);
    layout.paragraph("Career belonging journal", 26.0, true, INK, 0.0);
    if let Some(name) = selection
        .name
        .as_deref()
        .map(words)
        .filter(|n| !n.is_empty())
    {
        layout.gap(4.0);
        layout.paragraph(&name, 15.0, false, INK, 0.0);
    }
    layout.gap(8.0);
    layout.paragraph(
        &format!("{}.", crate::selection::report_count_line(entries.len())),
        13.0,
        false,
        INK,
        0.0,
    );
    layout.gap(6.0);
    layout.paragraph(
        &format!("Chosen: {}.", selection.describe()),
        11.0,
        false,
        MUTED,
        0.0,
    );
    if let Some((first, last)) = date_span(entries) {
        layout.paragraph(
            &format!(
                "Written between {} and {}.",
                first.format("%-d %B %Y"),
                last.format("%-d %B %Y")
            ),
            11.0,
            false,
            MUTED,
            0.0,
        );
    }
    if let Some(line) = skipped_sides_line(entries) {
        layout.paragraph(&line, 11.0, false, MUTED, 0.0);
    }
    layout.paragraph(
        &format!("Made with Trine on {}.", made_on.format("%-d %B %Y")),
        11.0,
        false,
        MUTED,
        0.0,
    );
    if let Some(note) = selection
        .note
        .as_deref()
        .map(words)
        .filter(|n| !n.is_empty())
    {
        layout.gap(24.0);
        layout.paragraph("What I\u{2019}d like to talk about", 14.0, true, INK, 0.0);
        layout.gap(4.0);
        for paragraph in note.split("\n\n").filter(|p| !p.trim().is_empty()) {
            layout.paragraph(paragraph.trim(), 11.5, false, INK, 0.0);
            layout.gap(4.0);
        }
    }
}

fn lay_out_entry(layout: &mut Layout, journal: &Journal, entry: &Entry) {
    layout.gap(14.0);
    layout.paragraph(&display_title(entry), 15.0, true, INK, 0.0);
    layout.paragraph(&entry_meta_line(entry), 9.5, false, MUTED, 0.0);
    if !entry.tags.is_empty() {
        let tags: Vec<String> = entry.tags.iter().map(|t| format!("#{t}")).collect();
        layout.paragraph(&tags.join("  "), 9.5, false, MUTED, 0.0);
    }
    layout.gap(6.0);
    if !entry.body.trim().is_empty() {
        markdown::lay_out(layout, &entry.body, 0.0);
    }
    // A side skipped that week adds nothing a reader needs.
    for section in entry.sections.iter().filter(|s| !s.text.trim().is_empty()) {
        let prompt = section
            .prompt_id
            .as_deref()
            .and_then(|p| journal.prompt(p).ok());
        // A side's heading and question never end a page without a line of
        // the answer; a side that moves to the next page says whose it is.
        let question = prompt
            .as_ref()
            .map_or(0.0, |p| layout.paragraph_height(&p.text, 9.5, 12.0));
        let before = layout.page_number();
        layout.new_page_if_low(11.0 * 1.45 + question + 10.5 * 1.45 + 8.0);
        if layout.page_number() != before {
            layout.paragraph(
                &format!("{} (continued)", display_title(entry)),
                9.0,
                false,
                MUTED,
                0.0,
            );
            layout.gap(4.0);
        }
        let top = layout.y;
        let page = layout.page_number();
        layout.paragraph(section.side.label(), 11.0, true, INK, 12.0);
        if let Some(prompt) = &prompt {
            layout.paragraph(&prompt.text, 9.5, false, MUTED, 12.0);
        }
        markdown::lay_out(layout, &section.text, 12.0);
        layout.bar_since(page, top + 4.0, SIDES[section.side as usize]);
        layout.gap(6.0);
    }
    if let Some(follow_up) = &entry.follow_up {
        layout.paragraph("Last week's step", 11.0, true, INK, 12.0);
        layout.paragraph(
            &format!("Planned: {}", follow_up.planned),
            9.5,
            false,
            MUTED,
            12.0,
        );
        if !follow_up.answer.is_empty() {
            markdown::lay_out(layout, &follow_up.answer, 12.0);
        }
        layout.gap(6.0);
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::Item;
    use super::*;

    #[test]
    fn a_long_contents_runs_down_two_columns_and_every_line_links_its_page() {
        let lines: Vec<ContentsLine> = (0..130)
            .map(|i| ContentsLine {
                words: format!("Entry {i}"),
                page: 5 + i / 4,
            })
            .collect();
        let layout = lay_out_contents(&lines, contents_columns(lines.len()));
        assert_eq!(
            layout.pages.len(),
            2,
            "130 lines in two columns fit two pages"
        );
        let links: Vec<(f32, usize)> = layout
            .pages
            .iter()
            .flatten()
            .filter_map(|item| match item {
                Item::Link {
                    x,
                    target: Target::Page(page),
                    ..
                } => Some((*x, *page)),
                _ => None,
            })
            .collect();
        assert_eq!(links.len(), 130);
        let pages: Vec<usize> = links.iter().map(|(_, p)| *p).collect();
        let expected: Vec<usize> = lines.iter().map(|l| l.page).collect();
        assert_eq!(pages, expected, "in order, each to its page");
        let mut columns: Vec<i32> = links.iter().map(|(x, _)| *x as i32).collect();
        columns.sort();
        columns.dedup();
        assert_eq!(columns.len(), 2, "two columns: {columns:?}");
        // A short one keeps to one column.
        assert_eq!(lay_out_contents(&lines[..10], 1).pages.len(), 1);
        // The count from the number of lines alone is the count laid out.
        for n in [0, 1, 30, 31, 89, 90, 91, 130, 400] {
            let some = &lines
                .iter()
                .cycle()
                .take(n)
                .map(|l| ContentsLine {
                    words: l.words.clone(),
                    page: l.page,
                })
                .collect::<Vec<_>>();
            let columns = contents_columns(n);
            assert_eq!(
                lay_out_contents(some, columns).pages.len(),
                contents_page_count(n, columns),
                "{n} lines"
            );
        }
    }

    #[test]
    fn a_side_moved_to_the_next_page_says_whose_it_is() {
        use trine_store::model::{NewEntry, Section, Side};
        let mut journal = Journal::open_in_memory().unwrap();
        let longest_emotional = journal
            .prompts(None, false)
            .unwrap()
            .into_iter()
            .filter(|p| p.side == Side::Emotional)
            .max_by_key(|p| p.text.len())
            .unwrap()
            .id;
        let entry = journal
            .create(NewEntry {
                kind: Some(EntryKind::Reflection),
                sections: vec![
                    Section {
                        side: Side::Developmental,
                        prompt_id: None,
                        text: "A first answer of a few words.".into(),
                    },
                    // With the longest question of its side, which wraps.
                    Section {
                        side: Side::Emotional,
                        prompt_id: Some(longest_emotional.clone()),
                        text: "Short.".into(),
                    },
                ],
                ..NewEntry::note("Long week", "")
            })
            .unwrap();
        let last_text = |page: &Vec<Item>| {
            page.iter().rev().find_map(|item| match item {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
        };
        let first_text = |page: &Vec<Item>| {
            page.iter().find_map(|item| match item {
                Item::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
        };
        // Starting lower and lower on the page: wherever the break falls,
        // no page begins with a side's heading alone, and some start makes
        // the second side move.
        let mut moved = 0;
        for start in (0..260).map(|step| BOTTOM - 260.0 + step as f32) {
            let mut layout = Layout::new();
            layout.gap(start - super::super::MARGIN);
            lay_out_entry(&mut layout, &journal, &entry);
            for (index, page) in layout.pages.iter().enumerate() {
                let last = last_text(page).unwrap_or_default();
                assert!(
                    !last.ends_with("needs") && !last.ends_with('?'),
                    "page {index} ends with a heading or question: {last:?} (start {start})"
                );
            }
            for page in &layout.pages[1..] {
                let first = first_text(page).unwrap_or_default();
                assert!(
                    !first.ends_with("needs"),
                    "a page begins with the heading {first:?} (start {start})"
                );
                if first == "Long week (continued)" {
                    moved += 1;
                }
            }
        }
        assert!(moved > 0, "the second side moved at some start");
    }

    /// Every text on `pages`, page by page.
    fn texts(pages: &[Vec<Item>]) -> Vec<Vec<String>> {
        pages
            .iter()
            .map(|page| {
                page.iter()
                    .filter_map(|item| match item {
                        Item::Text { text, .. } => Some(text.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_first_pages_alone_are_the_first_pages_of_the_whole() {
        use trine_store::model::NewEntry;
        let mut journal = Journal::open_in_memory().unwrap();
        let mut entries = Vec::new();
        for n in 0..150 {
            entries.push(
                journal
                    .create(NewEntry::note(
                        format!("Note {n}"),
                        "A day of small steps. ".repeat(20 + n % 40),
                    ))
                    .unwrap(),
            );
        }
        let selection = ExportSelection::default();
        let analysis = ReportAnalysis {
            summary: vec!["A line of summary.".into()],
            charts: Vec::new(),
        };
        let day = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let whole = lay_out(&journal, &selection, &entries, &analysis, day).unwrap();
        assert!(whole.pages.len() > 20);
        for count in [1, 2, 3, 4, 6, 9] {
            let (first, total) =
                lay_out_first(&journal, &selection, &entries, &analysis, day, count).unwrap();
            assert_eq!(
                texts(&first.pages),
                texts(&whole.pages[..count]),
                "the first {count} pages"
            );
            if count <= 3 {
                // Cover, summary and the contents' first page: only the
                // entries that page numbers are laid out.
                assert_eq!(total, None, "not everything was laid out for {count} pages");
            }
        }
        // Asked for more pages than there are: all of them, and the count.
        let (all, total) =
            lay_out_first(&journal, &selection, &entries, &analysis, day, 10_000).unwrap();
        assert_eq!(total, Some(whole.pages.len()));
        assert_eq!(texts(&all.pages), texts(&whole.pages));
    }
}
