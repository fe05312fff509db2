//! # trine-core
//!
//! Everything Trine knows about a journal, with no user interface: the
//! model ([`model`]), the SQLite store ([`Journal`]), weeks ([`week`]), and
//! moving entries in and out ([`interchange`]). The desktop app and the
//! `trine` CLI are thin layers over this crate, so they always agree, and
//! nearly every test of Trine's behaviour lives here.
//!
//! ```
//! use trine_core::{Journal, NewEntry};
//! let mut journal = Journal::open_in_memory()?;
//! journal.create(NewEntry::note("First week", "Spoke up in the planning meeting."))?;
//! assert_eq!(journal.search("planning", 10)?.len(), 1);
//! # Ok::<(), trine_core::Error>(())
//! ```

#![warn(missing_docs)]

pub mod app_settings;
pub mod backup;
pub mod before_unlock;
pub mod charts;
pub mod error;
pub mod insights;
pub mod interchange;
pub mod library;
pub mod looking_back;
pub mod model;
pub mod paths;
mod private_files;
pub mod reminder;
pub mod render;
pub mod rotation;
pub mod store;
pub mod time;
pub mod views;
pub mod week;

pub use error::{Error, OpenError, Result, StorageError, ValidationError};
pub use model::{Entry, EntryEdit, EntryKind, NewEntry, Rating, Ratings, Section, Side};
pub use store::{Journal, ListQuery};
