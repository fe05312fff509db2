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
