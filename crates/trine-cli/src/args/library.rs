//! `trine prompts` and `trine components`: the prompt library and the
//! triangle's components as the command line reads them.

use clap::{Subcommand, ValueEnum};

/// `trine prompts ...`.
#[derive(Debug, Subcommand)]
pub enum PromptsCommand {
    /// List prompts, by component.
    List {
        /// Only this component's prompts.
        #[arg(long)]
        component: Option<String>,
        /// Include archived prompts.
        #[arg(long)]
        all: bool,
    },
    /// Add a prompt of your own.
    Add {
        /// The component it belongs to (see `trine components list`).
        #[arg(long)]
        component: String,
        /// The question.
        #[arg(long)]
        text: String,
        /// An optional follow-up nudge.
        #[arg(long)]
        hint: Option<String>,
        /// A situation it fits (repeat for more; every situation when
        /// none): working, new-role, looking, between, freelance,
        /// changing-fields.
        #[arg(long = "situation", value_name = "KEY")]
        situations: Vec<String>,
    },
    /// Change one of your own prompts.
    Edit {
        /// The prompt's id.
        id: String,
        /// The new question.
        #[arg(long)]
        text: Option<String>,
        /// A new follow-up nudge.
        #[arg(long, conflicts_with = "no_hint")]
        hint: Option<String>,
        /// Remove the follow-up nudge.
        #[arg(long)]
        no_hint: bool,
        /// The situations it fits, replacing the ones it had (repeat for
        /// more).
        #[arg(
            long = "situation",
            value_name = "KEY",
            conflicts_with = "all_situations"
        )]
        situations: Vec<String>,
        /// Make it fit every situation again.
        #[arg(long)]
        all_situations: bool,
    },
    /// Archive a prompt so it is no longer offered (any prompt, built in or yours).
    Archive {
        /// The prompt's id.
        id: String,
        /// Bring an archived prompt back instead.
        #[arg(long)]
        undo: bool,
    },
}

/// `trine components ...`.
#[derive(Debug, Subcommand)]
pub enum ComponentsCommand {
    /// List the nine components with their sides and descriptions.
    List,
    /// Rename a component or rewrite its description.
    Edit {
        /// The component's key, e.g. `community`.
        key: String,
        /// The new name.
        #[arg(long)]
        name: Option<String>,
        /// The new description.
        #[arg(long)]
        description: Option<String>,
    },
}

/// Sides of the triangle on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SideArg {
    /// Developmental needs.
    Developmental,
    /// Emotional needs.
    Emotional,
    /// Integration needs.
    Integration,
}

impl From<SideArg> for trine_app::Side {
    fn from(side: SideArg) -> Self {
        match side {
            SideArg::Developmental => trine_app::Side::Developmental,
            SideArg::Emotional => trine_app::Side::Emotional,
            SideArg::Integration => trine_app::Side::Integration,
        }
    }
}
