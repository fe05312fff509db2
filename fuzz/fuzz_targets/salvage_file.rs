//! Fuzz target: arbitrary bytes as a damaged journal file to salvage.
//! Salvage reads them through SQLite and, failing that, page by page as
//! the SQLite file format lays them out; it may find nothing, but never
//! panics, loops or runs out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("journal.db");
    std::fs::write(&path, data).expect("write the input");
    let _ = trine_app::store::salvage::salvage(&path, None, dir.path());
});
