//! Laying the report out in pages: wrapped paragraphs of runs of text
//! (bold kept), Markdown as paragraphs, headings, list items and quotes,
//! and charts, top to bottom.

use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use skrifa::instance::{LocationRef, Size as FontSize};
use skrifa::{FontRef, MetadataProvider};

use super::{BOLD, BOTTOM, INK, MARGIN, MUTED, REGULAR, WIDTH};
use trine_store::error::{Error, Result};

pub(super) enum Item {
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
pub(super) struct Layout {
    pub(super) pages: Vec<Vec<Item>>,
    pub(super) y: f32,
    pub(super) regular: FontRef<'static>,
    pub(super) bold: FontRef<'static>,
    pub(super) fontdb: Arc<usvg::fontdb::Database>,
}

impl Layout {
    pub(super) fn new() -> Layout {
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

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    pub(super) fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
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
    pub(super) fn paragraph(
        &mut self,
        text: &str,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        indent: f32,
    ) {
        self.runs(&[(text.to_string(), bold)], size, color, indent);
    }

    /// A wrapped paragraph of runs of text, each bold or not (`**bold**` in
    /// an entry stays bold), at `indent` from the left margin. A newline in
    /// a run starts a new line.
    pub(super) fn runs(
        &mut self,
        runs: &[(String, bool)],
        size: f32,
        color: (u8, u8, u8),
        indent: f32,
    ) {
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
    pub(super) fn put_runs(
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

    pub(super) fn put_line(
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

    pub(super) fn gap(&mut self, height: f32) {
        self.y += height;
    }

    pub(super) fn svg(&mut self, svg: &str) -> Result<()> {
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
    pub(super) fn markdown(&mut self, text: &str, indent: f32) {
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

impl Layout {
    pub(super) fn new_page_if_low(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }
}

#[cfg(test)]
mod tests {
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
