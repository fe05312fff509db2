//! The prompt library's commands: `prompts` and `components`.

use trine_app::{Journal, Result};

use crate::args::{ComponentsCommand, PromptsCommand};
use crate::output::Printer;

/// `trine prompts ...`.
pub fn prompts(journal: &mut Journal, command: PromptsCommand, out: &Printer) -> Result<()> {
    let changed = match command {
        PromptsCommand::List { component, all } => {
            let prompts = journal.prompts(component.as_deref(), all)?;
            if out.json {
                crate::terminal::write_json(
                    &serde_json::to_string_pretty(&prompts).expect("serialises"),
                );
            } else {
                let components = journal.components()?;
                let mut current = None;
                for p in &prompts {
                    if current.as_ref() != Some(&p.component) {
                        current = Some(p.component.clone());
                        let name = components
                            .iter()
                            .find(|c| c.key == p.component)
                            .map_or(&p.component, |c| &c.name);
                        say!("\n{name} ({})", p.side.label());
                    }
                    let flag = if p.archived { " [archived]" } else { "" };
                    say!("  {:<15} {}{flag}", p.id, p.text);
                }
            }
            return Ok(());
        }
        PromptsCommand::Add {
            component,
            text,
            hint,
            situations,
        } => {
            let situations = parse_situations(&situations)?;
            journal.add_prompt(&component, &text, hint.as_deref(), &situations)?
        }
        PromptsCommand::Edit {
            id,
            text,
            hint,
            no_hint,
            situations,
            all_situations,
        } => {
            let hint = if no_hint {
                Some(None)
            } else {
                hint.as_deref().map(Some)
            };
            let situations = parse_situations(&situations)?;
            let situations = if all_situations {
                Some(&[][..])
            } else if situations.is_empty() {
                None
            } else {
                Some(&situations[..])
            };
            journal.edit_prompt(&id, text.as_deref(), hint, situations)?
        }
        PromptsCommand::Archive { id, undo } => journal.archive_prompt(&id, !undo)?,
    };
    if out.json {
        crate::terminal::write_json(&serde_json::to_string_pretty(&changed).expect("serialises"));
    } else {
        let state = if changed.archived {
            " (archived: it will not be offered)"
        } else {
            ""
        };
        say!("{}: {}{state}", changed.id, changed.text);
    }
    Ok(())
}

/// Reads `--situation` keys; a wrong one is named with the keys there are.
fn parse_situations(keys: &[String]) -> Result<Vec<trine_app::Situation>> {
    Ok(keys
        .iter()
        .map(|key| key.parse::<trine_app::Situation>())
        .collect::<std::result::Result<_, _>>()?)
}

/// `trine components ...`.
pub fn components(journal: &mut Journal, command: ComponentsCommand, out: &Printer) -> Result<()> {
    let list = match command {
        ComponentsCommand::List => journal.components()?,
        ComponentsCommand::Edit {
            key,
            name,
            description,
        } => vec![journal.edit_component(&key, name, description)?],
    };
    if out.json {
        crate::terminal::write_json(&serde_json::to_string_pretty(&list).expect("serialises"));
    } else {
        for c in &list {
            say!("{:<22} {} · {}", c.key, c.name, c.side.label());
            say!("{:<22} {}", "", c.description);
        }
    }
    Ok(())
}
