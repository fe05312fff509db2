//! Fuzz target: arbitrary bytes as a file for this importer. Reading may
//! fail, but never panic; what it accepts must import into a journal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trine_app::interchange;
use trine_app::Journal;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("input.jsonl");
    std::fs::write(&path, data).expect("write the input");
    let utc = interchange::fixed_offset(0);
    if let Ok(set) = interchange::read_jsonl(&path, &utc) {
        let mut journal = Journal::open_in_memory().expect("a journal");
        let _ = journal.import(set);
    }
});
