//! Giving SQLCipher a passphrase, the one costly step of an encrypted
//! journal: SQLCipher 4 turns the passphrase into a key with
//! PBKDF2-HMAC-SHA512 and 256,000 iterations, about 70 ms on the machine
//! in BENCHMARKS.md, once per connection that is keyed this way. Keying
//! goes through [`key`] so that tests can count the derivations an
//! operation pays (one for opening, none for what follows).
//!
//! Copies that must be encrypted like the journal (backups) do not key a
//! connection of their own: SQLCipher writes them with the open journal's
//! derived key (see `crate::backup`).

use rusqlite::Connection;

/// The form a passphrase is keyed in: Unicode NFC, so that "é" typed as one
/// character or as "e" and a combining accent (as some keyboards and
/// systems do) is one passphrase.
pub fn normalize(passphrase: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    passphrase.nfc().collect()
}

/// Keys `conn` with `passphrase`; SQLCipher derives the key at the
/// connection's first read.
pub(crate) fn key(conn: &Connection, passphrase: &str) -> rusqlite::Result<()> {
    #[cfg(test)]
    DERIVATIONS.with(|n| n.set(n.get() + 1));
    conn.pragma_update(None, "key", passphrase)
}

#[cfg(test)]
thread_local! {
    static DERIVATIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many key derivations `work` paid on this thread.
#[cfg(test)]
pub(crate) fn derivations_during<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let before = DERIVATIONS.with(std::cell::Cell::get);
    let out = work();
    (out, DERIVATIONS.with(std::cell::Cell::get) - before)
}

#[cfg(test)]
mod tests {
    use super::derivations_during;
    use crate::model::{NewEntry, Ratings};
    use crate::store::{Journal, ListQuery};

    const PASS: &str = "correct horse battery";

    /// An encrypted journal with a few entries, in `dir`.
    fn encrypted_journal(dir: &std::path::Path) {
        let mut journal = Journal::open_in(dir).unwrap();
        for i in 0..5 {
            journal
                .create(NewEntry::note(
                    format!("entry {i}"),
                    "about the planning meeting",
                ))
                .unwrap();
        }
        journal.set_passphrase(Some(PASS)).unwrap();
    }

    #[test]
    fn a_command_on_an_encrypted_journal_derives_the_key_once() {
        let dir = tempfile::tempdir().unwrap();
        encrypted_journal(dir.path());
        // What a `trine` command does: open the journal once, then work;
        // here every kind of work in one process.
        let ((), derived) = derivations_during(|| {
            let mut journal = Journal::open_in_with(dir.path(), Some(PASS)).unwrap();
            assert_eq!(journal.search("planning", 20).unwrap().len(), 5);
            assert_eq!(journal.list(&ListQuery::default()).unwrap().len(), 5);
            journal.create(NewEntry::note("one more", "")).unwrap();
            let week = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
            let ratings = Ratings::checked(Some(6), Some(5), Some(7)).unwrap();
            journal.rate_week(week, ratings, None).unwrap();
            assert!(journal.health().unwrap().is_ok());
            // What a full export reads.
            journal.checkins().unwrap();
            assert!(!journal.all_settings().unwrap().is_empty());
            journal.backup_now().unwrap();
            assert!(journal.backup_if_due().unwrap().is_none());
        });
        assert_eq!(derived, 1, "one key derivation for the whole process");
    }

    #[test]
    fn a_backup_of_an_encrypted_journal_derives_no_key_and_opens_with_the_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        encrypted_journal(dir.path());
        let mut journal = Journal::open_in_with(dir.path(), Some(PASS)).unwrap();
        let (backup, derived) = derivations_during(|| journal.backup_now().unwrap());
        assert_eq!(derived, 0);
        let err = Journal::open(&backup.path).unwrap_err();
        assert_eq!(err.code(), "locked", "the backup is encrypted: {err}");
        let err = Journal::open_with(&backup.path, Some("wrong")).unwrap_err();
        assert_eq!(err.code(), "wrong_passphrase", "{err}");
        let copy = Journal::open_with(&backup.path, Some(PASS)).unwrap();
        assert_eq!(copy.search("planning", 20).unwrap().len(), 5);
        assert!(copy.health().unwrap().is_ok());
        drop(copy);

        journal
            .create(NewEntry::note("after the backup", ""))
            .unwrap();
        // Restore pays for checking the backup, for the second connection
        // that keeps a copy of the journal while the first holds the write
        // lock (so nothing saved meanwhile is lost), and for opening the
        // restored file.
        let (kept, derived) = derivations_during(|| journal.restore(&backup.path).unwrap());
        assert_eq!(derived, 3);
        assert_eq!(journal.entry_count().unwrap(), 5);
        let kept = Journal::open_with(&kept, Some(PASS)).unwrap();
        assert_eq!(
            kept.entry_count().unwrap(),
            6,
            "the replaced journal is kept, encrypted"
        );
    }

    #[test]
    fn a_plain_journal_derives_no_key() {
        let dir = tempfile::tempdir().unwrap();
        let ((), derived) = derivations_during(|| {
            let mut journal = Journal::open_in(dir.path()).unwrap();
            journal.create(NewEntry::note("plain", "")).unwrap();
            let backup = journal.backup_now().unwrap();
            journal.restore(&backup.path).unwrap();
        });
        assert_eq!(derived, 0);
    }
}
