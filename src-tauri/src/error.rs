//! The one error shape the webview sees.
//!
//! Every command fails with a [`CommandError`], serialised as
//! `{ "code": "...", "message": "..." }`. `code` is short and stable, for the
//! UI to branch on (it is `trine_app::Error::code` for core errors);
//! `message` is one user-facing line that says what happened and what to do.

use serde::Serialize;

/// An error returned to the webview by a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    /// A short, stable code such as `"newer_schema"`.
    pub code: &'static str,
    /// One line for the user.
    pub message: String,
}

impl CommandError {
    /// An error of the shell's own, with its code and one line for the user.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<trine_app::Error> for CommandError {
    fn from(error: trine_app::Error) -> Self {
        Self {
            code: error.code(),
            message: error.to_string(),
        }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for CommandError {}
