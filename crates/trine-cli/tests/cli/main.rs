//! End-to-end tests of the `trine` binary, run as a process in temporary
//! folders, one module per topic.

mod bad_input;
mod basics;
mod bombs;
mod charts;
mod concurrent;
mod confidence;
mod conversion;
mod crash;
mod damage;
mod disk_trouble;
mod environment;
mod exports;
mod importers;
mod library;
mod own_places;
mod permissions;
mod report_document;
mod round_trip;
mod terminal;
mod util;
mod weekly;
