//! Laying the report out in pages: wrapped paragraphs of runs of text
//! (bold, italic and links kept), charts, side bars and links, top to
//! bottom. What is laid out is drawn twice: into the PDF, and as SVG pages
//! for the app's preview.

use std::sync::Arc;

use skrifa::instance::{LocationRef, Size as FontSize};
use skrifa::{FontRef, MetadataProvider};

use super::{fonts, BOTTOM, MARGIN, WIDTH};
use trine_store::error::{Error, Result};

/// The width, in pixels, the charts are drawn for.
const CHART_WIDTH: f32 = 960.0;

/// The colour of a link's words.
pub(super) const LINK: (u8, u8, u8) = (0x1a, 0x5f, 0xb4);

/// How a run of text is set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Style {
    pub(super) bold: bool,
    pub(super) italic: bool,
}

impl Style {
    pub(super) const PLAIN: Style = Style {
        bold: false,
        italic: false,
    };
    pub(super) const BOLD: Style = Style {
        bold: true,
        italic: false,
    };
}

/// A run of text in one style, perhaps a link.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Run {
    pub(super) text: String,
    pub(super) style: Style,
    /// Where the run links to (an address), if it is a link.
    pub(super) link: Option<String>,
}

impl Run {
    pub(super) fn new(text: impl Into<String>, style: Style) -> Run {
        Run {
            text: text.into(),
            style,
            link: None,
        }
    }
}

/// Where a link goes.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Target {
    /// An address outside the document (a web page, an email).
    Address(String),
    /// A page of the document (counted from 0).
    Page(usize),
}

/// One thing drawn on a page.
pub(super) enum Item {
    /// Words on a baseline at (`x`, `y`).
    Text {
        x: f32,
        y: f32,
        size: f32,
        style: Style,
        color: (u8, u8, u8),
        text: String,
    },
    /// A side's coloured bar beside its section.
    Bar {
        x: f32,
        top: f32,
        bottom: f32,
        color: (u8, u8, u8),
    },
    /// A chart, drawn from its SVG.
    Svg {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        tree: Box<usvg::Tree>,
        source: String,
    },
    /// A clickable area.
    Link {
        x: f32,
        top: f32,
        w: f32,
        h: f32,
        target: Target,
    },
}

/// Lays content out in pages, top to bottom.
pub(super) struct Layout {
    pub(super) pages: Vec<Vec<Item>>,
    pub(super) y: f32,
    fonts: [FontRef<'static>; 4],
    fontdb: Arc<usvg::fontdb::Database>,
}

impl Layout {
    pub(super) fn new() -> Layout {
        let mut db = usvg::fontdb::Database::new();
        for face in fonts::ALL {
            db.load_font_data(face.to_vec());
        }
        db.set_sans_serif_family("DejaVu Sans");
        Layout {
            pages: vec![Vec::new()],
            y: MARGIN,
            fonts: fonts::ALL.map(|face| FontRef::new(face).expect("the bundled font is valid")),
            fontdb: Arc::new(db),
        }
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page when fewer than `height` points are left.
    pub(super) fn new_page_if_low(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    /// The page being laid out, counted from 1.
    pub(super) fn page_number(&self) -> usize {
        self.pages.len()
    }

    fn push(&mut self, item: Item) {
        self.pages.last_mut().expect("a page").push(item);
    }

    /// How wide `text` is set in `style` at `size` points.
    pub(super) fn width(&self, text: &str, size: f32, style: Style) -> f32 {
        let font = &self.fonts[fonts::index(style)];
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

    /// How tall `text` is, set as a plain paragraph at `size` points and
    /// `indent` from the left margin (for keeping things together).
    pub(super) fn paragraph_height(&self, text: &str, size: f32, indent: f32) -> f32 {
        let room = WIDTH - indent;
        let space = self.width(" ", size, Style::PLAIN);
        let (mut lines, mut used) = (1u32, 0.0);
        for word in text.split_whitespace() {
            let w = self.width(word, size, Style::PLAIN);
            if used > 0.0 && used + space + w > room {
                lines += 1;
                used = w;
            } else {
                used += if used > 0.0 { space + w } else { w };
            }
        }
        lines as f32 * size * 1.45
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
        let style = if bold { Style::BOLD } else { Style::PLAIN };
        self.runs(&[Run::new(text, style)], size, color, indent);
    }

    /// One line in a column `width` wide at `x` from the left margin:
    /// `left` (shortened with an ellipsis to fit) and `right` set flush
    /// with the column's right edge, the whole line a link to `target`. The
    /// caller sees that it fits on the page.
    pub(super) fn line_with_number(
        &mut self,
        (x, width): (f32, f32),
        left: &str,
        right: &str,
        size: f32,
        target: Target,
    ) {
        let line_height = size * 1.6;
        self.y += line_height;
        let baseline = self.y - line_height * 0.3;
        let right_width = self.width(right, size, Style::PLAIN);
        let room = width - right_width - 12.0;
        let mut text = left.to_string();
        if self.width(&text, size, Style::PLAIN) > room {
            // As many characters as fit before the ellipsis, measured once.
            let ellipsis = self.width("\u{2026}", size, Style::PLAIN);
            let (mut used, mut cut) = (0.0, 0);
            for (at, c) in left.char_indices() {
                let w = self.width(c.encode_utf8(&mut [0; 4]), size, Style::PLAIN);
                if used + w + ellipsis > room {
                    break;
                }
                used += w;
                cut = at + c.len_utf8();
            }
            text = format!("{}\u{2026}", left[..cut].trim_end());
        }
        self.push(Item::Text {
            x: MARGIN + x,
            y: baseline,
            size,
            style: Style::PLAIN,
            color: super::INK,
            text,
        });
        self.push(Item::Text {
            x: MARGIN + x + width - right_width,
            y: baseline,
            size,
            style: Style::PLAIN,
            color: super::INK,
            text: right.to_string(),
        });
        self.push(Item::Link {
            x: MARGIN + x,
            top: self.y - line_height,
            w: width,
            h: line_height,
            target,
        });
    }

    /// A wrapped paragraph of runs of text, each in its own style
    /// (`**bold**`, `*italic*` and links in an entry stay so), at `indent`
    /// from the left margin. A newline in a run starts a new line.
    pub(super) fn runs(&mut self, runs: &[Run], size: f32, color: (u8, u8, u8), indent: f32) {
        let line_height = size * 1.45;
        let room = WIDTH - indent;
        // Words with their run and whether a space comes before them.
        let mut words: Vec<(String, usize, bool)> = Vec::new();
        let mut breaks: Vec<usize> = Vec::new();
        let mut space = false;
        for (run_index, run) in runs.iter().enumerate() {
            for (i, line) in run.text.split('\n').enumerate() {
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
                    words.push((rest[..end].to_string(), run_index, after_space));
                    space = false;
                    rest = &rest[end..];
                }
            }
        }
        let mut line: Vec<(String, usize)> = Vec::new();
        let mut line_width = 0.0;
        for (index, (word, run, space)) in words.into_iter().enumerate() {
            if breaks.contains(&index) && !line.is_empty() {
                self.put_line(&line, runs, size, color, indent, line_height);
                line.clear();
                line_width = 0.0;
            }
            let style = runs[run].style;
            let piece = if space && !line.is_empty() {
                format!(" {word}")
            } else {
                word
            };
            let width = self.width(&piece, size, style);
            if line_width + width > room && !line.is_empty() {
                self.put_line(&line, runs, size, color, indent, line_height);
                line.clear();
                let piece = piece.trim_start().to_string();
                line_width = self.width(&piece, size, style);
                line.push((piece, run));
                continue;
            }
            line_width += width;
            line.push((piece, run));
        }
        self.put_line(&line, runs, size, color, indent, line_height);
    }

    /// One line of pieces: the pieces of one run are drawn together, each
    /// after the one before; a link's words in the link colour, with a
    /// clickable area over them.
    fn put_line(
        &mut self,
        pieces: &[(String, usize)],
        runs: &[Run],
        size: f32,
        color: (u8, u8, u8),
        indent: f32,
        line_height: f32,
    ) {
        let mut merged: Vec<(String, usize)> = Vec::new();
        for (text, run) in pieces {
            match merged.last_mut() {
                Some((last, r)) if r == run => last.push_str(text),
                _ => merged.push((text.clone(), *run)),
            }
        }
        self.new_page_if_low(line_height);
        self.y += line_height;
        let baseline = self.y - line_height * 0.3;
        if merged.is_empty() {
            return;
        }
        let mut x = MARGIN + indent;
        for (text, run) in merged {
            let run = &runs[run];
            let width = self.width(&text, size, run.style);
            if let Some(address) = &run.link {
                let lead = self.width(&text, size, run.style)
                    - self.width(text.trim_start(), size, run.style);
                self.push(Item::Link {
                    x: x + lead,
                    top: baseline - size,
                    w: width - lead,
                    h: size * 1.3,
                    target: Target::Address(address.clone()),
                });
            }
            self.push(Item::Text {
                x,
                y: baseline,
                size,
                style: run.style,
                color: if run.link.is_some() { LINK } else { color },
                text,
            });
            x += width;
        }
    }

    pub(super) fn gap(&mut self, height: f32) {
        self.y += height;
    }

    /// A chart, as wide as the text.
    pub(super) fn svg(&mut self, svg: &str) -> Result<()> {
        let options = usvg::Options {
            fontdb: self.fontdb.clone(),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(svg, &options)
            .map_err(|e| Error::Chart(format!("the chart for the PDF: {e}")))?;
        // Charts are drawn for a 960-pixel width; a narrower one (the
        // calendar of a few months) keeps that scale rather than being
        // blown up, so that every chart's words are the same size.
        let scale = (WIDTH / tree.size().width()).min(WIDTH / CHART_WIDTH);
        let (w, h) = (tree.size().width() * scale, tree.size().height() * scale);
        self.new_page_if_low(h);
        let y = self.y;
        self.push(Item::Svg {
            x: MARGIN,
            y,
            w,
            h,
            tree: Box::new(tree),
            source: svg.to_string(),
        });
        self.y += h + 12.0;
        Ok(())
    }

    /// A bar in `color` beside what was laid out from `top` on page
    /// `first` (counted from 1) down to here, across page breaks too: to
    /// the foot of each page it fills, and from the top of each page it
    /// continues on.
    pub(super) fn bar_since(&mut self, first: usize, top: f32, color: (u8, u8, u8)) {
        for (index, from, to) in bar_pieces(first, top, self.pages.len(), self.y) {
            self.pages[index].push(Item::Bar {
                x: MARGIN + 2.0,
                top: from,
                bottom: to,
                color,
            });
        }
    }
}

/// The pieces of a side's bar for a section that starts at `top` on page
/// `first` (counted from 1) and ends at `end` on page `last`: (page index
/// from 0, top, bottom), one per page it spans.
pub(super) fn bar_pieces(first: usize, top: f32, last: usize, end: f32) -> Vec<(usize, f32, f32)> {
    (first..=last)
        .map(|page| {
            let from = if page == first { top } else { MARGIN };
            let to = if page == last { end } else { BOTTOM };
            (page - 1, from, to)
        })
        .filter(|(_, from, to)| to > from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sides_colour_runs_on_across_page_breaks() {
        // Within one page: one piece, top to end.
        assert_eq!(bar_pieces(2, 300.0, 2, 420.0), vec![(1, 300.0, 420.0)]);
        // Over three pages: to the foot of the first, the whole second,
        // and from the top of the third to the end.
        assert_eq!(
            bar_pieces(1, 600.0, 3, 200.0),
            vec![(0, 600.0, BOTTOM), (1, MARGIN, BOTTOM), (2, MARGIN, 200.0)]
        );
        // A section that began at the very foot of a page draws nothing
        // there.
        assert_eq!(bar_pieces(1, BOTTOM, 2, 150.0), vec![(1, MARGIN, 150.0)]);
    }

    #[test]
    fn a_long_title_in_the_contents_is_shortened_to_leave_room_for_its_page() {
        let mut layout = Layout::new();
        let title = "a very long title ".repeat(20);
        layout.line_with_number((0.0, WIDTH), &title, "12", 10.0, Target::Page(11));
        let texts: Vec<(f32, String)> = layout.pages[0]
            .iter()
            .filter_map(|item| match item {
                Item::Text { x, text, .. } => Some((*x, text.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(texts.len(), 2);
        assert!(texts[0].1.ends_with('\u{2026}'), "{:?}", texts[0].1);
        let left_end = texts[0].0 + layout.width(&texts[0].1, 10.0, Style::PLAIN);
        assert!(left_end < texts[1].0, "the title stops before the number");
        assert_eq!(texts[1].1, "12");
        assert!(layout.pages[0].iter().any(|item| matches!(
            item,
            Item::Link {
                target: Target::Page(11),
                ..
            }
        )));
    }
}
