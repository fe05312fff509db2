//! The PDF report as a document: a contents list whose page numbers point
//! at the entries, and an entry's italics, lists and links kept.

use crate::exports::poppler;
use crate::util::Sandbox;

fn note(s: &Sandbox, title: &str, body: &str, when: &str) {
    s.run(&["add", "--title", title, "--body", body, "--datetime", when])
        .ok();
}

fn export_pdf(s: &Sandbox) -> String {
    let out = s.path("report.pdf");
    s.run(&["export", "--format", "pdf", "--out", out.to_str().unwrap()])
        .ok();
    out.to_str().unwrap().to_string()
}

/// The text of one page (counted from 1).
fn page_text(pdf: &str, page: usize) -> String {
    let page = page.to_string();
    poppler(
        "pdftotext",
        &["-layout", "-f", &page, "-l", &page, pdf, "-"],
    )
}

#[test]
fn the_contents_list_gives_each_entry_the_page_it_is_on() {
    let s = Sandbox::new();
    // Long entries, so that they spread over several pages.
    let long = "A long day of interviews and waiting for answers. ".repeat(60);
    for (i, title) in ["Monday interview", "Offer call", "First day"]
        .iter()
        .enumerate()
    {
        note(
            &s,
            title,
            &format!("{title} body. {long}"),
            &format!("2026-10-0{}T10:00:00+01:00", i + 1),
        );
    }
    let pdf = export_pdf(&s);
    assert!(
        page_text(&pdf, 2).contains("In brief"),
        "the summary comes right after the cover"
    );
    let contents = (3..6)
        .map(|page| page_text(&pdf, page))
        .find(|text| text.contains("Contents"))
        .expect("the contents after the summary and charts");
    let mut pages_seen = Vec::new();
    for title in ["Monday interview", "Offer call", "First day"] {
        let line = contents
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} in the contents: {contents}"));
        let page: usize = line
            .split_whitespace()
            .last()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("a page number ends the line: {line}"));
        let there = page_text(&pdf, page);
        assert!(
            there.contains(&format!("{title} body.")),
            "{title} is on page {page}: {there}"
        );
        pages_seen.push(page);
    }
    assert!(
        pages_seen.windows(2).all(|w| w[0] < w[1]),
        "in order, each on a later page: {pages_seen:?}"
    );
    // "In brief" comes before the entries, and is where it says.
    let brief = contents.lines().find(|l| l.contains("In brief")).unwrap();
    let page: usize = brief.split_whitespace().last().unwrap().parse().unwrap();
    assert_eq!(page, 2);
    assert!(page < pages_seen[0]);
}

#[test]
fn italics_lists_and_links_stay_in_the_pdf() {
    let s = Sandbox::new();
    note(
        &s,
        "Small wins",
        "A *quiet* win today:\n\n1. asked for the budget\n2. offered to lead\n   - the review\n\nSee [the plan](https://example.org/plan) and [a local file](file:///etc/passwd).",
        "2026-10-01T10:00:00+01:00",
    );
    let pdf = export_pdf(&s);
    let fonts = poppler("pdffonts", &[&pdf]);
    assert!(
        fonts.contains("DejaVuSans-Oblique"),
        "the italic face is used: {fonts}"
    );
    let words = poppler("pdftotext", &["-layout", &pdf, "-"]);
    for line in [
        "1. asked for the budget",
        "2. offered to lead",
        "\u{2022} the review",
    ] {
        assert!(words.contains(line), "{line} in {words}");
    }
    assert!(
        words.contains("See the plan and a local file."),
        "the links' words, without the markup: {words}"
    );
    let urls = poppler("pdfinfo", &["-url", &pdf]);
    assert!(
        urls.contains("https://example.org/plan"),
        "the web link can be followed: {urls}"
    );
    assert!(
        !urls.contains("file:"),
        "a link to a local file is not made clickable: {urls}"
    );
}

#[test]
fn the_charts_and_calendar_span_just_the_range_chosen() {
    let s = Sandbox::new();
    // A rated note every week of 2026 up to November.
    let first = chrono::NaiveDate::from_ymd_opt(2026, 1, 7).unwrap();
    for i in 0..44u64 {
        let day = first + chrono::Days::new(7 * i);
        let seen = (4 + i % 4).to_string();
        s.run(&[
            "add",
            "--title",
            &format!("Week {i}"),
            "--body",
            "A week.",
            "--seen",
            &seen,
            "--known",
            "5",
            "--valued",
            "6",
            "--datetime",
            &format!("{day}T10:00:00+01:00"),
        ])
        .ok();
    }
    let html = s.path("three-months.html");
    s.run(&[
        "export",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
        "--from",
        "2026-08-01",
        "--to",
        "2026-10-31",
    ])
    .ok();
    let text = std::fs::read_to_string(&html).unwrap();
    // Every table row of every figure is a week of the range.
    let weeks: Vec<chrono::NaiveDate> = text
        .split("<tr><td>")
        .skip(1)
        .filter_map(|row| chrono::NaiveDate::parse_from_str(row.get(..10)?, "%Y-%m-%d").ok())
        .collect();
    assert!(
        weeks.len() >= 2 * 13,
        "the ratings and calendar tables: {}",
        weeks.len()
    );
    let (start, end) = (
        chrono::NaiveDate::from_ymd_opt(2026, 7, 27).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
    );
    assert!(
        weeks.iter().all(|w| (start..=end).contains(w)),
        "no week outside the range: {weeks:?}"
    );
    // The first note of the range is on Wednesday 5 August.
    assert_eq!(
        weeks.iter().min(),
        Some(&chrono::NaiveDate::from_ymd_opt(2026, 8, 3).unwrap())
    );
    assert_eq!(
        weeks.iter().max(),
        Some(&chrono::NaiveDate::from_ymd_opt(2026, 10, 26).unwrap())
    );
    // The calendar names the range's months, not the year's.
    let calendar = text
        .split("<svg")
        .find(|svg| svg.contains("My weekly reflections"))
        .expect("the calendar");
    for month in ["Aug", "Sep", "Oct"] {
        assert!(
            calendar.contains(&format!(">\n{month}\n<")),
            "{month} named"
        );
    }
    for month in ["Jan", "Mar", "Jun", "Jul", "Nov", "Dec"] {
        assert!(
            !calendar.contains(&format!(">\n{month}\n<"))
                && !calendar.contains(&format!(">{month}<")),
            "{month} is outside the range"
        );
    }
}
