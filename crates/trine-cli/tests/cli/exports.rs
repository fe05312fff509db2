//! Shared exports: the selection, the preview, CSV and the HTML report.

use crate::util::Sandbox;

fn journal() -> Sandbox {
    let s = Sandbox::new();
    s.run(&[
        "add",
        "--title",
        "For the coach",
        "--body",
        "Asked for the demo.",
        "--tag",
        "coach",
        "--seen",
        "6",
        "--known",
        "5",
        "--valued",
        "4",
        "--datetime",
        "2026-11-03T10:00:00+01:00",
    ])
    .ok();
    s.run(&[
        "add",
        "--title",
        "Secret",
        "--body",
        "Only mine.",
        "--private",
        "--seen",
        "1",
        "--known",
        "1",
        "--valued",
        "1",
        "--datetime",
        "2026-11-04T10:00:00+01:00",
    ])
    .ok();
    s.run(&[
        "reflect",
        "--week",
        "2026-W46",
        "--emotional",
        "Named in the retro.",
        "--seen",
        "8",
        "--known",
        "7",
        "--valued",
        "9",
        "--note",
        "A steady week.",
    ])
    .ok();
    s
}

#[test]
fn preview_says_what_would_be_shared_and_writes_nothing() {
    let s = journal();
    let out = s.path("never.html");
    let preview = s
        .run(&[
            "--json",
            "export",
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
            "--preview",
        ])
        .json();
    assert_eq!(preview["entries"], 2);
    assert_eq!(preview["private_left_out"], 1);
    assert_eq!(
        preview["weeks"],
        serde_json::json!(["2026-11-02", "2026-11-09"])
    );
    assert!(!out.exists(), "a preview writes nothing");
    let text = s
        .run(&[
            "export",
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
            "--preview",
            "--side",
            "emotional",
        ])
        .ok();
    assert!(text.contains("Would export 1 entry."), "{text}");
}

#[test]
fn csv_has_a_row_per_rated_week_and_leaves_private_ratings_out() {
    let s = journal();
    let out = s.path("ratings.csv");
    let text = s
        .run(&["export", "--format", "csv", "--out", out.to_str().unwrap()])
        .ok();
    assert!(
        text.contains("Exported 2 weeks") && text.contains("1 entry marked private left out"),
        "{text}"
    );
    let csv = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "iso_week,week_start,seen,known,valued,rated_entries,note"
    );
    assert_eq!(lines[1], "2026-W45,2026-11-02,6,5,4,1,");
    assert_eq!(lines[2], "2026-W46,2026-11-09,8,7,9,1,A steady week.");
}

#[test]
fn the_html_report_holds_the_selection_with_charts_and_nothing_else() {
    let s = journal();
    let out = s.path("report.html");
    s.run(&[
        "export",
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
        "--tag",
        "coach",
        "--kind",
        "note",
    ])
    .ok();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("Asked for the demo.")
            && !html.contains("Named in the retro.")
            && !html.contains("Only mine.")
    );
    assert!(
        html.contains("<svg") && html.contains("tags: coach"),
        "charts and the selection on the cover"
    );
    s.run(&[
        "export",
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
        "--include-private",
        "--without-ratings",
        // The same file again: replacing it is asked for.
        "--force",
    ])
    .ok();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("Only mine.") && !html.contains("/10"),
        "private asked for, ratings left out"
    );
}

/// Runs a poppler tool (from Debian's poppler-utils, which scripts/setup.sh installs).
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} is needed for this test (apt-get install poppler-utils): {e}")
        });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_pdf_report_has_real_text_vector_charts_and_page_numbers() {
    let s = journal();
    let out = s.path("report.pdf");
    let text = s
        .run(&["export", "--format", "pdf", "--out", out.to_str().unwrap()])
        .ok();
    assert!(text.contains("Exported 2 entries"), "{text}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    let words = poppler("pdftotext", &[out.to_str().unwrap(), "-"]);
    assert!(
        words.contains("Career belonging journal") && words.contains("private entries left out"),
        "the cover: {words}"
    );
    assert!(
        words.contains("Asked for the demo.") && words.contains("Named in the retro."),
        "entries as text"
    );
    assert!(!words.contains("Only mine."), "private entries stay out");
    assert!(
        words.contains("Seen") && words.contains("Valued") && words.contains("How seen, known"),
        "chart labels (the panels' names and the title) are text, so the charts are vectors: {words}"
    );
    let pages: usize = poppler("pdfinfo", &[out.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .unwrap();
    assert!(
        words.contains(&format!("page 1 of {pages}"))
            && words.contains(&format!("page {pages} of {pages}")),
        "{words}"
    );
    let images = poppler("pdfimages", &["-list", out.to_str().unwrap()]);
    assert_eq!(
        images.lines().count(),
        2,
        "no raster images, only the header lines: {images}"
    );
}

#[test]
fn markdown_single_file_holds_every_selected_entry_for_reading() {
    let s = journal();
    let out = s.path("journal.md");
    s.run(&[
        "export",
        "--format",
        "markdown",
        "--single-file",
        "--out",
        out.to_str().unwrap(),
    ])
    .ok();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# Career belonging journal\n"));
    assert!(
        text.contains("## For the coach")
            && text.contains("felt seen 6/10, known 5/10, valued 4/10 · #coach"),
        "{text}"
    );
    assert!(
        text.contains("### Emotional needs\n\nNamed in the retro."),
        "{text}"
    );
    assert!(!text.contains("Only mine."));
}

/// `trine export` replaces nothing it was not told to: an existing file or
/// non-empty folder is refused and left as it is, unless --force.
#[test]
fn an_existing_file_or_folder_is_replaced_only_with_force() {
    let s = Sandbox::new();
    s.run(&["add", "--title", "one", "--body", "words"]).ok();
    let html = s.file("report.html", "mine, not Trine's");
    let err = s
        .run(&[
            "export",
            "--format",
            "html",
            "--out",
            html.to_str().unwrap(),
        ])
        .fails();
    assert!(
        err.contains("--force") && err.contains("report.html"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&html).unwrap(), "mine, not Trine's");
    s.run(&[
        "export",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
        "--force",
    ])
    .ok();
    assert!(std::fs::read_to_string(&html).unwrap().contains("<html"));

    let folder = s.path("notes");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("keep.txt"), "mine").unwrap();
    let err = s
        .run(&[
            "export",
            "--format",
            "markdown",
            "--out",
            folder.to_str().unwrap(),
        ])
        .fails();
    assert!(err.contains("--force"), "{err}");
    assert!(folder.join("keep.txt").exists(), "left as it was");
    s.run(&[
        "export",
        "--format",
        "markdown",
        "--out",
        folder.to_str().unwrap(),
        "--force",
    ])
    .ok();
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(files.len(), 1, "just the export");
    let beside: Vec<_> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("replaced"))
        .collect();
    assert!(beside.is_empty(), "nothing left aside: {beside:?}");
}
