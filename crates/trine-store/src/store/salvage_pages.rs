//! Reading a plain journal file page by page, for when SQLite cannot walk
//! it: a damaged first page (the table list), a damaged interior page of
//! the entries' tree, or a file cut short hide every entry from SQL, yet
//! the entries themselves sit whole on the leaf pages around the damage.
//!
//! Every leaf page of a table tree is read on its own, as the SQLite file
//! format lays it out (<https://www.sqlite.org/fileformat2.html>): its
//! cells, each a row number and a record of values, with the part of a
//! long record that did not fit followed through its overflow pages. The
//! newest committed copy of each page in the write-ahead log is read
//! instead of the file's. Nothing here trusts the bytes: every length and
//! page number is checked, and a page or cell that does not make sense is
//! passed over.
//!
//! Only plain files can be read this way; an encrypted journal's pages
//! need its key, which only SQLCipher applies.

use std::collections::HashMap;

use rusqlite::types::Value;

/// The page sizes SQLite allows.
fn valid_page_size(size: usize) -> bool {
    (512..=65536).contains(&size) && size.is_power_of_two()
}

/// A plain database file and its write-ahead log, as pages.
pub(crate) struct Pages<'a> {
    file: &'a [u8],
    size: usize,
    usable: usize,
    /// Pages whose newest committed copy is in the log.
    logged: HashMap<u32, &'a [u8]>,
}

impl<'a> Pages<'a> {
    /// The pages of `file` (with its log, if any); `None` when the file's
    /// page size cannot be made out from it or its log.
    pub(crate) fn new(file: &'a [u8], log: Option<&'a [u8]>) -> Option<Pages<'a>> {
        let from_header = file
            .get(16..18)
            .map(|b| match u16::from_be_bytes([b[0], b[1]]) {
                1 => 65536,
                n => usize::from(n),
            });
        let from_log = log
            .and_then(|l| l.get(8..12))
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize);
        // A damaged first page may have lost its page size: the log's,
        // then Trine's own (SQLite's default), are the next best guesses.
        let size = [from_header, from_log, Some(4096)]
            .into_iter()
            .flatten()
            .find(|s| valid_page_size(*s))?;
        let reserved = file.get(20).copied().map_or(0, usize::from);
        let usable = size.saturating_sub(reserved).max(480);
        let mut pages = Pages {
            file,
            size,
            usable,
            logged: HashMap::new(),
        };
        if let Some(log) = log {
            pages.read_log(log);
        }
        Some(pages)
    }

    /// Takes each page's copy from the log's last committed transaction
    /// that holds it. Frames after the last commit never took effect.
    fn read_log(&mut self, log: &'a [u8]) {
        const HEADER: usize = 32;
        const FRAME_HEADER: usize = 24;
        let Some(salt) = log.get(16..24) else {
            return;
        };
        let frame = FRAME_HEADER + self.size;
        let mut pending: Vec<(u32, &'a [u8])> = Vec::new();
        let mut at = HEADER;
        while let Some(bytes) = log.get(at..at + frame) {
            let page = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            let commit = u32::from_be_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
            // Frames of an older run of the log carry other salts.
            if &bytes[8..16] != salt {
                break;
            }
            pending.push((page, &bytes[FRAME_HEADER..]));
            if commit != 0 {
                self.logged.extend(pending.drain(..));
            }
            at += frame;
        }
    }

    /// How many pages there are, in the file or in the log.
    fn count(&self) -> u32 {
        let in_file = (self.file.len() / self.size) as u32;
        let in_log = self.logged.keys().copied().max().unwrap_or(0);
        in_file.max(in_log)
    }

    /// Page `number` (from 1), if it is there whole.
    fn page(&self, number: u32) -> Option<&'a [u8]> {
        if let Some(logged) = self.logged.get(&number) {
            return Some(logged);
        }
        let start = (number as usize).checked_sub(1)? * self.size;
        self.file.get(start..start + self.size)
    }

    /// Every row on every leaf page of a table tree: its row number and
    /// its values, in page order.
    pub(crate) fn table_rows(&self) -> Vec<(i64, Vec<Value>)> {
        let mut rows = Vec::new();
        for number in 1..=self.count() {
            if let Some(page) = self.page(number) {
                self.leaf_rows(number, page, &mut rows);
            }
        }
        rows
    }

    fn leaf_rows(&self, number: u32, page: &[u8], rows: &mut Vec<(i64, Vec<Value>)>) {
        // The first page starts with the file's own 100-byte header.
        let head = if number == 1 { 100 } else { 0 };
        if page.get(head) != Some(&0x0D) {
            return;
        }
        let Some(cells) = page.get(head + 3..head + 5) else {
            return;
        };
        let cells = usize::from(u16::from_be_bytes([cells[0], cells[1]]));
        for i in 0..cells {
            let at = head + 8 + 2 * i;
            let Some(pointer) = page.get(at..at + 2) else {
                return;
            };
            let offset = usize::from(u16::from_be_bytes([pointer[0], pointer[1]]));
            if let Some(row) = self.cell(page, offset) {
                rows.push(row);
            }
        }
    }

    /// The row in the cell at `offset` of a leaf table page.
    fn cell(&self, page: &[u8], offset: usize) -> Option<(i64, Vec<Value>)> {
        let (length, used) = varint(page.get(offset..)?)?;
        let (rowid, used_rowid) = varint(page.get(offset + used..)?)?;
        let start = offset + used + used_rowid;
        let length = usize::try_from(length).ok()?;
        if length > 1 << 30 {
            return None;
        }
        let payload = self.payload(page, start, length)?;
        Some((rowid as i64, record(&payload)?))
    }

    /// A cell's payload of `length` bytes from `start`, with the part that
    /// did not fit read from its overflow pages.
    fn payload(&self, page: &[u8], start: usize, length: usize) -> Option<Vec<u8>> {
        let usable = self.usable;
        let most_local = usable - 35;
        if length <= most_local {
            return page.get(start..start + length).map(<[u8]>::to_vec);
        }
        let least_local = (usable - 12) * 32 / 255 - 23;
        let spill = least_local + (length - least_local) % (usable - 4);
        let local = if spill <= most_local {
            spill
        } else {
            least_local
        };
        let mut payload = page.get(start..start + local)?.to_vec();
        let next = page.get(start + local..start + local + 4)?;
        let mut next = u32::from_be_bytes([next[0], next[1], next[2], next[3]]);
        let mut hops = 0;
        while payload.len() < length {
            hops += 1;
            if next == 0 || hops > self.count() {
                return None;
            }
            let overflow = self.page(next)?;
            let more = (length - payload.len()).min(usable - 4);
            payload.extend_from_slice(overflow.get(4..4 + more)?);
            next = u32::from_be_bytes([overflow[0], overflow[1], overflow[2], overflow[3]]);
        }
        Some(payload)
    }
}

/// A SQLite varint at the start of `bytes`: its value and its length.
fn varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value: u64 = 0;
    for (i, byte) in bytes.iter().take(9).enumerate() {
        if i == 8 {
            return Some(((value << 8) | u64::from(*byte), 9));
        }
        value = (value << 7) | u64::from(byte & 0x7F);
        if byte & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

/// The values of a record.
fn record(payload: &[u8]) -> Option<Vec<Value>> {
    let (header_length, mut at) = varint(payload)?;
    let header_length = usize::try_from(header_length).ok()?;
    if header_length > payload.len() || header_length < at {
        return None;
    }
    let mut types = Vec::new();
    while at < header_length {
        let (kind, used) = varint(payload.get(at..header_length)?)?;
        types.push(kind);
        at += used;
    }
    let mut data = header_length;
    let mut values = Vec::with_capacity(types.len());
    for kind in types {
        let int = |n: usize, data: usize| -> Option<i64> {
            let bytes = payload.get(data..data + n)?;
            let mut value: i64 = if bytes.first()? & 0x80 != 0 { -1 } else { 0 };
            for byte in bytes {
                value = (value << 8) | i64::from(*byte);
            }
            Some(value)
        };
        let (value, used) = match kind {
            0 => (Value::Null, 0),
            1 => (Value::Integer(int(1, data)?), 1),
            2 => (Value::Integer(int(2, data)?), 2),
            3 => (Value::Integer(int(3, data)?), 3),
            4 => (Value::Integer(int(4, data)?), 4),
            5 => (Value::Integer(int(6, data)?), 6),
            6 => (Value::Integer(int(8, data)?), 8),
            7 => {
                let bytes: [u8; 8] = payload.get(data..data + 8)?.try_into().ok()?;
                (Value::Real(f64::from_be_bytes(bytes)), 8)
            }
            8 => (Value::Integer(0), 0),
            9 => (Value::Integer(1), 0),
            n if n >= 12 => {
                let len = usize::try_from((n - 12) / 2).ok()?;
                let bytes = payload.get(data..data + len)?;
                let value = if n % 2 == 0 {
                    Value::Blob(bytes.to_vec())
                } else {
                    Value::Text(String::from_utf8_lossy(bytes).into_owned())
                };
                (value, len)
            }
            _ => return None,
        };
        values.push(value);
        data += used;
    }
    Some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_read_as_sqlite_writes_them() {
        assert_eq!(varint(&[0x05]), Some((5, 1)));
        assert_eq!(varint(&[0x81, 0x00]), Some((128, 2)));
        assert_eq!(varint(&[0xFF; 9]), Some((u64::MAX, 9)));
        assert_eq!(varint(&[0x81]), None, "cut short");
    }

    #[test]
    fn the_rows_of_a_plain_database_are_read_from_its_pages() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT, c INTEGER, d REAL, e BLOB);",
        )
        .unwrap();
        let long = "long words ".repeat(2000);
        for (i, text) in ["short", long.as_str()].iter().enumerate() {
            conn.execute(
                "INSERT INTO t (a, b, c, d, e) VALUES (?1, ?2, ?3, 1.5, x'00ff')",
                rusqlite::params![i as i64 + 1, text, -70_000i64],
            )
            .unwrap();
        }
        drop(conn);
        let bytes = std::fs::read(&path).unwrap();
        let pages = Pages::new(&bytes, None).unwrap();
        let rows = pages.table_rows();
        let long_row = rows
            .iter()
            .find(|(id, _)| *id == 2)
            .expect("the long row, through its overflow pages");
        assert_eq!(long_row.1[1], Value::Text(long.clone()));
        assert_eq!(long_row.1[2], Value::Integer(-70_000));
        assert_eq!(long_row.1[3], Value::Real(1.5));
        assert_eq!(long_row.1[4], Value::Blob(vec![0, 255]));
        assert!(rows
            .iter()
            .any(|(id, v)| *id == 1 && v[1] == Value::Text("short".into())));
    }

    #[test]
    fn noise_gives_nothing_and_never_panics() {
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for size in [0usize, 1, 99, 100, 4096, 3 * 4096 + 17, 16 * 4096] {
            let noise: Vec<u8> = (0..size)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed & 0xFF) as u8
                })
                .collect();
            if let Some(pages) = Pages::new(&noise, Some(&noise)) {
                let _ = pages.table_rows();
            }
            // Leaf pages full of nonsense cells.
            let mut leaves = noise.clone();
            for page in leaves.chunks_mut(4096) {
                if let Some(first) = page.first_mut() {
                    *first = 0x0D;
                }
            }
            if let Some(pages) = Pages::new(&leaves, None) {
                let _ = pages.table_rows();
            }
        }
    }
}
