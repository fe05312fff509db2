//! The triangle as data (sides and components) and the prompts, mine and
//! built in.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::Journal;
use crate::error::{Error, Result, ValidationError};
use crate::library::{Angle, Library};
use crate::model::Side;
use crate::time;

/// The setting that records which library version the journal was seeded with.
const LIBRARY_VERSION_KEY: &str = "library.version";

/// A side of the triangle, with the words the journal uses for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SideInfo {
    /// Which side.
    pub key: Side,
    /// Its name.
    pub name: String,
    /// What it is about.
    pub description: String,
}

/// A component of the triangle, with the words the journal uses for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Component {
    /// Stable key, e.g. `feeling_seen`.
    pub key: String,
    /// The side it belongs to.
    pub side: Side,
    /// Its name (the person may have renamed it).
    pub name: String,
    /// What it is about.
    pub description: String,
}

/// Where a prompt comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PromptOrigin {
    /// Trine's own library.
    Builtin,
    /// Written by the person.
    User,
}

/// A prompt as the journal holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prompt {
    /// Stable id, e.g. `seen-04` or `user-1a2b3c4d`.
    pub id: String,
    /// The component it belongs to.
    pub component: String,
    /// The side of that component.
    pub side: Side,
    /// The kind of question, for built-in prompts.
    pub angle: Option<Angle>,
    /// The question.
    pub text: String,
    /// An optional follow-up nudge.
    pub hint: Option<String>,
    /// Built in or the person's own.
    pub origin: PromptOrigin,
    /// Archived prompts are never offered.
    pub archived: bool,
    /// The situations it fits (a person's own prompt fits every one).
    pub situations: Vec<crate::model::Situation>,
}

impl Journal {
    /// The three sides, in order.
    pub fn sides(&self) -> Result<Vec<SideInfo>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, name, description FROM sides ORDER BY position")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        rows.map(|row| {
            let (key, name, description) = row?;
            Ok(SideInfo {
                key: key
                    .parse()
                    .map_err(|e: ValidationError| Error::Corrupt(e.to_string()))?,
                name,
                description,
            })
        })
        .collect()
    }

    /// The components, side by side, in the library's order.
    pub fn components(&self) -> Result<Vec<Component>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.key, c.side, c.name, c.description FROM components c JOIN sides s ON s.key = c.side \
             ORDER BY s.position, c.position",
        )?;
        let rows = stmt.query_map([], component_from_row)?;
        rows.map(|r| r?).collect()
    }

    /// One component by key.
    pub fn component(&self, key: &str) -> Result<Component> {
        find_component(&self.conn, key)
    }

    /// Renames a component or rewrites its description; the app and the CLI
    /// follow, and library upgrades keep the person's words.
    pub fn edit_component(
        &mut self,
        key: &str,
        name: Option<String>,
        description: Option<String>,
    ) -> Result<Component> {
        let tx = self.begin_write()?;
        let mut component = find_component(&tx, key)?;
        if let Some(name) = name {
            component.name = non_empty(name, "component name")?;
        }
        if let Some(description) = description {
            component.description = description.trim().to_string();
        }
        tx.execute(
            "UPDATE components SET name = ?2, description = ?3, edited = 1 WHERE key = ?1",
            params![component.key, component.name, component.description],
        )?;
        tx.commit()?;
        Ok(component)
    }

    /// Prompts, built-in first, by component; archived ones only if asked.
    /// Prompts the library retired are never listed ([`Journal::prompt`]
    /// still finds them, for the entries that answered them).
    pub fn prompts(&self, component: Option<&str>, include_archived: bool) -> Result<Vec<Prompt>> {
        if let Some(key) = component {
            find_component(&self.conn, key)?;
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PROMPT_COLUMNS} FROM prompts p JOIN components c ON c.key = p.component \
             JOIN sides s ON s.key = c.side \
             WHERE (?1 IS NULL OR p.component = ?1) AND (?2 OR p.archived = 0) AND p.retired = 0 \
             ORDER BY s.position, c.position, p.origin, p.id"
        ))?;
        let rows = stmt.query_map(params![component, include_archived], prompt_from_row)?;
        rows.map(|r| r?).collect()
    }

    /// One prompt by id, archived or retired or not.
    pub fn prompt(&self, id: &str) -> Result<Prompt> {
        find_prompt(&self.conn, id)
    }

    /// Adds the person's own prompt to a component, fitting `situations`
    /// (none named: every situation).
    pub fn add_prompt(
        &mut self,
        component: &str,
        text: &str,
        hint: Option<&str>,
        situations: &[crate::model::Situation],
    ) -> Result<Prompt> {
        let tx = self.begin_write()?;
        find_component(&tx, component)?;
        let text = non_empty(text.to_string(), "prompt text")?;
        let id = format!("user-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
        tx.execute(
            "INSERT INTO prompts (id, component, text, hint, origin, archived, created_utc, situations) \
             VALUES (?1, ?2, ?3, ?4, 'user', 0, ?5, ?6)",
            params![
                id,
                component,
                text,
                tidy_hint(hint),
                time::utc_text(&time::now()),
                own_situations(situations)
            ],
        )?;
        let prompt = find_prompt(&tx, &id)?;
        tx.commit()?;
        Ok(prompt)
    }

    /// Changes the text, hint or situations of one of the person's own
    /// prompts (situations: `Some` replaces them, an empty list meaning
    /// every situation).
    pub fn edit_prompt(
        &mut self,
        id: &str,
        text: Option<&str>,
        hint: Option<Option<&str>>,
        situations: Option<&[crate::model::Situation]>,
    ) -> Result<Prompt> {
        let tx = self.begin_write()?;
        let mut prompt = find_prompt(&tx, id)?;
        if prompt.origin == PromptOrigin::Builtin {
            return Err(ValidationError::BuiltinPrompt(prompt.id).into());
        }
        if let Some(text) = text {
            prompt.text = non_empty(text.to_string(), "prompt text")?;
        }
        if let Some(hint) = hint {
            prompt.hint = tidy_hint(hint);
        }
        tx.execute(
            "UPDATE prompts SET text = ?2, hint = ?3 WHERE id = ?1",
            params![prompt.id, prompt.text, prompt.hint],
        )?;
        if let Some(situations) = situations {
            tx.execute(
                "UPDATE prompts SET situations = ?2 WHERE id = ?1",
                params![prompt.id, own_situations(situations)],
            )?;
        }
        let prompt = find_prompt(&tx, &prompt.id)?;
        tx.commit()?;
        Ok(prompt)
    }

    /// Archives a prompt (it is never offered again) or brings it back.
    pub fn archive_prompt(&mut self, id: &str, archived: bool) -> Result<Prompt> {
        let tx = self.begin_write()?;
        let mut prompt = find_prompt(&tx, id)?;
        tx.execute(
            "UPDATE prompts SET archived = ?2 WHERE id = ?1",
            params![prompt.id, archived],
        )?;
        prompt.archived = archived;
        tx.commit()?;
        Ok(prompt)
    }
}

fn non_empty(text: String, what: &'static str) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(ValidationError::EmptyText(what).into())
    } else {
        Ok(trimmed.to_string())
    }
}

/// A person's own prompt's situations as stored: none named, or all of
/// them, is every situation (NULL); repeats are dropped.
fn own_situations(situations: &[crate::model::Situation]) -> Option<String> {
    let mut fits: Vec<crate::model::Situation> = crate::model::Situation::ALL
        .into_iter()
        .filter(|s| situations.contains(s))
        .collect();
    if fits.is_empty() {
        fits = crate::model::Situation::ALL.to_vec();
    }
    situations_to_store(&fits)
}

fn tidy_hint(hint: Option<&str>) -> Option<String> {
    hint.map(str::trim)
        .filter(|h| !h.is_empty())
        .map(str::to_string)
}

const PROMPT_COLUMNS: &str =
    "p.id, p.component, c.side, p.angle, p.text, p.hint, p.origin, p.archived, p.situations";

fn prompt_from_row(r: &Row<'_>) -> rusqlite::Result<Result<Prompt>> {
    let side: String = r.get(2)?;
    let angle: Option<String> = r.get(3)?;
    let origin: String = r.get(6)?;
    let prompt = (|| -> Result<Prompt> {
        Ok(Prompt {
            id: r.get(0)?,
            component: r.get(1)?,
            side: side
                .parse()
                .map_err(|e: ValidationError| Error::Corrupt(e.to_string()))?,
            angle: angle
                .map(|a| Angle::ALL.into_iter().find(|x| x.as_str() == a).ok_or(a))
                .transpose()
                .map_err(|a| Error::Corrupt(format!("prompt angle {a:?}")))?,
            text: r.get(4)?,
            hint: r.get(5)?,
            origin: if origin == "builtin" {
                PromptOrigin::Builtin
            } else {
                PromptOrigin::User
            },
            archived: r.get(7)?,
            situations: situations_from(r.get::<_, Option<String>>(8)?.as_deref())?,
        })
    })();
    Ok(prompt)
}

/// The situations stored for a prompt: keys separated by commas, or none
/// for every situation.
fn situations_from(stored: Option<&str>) -> Result<Vec<crate::model::Situation>> {
    match stored {
        None => Ok(crate::model::Situation::ALL.to_vec()),
        Some(text) => text
            .split(',')
            .map(|key| {
                key.parse().map_err(|e: ValidationError| {
                    Error::Corrupt(format!("a prompt's situations: {e}"))
                })
            })
            .collect(),
    }
}

/// The situations a prompt fits, as stored: keys separated by commas, or
/// none when it fits every situation.
pub(crate) fn situations_to_store(fits: &[crate::model::Situation]) -> Option<String> {
    (fits.len() < crate::model::Situation::ALL.len()).then(|| {
        fits.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(",")
    })
}

fn component_from_row(r: &Row<'_>) -> rusqlite::Result<Result<Component>> {
    let side: String = r.get(1)?;
    Ok((|| {
        Ok(Component {
            key: r.get(0)?,
            side: side
                .parse()
                .map_err(|e: ValidationError| Error::Corrupt(e.to_string()))?,
            name: r.get(2)?,
            description: r.get(3)?,
        })
    })())
}

pub(crate) fn find_component(conn: &Connection, key: &str) -> Result<Component> {
    conn.prepare_cached("SELECT key, side, name, description FROM components WHERE key = ?1")?
        .query_row([key.trim()], component_from_row)
        .optional()?
        .ok_or_else(|| ValidationError::UnknownComponent(key.to_string()))?
}

pub(crate) fn find_prompt(conn: &Connection, id: &str) -> Result<Prompt> {
    conn.prepare_cached(&format!(
        "SELECT {PROMPT_COLUMNS} FROM prompts p JOIN components c ON c.key = p.component WHERE p.id = ?1"
    ))?
    .query_row([id.trim()], prompt_from_row)
    .optional()?
    .ok_or_else(|| ValidationError::UnknownPrompt(id.to_string()))?
}

/// Whether the journal's library is at `version` or newer.
pub(crate) fn library_seeded(conn: &Connection, version: u32) -> Result<bool> {
    let seeded: Option<u32> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [LIBRARY_VERSION_KEY],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok());
    Ok(seeded.is_some_and(|v| v >= version))
}

/// Brings the journal's sides, components and built-in prompts up to
/// `library`'s version. New things are added; what the person renamed,
/// edited or archived stays as it is.
pub(crate) fn seed_library(conn: &mut Connection, library: &Library) -> Result<()> {
    if library_seeded(conn, library.library_version)? {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (position, side) in library.sides.iter().enumerate() {
        tx.execute(
            "INSERT INTO sides (key, name, description, position) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (key) DO UPDATE SET name = excluded.name, description = excluded.description, \
             position = excluded.position",
            params![side.key.as_str(), side.name, side.description, position as i64],
        )?;
    }
    for (position, component) in library.components.iter().enumerate() {
        tx.execute(
            "INSERT INTO components (key, side, name, description, position) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (key) DO UPDATE SET position = excluded.position, \
             name = CASE WHEN edited THEN name ELSE excluded.name END, \
             description = CASE WHEN edited THEN description ELSE excluded.description END",
            params![component.key, component.side.as_str(), component.name, component.description, position as i64],
        )?;
    }
    let now = time::utc_text(&time::now());
    // Each prompt's fields, bound the same way for both statements.
    let put = |sql: &str, prompt: &crate::library::PromptDef| -> Result<()> {
        tx.execute(
            sql,
            params![
                prompt.id,
                prompt.component,
                prompt.text,
                prompt.hint,
                prompt.angle.as_str(),
                library.library_version,
                now,
                situations_to_store(&prompt.fits())
            ],
        )?;
        Ok(())
    };
    for prompt in &library.prompts {
        put(
            "INSERT INTO prompts (id, component, text, hint, origin, archived, angle, library_version, created_utc, situations) \
             VALUES (?1, ?2, ?3, ?4, 'builtin', 0, ?5, ?6, ?7, ?8) \
             ON CONFLICT (id) DO UPDATE SET text = excluded.text, hint = excluded.hint, angle = excluded.angle, \
             situations = excluded.situations, retired = 0 \
             WHERE origin = 'builtin'",
            prompt,
        )?;
    }
    // A retired prompt keeps the words the journal has (the ones its
    // entries answered); a journal that never had it gets them from the
    // library, for entries imported from one that did.
    for prompt in &library.retired {
        put(
            "INSERT INTO prompts (id, component, text, hint, origin, archived, angle, library_version, created_utc, situations, retired) \
             VALUES (?1, ?2, ?3, ?4, 'builtin', 0, ?5, ?6, ?7, ?8, 1) \
             ON CONFLICT (id) DO UPDATE SET retired = 1 WHERE origin = 'builtin'",
            prompt,
        )?;
    }
    // A built-in prompt the library no longer names at all is retired too.
    let current: Vec<&str> = library.prompts.iter().map(|p| p.id.as_str()).collect();
    let mut stmt = tx.prepare("SELECT id FROM prompts WHERE origin = 'builtin' AND retired = 0")?;
    let builtin: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    for id in builtin.iter().filter(|id| !current.contains(&id.as_str())) {
        tx.execute("UPDATE prompts SET retired = 1 WHERE id = ?1", [id])?;
    }
    // A week not written in yet that was drawn a prompt now retired draws
    // again on its next look.
    let mut stmt = tx.prepare(
        "SELECT DISTINCT w.week_start FROM week_prompts w JOIN prompts p ON p.id = w.prompt_id \
         WHERE p.retired = 1",
    )?;
    let weeks: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    for week in weeks {
        if let Ok(week) = chrono::NaiveDate::parse_from_str(&week, "%Y-%m-%d") {
            super::prompt_draw::forget_unwritten_draw(&tx, week)?;
        }
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![LIBRARY_VERSION_KEY, library.library_version.to_string()],
    )?;
    tx.commit()?;
    Ok(())
}
