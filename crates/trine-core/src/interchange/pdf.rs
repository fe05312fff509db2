//! The report as PDF: real text (searchable, copyable), charts as vectors,
//! page numbers, and the selection and date range on the cover.
//!
//! krilla writes the PDF (text is embedded with the font, so it can be
//! searched and copied); krilla-svg draws the chart SVGs as vector paths,
//! with their labels as text. The font, DejaVu Sans, is compiled in, so the
//! report looks the same on every system. Markdown is laid out as plain
//! paragraphs, headings, list items and quotes.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::Document;
use krilla_svg::{SurfaceExt, SvgSettings};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use skrifa::instance::{LocationRef, Size as FontSize};
use skrifa::{FontRef, MetadataProvider};

use super::atomic;
use super::selection::{weekly_ratings_of, ExportSelection};
use crate::charts::{calendar_chart, ratings_chart, RatingsChartOptions};
use crate::error::{Error, Result};
use crate::model::Entry;
use crate::store::Journal;
use crate::views::display_title;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

const PAGE: (f32, f32) = (595.0, 842.0); // A4 in points
const MARGIN: f32 = 56.0;
const BOTTOM: f32 = PAGE.1 - MARGIN - 24.0;
const WIDTH: f32 = PAGE.0 - 2.0 * MARGIN;

const INK: (u8, u8, u8) = (0x1d, 0x1f, 0x24);
const MUTED: (u8, u8, u8) = (0x5b, 0x60, 0x70);
const SIDES: [(u8, u8, u8); 3] = [(0x56, 0xB4, 0xE9), (0x00, 0x9E, 0x73), (0xE6, 0x9F, 0x00)];

enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    },
    Bar {
        x: f32,
        top: f32,
        bottom: f32,
        color: (u8, u8, u8),
    },
    Svg {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        tree: Box<usvg::Tree>,
    },
}

/// Lays content out in pages, top to bottom.
struct Layout {
    pages: Vec<Vec<Item>>,
    y: f32,
    regular: FontRef<'static>,
    bold: FontRef<'static>,
    fontdb: Arc<usvg::fontdb::Database>,
}

impl Layout {
    fn new() -> Layout {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        Layout {
            pages: vec![Vec::new()],
            y: MARGIN,
            regular: FontRef::new(REGULAR).expect("the bundled font is valid"),
            bold: FontRef::new(BOLD).expect("the bundled font is valid"),
            fontdb: Arc::new(db),
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let font = if bold { &self.bold } else { &self.regular };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(FontSize::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|g| metrics.advance_width(g))
                    .unwrap_or(size * 0.5)
            })
            .sum()
    }

    /// A wrapped paragraph at `indent` from the left margin.
    fn paragraph(&mut self, text: &str, size: f32, bold: bool, color: (u8, u8, u8), indent: f32) {
        self.runs(&[(text.to_string(), bold)], size, color, indent);
    }

    /// A wrapped paragraph of runs of text, each bold or not (`**bold**` in
    /// an entry stays bold), at `indent` from the left margin. A newline in
    /// a run starts a new line.
    fn runs(&mut self, runs: &[(String, bool)], size: f32, color: (u8, u8, u8), indent: f32) {
        let line_height = size * 1.45;
        let room = WIDTH - indent;
        // Words with their boldness and whether a space comes before them.
        let mut words: Vec<(String, bool, bool)> = Vec::new();
        let mut breaks: Vec<usize> = Vec::new();
        let mut space = false;
        for (text, bold) in runs {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    breaks.push(words.len());
                    space = false;
                }
                let mut rest = line;
                while !rest.is_empty() {
                    let trimmed = rest.trim_start();
                    if trimmed.len() < rest.len() {
                        space = true;
                    }
                    rest = trimmed;
                    if rest.is_empty() {
                        break;
                    }
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    let after_space =
                        space && !words.is_empty() && breaks.last() != Some(&words.len());
                    words.push((rest[..end].to_string(), *bold, after_space));
                    space = false;
                    rest = &rest[end..];
                }
            }
        }
        let mut line: Vec<(String, bool)> = Vec::new();
        let mut line_width = 0.0;
        for (index, (word, bold, space)) in words.into_iter().enumerate() {
            if breaks.contains(&index) && !line.is_empty() {
                self.put_runs(&line, size, color, indent, line_height);
                line.clear();
                line_width = 0.0;
            }
            let piece = if space && !line.is_empty() {
                format!(" {word}")
            } else {
                word
            };
            let width = self.width(&piece, size, bold);
            if line_width + width > room && !line.is_empty() {
                self.put_runs(&line, size, color, indent, line_height);
                line.clear();
                line_width = 0.0;
                let piece = piece.trim_start().to_string();
                line_width += self.width(&piece, size, bold);
                line.push((piece, bold));
                continue;
            }
            line_width += width;
            line.push((piece, bold));
        }
        self.put_runs(&line, size, color, indent, line_height);
    }

    /// One line of runs: pieces of the same weight are drawn together,
    /// each after the one before.
    fn put_runs(
        &mut self,
        pieces: &[(String, bool)],
        size: f32,
        color: (u8, u8, u8),
        indent: f32,
        line_height: f32,
    ) {
        let mut merged: Vec<(String, bool)> = Vec::new();
        for (text, bold) in pieces {
            match merged.last_mut() {
                Some((last, b)) if b == bold => last.push_str(text),
                _ => merged.push((text.clone(), *bold)),
            }
        }
        if merged.is_empty() {
            merged.push((String::new(), false));
        }
        let mut x = indent;
        let first = merged.remove(0);
        self.put_line(&first.0, size, first.1, color, x, line_height);
        x += self.width(&first.0, size, first.1);
        let y = self.y - line_height * 0.3;
        for (text, bold) in merged {
            let width = self.width(&text, size, bold);
            self.pages.last_mut().expect("a page").push(Item::Text {
                x: MARGIN + x,
                y,
                size,
                bold,
                color,
                text,
            });
            x += width;
        }
    }

    fn put_line(
        &mut self,
        text: &str,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        indent: f32,
        line_height: f32,
    ) {
        self.ensure(line_height);
        self.y += line_height;
        let y = self.y - line_height * 0.3;
        self.pages.last_mut().expect("a page").push(Item::Text {
            x: MARGIN + indent,
            y,
            size,
            bold,
            color,
            text: text.to_string(),
        });
    }

    fn gap(&mut self, height: f32) {
        self.y += height;
    }

    fn svg(&mut self, svg: &str) -> Result<()> {
        let options = usvg::Options {
            fontdb: self.fontdb.clone(),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(svg, &options)
            .map_err(|e| Error::Chart(format!("the chart for the PDF: {e}")))?;
        let scale = WIDTH / tree.size().width();
        let h = tree.size().height() * scale;
        self.ensure(h);
        let y = self.y;
        self.pages.last_mut().expect("a page").push(Item::Svg {
            x: MARGIN,
            y,
            w: WIDTH,
            h,
            tree: Box::new(tree),
        });
        self.y += h + 12.0;
        Ok(())
    }

    /// Markdown as paragraphs, headings, list items and quotes, bold kept.
    fn markdown(&mut self, text: &str, indent: f32) {
        let mut block: Vec<(String, bool)> = Vec::new();
        let (mut heading, mut quote, mut list_depth, mut strong) = (false, false, 0usize, 0usize);
        let flush = |layout: &mut Layout,
                     block: &mut Vec<(String, bool)>,
                     heading: bool,
                     quote: bool,
                     depth: usize| {
            if block.iter().any(|(t, _)| !t.trim().is_empty()) {
                let extra = if quote { 12.0 } else { 0.0 } + 12.0 * depth as f32;
                let color = if quote { MUTED } else { INK };
                let runs: Vec<(String, bool)> = block
                    .iter()
                    .map(|(t, b)| (t.clone(), *b || heading))
                    .collect();
                layout.runs(
                    &runs,
                    if heading { 11.5 } else { 10.5 },
                    color,
                    indent + extra,
                );
                layout.gap(4.0);
            }
            block.clear();
        };
        let push = |block: &mut Vec<(String, bool)>, text: &str, bold: bool| match block.last_mut()
        {
            Some((last, b)) if *b == bold => last.push_str(text),
            _ => block.push((text.to_string(), bold)),
        };
        for event in Parser::new(text) {
            match event {
                Event::Start(Tag::Heading { .. }) => heading = true,
                Event::End(TagEnd::Heading(_)) => {
                    flush(self, &mut block, true, quote, list_depth);
                    heading = false;
                }
                Event::Start(Tag::BlockQuote(_)) => quote = true,
                Event::End(TagEnd::BlockQuote(_)) => {
                    flush(self, &mut block, heading, true, list_depth);
                    quote = false;
                }
                Event::Start(Tag::List(_)) => {
                    flush(self, &mut block, heading, quote, list_depth);
                    list_depth += 1;
                }
                Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
                Event::Start(Tag::Item) => push(&mut block, "• ", false),
                Event::Start(Tag::Strong) => strong += 1,
                Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
                Event::End(TagEnd::Item)
                | Event::End(TagEnd::Paragraph)
                | Event::End(TagEnd::CodeBlock) => {
                    flush(
                        self,
                        &mut block,
                        heading,
                        quote,
                        list_depth.saturating_sub(1),
                    );
                }
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                    push(&mut block, &t, strong > 0)
                }
                Event::SoftBreak => push(&mut block, " ", strong > 0),
                Event::HardBreak => push(&mut block, "\n", strong > 0),
                Event::TaskListMarker(done) => {
                    push(&mut block, if done { "[x] " } else { "[ ] " }, false)
                }
                _ => {}
            }
        }
        flush(self, &mut block, heading, quote, list_depth);
    }
}

fn color(c: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// The report as PDF bytes.
pub fn render_pdf(
    journal: &Journal,
    selection: &ExportSelection,
    entries: &[Entry],
    made_on: NaiveDate,
) -> Result<Vec<u8>> {
    let mut layout = Layout::new();
    // The cover.
    layout.gap(120.0);
    layout.paragraph("Career belonging journal", 26.0, true, INK, 0.0);
    layout.gap(8.0);
    layout.paragraph(
        &format!("A report of {} entries.", entries.len()),
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
    if let (Some(first), Some(last)) = (entries.first(), entries.last()) {
        layout.paragraph(
            &format!(
                "Written between {} and {}.",
                first.date().format("%-d %B %Y"),
                last.date().format("%-d %B %Y")
            ),
            11.0,
            false,
            MUTED,
            0.0,
        );
    }
    layout.paragraph(
        &format!("Made with Trine on {}.", made_on.format("%-d %B %Y")),
        11.0,
        false,
        MUTED,
        0.0,
    );

    if !selection.without_charts && !entries.is_empty() {
        layout.new_page();
        let series = weekly_ratings_of(entries);
        let first_day = journal.settings()?.first_day;
        let weeks = super::report::selection_weeks(entries, first_day);
        if !selection.without_ratings && !series.is_empty() {
            let week_starts: Vec<NaiveDate> = weeks.iter().map(|(w, _)| *w).collect();
            let chart = ratings_chart(&series, &week_starts, &[], &RatingsChartOptions::default())?;
            layout.svg(&chart.svg)?;
            layout.paragraph(&chart.description, 9.0, false, MUTED, 0.0);
            layout.gap(16.0);
        }
        let calendar = calendar_chart(&weeks)?;
        layout.svg(&calendar.svg)?;
        layout.paragraph(&calendar.description, 9.0, false, MUTED, 0.0);
    }

    for entry in entries {
        layout.new_page_if_low(120.0);
        layout.gap(14.0);
        layout.paragraph(&display_title(entry), 15.0, true, INK, 0.0);
        let meta = super::selection::entry_meta_line(entry);
        layout.paragraph(&meta, 9.5, false, MUTED, 0.0);
        if !entry.tags.is_empty() {
            let tags: Vec<String> = entry.tags.iter().map(|t| format!("#{t}")).collect();
            layout.paragraph(&tags.join("  "), 9.5, false, MUTED, 0.0);
        }
        layout.gap(6.0);
        if !entry.body.trim().is_empty() {
            layout.markdown(&entry.body, 0.0);
        }
        for section in &entry.sections {
            let top = layout.y;
            let page = layout.pages.len();
            layout.paragraph(section.side.label(), 11.0, true, INK, 12.0);
            if let Some(prompt) = section
                .prompt_id
                .as_deref()
                .and_then(|p| journal.prompt(p).ok())
            {
                layout.paragraph(&prompt.text, 9.5, false, MUTED, 12.0);
            }
            if section.text.is_empty() {
                layout.paragraph("Skipped this week.", 10.0, false, MUTED, 12.0);
            } else {
                layout.markdown(&section.text, 12.0);
            }
            if layout.pages.len() == page {
                let side_color = SIDES[section.side as usize];
                let bottom = layout.y;
                layout.pages.last_mut().expect("a page").push(Item::Bar {
                    x: MARGIN + 2.0,
                    top: top + 4.0,
                    bottom,
                    color: side_color,
                });
            }
            layout.gap(6.0);
        }
    }
    draw(layout)
}

impl Layout {
    fn new_page_if_low(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }
}

fn draw(layout: Layout) -> Result<Vec<u8>> {
    let regular = Font::new(REGULAR.into(), 0).expect("the bundled font is valid");
    let bold = Font::new(BOLD.into(), 0).expect("the bundled font is valid");
    let mut document = Document::new();
    let total = layout.pages.len();
    for (index, items) in layout.pages.into_iter().enumerate() {
        let mut page = document.start_page_with(PageSettings::from_wh(PAGE.0, PAGE.1).expect("A4"));
        let mut surface = page.surface();
        for item in items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    bold: is_bold,
                    color: c,
                    text,
                } => {
                    surface.set_fill(Some(color(c)));
                    let font = if is_bold {
                        bold.clone()
                    } else {
                        regular.clone()
                    };
                    surface.draw_text(
                        Point::from_xy(x, y),
                        font,
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Item::Bar {
                    x,
                    top,
                    bottom,
                    color: c,
                } => {
                    let mut path = PathBuilder::new();
                    path.move_to(x, top);
                    path.line_to(x, bottom);
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(c.0, c.1, c.2).into(),
                            width: 3.0,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
                Item::Svg { x, y, w, h, tree } => {
                    surface.push_transform(&krilla::geom::Transform::from_translate(x, y));
                    let size = Size::from_wh(w, h).expect("a chart has a size");
                    surface.draw_svg(
                        &tree,
                        size,
                        SvgSettings {
                            embed_text: true,
                            ..SvgSettings::default()
                        },
                    );
                    surface.pop();
                }
            }
        }
        surface.set_fill(Some(color(MUTED)));
        let footer = format!("Career belonging journal · page {} of {total}", index + 1);
        surface.draw_text(
            Point::from_xy(MARGIN, PAGE.1 - MARGIN + 16.0),
            regular.clone(),
            8.5,
            &footer,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| Error::Chart(format!("could not write the PDF: {e:?}")))
}

/// Writes the PDF report for `selection` to `path`. Returns the number of entries.
pub fn export_pdf(journal: &Journal, selection: &ExportSelection, path: &Path) -> Result<usize> {
    let (entries, _) = journal.select(selection)?;
    let bytes = render_pdf(
        journal,
        selection,
        &entries,
        crate::time::now().date_naive(),
    )?;
    atomic::write_file(path, |out| out.write_all(&bytes))?;
    Ok(entries.len())
}

#[cfg(test)]
mod bold_tests {
    use super::{Item, Layout};

    /// The text of every piece the layout would draw, and whether it is bold.
    fn pieces(markdown: &str) -> Vec<(String, bool)> {
        let mut layout = Layout::new();
        layout.markdown(markdown, 0.0);
        layout
            .pages
            .iter()
            .flatten()
            .filter_map(|item| match item {
                Item::Text { text, bold, .. } => Some((text.clone(), *bold)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn bold_text_stays_bold_and_in_its_place() {
        let drawn = pieces("I felt **really seen** today, **twice**ly.");
        assert_eq!(
            drawn,
            [
                ("I felt".to_string(), false),
                (" really seen".to_string(), true),
                (" today,".to_string(), false),
                (" twice".to_string(), true),
                ("ly.".to_string(), false),
            ]
        );
    }

    #[test]
    fn a_long_paragraph_still_wraps_with_bold_in_it() {
        let text = format!(
            "{} **{}** end",
            "word ".repeat(60),
            "strong ".repeat(30).trim_end()
        );
        let drawn = pieces(&text);
        let bold: Vec<&str> = drawn
            .iter()
            .filter(|(_, b)| *b)
            .flat_map(|(t, _)| t.split_whitespace())
            .collect();
        assert_eq!(bold.len(), 30, "{drawn:?}");
        assert!(
            drawn.iter().filter(|(_, b)| !*b).count() >= 2,
            "wrapped over lines"
        );
        let all: String = drawn.iter().map(|(t, _)| format!("{t} ")).collect();
        assert_eq!(all.split_whitespace().count(), 60 + 30 + 1, "no word lost");
    }
}
