//! # trine-store
//!
//! The journal's store: the model ([`model`]), the SQLite/SQLCipher file and
//! every transaction on it ([`Journal`]), its migrations, weeks ([`week`]),
//! the prompt library and its rotation, backups ([`backup`]) and the small
//! file kept beside the journal for when it cannot be read
//! ([`before_unlock`]). No SQL is written anywhere else in Trine: the crates
//! above ask the store through typed methods. See ARCHITECTURE.md.
//!
//! ```
//! use trine_store::{Journal, NewEntry};
//! let mut journal = Journal::open_in_memory()?;
//! journal.create(NewEntry::note("First week", "Spoke up in the planning meeting."))?;
//! assert_eq!(journal.search("planning", 10)?.len(), 1);
//! # Ok::<(), trine_store::Error>(())
//! ```

#![warn(missing_docs)]

pub mod atomic;
pub mod backup;
pub mod before_unlock;
mod connection;
pub mod error;
pub mod figure;
pub mod html;
pub mod library;
pub mod model;
mod openssl_start;
pub mod paths;
pub mod private_files;
pub mod rotation;
pub mod store;
pub mod terms;
pub mod time;
pub mod week;
pub mod write_target;

pub use error::{
    Error, Fix, ImportError, Location, OpenError, Result, StorageError, ValidationError, ALL_FIXES,
};
pub use model::{
    Entry, EntryEdit, EntryKind, FollowUp, NewEntry, Rating, Ratings, Section, Side, Situation,
};
pub use store::{Journal, ListQuery};
