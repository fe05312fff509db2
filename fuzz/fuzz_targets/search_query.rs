//! Fuzz target: arbitrary text typed into the search box never panics and
//! never errors, except with Trine's own message for a search that is too
//! long (over 1,000 characters or 64 terms), on a journal with a few entries.
#![no_main]

use std::sync::Mutex;

use libfuzzer_sys::fuzz_target;
use trine_app::{Journal, NewEntry};

static JOURNAL: Mutex<Option<Journal>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let mut guard = JOURNAL.lock().unwrap();
    let journal = guard.get_or_insert_with(|| {
        let mut j = Journal::open_in_memory().expect("a journal");
        for (title, body) in [("Standup", "I asked for the demo. AND OR NOT \"quotes\""), ("Café", "naïve * prefix- (paren")] {
            j.create(NewEntry::note(title, body)).expect("seed");
        }
        j
    });
    if let Err(e) = journal.search(query, 20) {
        assert!(
            e.to_string().starts_with("the search is too long"),
            "a search failed with something else: {e}"
        );
    }
});
