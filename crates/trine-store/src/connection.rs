//! Every SQLite connection the store makes is made here, so that OpenSSL
//! is started Trine's way first (`openssl_start`).

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

/// Opens the database file at `path` with `flags`.
pub(crate) fn open_with_flags(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    crate::openssl_start::start();
    Connection::open_with_flags(path, flags)
}

/// Opens an empty database in memory.
pub(crate) fn open_in_memory() -> rusqlite::Result<Connection> {
    crate::openssl_start::start();
    Connection::open_in_memory()
}
