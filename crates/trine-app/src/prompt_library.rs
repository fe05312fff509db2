//! The prompt library as the app shows it: every component with its
//! prompts (archived ones too, marked), and the changes a person can make
//! there: their own prompts added, edited (with the situations they fit),
//! archived and brought back, and components renamed or described anew.
//! Each change returns the whole library, so the screen redraws from what
//! the journal holds.

use serde::{Deserialize, Serialize};

use trine_store::error::Result;
use trine_store::store::{Component, Journal, Prompt, SideInfo};
use trine_store::Situation;

/// One component and its prompts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentPrompts {
    /// The component, in the journal's words.
    pub component: Component,
    /// Its prompts: built-in first, then the person's own; archived ones
    /// included (and marked).
    pub prompts: Vec<Prompt>,
    /// How many are offered (not archived).
    pub offered: usize,
}

/// Everything the library screen shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LibraryView {
    /// The three sides, in order.
    pub sides: Vec<SideInfo>,
    /// Each component with its prompts, in order.
    pub components: Vec<ComponentPrompts>,
    /// The situations a prompt can fit, for the own-prompt form.
    pub situations: Vec<crate::situations::SituationChoice>,
}

/// One of the person's own prompts as the form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OwnPrompt {
    /// The question.
    pub text: String,
    /// An optional nudge; empty is none.
    #[serde(default)]
    pub hint: String,
    /// The situations it fits; none is every situation.
    #[serde(default)]
    pub situations: Vec<Situation>,
}

/// The library screen's model and changes.
pub trait PromptLibrary {
    /// The whole library.
    fn library_view(&self) -> Result<LibraryView>;

    /// Adds an own prompt to `component`.
    fn add_own_prompt(&mut self, component: &str, prompt: &OwnPrompt) -> Result<LibraryView>;

    /// Rewrites an own prompt (text, hint and situations).
    fn edit_own_prompt(&mut self, id: &str, prompt: &OwnPrompt) -> Result<LibraryView>;

    /// Archives a prompt (never offered again) or brings it back.
    fn set_prompt_archived(&mut self, id: &str, archived: bool) -> Result<LibraryView>;

    /// Renames a component or rewrites its description.
    fn describe_component(
        &mut self,
        key: &str,
        name: &str,
        description: &str,
    ) -> Result<LibraryView>;
}

impl PromptLibrary for Journal {
    fn library_view(&self) -> Result<LibraryView> {
        let prompts = self.prompts(None, true)?;
        let components = self
            .components()?
            .into_iter()
            .map(|component| {
                let own: Vec<Prompt> = prompts
                    .iter()
                    .filter(|p| p.component == component.key)
                    .cloned()
                    .collect();
                ComponentPrompts {
                    offered: own.iter().filter(|p| !p.archived).count(),
                    prompts: own,
                    component,
                }
            })
            .collect();
        Ok(LibraryView {
            sides: self.sides()?,
            components,
            situations: crate::situations::situation_choices(),
        })
    }

    fn add_own_prompt(&mut self, component: &str, prompt: &OwnPrompt) -> Result<LibraryView> {
        self.add_prompt(
            component,
            &prompt.text,
            Some(prompt.hint.as_str()),
            &prompt.situations,
        )?;
        self.library_view()
    }

    fn edit_own_prompt(&mut self, id: &str, prompt: &OwnPrompt) -> Result<LibraryView> {
        self.edit_prompt(
            id,
            Some(&prompt.text),
            Some(Some(prompt.hint.as_str())),
            Some(&prompt.situations),
        )?;
        self.library_view()
    }

    fn set_prompt_archived(&mut self, id: &str, archived: bool) -> Result<LibraryView> {
        self.archive_prompt(id, archived)?;
        self.library_view()
    }

    fn describe_component(
        &mut self,
        key: &str,
        name: &str,
        description: &str,
    ) -> Result<LibraryView> {
        self.edit_component(key, Some(name.to_string()), Some(description.to_string()))?;
        self.library_view()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_lists_every_component_and_follows_changes() {
        let mut journal = Journal::open_in_memory().unwrap();
        let view = journal.library_view().unwrap();
        assert_eq!(view.components.len(), 9);
        assert_eq!(view.situations.len(), 6);
        let voice = &view.components[7];
        assert_eq!(voice.component.key, "voice");
        assert_eq!(voice.offered, voice.prompts.len(), "nothing archived yet");

        let view = journal
            .add_own_prompt(
                "voice",
                &OwnPrompt {
                    text: "Whom did I tell what I want next?".into(),
                    hint: String::new(),
                    situations: vec![Situation::Looking],
                },
            )
            .unwrap();
        let mine = view.components[7]
            .prompts
            .iter()
            .find(|p| p.text == "Whom did I tell what I want next?")
            .unwrap()
            .clone();
        assert_eq!(mine.hint, None, "an empty hint is none");
        assert_eq!(mine.situations, vec![Situation::Looking]);

        let view = journal
            .edit_own_prompt(
                &mine.id,
                &OwnPrompt {
                    text: "Whom did I tell what I want next, and how?".into(),
                    hint: "One name is enough.".into(),
                    situations: vec![],
                },
            )
            .unwrap();
        let edited = view.components[7]
            .prompts
            .iter()
            .find(|p| p.id == mine.id)
            .unwrap();
        assert_eq!(edited.hint.as_deref(), Some("One name is enough."));
        assert_eq!(edited.situations.len(), 6);

        let view = journal.set_prompt_archived("voice-01", true).unwrap();
        let voice = &view.components[7];
        assert_eq!(voice.offered + 1, voice.prompts.len());
        assert!(voice
            .prompts
            .iter()
            .any(|p| p.id == "voice-01" && p.archived));

        let view = journal
            .describe_component("community", "My people", "Who I do my best work with.")
            .unwrap();
        assert_eq!(view.components[8].component.name, "My people");
        let err = journal
            .describe_component("community", "  ", "x")
            .unwrap_err();
        assert!(err.to_string().contains("name"), "{err}");
    }
}
