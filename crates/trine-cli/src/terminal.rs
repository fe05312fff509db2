//! Writing to standard output safely.
//!
//! Text from the journal (or from a file just imported) can hold control
//! characters, escape sequences among them, that would move the cursor,
//! recolour or retitle the terminal, or worse. Everything `trine` prints
//! goes through `say!` and `say_part!`, which show every control
//! character but newline and tab as `\u{…}`. A closed pipe (`trine list |
//! head`) ends the program quietly, as it ends other command-line tools.

use std::io::Write;

/// `text` with every control character but newline and tab shown as an
/// escape, `\u{1b}` for ESC.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Writes `text` to standard output (after escaping), flushing it; a
/// closed pipe ends the program with success, any other failure with a
/// one-line message.
pub fn write_out(text: &str) {
    write_bytes(escape_controls(text).as_bytes());
}

/// Writes JSON to standard output with a newline. JSON escapes the control
/// characters below U+0020 itself; DEL and the C1 controls (U+007F to
/// U+009F, which some terminals obey) are written as JSON escapes too, which
/// read back as the same text.
pub fn write_json(json: &str) {
    let mut out = String::with_capacity(json.len() + 1);
    for c in json.chars() {
        if ('\u{7f}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    write_bytes(out.as_bytes());
}

fn write_bytes(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    let written = out.write_all(bytes).and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("trine: could not write to standard output: {e}");
        std::process::exit(1);
    }
}

/// Prints a line to standard output, control characters escaped (see the
/// module's doc).
#[macro_export]
macro_rules! say {
    () => { $crate::terminal::write_out("\n") };
    ($($arg:tt)*) => { $crate::terminal::write_out(&format!("{}\n", format_args!($($arg)*))) };
}

/// Prints to standard output without a newline, control characters
/// escaped.
#[macro_export]
macro_rules! say_part {
    ($($arg:tt)*) => { $crate::terminal::write_out(&format!($($arg)*)) };
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn control_characters_but_newline_and_tab_are_shown_escaped() {
        assert_eq!(
            escape_controls("a\u{1b}[31mred\u{7}\r\nnext\tcol\u{9b}"),
            "a\\u{1b}[31mred\\u{7}\\u{d}\nnext\tcol\\u{9b}"
        );
        assert!(matches!(
            escape_controls("plain words"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
