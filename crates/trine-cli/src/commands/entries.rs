//! The commands on entries: `add`, `list`, `show`, `search`, `delete`,
//! `undelete` and `tags`.

use std::io::Read;

use chrono::DateTime;
use trine_app::store::{ListQuery, SearchOrder};
use trine_app::week::parse_date;
use trine_app::{Error, Journal, NewEntry, Result, ValidationError};

use crate::args::{AddArgs, KindArg, ListArgs, SearchBy};
use crate::output::Printer;

/// `trine add`.
pub fn add(journal: &mut Journal, args: AddArgs, out: &Printer) -> Result<()> {
    let body = if args.body == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::File {
                path: "standard input".into(),
                source: e,
            })?;
        text
    } else {
        args.body
    };
    let created = args
        .datetime
        .map(|text| {
            DateTime::parse_from_rfc3339(&text).map_err(|_| ValidationError::BadDate {
                field: "--datetime",
                value: text,
                expected: "date and time (RFC 3339, e.g. 2026-11-24T18:00:00+01:00)",
            })
        })
        .transpose()?;
    let entry = journal.create(NewEntry {
        tags: args.tags,
        private: args.private,
        ratings: args.ratings.checked()?,
        created,
        ..NewEntry::note(args.title, body)
    })?;
    out.done(&entry, "Saved", None);
    Ok(())
}

/// `trine list`.
pub fn list(journal: &Journal, args: ListArgs, out: &Printer) -> Result<()> {
    let entries = journal.list(&ListQuery {
        limit: Some(args.limit),
        offset: args.offset,
        tag: args.tag,
        from: args.from.map(|d| parse_date("--from", &d)).transpose()?,
        to: args.to.map(|d| parse_date("--to", &d)).transpose()?,
        kind: args.kind.map(KindArg::into_kind),
        exclude_private: false,
        deleted: args.deleted,
        ..ListQuery::default()
    })?;
    out.entries(&entries);
    Ok(())
}

/// `trine show ID`.
pub fn show(journal: &Journal, id: &str, out: &Printer) -> Result<()> {
    let entry = journal.get(journal.resolve_id(id)?)?;
    out.entry(&entry);
    Ok(())
}

/// `trine search QUERY`.
pub fn search(
    journal: &Journal,
    query: &str,
    limit: usize,
    by: SearchBy,
    out: &Printer,
) -> Result<()> {
    let order = match by {
        SearchBy::Relevance => SearchOrder::Relevance,
        SearchBy::Newest => SearchOrder::Newest,
    };
    let found = journal.search_results(query, &ListQuery::default(), order, 0, limit)?;
    out.hits(query, &found.hits, found.total);
    Ok(())
}

/// `trine delete ID`: to the bin, from where `undelete` brings it back.
pub fn delete(journal: &mut Journal, id: &str, out: &Printer) -> Result<()> {
    let entry = journal.delete(journal.resolve_id(id)?)?;
    out.done(
        &entry,
        "Moved to the bin",
        Some(&format!("undo with: trine undelete {}", entry.id)),
    );
    Ok(())
}

/// `trine undelete ID`.
pub fn undelete(journal: &mut Journal, id: &str, out: &Printer) -> Result<()> {
    let entry = journal.undelete(journal.resolve_id(id)?)?;
    out.done(&entry, "Restored", None);
    Ok(())
}

/// `trine tags`.
pub fn tags(journal: &Journal, out: &Printer) -> Result<()> {
    out.tags(&journal.tags()?);
    Ok(())
}
