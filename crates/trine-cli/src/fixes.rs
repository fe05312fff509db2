//! What to do about an error, in the CLI's words: its flags, variables and
//! commands. The core's message says what happened; this adds the way out.

use trine_app::{Error, Fix};

/// The CLI's sentence for a fix, or `None` when the message already says
/// all there is to do.
pub fn words(fix: Fix) -> Option<&'static str> {
    Some(match fix {
        Fix::ChooseAnotherFolder => {
            "Make sure it is a folder you can write to, or choose another with --data-dir or TRINE_DATA_DIR"
        }
        Fix::FreeDiskSpace => "Free some space (or raise the file-size limit), then try again",
        Fix::GivePassphrase => "Type the passphrase when asked, or set TRINE_PASSPHRASE",
        Fix::GiveNewPassphrase => "Type it at the terminal, or set TRINE_NEW_PASSPHRASE",
        Fix::RunIntegrityCheck => "Then run `trine check`",
        Fix::RestoreBackup => {
            "Restore the newest good backup: `trine backup --list` lists them, and `trine restore FILE` brings one back and keeps the damaged file"
        }
        Fix::TryAgainLater => "Try again when it is done",
        Fix::UpdateTrine => return None,
        Fix::GiveTimeFormat => "If the file writes its times another way, give that format with --time-format",
        Fix::ListComponents => "`trine checkin --help` lists them",
        Fix::ListPrompts => "`trine prompts list` shows them",
        Fix::ListEntries => "`trine list` shows the ids",
        Fix::RepairSearchIndex => "`trine check --repair` makes it again (a backup does too)",
        Fix::RepairDamagedValues => {
            "`trine check --repair` reads them again, losing only the damaged bytes (`trine backup` does too)"
        }
        Fix::OmitPassphrase => "Unset TRINE_PASSPHRASE to open it, or run `trine encrypt` to give it one",
    })
}

/// An error as the CLI prints it: the core's message and the CLI's way out.
pub fn message(error: &Error) -> String {
    let text = error.to_string();
    match error.fix().and_then(words) {
        Some(words) => format!("{text}. {words}"),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fix_the_cli_words_names_a_way_out() {
        for fix in trine_app::ALL_FIXES {
            if let Some(words) = words(fix) {
                assert!(words.len() > 10, "{fix:?}: {words}");
                assert!(
                    !words.ends_with('.'),
                    "{fix:?}: the message adds no full stop of its own"
                );
            }
        }
        let damaged = Error::Open(trine_app::OpenError::Damaged {
            path: "/j/journal.db".into(),
        });
        let shown = message(&damaged);
        assert!(
            shown.contains("left untouched. Restore the newest good backup"),
            "{shown}"
        );
        assert!(shown.contains("trine restore FILE"), "{shown}");
    }
}
