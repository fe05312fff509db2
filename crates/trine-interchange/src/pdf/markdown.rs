//! An entry's Markdown laid out in the PDF: paragraphs, headings, quotes,
//! bulleted and numbered lists (nested ones indented), task lists, and
//! tables as one line per row, with bold, italic and links kept. The same
//! Markdown extensions as the app's own rendering are read.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::layout::{Layout, Run, Style};
use super::{INK, MUTED};

/// Addresses a reader can follow from the PDF; any other link keeps its
/// words but is not clickable.
fn followable(address: &str) -> bool {
    let lower = address.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

/// The block being gathered and how it is to be set.
#[derive(Default)]
struct Block {
    runs: Vec<Run>,
    heading: bool,
    quote: bool,
}

impl Block {
    fn push(&mut self, text: &str, style: Style, link: Option<&String>) {
        match self.runs.last_mut() {
            Some(last) if last.style == style && last.link.as_ref() == link => {
                last.text.push_str(text)
            }
            _ => self.runs.push(Run {
                text: text.to_string(),
                style,
                link: link.cloned(),
            }),
        }
    }

    /// Lays the gathered runs out as one paragraph, `depth` list levels in.
    fn flush(&mut self, layout: &mut Layout, indent: f32, depth: usize) {
        if self.runs.iter().any(|r| !r.text.trim().is_empty()) {
            let extra = if self.quote { 12.0 } else { 0.0 } + 14.0 * depth as f32;
            let color = if self.quote { MUTED } else { INK };
            let heading = self.heading;
            let runs: Vec<Run> = self
                .runs
                .drain(..)
                .map(|mut r| {
                    r.style.bold |= heading;
                    r
                })
                .collect();
            layout.runs(
                &runs,
                if heading { 11.5 } else { 10.5 },
                color,
                indent + extra,
            );
            layout.gap(4.0);
        }
        self.runs.clear();
    }
}

/// Lays `text` (Markdown) out at `indent` from the left margin.
pub(super) fn lay_out(layout: &mut Layout, text: &str, indent: f32) {
    let mut block = Block::default();
    // Each open list: the next number for a numbered one, none for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let (mut strong, mut emphasis) = (0usize, 0usize);
    let mut link: Option<String> = None;
    let mut cells = 0usize;
    let style = |strong: usize, emphasis: usize| Style {
        bold: strong > 0,
        italic: emphasis > 0,
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(text, options) {
        let depth = lists.len().saturating_sub(1);
        match event {
            Event::Start(Tag::Heading { .. }) => block.heading = true,
            Event::End(TagEnd::Heading(_)) => {
                block.flush(layout, indent, depth);
                block.heading = false;
            }
            Event::Start(Tag::BlockQuote(_)) => block.quote = true,
            Event::End(TagEnd::BlockQuote(_)) => {
                block.flush(layout, indent, depth);
                block.quote = false;
            }
            Event::Start(Tag::List(first)) => {
                block.flush(layout, indent, depth);
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}. ");
                        *n += 1;
                        marker
                    }
                    _ => "\u{2022} ".to_string(),
                };
                block.push(&marker, Style::PLAIN, None);
            }
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = followable(&dest_url).then(|| dest_url.to_string());
            }
            Event::End(TagEnd::Link) => link = None,
            // A table's cells are set apart on their row's line.
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => {
                if cells > 0 {
                    block.push(" \u{b7} ", Style::PLAIN, None);
                }
                cells += 1;
            }
            Event::End(TagEnd::Item)
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::CodeBlock)
            | Event::End(TagEnd::HtmlBlock)
            | Event::End(TagEnd::TableHead)
            | Event::End(TagEnd::TableRow) => block.flush(layout, indent, depth),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                block.push(&t, style(strong, emphasis), link.as_ref())
            }
            Event::SoftBreak => block.push(" ", style(strong, emphasis), link.as_ref()),
            Event::HardBreak => block.push("\n", style(strong, emphasis), link.as_ref()),
            Event::TaskListMarker(done) => {
                block.push(if done { "[x] " } else { "[ ] " }, Style::PLAIN, None)
            }
            _ => {}
        }
    }
    let depth = lists.len().saturating_sub(1);
    block.flush(layout, indent, depth);
}

#[cfg(test)]
mod tests {
    use super::super::layout::{Item, Target};
    use super::*;

    /// The text of every piece the layout would draw, with its style.
    fn drawn(markdown: &str) -> (Layout, Vec<(String, Style)>) {
        let mut layout = Layout::new();
        lay_out(&mut layout, markdown, 0.0);
        let pieces = layout
            .pages
            .iter()
            .flatten()
            .filter_map(|item| match item {
                Item::Text { text, style, .. } => Some((text.clone(), *style)),
                _ => None,
            })
            .collect();
        (layout, pieces)
    }

    fn pieces(markdown: &str) -> Vec<(String, Style)> {
        drawn(markdown).1
    }

    const ITALIC: Style = Style {
        bold: false,
        italic: true,
    };

    #[test]
    fn bold_text_stays_bold_and_in_its_place() {
        assert_eq!(
            pieces("I felt **really seen** today, **twice**ly."),
            [
                ("I felt".to_string(), Style::PLAIN),
                (" really seen".to_string(), Style::BOLD),
                (" today,".to_string(), Style::PLAIN),
                (" twice".to_string(), Style::BOLD),
                ("ly.".to_string(), Style::PLAIN),
            ]
        );
    }

    #[test]
    fn italics_and_bold_italics_are_kept() {
        assert_eq!(
            pieces("A *quiet* week, ***very*** quiet."),
            [
                ("A".to_string(), Style::PLAIN),
                (" quiet".to_string(), ITALIC),
                (" week,".to_string(), Style::PLAIN),
                (
                    " very".to_string(),
                    Style {
                        bold: true,
                        italic: true
                    }
                ),
                (" quiet.".to_string(), Style::PLAIN),
            ]
        );
    }

    #[test]
    fn lists_keep_their_bullets_numbers_and_nesting() {
        let (layout, pieces) = drawn("1. first\n2. second\n   - inside\n\n- loose");
        let texts: Vec<&str> = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["1. first", "2. second", "\u{2022} inside", "\u{2022} loose"]
        );
        let xs: Vec<f32> = layout
            .pages
            .iter()
            .flatten()
            .filter_map(|item| match item {
                Item::Text { x, .. } => Some(*x),
                _ => None,
            })
            .collect();
        assert!(xs[2] > xs[1], "the nested item is indented: {xs:?}");
        assert_eq!(xs[0], xs[3], "the lists' items line up");
    }

    #[test]
    fn links_keep_their_words_in_colour_and_can_be_followed() {
        let (layout, pieces) =
            drawn("See [the plan](https://example.org/plan) and [a file](file:///etc/passwd).");
        let texts: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, "See the plan and a file.");
        let targets: Vec<&Target> = layout
            .pages
            .iter()
            .flatten()
            .filter_map(|item| match item {
                Item::Link { target, .. } => Some(target),
                _ => None,
            })
            .collect();
        assert_eq!(
            targets,
            [&Target::Address("https://example.org/plan".into())],
            "only a web address is clickable"
        );
        let colours: Vec<(u8, u8, u8)> = layout
            .pages
            .iter()
            .flatten()
            .filter_map(|item| match item {
                Item::Text { color, text, .. } if text.contains("plan") => Some(*color),
                _ => None,
            })
            .collect();
        assert_eq!(colours, [super::super::layout::LINK]);
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
            .filter(|(_, s)| s.bold)
            .flat_map(|(t, _)| t.split_whitespace())
            .collect();
        assert_eq!(bold.len(), 30, "{drawn:?}");
        assert!(
            drawn.iter().filter(|(_, s)| !s.bold).count() >= 2,
            "wrapped over lines"
        );
        let all: String = drawn.iter().map(|(t, _)| format!("{t} ")).collect();
        assert_eq!(all.split_whitespace().count(), 60 + 30 + 1, "no word lost");
    }

    #[test]
    fn tables_and_task_lists_read_as_lines_without_their_markup() {
        let drawn = pieces("| Week | Felt |\n|---|---|\n| 1 | seen |\n\n- [x] asked\n- [ ] offered\n\n~~gone~~ here");
        let lines: Vec<String> = drawn
            .iter()
            .map(|(t, _)| t.trim_end().to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "Week \u{b7} Felt",
                "1 \u{b7} seen",
                "\u{2022} [x] asked",
                "\u{2022} [ ] offered",
                "gone here"
            ],
            "{drawn:?}"
        );
    }

    #[test]
    fn a_paragraphs_height_is_what_laying_it_out_takes() {
        let mut layout = Layout::new();
        let text = "A question that runs on for long enough to wrap over more than one line of the page, and then some more words still.";
        let expected = layout.paragraph_height(text, 9.5, 12.0);
        let before = layout.y;
        layout.paragraph(text, 9.5, false, MUTED, 12.0);
        assert!(
            (layout.y - before - expected).abs() < 0.01,
            "{} against {expected}",
            layout.y - before
        );
        assert!(expected > 9.5 * 1.45 * 1.5, "it wraps");
    }
}
