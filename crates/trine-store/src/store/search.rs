//! Full-text search over live entries, ranked, with safe highlighted snippets.
//!
//! People type what they type: unbalanced quotes, a lone `AND`, a bare `*`.
//! So the query is never handed to FTS5 as written. [`SearchQuery::parse`]
//! reads words, `"quoted phrases"`, `prefix*` terms and `OR`, and builds an
//! FTS5 expression in which every word is a quoted string; anything else is
//! taken literally. A query can therefore never be an FTS5 syntax error.

use rusqlite::{params, OptionalExtension};

use super::entries::{entry_from_row, ENTRY_COLUMNS, ENTRY_COLUMN_COUNT};
use super::Journal;
use crate::error::{Error, Result, ValidationError};
use crate::model::Entry;

/// How many matches are ranked by relevance: the most recently added
/// ones. Scoring costs time for every match, so a word found in tens of
/// thousands of entries ranks its latest 5,000 (still far more than anyone
/// reads); rarer words rank every match.
pub const RANK_WINDOW: usize = 5_000;

/// The longest search, in characters: far more than a person types, short
/// enough that no query can keep the journal busy.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// The most words, phrases and ORs in one search (after repeated words are
/// counted once).
pub const MAX_QUERY_TERMS: usize = 64;

/// Marks the start of a match in FTS5 snippets; never shown.
const MATCH_START: char = '\u{E000}';
/// Marks the end of a match in FTS5 snippets; never shown.
const MATCH_END: char = '\u{E001}';

/// One result of a search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The matching entry.
    pub entry: Entry,
    /// A short extract around the match: user text HTML-escaped, matches in
    /// `<mark>…</mark>`. Safe to insert as HTML.
    pub snippet_html: String,
    /// The same extract as plain text, without marks.
    pub snippet_text: String,
    /// BM25 relevance; lower is better.
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Term {
    Word { text: String, prefix: bool },
    Phrase(String),
    Or,
}

/// A search query as understood from what the person typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    terms: Vec<Term>,
}

impl SearchQuery {
    /// Reads a query as typed. Never fails: what is not syntax is a word.
    pub fn parse(text: &str) -> SearchQuery {
        // Control characters (a NUL above all, which would end the query
        // early inside SQLite) are spaces to a person: treat them so.
        let cleaned: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let text = cleaned.as_str();
        let mut terms = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            if let Some(after_quote) = rest.strip_prefix('"') {
                if let Some(end) = after_quote.find('"') {
                    terms.push(Term::Phrase(after_quote[..end].to_string()));
                    rest = &after_quote[end + 1..];
                    continue;
                }
                // An unbalanced quote: read the rest as plain words.
                rest = after_quote;
                continue;
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(rest.len());
            let word = &rest[..end];
            rest = &rest[end..];
            match word {
                "OR" => terms.push(Term::Or),
                "AND" => {} // implicit between terms
                _ => {
                    let prefix = word.ends_with('*');
                    terms.push(Term::Word {
                        text: word.trim_end_matches('*').to_string(),
                        prefix,
                    });
                }
            }
        }
        // Keep only terms with something searchable in them.
        terms.retain(|t| match t {
            Term::Word { text, .. } | Term::Phrase(text) => text.chars().any(char::is_alphanumeric),
            Term::Or => true,
        });
        // An OR needs a term on each side; otherwise it is the word "or".
        let mut tidy: Vec<Term> = Vec::with_capacity(terms.len());
        for (i, term) in terms.iter().enumerate() {
            let is_operand =
                |t: Option<&Term>| matches!(t, Some(Term::Word { .. } | Term::Phrase(_)));
            if *term == Term::Or && !(is_operand(tidy.last()) && is_operand(terms.get(i + 1))) {
                tidy.push(Term::Word {
                    text: "or".into(),
                    prefix: false,
                });
            } else {
                tidy.push(term.clone());
            }
        }
        if tidy.is_empty() && text.split_whitespace().any(|w| w == "AND") {
            tidy.push(Term::Word {
                text: "and".into(),
                prefix: false,
            });
        }
        // Without OR every term must match, so a repeated one adds nothing
        // but work (2,000 copies of one word took 47 s): keep the first.
        if !tidy.contains(&Term::Or) {
            let mut seen = std::collections::HashSet::new();
            tidy.retain(|t| seen.insert(t.clone()));
        }
        SearchQuery { terms: tidy }
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The FTS5 expression: every word a quoted string.
    pub fn fts_expression(&self) -> String {
        self.expression_with(&|_| None)
    }

    /// [`SearchQuery::fts_expression`], with a prefix written as the words
    /// `spell` gives for it (none: left as a prefix).
    fn expression_with(&self, spell: &dyn Fn(&str) -> Option<Vec<String>>) -> String {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let parts: Vec<String> = self
            .terms
            .iter()
            .map(|t| match t {
                Term::Word { text, prefix: true } => match spell(text) {
                    Some(words) if !words.is_empty() => format!(
                        "({})",
                        words
                            .iter()
                            .map(|w| quote(w))
                            .collect::<Vec<_>>()
                            .join(" OR ")
                    ),
                    _ => format!("{}*", quote(text)),
                },
                Term::Word {
                    text,
                    prefix: false,
                }
                | Term::Phrase(text) => quote(text),
                Term::Or => "OR".to_string(),
            })
            .collect::<Vec<_>>();
        // Operands side by side are joined by AND, written out: FTS5 reads
        // two phrases side by side as AND, but not a group beside a phrase.
        // AND binds tighter than OR, as side by side did.
        let mut out = String::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                let joins_or = part == "OR" || parts[i - 1] == "OR";
                out.push_str(if joins_or { " " } else { " AND " });
            }
            out.push_str(part);
        }
        out
    }
}

/// How search results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SearchOrder {
    /// Best matches first (BM25, titles weighing most), among the
    /// `RANK_WINDOW` most recently added matches.
    #[default]
    Relevance,
    /// Newest first, like the Journal's list; every match can be reached.
    Newest,
}

/// One page of search results, with how many there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    /// The results on this page, in the order asked for.
    pub hits: Vec<SearchHit>,
    /// How many live entries match, within the filter: all of them, not
    /// only those on this page or within the ranking window.
    pub total: usize,
    /// How many of them can be reached in this order: `total` when newest
    /// first, or when every match fits the ranking window; fewer otherwise.
    pub reachable: usize,
    /// Where the next page starts, when there is one.
    pub next_offset: Option<usize>,
}

/// The most words a prefix is spelt out into; a shorter prefix (`a*`) is
/// left to FTS5.
const MAX_SPELT_PREFIX: usize = 64;

impl Journal {
    /// The FTS5 expression of `query`, each prefix (`promo*`) spelt out as
    /// the words of the index that begin with it (`promotion OR promote`).
    /// Without a prefix index, FTS5 merges every such word's list into one
    /// each time the expression is evaluated, and a search evaluates it
    /// several times (rank, count, page, snippets): 55 ms for `promo*` at
    /// 100,000 entries, against 3 ms for the word itself. The words come
    /// from the index's vocabulary (a temporary `fts5vocab` table on this
    /// connection, so the journal's schema is unchanged). A prefix that is
    /// not plain ASCII letters and digits, or that begins more than
    /// [`MAX_SPELT_PREFIX`] words, stays a prefix.
    fn with_prefixes_spelt_out(&self, query: &SearchQuery) -> Result<String> {
        let has_prefix = query
            .terms
            .iter()
            .any(|t| matches!(t, Term::Word { prefix: true, .. }));
        if !has_prefix {
            return Ok(query.fts_expression());
        }
        self.conn.execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.entry_vocabulary \
             USING fts5vocab(main, entry_text, 'row')",
        )?;
        let mut spelt: std::collections::HashMap<String, Option<Vec<String>>> =
            std::collections::HashMap::new();
        for term in &query.terms {
            let Term::Word { text, prefix: true } = term else {
                continue;
            };
            if spelt.contains_key(text) {
                continue;
            }
            let words = if text.chars().all(|c| c.is_ascii_alphanumeric()) {
                let low = text.to_ascii_lowercase();
                // The first string after every word that begins with `low`.
                let high = format!("{low}\u{10FFFF}");
                let mut stmt = self.conn.prepare_cached(
                    "SELECT term FROM temp.entry_vocabulary WHERE term >= ?1 AND term < ?2 LIMIT ?3",
                )?;
                let found: Vec<String> = stmt
                    .query_map(params![low, high, (MAX_SPELT_PREFIX + 1) as i64], |r| {
                        r.get(0)
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                (found.len() <= MAX_SPELT_PREFIX).then_some(found)
            } else {
                None
            };
            spelt.insert(text.clone(), words);
        }
        Ok(query.expression_with(&|text| spelt.get(text).cloned().flatten()))
    }

    /// Searches live entries for `query` as typed, best matches first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        self.search_within(query, limit, RANK_WINDOW, None)
    }

    /// [`Journal::search`] among the entries `filter` selects (its tag,
    /// side, kind, dates and private flag; paging fields are ignored).
    pub fn search_filtered(
        &self,
        query: &str,
        limit: usize,
        filter: &super::ListQuery,
    ) -> Result<Vec<SearchHit>> {
        self.search_within(query, limit, RANK_WINDOW, Some(filter))
    }

    /// One page of a search among the entries `filter` selects (paging
    /// fields ignored), in `order`, starting `offset` results in, with the
    /// true count.
    pub fn search_results(
        &self,
        query: &str,
        filter: &super::ListQuery,
        order: SearchOrder,
        offset: usize,
        limit: usize,
    ) -> Result<SearchResults> {
        self.search_paged(
            query,
            Some(filter),
            order,
            (offset, limit),
            RANK_WINDOW,
            true,
        )
    }

    /// [`Journal::search`], ranking only the `window` most recently added
    /// matching entries.
    fn search_within(
        &self,
        query: &str,
        limit: usize,
        window: usize,
        filter: Option<&super::ListQuery>,
    ) -> Result<Vec<SearchHit>> {
        Ok(self
            .search_paged(
                query,
                filter,
                SearchOrder::Relevance,
                (0, limit),
                window,
                false,
            )?
            .hits)
    }

    /// The search behind every other: `page` is (offset, limit). Counting
    /// every match costs a walk through all of them (tens of milliseconds
    /// for a word in 50,000 entries), so it is done only when `counted`;
    /// otherwise `total` and `reachable` say what was found.
    fn search_paged(
        &self,
        query: &str,
        filter: Option<&super::ListQuery>,
        order: SearchOrder,
        (offset, limit): (usize, usize),
        window: usize,
        counted: bool,
    ) -> Result<SearchResults> {
        let too_long = || ValidationError::QueryTooLong {
            max_chars: MAX_QUERY_CHARS,
            max_terms: MAX_QUERY_TERMS,
        };
        if query.chars().count() > MAX_QUERY_CHARS {
            return Err(too_long().into());
        }
        let parsed = SearchQuery::parse(query);
        if parsed.is_empty() {
            return Ok(SearchResults {
                hits: Vec::new(),
                total: 0,
                reachable: 0,
                next_offset: None,
            });
        }
        if parsed.terms.len() > MAX_QUERY_TERMS {
            return Err(too_long().into());
        }
        let expression = self.with_prefixes_spelt_out(&parsed)?;
        let filter = super::ListQuery {
            after: None,
            limit: None,
            offset: 0,
            ..filter.cloned().unwrap_or_default()
        };
        // Walking rowids newest first is cheap; scoring every match is not,
        // so relevance ranks the `window` newest matches.
        let floor: i64 = match order {
            SearchOrder::Newest => i64::MIN,
            SearchOrder::Relevance => self
                .conn
                .prepare_cached(
                    "SELECT rowid FROM entry_text WHERE entry_text MATCH ?1 \
                     ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
                )?
                .query_row(params![expression, window.saturating_sub(1) as i64], |r| {
                    r.get(0)
                })
                .optional()?
                .unwrap_or(i64::MIN),
        };
        let (total, reachable) = if counted {
            let total = self.count_matches(&expression, &filter, i64::MIN)?;
            let reachable = if floor == i64::MIN {
                total
            } else {
                self.count_matches(&expression, &filter, floor)?
            };
            (total, reachable)
        } else {
            (0, 0)
        };
        let mut args: Vec<rusqlite::types::Value> = vec![expression.clone().into(), floor.into()];
        let sql = page_sql(order, &filter, &mut args)?;
        args.push((limit as i64).into());
        args.push((offset as i64).into());
        let page: Vec<(i64, f64)> = self
            .conn
            .prepare_cached(&sql)?
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let hits = self.hits_for(&expression, &page)?;
        let next_offset =
            (!hits.is_empty() && offset + hits.len() < reachable).then_some(offset + hits.len());
        Ok(SearchResults {
            hits,
            total,
            reachable,
            next_offset,
        })
    }

    /// How many live entries within `filter` match, among those added at
    /// or after `floor`.
    fn count_matches(
        &self,
        expression: &str,
        filter: &super::ListQuery,
        floor: i64,
    ) -> Result<usize> {
        let mut args: Vec<rusqlite::types::Value> =
            vec![expression.to_string().into(), floor.into()];
        let only = super::entries::filter_sql(filter, &mut args)?;
        // The index holds live entries only: without a filter it counts
        // alone, with no entry to look up.
        let sql = if *filter == super::ListQuery::default() {
            "SELECT count(*) FROM entry_text WHERE entry_text MATCH ?1 AND rowid >= ?2".to_string()
        } else {
            format!(
                "SELECT count(*) FROM ( \
                    SELECT rowid FROM entry_text WHERE entry_text MATCH ?1 AND rowid >= ?2 \
                 ) AS hit JOIN entries ON entries.seq = hit.rowid WHERE {only}"
            )
        };
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(args), |r| r.get(0))?;
        Ok(count as usize)
    }

    /// The entries and snippets of `page` (rowids and scores), in its order.
    /// One query: the match is evaluated once (a prefix search merges its
    /// terms' lists each time it is), bounded to the page's range of rowids,
    /// and a snippet is made only for the page's own entries.
    fn hits_for(&self, expression: &str, page: &[(i64, f64)]) -> Result<Vec<SearchHit>> {
        let (Some(low), Some(high)) = (
            page.iter().map(|(rowid, _)| *rowid).min(),
            page.iter().map(|(rowid, _)| *rowid).max(),
        ) else {
            return Ok(Vec::new());
        };
        let marks = vec!["?"; page.len()].join(", ");
        let sql = format!(
            "SELECT {ENTRY_COLUMNS}, hit.rowid, hit.snip FROM ( \
                SELECT rowid, \
                       snippet(entry_text, -1, '{MATCH_START}', '{MATCH_END}', '…', 16) AS snip \
                FROM entry_text WHERE entry_text MATCH ?1 AND rowid >= ?2 AND rowid <= ?3 \
                  AND rowid IN ({marks}) \
             ) AS hit JOIN entries ON entries.seq = hit.rowid"
        );
        let mut args: Vec<rusqlite::types::Value> =
            vec![expression.to_string().into(), low.into(), high.into()];
        args.extend(page.iter().map(|(rowid, _)| (*rowid).into()));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |row| {
            Ok((
                row.get::<_, i64>(ENTRY_COLUMN_COUNT)?,
                entry_from_row(row)?,
                row.get::<_, String>(ENTRY_COLUMN_COUNT + 1)?,
            ))
        })?;
        let mut found = std::collections::HashMap::with_capacity(page.len());
        for row in rows {
            let (rowid, entry, snip) = row?;
            found.insert(rowid, (entry.map_err(Error::Corrupt)?, snip));
        }
        Ok(page
            .iter()
            .filter_map(|(rowid, score)| {
                found.remove(rowid).map(|(entry, snip)| SearchHit {
                    entry,
                    snippet_html: highlight_html(&snip),
                    snippet_text: snip.replace([MATCH_START, MATCH_END], ""),
                    score: *score,
                })
            })
            .collect())
    }
}

/// The SQL that picks one page of matches (rowid and score) in `order`,
/// with the filter's conditions; their values are added to `args`, which
/// holds the match expression and the ranking floor. LIMIT and OFFSET are
/// the last two parameters.
fn page_sql(
    order: SearchOrder,
    filter: &super::ListQuery,
    args: &mut Vec<rusqlite::types::Value>,
) -> Result<String> {
    // The filter applies to the joined entries, once per match. (As
    // `rowid IN (SELECT seq FROM entries …)` inside the full-text query it
    // made SQLite run the match again for every entry: 7 s at 16,000
    // entries holding the word, minutes at 100,000.)
    if order == SearchOrder::Relevance && *filter == super::ListQuery::default() {
        // Without a filter, the index alone ranks (it holds live entries
        // only): no entry is looked up until the page is known.
        return Ok(
            "SELECT rowid, bm25(entry_text, 4.0, 1.0, 1.0, 1.0, 1.0, 2.0) AS score \
             FROM entry_text WHERE entry_text MATCH ?1 AND rowid >= ?2 \
             ORDER BY score, rowid DESC LIMIT ? OFFSET ?"
                .to_string(),
        );
    }
    let only = super::entries::filter_sql(filter, args)?;
    let (score, by) = match order {
        SearchOrder::Relevance => (
            "bm25(entry_text, 4.0, 1.0, 1.0, 1.0, 1.0, 2.0)",
            "hit.score, hit.rowid DESC",
        ),
        SearchOrder::Newest => ("0.0", "created_utc DESC, seq DESC"),
    };
    Ok(format!(
        "SELECT hit.rowid, hit.score FROM ( \
            SELECT rowid, {score} AS score FROM entry_text \
            WHERE entry_text MATCH ?1 AND rowid >= ?2 \
         ) AS hit JOIN entries ON entries.seq = hit.rowid WHERE {only} \
         ORDER BY {by} LIMIT ? OFFSET ?"
    ))
}

#[cfg(test)]
impl Journal {
    /// `EXPLAIN QUERY PLAN` of a filtered search, one line per step.
    pub(crate) fn last_search_plan_for_tests(
        &self,
        query: &str,
        filter: &super::ListQuery,
    ) -> String {
        let mut args: Vec<rusqlite::types::Value> = vec![
            SearchQuery::parse(query).fts_expression().into(),
            0i64.into(),
        ];
        let sql = page_sql(SearchOrder::Relevance, filter, &mut args).unwrap();
        args.push(10i64.into());
        args.push(0i64.into());
        let mut stmt = self
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
    }
}

/// Escapes user text for HTML, then turns the match markers into `<mark>`
/// elements, always balanced.
fn highlight_html(snippet: &str) -> String {
    let mut out = String::with_capacity(snippet.len() + 16);
    let mut open = false;
    for c in snippet.chars() {
        match c {
            MATCH_START if !open => {
                out.push_str("<mark>");
                open = true;
            }
            MATCH_END if open => {
                out.push_str("</mark>");
                open = false;
            }
            MATCH_START | MATCH_END => {}
            other => crate::html::push_escaped(&mut out, other),
        }
    }
    if open {
        out.push_str("</mark>");
    }
    out
}

#[cfg(test)]
mod tests;
