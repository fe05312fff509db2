//! `trine reflect`: the weekly reflection, from flags or asked in the
//! terminal one side at a time (each answer in `$EDITOR` when one is set).
//! Each answer is saved as soon as it is given, so stopping halfway keeps a
//! draft.

use std::io::{BufRead, IsTerminal, Read, Write};

use chrono::NaiveDate;
use trine_app::clock::{today, week_named};
use trine_app::store::{Answer, ReflectionUpdate, WeekPrompt, WeekStatus};
use trine_app::{Error, Journal, Ratings, Result, Side};

use crate::args::ReflectArgs;
use crate::commands::{print_prompt, weeks_phrase};
use crate::output::{week_phrase, Printer};

/// `trine reflect`.
pub fn reflect(journal: &mut Journal, args: ReflectArgs, out: &Printer) -> Result<()> {
    let week = week_named(journal, "--week", args.week.as_deref())?;
    let ratings = args.ratings.checked()?;
    let given = [&args.developmental, &args.emotional, &args.integration];
    let non_interactive = given.iter().any(|a| a.is_some())
        || !args.skip.is_empty()
        || !ratings.is_empty()
        || args.note.is_some()
        || args.follow_up.is_some();
    let entry = if non_interactive {
        let mut answers = Vec::new();
        for (side, text) in Side::ALL.into_iter().zip(given) {
            if let Some(text) = text {
                answers.push((side, Answer::Text(read_dash(text)?)));
            }
        }
        for side in &args.skip {
            answers.push(((*side).into(), Answer::Skip));
        }
        journal.save_reflection(
            week,
            ReflectionUpdate {
                answers,
                ratings,
                note: args.note,
                replace_ratings: false,
                follow_up: args.follow_up,
            },
        )?
    } else {
        ask_reflection(journal, week)?
    };
    let status = journal.week_status(week, today())?;
    if out.json {
        out.entry(&entry);
    } else {
        let streak = journal.streak(today())?;
        match status {
            WeekStatus::Done => say!(
                "Saved. The week of {} is done. Streak: {}.",
                week_phrase(week),
                weeks_phrase(streak)
            ),
            _ => say!(
                "Saved as a draft ({}). Run `trine reflect` again to finish it.",
                status.label()
            ),
        }
    }
    Ok(())
}

/// Reads standard input for an answer given as `-`.
fn read_dash(text: &str) -> Result<String> {
    if text != "-" {
        return Ok(text.to_string());
    }
    let mut buf = String::new();
    std::io::stdin()
        .read_to_string(&mut buf)
        .map_err(|e| Error::File {
            path: "standard input".into(),
            source: e,
        })?;
    Ok(buf)
}

/// The questions of a reflection, asked one by one in the terminal.
fn ask_reflection(journal: &mut Journal, week: NaiveDate) -> Result<trine_app::Entry> {
    let mut input = Terminal::new();
    let prompts = journal.week_prompts(week)?;
    let status = journal.week_status(week, today())?;
    say!("The week of {} · {}", week_phrase(week), status.label());
    let confident = journal.settings()?.confident_rating;
    say!(
        "Three questions, one for each side of the triangle, then {} ratings.",
        if confident { "four" } else { "three" }
    );
    say!("End an answer with an empty line. Enter alone (or `skip`) skips a side; Ctrl-D stops, keeping what you wrote.");
    let mut entry = None;
    if let Some(planned) = journal.planned_step(week)? {
        say!();
        say!("Last week you planned: {}", planned.replace('\n', "\n  "));
        let saved = journal
            .reflection_for_week(week)?
            .and_then(|r| r.follow_up)
            .filter(|f| !f.answer.is_empty());
        if let Some(saved) = &saved {
            say!("  Saved answer: {}", saved.answer.replace('\n', "\n  "));
            say!("  (Press Enter to keep it, or write a new one.)");
        }
        say!("How did it go? (optional; an empty line ends it)");
        let Some(answer) = input.lines()? else {
            return finish(journal, week, entry);
        };
        if !answer.trim().is_empty() && answer.trim() != "skip" {
            entry = Some(journal.save_reflection(
                week,
                ReflectionUpdate {
                    follow_up: Some(answer),
                    ..ReflectionUpdate::default()
                },
            )?);
        }
    }
    for p in &prompts {
        say!();
        print_prompt(p);
        let saved = journal
            .reflection_for_week(week)?
            .and_then(|r| r.section(p.side).cloned());
        if let Some(section) = &saved {
            if !section.text.is_empty() {
                say!("  Saved answer: {}", section.text.replace('\n', "\n  "));
                say!("  (Press Enter to keep it, or write a new one.)");
            }
        }
        let Some(answer) = input.answer(p)? else {
            return finish(journal, week, entry);
        };
        let answer = match answer.trim() {
            "" if saved.is_some() => continue,
            "" | "skip" => Answer::Skip,
            _ => Answer::Text(answer),
        };
        entry = Some(journal.save_reflection(
            week,
            ReflectionUpdate {
                answers: vec![(p.side, answer)],
                ..ReflectionUpdate::default()
            },
        )?);
    }
    say!();
    // Worded for where the person is that week.
    let situation = journal
        .situation_on((week + chrono::Days::new(6)).min(today().max(week)))?
        .map(|s| s.situation);
    let fields: &[&str] = if confident {
        &["seen", "known", "valued", "confident"]
    } else {
        &["seen", "known", "valued"]
    };
    for &field in fields {
        let question = match field {
            "confident" => trine_app::situations::CONFIDENT_QUESTION.to_string(),
            _ => trine_app::situations::rating_question(situation, field),
        };
        let Some(value) = input.rating(&question, 1, 10)? else {
            return finish(journal, week, entry);
        };
        let Some(value) = value else { continue };
        let ratings = match field {
            "seen" => Ratings::checked(Some(value), None, None),
            "known" => Ratings::checked(None, Some(value), None),
            "valued" => Ratings::checked(None, None, Some(value)),
            _ => Ratings::default().with_confident(Some(value)),
        }?;
        entry = Some(journal.save_reflection(
            week,
            ReflectionUpdate {
                ratings,
                ..ReflectionUpdate::default()
            },
        )?);
    }
    say!();
    say!("Anything else about this week? (optional; an empty line ends it)");
    if let Some(note) = input.lines()? {
        if !note.trim().is_empty() {
            entry = Some(journal.save_reflection(
                week,
                ReflectionUpdate {
                    note: Some(note),
                    ..ReflectionUpdate::default()
                },
            )?);
        }
    }
    finish(journal, week, entry)
}

fn finish(
    journal: &mut Journal,
    week: NaiveDate,
    entry: Option<trine_app::Entry>,
) -> Result<trine_app::Entry> {
    match entry {
        Some(entry) => Ok(entry),
        None => journal.reflection_for_week(week)?.map_or_else(
            || journal.save_reflection(week, ReflectionUpdate::default()),
            Ok,
        ),
    }
}

/// Reads answers from the terminal (or from piped standard input), and
/// opens `$VISUAL` / `$EDITOR` for answers when both ends are a terminal.
pub(crate) struct Terminal {
    stdin: std::io::StdinLock<'static>,
    editor: Option<String>,
}

impl Terminal {
    pub(crate) fn new() -> Terminal {
        let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        let editor = interactive
            .then(|| {
                std::env::var("VISUAL")
                    .or_else(|_| std::env::var("EDITOR"))
                    .ok()
            })
            .flatten()
            .filter(|e| !e.trim().is_empty());
        Terminal {
            stdin: std::io::stdin().lock(),
            editor,
        }
    }

    /// One answer: from the editor if there is one, else typed lines.
    /// `None` at the end of input.
    pub(crate) fn answer(&mut self, prompt: &WeekPrompt) -> Result<Option<String>> {
        match self.editor.clone() {
            Some(editor) => {
                say!("  (Opening {editor}; save and close it when you are done. An empty file skips this side.)");
                edit_in(&editor, prompt).map(Some)
            }
            None => self.lines(),
        }
    }

    /// Lines up to an empty line; `None` at the end of input.
    pub(crate) fn lines(&mut self) -> Result<Option<String>> {
        let mut text = String::new();
        loop {
            say_part!("> ");
            let _ = std::io::stdout().flush();
            let mut line = String::new();
            let read = self.stdin.read_line(&mut line).map_err(stdin_error)?;
            if read == 0 {
                say!();
                return Ok(if text.is_empty() { None } else { Some(text) });
            }
            let line = line.trim_end_matches(['\n', '\r']);
            if line.is_empty() || (text.is_empty() && line.trim().eq_ignore_ascii_case("skip")) {
                return Ok(Some(if line.is_empty() { text } else { "skip".into() }));
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(line);
        }
    }

    /// A whole number in `min..=max`, asked until valid. `Some(None)` when
    /// skipped with Enter; `None` at the end of input.
    pub(crate) fn rating(
        &mut self,
        question: &str,
        min: i64,
        max: i64,
    ) -> Result<Option<Option<i64>>> {
        loop {
            say_part!("{question} ({min} to {max}, Enter to skip) ");
            let _ = std::io::stdout().flush();
            let mut line = String::new();
            if self.stdin.read_line(&mut line).map_err(stdin_error)? == 0 {
                say!();
                return Ok(None);
            }
            let line = line.trim();
            if line.is_empty() {
                return Ok(Some(None));
            }
            match line.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => return Ok(Some(Some(n))),
                _ => say!("  Please type a whole number from {min} to {max}."),
            }
        }
    }
}

fn stdin_error(e: std::io::Error) -> Error {
    Error::File {
        path: "standard input".into(),
        source: e,
    }
}

/// A folder for the answer file that only this user can read:
/// `$XDG_RUNTIME_DIR` (a per-user folder the system empties at log-out),
/// else a `trine` folder in the user's cache, made `0700`.
fn private_folder() -> std::path::PathBuf {
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR")
        .map(std::path::PathBuf::from)
        .filter(|p| p.is_absolute() && p.is_dir())
    {
        return runtime;
    }
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let folder = home
        .unwrap_or_else(std::env::temp_dir)
        .join(".cache")
        .join("trine");
    if std::fs::create_dir_all(&folder).is_ok() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700));
        }
    }
    folder
}

/// Opens the editor on a file that shows the prompt as `#` comments, and
/// returns what was written without them.
fn edit_in(editor: &str, prompt: &WeekPrompt) -> Result<String> {
    // In the user's own runtime folder (not a temporary folder others can
    // list), readable by the user only.
    let folder = private_folder();
    let file = tempfile::Builder::new()
        .prefix("trine-answer-")
        .suffix(".md")
        .tempfile_in(&folder)
        .map_err(|e| Error::File {
            path: folder.clone(),
            source: e,
        })?;
    let mut head = format!(
        "\n\n# {} · {}\n# {}\n",
        prompt.side.label(),
        prompt.component.name,
        prompt.prompt.text
    );
    if let Some(hint) = &prompt.prompt.hint {
        head.push_str(&format!("# ({hint})\n"));
    }
    head.push_str("# Lines starting with # are left out. Save and close to go on.\n");
    std::fs::write(file.path(), head).map_err(|e| Error::file(file.path(), e))?;
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let editing = crate::interrupt::Editing::start(file.path().to_path_buf());
    let status = std::process::Command::new(program)
        .args(words)
        .arg(file.path())
        .status()
        .map_err(|e| Error::File {
            path: program.into(),
            source: e,
        });
    #[cfg(unix)]
    let by_ctrl_c = status.as_ref().is_ok_and(|s| {
        // SIGINT, the signal Ctrl+C sends to the terminal's foreground group.
        std::os::unix::process::ExitStatusExt::signal(s) == Some(2)
    });
    #[cfg(not(unix))]
    let by_ctrl_c = false;
    editing.ended(by_ctrl_c);
    let status = status?;
    if !status.success() {
        return Err(Error::File {
            path: program.into(),
            source: std::io::Error::other(format!(
                "the editor stopped with {status}; nothing was saved for this side"
            )),
        });
    }
    let text = std::fs::read_to_string(file.path()).map_err(|e| Error::file(file.path(), e))?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string())
}
