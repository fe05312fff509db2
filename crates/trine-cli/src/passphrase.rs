//! Passphrases for encrypted journals: from `TRINE_PASSPHRASE` for
//! scripts, else asked on the terminal without echo.

use std::io::IsTerminal;
use std::path::Path;

use trine_app::{Error, Journal, OpenError, Result, ValidationError};

/// The environment variable scripts use for the journal's passphrase.
pub const PASSPHRASE_ENV: &str = "TRINE_PASSPHRASE";
/// The environment variable for the new passphrase of `trine encrypt`.
pub const NEW_PASSPHRASE_ENV: &str = "TRINE_NEW_PASSPHRASE";

fn ask(prompt: &str) -> Result<String> {
    rpassword::prompt_password(prompt).map_err(|e| Error::File {
        path: "the terminal".into(),
        source: e,
    })
}

/// Opens the journal in `dir`: with `TRINE_PASSPHRASE` if it is set, and
/// asking on the terminal (up to three times) when the journal is locked.
pub fn open(dir: &Path) -> Result<Journal> {
    with_passphrase("Passphrase for the journal: ", |pass| {
        Journal::open_in_with(dir, pass)
    })
}

/// Runs `work` on the journal file `file` with `TRINE_PASSPHRASE` if it
/// is set, and asking on the terminal (up to three times) when the file
/// turns out to be encrypted.
pub fn with_passphrase_for<T>(
    file: &Path,
    work: impl FnMut(Option<&str>) -> Result<T>,
) -> Result<T> {
    with_passphrase(&format!("Passphrase for {}: ", file.display()), work)
}

/// Runs `work` with `TRINE_PASSPHRASE` if it is set, then, when what it
/// reads is encrypted, with a passphrase asked on the terminal with
/// `prompt` (up to three times).
fn with_passphrase<T>(prompt: &str, mut work: impl FnMut(Option<&str>) -> Result<T>) -> Result<T> {
    let from_env = std::env::var(PASSPHRASE_ENV).ok().filter(|p| !p.is_empty());
    match work(from_env.as_deref()) {
        Err(Error::Open(OpenError::Encrypted { .. })) if std::io::stdin().is_terminal() => {
            let mut last = None;
            for _ in 0..3 {
                let pass = ask(prompt)?;
                match work(Some(&pass)) {
                    Err(e @ Error::Open(OpenError::WrongPassphrase { .. })) => {
                        eprintln!("That passphrase does not open it.");
                        last = Some(e);
                    }
                    other => return other,
                }
            }
            Err(last.expect("three tries"))
        }
        other => other,
    }
}

/// The new passphrase for `trine encrypt`: `TRINE_NEW_PASSPHRASE`, or
/// asked twice on the terminal.
pub fn new_passphrase() -> Result<String> {
    if let Some(pass) = std::env::var(NEW_PASSPHRASE_ENV)
        .ok()
        .filter(|p| !p.is_empty())
    {
        return checked(pass);
    }
    if !std::io::stdin().is_terminal() {
        return Err(ValidationError::NoNewPassphrase.into());
    }
    eprintln!("A lost passphrase cannot be recovered: without it, nobody can open the journal.");
    let first = ask("New passphrase: ")?;
    if first.trim().is_empty() {
        return Err(ValidationError::EmptyText("passphrase").into());
    }
    if ask("The same again: ")? != first {
        return Err(ValidationError::PassphraseMismatch.into());
    }
    checked(first)
}

/// The fewest characters of a passphrase that is not called short.
const SHORT_PASSPHRASE: usize = 8;

/// Refuses a blank passphrase and warns about a short one.
fn checked(pass: String) -> Result<String> {
    if pass.trim().is_empty() {
        return Err(ValidationError::EmptyText("passphrase").into());
    }
    if pass.chars().count() < SHORT_PASSPHRASE {
        eprintln!(
            "Note: a passphrase of fewer than {SHORT_PASSPHRASE} characters is easy to guess; a few words \
             you will remember are safer."
        );
    }
    Ok(pass)
}
