//! What the operating system said about a file, in Trine's words: the
//! system's own text ("File exists (os error 17)") names neither what was
//! wrong in plain terms nor what to do.

use std::io::{Error, ErrorKind};

/// `error` as a phrase to follow a path and a colon. An error Trine made
/// itself (with its own words inside) is shown as it is.
pub(crate) fn io_words(error: &Error) -> String {
    if error.raw_os_error().is_none() {
        if let Some(inner) = error.get_ref() {
            return inner.to_string();
        }
    }
    let phrase = match error.kind() {
        ErrorKind::NotFound => "there is no such file or folder",
        ErrorKind::PermissionDenied => {
            "permission was refused (it belongs to another user, or is read-only)"
        }
        ErrorKind::AlreadyExists => "something is already there",
        ErrorKind::IsADirectory => "that is a folder, where a file was expected",
        ErrorKind::NotADirectory => "part of that path is a file, where a folder was expected",
        ErrorKind::DirectoryNotEmpty => "that folder is not empty",
        ErrorKind::ReadOnlyFilesystem => "the disk it is on is read-only",
        ErrorKind::StorageFull => "the disk is full",
        ErrorKind::QuotaExceeded => "the disk quota is used up",
        ErrorKind::FileTooLarge => "the file would be larger than this system allows",
        ErrorKind::InvalidFilename => "the name is too long, or not allowed there",
        ErrorKind::TooManyLinks => "there are too many links in the way",
        ErrorKind::CrossesDevices => "it would have to move across disks",
        ErrorKind::ResourceBusy => "another program is using it",
        ErrorKind::Interrupted => "the work was interrupted",
        ErrorKind::UnexpectedEof => "the file ended early",
        _ => {
            return format!(
                "the system reported a problem ({})",
                without_code(&error.to_string())
            )
        }
    };
    phrase.to_string()
}

/// The system's text without its "(os error N)" tail.
fn without_code(text: &str) -> &str {
    match text.rfind(" (os error ") {
        Some(at) => &text[..at],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_s_words_become_trines_and_trines_own_stay() {
        let exists = Error::from_raw_os_error(17);
        assert_eq!(io_words(&exists), "something is already there");
        let denied = Error::from_raw_os_error(13);
        assert!(io_words(&denied).starts_with("permission was refused"));
        let eio = Error::from_raw_os_error(5);
        assert_eq!(
            io_words(&eio),
            "the system reported a problem (Input/output error)"
        );
        let own = Error::new(ErrorKind::NotFound, "there is no folder there");
        assert_eq!(io_words(&own), "there is no folder there");
        for code in 1..40 {
            assert!(
                !io_words(&Error::from_raw_os_error(code)).contains("os error"),
                "{code}"
            );
        }
    }
}
