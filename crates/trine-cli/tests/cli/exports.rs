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
pub(crate) fn poppler(tool: &str, args: &[&str]) -> String {
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

/// The ids of the live entries, by title (a reflection's title is empty).
fn ids(s: &Sandbox) -> Vec<(String, String)> {
    s.run(&["--json", "list"])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["title"].as_str().unwrap().to_string(),
                e["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn id_of(s: &Sandbox, title: &str) -> String {
    ids(s)
        .into_iter()
        .find(|(t, _)| t == title)
        .map(|(_, id)| id)
        .unwrap()
}

#[test]
fn entries_are_chosen_one_by_one_and_sides_left_out() {
    let s = journal();
    let coach = id_of(&s, "For the coach");
    let reflection = id_of(&s, "");
    let secret = id_of(&s, "Secret");
    let out = s.path("chosen.jsonl");
    let exported = |extra: &[&str]| -> Vec<serde_json::Value> {
        let mut args = vec![
            "export",
            "--format",
            "jsonl",
            "--out",
            out.to_str().unwrap(),
            "--force",
        ];
        args.extend_from_slice(extra);
        s.run(&args).ok();
        std::fs::read_to_string(&out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    // One entry, named by the first characters of its id.
    let one = exported(&["--entry", &coach[..8]]);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["id"], coach.as_str());
    // --entry combines with the other choices: both must hold.
    let none = exported(&["--entry", &coach, "--kind", "reflection"]);
    assert!(none.is_empty(), "{none:?}");
    // A side of one reflection left out, and only that text.
    let both = exported(&[
        "--entry",
        &coach,
        "--entry",
        &reflection,
        "--without-section",
        &format!("{}:emotional", &reflection[..8]),
    ]);
    assert_eq!(both.len(), 2);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("Named in the retro."), "{text}");
    assert!(text.contains("A steady week."), "the rest of it stays");
    // Every entry but one, left out by the first characters of its id.
    let all = exported(&[]);
    let but_one = exported(&["--without-entry", &coach[..8]]);
    assert_eq!(but_one.len(), all.len() - 1, "{but_one:?}");
    assert!(but_one.iter().all(|e| e["id"] != coach.as_str()));
    // Newest first.
    let newest = exported(&["--order", "newest"]);
    assert_eq!(newest[0]["id"], reflection.as_str());
    assert_eq!(newest.last().unwrap()["id"], coach.as_str());
    // A private entry named without --include-private: said, nothing written.
    std::fs::remove_file(&out).unwrap();
    let err = s
        .run(&[
            "export",
            "--format",
            "jsonl",
            "--out",
            out.to_str().unwrap(),
            "--entry",
            &secret,
        ])
        .fails();
    assert!(err.contains("marked private"), "{err}");
    assert!(!out.exists());
    let shared = exported(&["--entry", &secret, "--include-private"]);
    assert_eq!(shared.len(), 1);
    // A malformed --without-section names the form expected.
    let err = s
        .run(&[
            "export",
            "--format",
            "jsonl",
            "--out",
            out.to_str().unwrap(),
            "--force",
            "--without-section",
            "emotional",
        ])
        .fails();
    assert!(err.contains("ID:SIDE"), "{err}");
}

#[test]
fn the_report_carries_the_persons_note_and_name_on_its_cover() {
    let s = journal();
    s.run(&["reflect", "--week", "2026-W46", "--skip", "integration"])
        .ok();
    let note = "The move to the platform team.\n\nWhether to ask for the <lead> role.";
    let html = s.path("coach.html");
    s.run(&[
        "export",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
        "--note",
        note,
        "--name",
        "Alex Morgan",
        "--order",
        "newest",
    ])
    .ok();
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(
        text.contains("What I\u{2019}d like to talk about"),
        "{text}"
    );
    assert!(text.contains("<p>The move to the platform team.</p>"));
    assert!(
        text.contains("Whether to ask for the &lt;lead&gt; role."),
        "escaped"
    );
    assert!(text.contains("<p class=\"name\">Alex Morgan</p>"));
    assert!(
        text.contains("Written between 3 November 2026 and"),
        "the span reads forwards whatever the order: {text}"
    );
    let reflection_at = text.find("Named in the retro.").unwrap();
    let note_at = text.find("Asked for the demo.").unwrap();
    assert!(reflection_at < note_at, "newest first");
    assert!(
        !text.contains("Skipped this week"),
        "skipped sides are left out"
    );
    assert!(
        text.contains("1 side skipped in its week is left out."),
        "and the cover says so"
    );

    let pdf = s.path("coach.pdf");
    s.run(&[
        "export",
        "--format",
        "pdf",
        "--out",
        pdf.to_str().unwrap(),
        "--note",
        note,
        "--name",
        "Alex Morgan",
    ])
    .ok();
    let words = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(words.contains("Alex Morgan"), "{words}");
    assert!(
        words.contains("like to talk about") && words.contains("platform team"),
        "{words}"
    );
    assert!(words.contains("1 side skipped in its week is left out."));
}

/// A journal whose valued rating steps up at the week of 2 March 2026 (from
/// about 4 to about 7); seen and known stay where they are.
fn stepped_journal() -> Sandbox {
    let s = Sandbox::new();
    let start = chrono::NaiveDate::from_ymd_opt(2025, 10, 13).unwrap();
    for i in 0..40u64 {
        let week = start + chrono::Days::new(7 * i);
        let wobble = [0, 1, -1, 0, 1][(i % 5) as usize];
        let valued = if i < 20 { 4 + wobble } else { 7 + wobble };
        let seen = (6 + wobble).to_string();
        let known = (5 - wobble).to_string();
        let valued = valued.to_string();
        s.run(&[
            "rate",
            "--seen",
            &seen,
            "--known",
            &known,
            "--valued",
            &valued,
            "--week",
            &week.to_string(),
        ])
        .ok();
    }
    s
}

#[test]
fn the_reports_summary_says_which_rating_moved_when_and_that_the_others_held() {
    let s = stepped_journal();
    let pdf = s.path("coach.pdf");
    s.run(&[
        "export",
        "--format",
        "pdf",
        "--out",
        pdf.to_str().unwrap(),
        "--note",
        "Whether the new team is the right fit.",
    ])
    .ok();
    let words = poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let flat = words.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("In brief"), "{flat}");
    assert!(
        flat.contains("Whether the new team is the right fit."),
        "the note"
    );
    let valued = flat
        .find("How valued you felt rose from about 4 to about 7 around the week of ")
        .unwrap_or_else(|| panic!("{flat}"));
    let after = &flat
        [valued + "How valued you felt rose from about 4 to about 7 around the week of ".len()..];
    let date_text: String = after.split(';').next().unwrap().to_string();
    let date = chrono::NaiveDate::parse_from_str(&date_text, "%-d %B %Y")
        .unwrap_or_else(|e| panic!("{date_text:?}: {e}"));
    let truth = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    assert!((date - truth).num_days().abs() <= 21, "{date}");
    assert!(flat.contains("How seen you felt has held steady"), "{flat}");
    assert!(
        flat.contains("How known you felt has held steady"),
        "{flat}"
    );
    assert!(flat.contains("Ratings run from 1 to 10"), "the legend");
    // The same in the HTML report.
    let html = s.path("coach.html");
    s.run(&[
        "export",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
    ])
    .ok();
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("How valued you felt rose from about 4 to about 7"));
    assert!(text.contains("How seen you felt has held steady"));
}
