//! Markdown to safe HTML, the only way user text becomes HTML in Trine.
//!
//! pulldown-cmark turns Markdown into HTML; ammonia then keeps only a small
//! set of harmless elements and attributes, so raw HTML typed into an entry
//! (`<script>`, `<img onerror=…>`, `javascript:` links) comes out inert.
//! Images are dropped: the app loads nothing from anywhere, and a journal
//! holds text.

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{html, Options, Parser};
use trine_store::{Entry, Journal};

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let tags: HashSet<&str> = [
            "a",
            "p",
            "br",
            "hr",
            "em",
            "strong",
            "del",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "input",
        ]
        .into_iter()
        .collect();
        let mut builder = ammonia::Builder::empty();
        builder
            .tags(tags)
            .add_tag_attributes("a", ["href", "title"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tag_attributes("ol", ["start"])
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"))
            .clean_content_tags(
                ["script", "style", "iframe", "object", "embed"]
                    .into_iter()
                    .collect(),
            );
        builder
    })
}

/// Renders Markdown to sanitised HTML, safe to insert into the page.
pub fn markdown_to_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    sanitizer().clean(&unsafe_html).to_string()
}

/// Markdown reduced to its words: text, code and line breaks, without the
/// marks and without raw HTML.
pub fn markdown_to_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
    out
}

pub use trine_store::html::{escape_html, push_escaped};

/// An entry's text as sanitised HTML: its body, then each side it answers
/// with the side's name, the prompt asked and the answer (or "Skipped").
pub fn entry_html(journal: &Journal, entry: &Entry) -> String {
    let mut html = String::new();
    if !entry.body.trim().is_empty() {
        html.push_str(&markdown_to_html(&entry.body));
    }
    for section in &entry.sections {
        html.push_str(&format!(
            "<section class=\"side side-{}\">",
            section.side.as_str()
        ));
        html.push_str(&format!("<h3>{}</h3>", escape_html(section.side.label())));
        if let Some(prompt) = section
            .prompt_id
            .as_deref()
            .and_then(|p| journal.prompt(p).ok())
        {
            html.push_str(&format!(
                "<p class=\"prompt\">{}</p>",
                escape_html(&prompt.text)
            ));
        }
        if section.text.is_empty() {
            html.push_str("<p class=\"skipped\">Skipped this week.</p>");
        } else {
            html.push_str(&markdown_to_html(&section.text));
        }
        html.push_str("</section>");
    }
    if let Some(follow_up) = &entry.follow_up {
        html.push_str("<section class=\"follow-up\"><h3>Last week's step</h3>");
        html.push_str(&format!(
            "<p class=\"prompt\">Planned: {}</p>",
            escape_html(&follow_up.planned)
        ));
        if follow_up.answer.is_empty() {
            html.push_str("<p class=\"skipped\">Not answered yet.</p>");
        } else {
            html.push_str(&markdown_to_html(&follow_up.answer));
        }
        html.push_str("</section>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let html = markdown_to_html(
            "# Week\n\nI *asked* for **the demo**.\n\n- one\n- [x] done\n\n> quoted",
        );
        assert!(html.contains("<h1>Week</h1>"), "{html}");
        assert!(
            html.contains("<em>asked</em>") && html.contains("<strong>the demo</strong>"),
            "{html}"
        );
        assert!(html.contains("<li>one</li>"), "{html}");
        assert!(html.contains("<blockquote>"), "{html}");
        assert!(html.contains("type=\"checkbox\""), "{html}");
    }

    #[test]
    fn raw_html_in_an_entry_is_made_harmless() {
        let html = markdown_to_html(
            "Hello <script>alert(1)</script> and <img src=x onerror=alert(2)> and <b onclick=\"x()\">bold</b>\n\n\
             [link](javascript:alert(3)) [ok](https://example.org)\n\n<iframe src=\"https://evil\"></iframe>",
        );
        for bad in [
            "<script",
            "alert(1)",
            "<img",
            "onerror",
            "onclick",
            "javascript:",
            "<iframe",
            "<b",
        ] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
        assert!(
            html.contains("<a href=\"https://example.org\" rel=\"noopener noreferrer\">ok</a>"),
            "{html}"
        );
        assert!(html.contains("bold"), "the words stay: {html}");
    }

    #[test]
    fn markdown_reduces_to_its_words() {
        assert_eq!(
            markdown_to_text("Sam said **the calmest**.\n\n- ask\n- write <b>this</b>")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            "Sam said the calmest. ask write this"
        );
    }

    #[test]
    fn plain_text_is_escaped() {
        assert_eq!(
            escape_html("<b>\"Tom\" & 'Jerry'</b>"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }
}
