//! The help texts' examples: every command has some, and every one parses.

use clap::{CommandFactory, Parser};

use super::Cli;

/// Splits a shell line into words, honouring single and double quotes
/// (enough for the examples, which use no other shell syntax).
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut started = false;
    for c in line.chars() {
        match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                started = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            _ => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// Every example in every help text, as the shell would pass it to
/// `trine` (pipes, redirections and environment prefixes left off).
fn examples() -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    let mut commands = vec![Cli::command()];
    while let Some(command) = commands.pop() {
        if let Some(help) = command.get_after_help() {
            for line in help.to_string().lines() {
                let line = line.trim();
                let Some(start) = line.find("trine ") else {
                    continue;
                };
                let with_env = line.starts_with("TRINE_")
                    && line.split(' ').next().is_some_and(|w| w.contains('='));
                if !line.starts_with("trine ") && !with_env {
                    continue;
                }
                let call = line[start..].split(['|', '<']).next().unwrap().trim();
                found.push((command.get_name().to_string(), words(call)));
            }
        }
        commands.extend(command.get_subcommands().cloned());
    }
    found
}

#[test]
fn every_command_has_examples_and_every_example_parses() {
    let examples = examples();
    let top = Cli::command();
    for sub in top.get_subcommands().filter(|c| c.get_name() != "help") {
        assert!(
            examples.iter().any(|(owner, _)| owner == sub.get_name()),
            "`trine {} --help` shows no examples",
            sub.get_name()
        );
    }
    assert!(examples.len() > 40, "{} examples", examples.len());
    for (owner, argv) in &examples {
        if let Err(e) = Cli::try_parse_from(argv) {
            panic!("an example of `{owner}` does not parse: {argv:?}\n{e}");
        }
    }
}
