//! The first hour (README): the Rust version README and Cargo.toml promise builds every locked
//! dependency, every command README shows parses and names files that ship, the walk-through
//! README marks runnable runs as written against the sandbox, and nothing points outside the
//! repository.

use std::path::{Path, PathBuf};
use std::process::Command;

use clap::Parser;
use serde_json::Value;

use crate::support::{SandboxProcess, TestEnv, stderr_of};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// "1.89" or "1.89.0" as (1, 89, 0).
fn version(text: &str) -> (u64, u64, u64) {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
    (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    )
}

fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(root())
        .args(["metadata", "--locked", "--format-version", "1"])
        .output()
        .expect("cargo metadata runs");
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

#[test]
fn rust_version_is_enough_for_every_locked_dependency() {
    let metadata = metadata();
    let packages = metadata["packages"].as_array().unwrap();
    let ours = packages
        .iter()
        .find(|p| p["name"] == "scimctl")
        .and_then(|p| p["rust_version"].as_str())
        .expect("Cargo.toml sets rust-version");
    let too_new: Vec<String> = packages
        .iter()
        .filter_map(|p| {
            let needs = p["rust_version"].as_str()?;
            (version(needs) > version(ours))
                .then(|| format!("{} {} needs Rust {needs}", p["name"], p["version"]))
        })
        .collect();
    assert!(
        too_new.is_empty(),
        "rust-version is {ours}, but: {}",
        too_new.join(", ")
    );
    let readme = read("README.md");
    assert!(
        readme.contains(&format!("(Rust {ours} or newer")),
        "README's Rust version is not {ours}"
    );
}

/// The words of one shell command line, up to a pipe, a redirection or a comment.
fn shell_words(line: &str) -> Vec<Vec<String>> {
    let mut commands = vec![Vec::new()];
    let mut word: Option<String> = None;
    let mut chars = line.chars().peekable();
    let mut quote: Option<char> = None;
    let end_word = |commands: &mut Vec<Vec<String>>, word: &mut Option<String>| {
        if let Some(w) = word.take() {
            commands.last_mut().unwrap().push(w);
        }
    };
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"'), '\\') => word.get_or_insert_default().extend(chars.next()),
            (Some(_), c) => word.get_or_insert_default().push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_default();
            }
            (None, ' ' | '\t') => end_word(&mut commands, &mut word),
            (None, '#') if word.is_none() => break,
            (None, '|' | ';' | '&') => {
                end_word(&mut commands, &mut word);
                commands.push(Vec::new());
            }
            (None, '>' | '<') => {
                end_word(&mut commands, &mut word);
                // The redirection's target is not part of the command.
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
                while chars.peek().is_some_and(|c| *c != ' ') {
                    chars.next();
                }
            }
            (None, c) => word.get_or_insert_default().push(c),
        }
    }
    end_word(&mut commands, &mut word);
    commands
}

/// Each ```sh block of README: the runnable marker before it (if any) and its scimctl commands.
fn readme_blocks() -> Vec<(Option<String>, Vec<Vec<String>>)> {
    let readme = read("README.md");
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    let mut marker = None;
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("<!-- runs on: ") {
            marker = Some(rest.trim_end_matches("-->").trim().to_string());
            continue;
        }
        if line.trim() != "```sh" {
            if !line.trim().is_empty() {
                marker = None;
            }
            continue;
        }
        let mut commands = Vec::new();
        for line in lines.by_ref().take_while(|l| l.trim() != "```") {
            for command in shell_words(line.trim()) {
                if command.first().map(String::as_str) == Some("scimctl") {
                    commands.push(command);
                }
            }
        }
        blocks.push((marker.take(), commands));
    }
    blocks
}

/// Files a command reads: they must ship with the repository.
fn files_named(command: &[String]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for pair in command.windows(2) {
        let (flag, value) = (pair[0].as_str(), pair[1].as_str());
        match flag {
            "--payload" | "--seed" if value != "-" => files.push(root().join(value)),
            "--error" => files.extend(value.strip_prefix('@').map(|f| root().join(f))),
            _ => {}
        }
    }
    files
}

#[test]
fn every_readme_command_parses_and_every_file_it_names_ships() {
    let blocks = readme_blocks();
    let commands: Vec<&Vec<String>> = blocks.iter().flat_map(|(_, c)| c).collect();
    assert!(
        commands.len() > 30,
        "only {} commands found",
        commands.len()
    );
    for command in commands {
        if let Err(e) = scimctl::cli::Cli::try_parse_from(command) {
            panic!("README: `{}` does not parse:\n{e}", command.join(" "));
        }
        for file in files_named(command) {
            assert!(
                file.is_file(),
                "README: `{}` names {}, which is not in the repository",
                command.join(" "),
                file.display()
            );
        }
    }
}

#[test]
fn the_readme_walkthrough_runs_as_written_on_the_sandbox() {
    let runnable: Vec<(String, Vec<Vec<String>>)> = readme_blocks()
        .into_iter()
        .filter_map(|(marker, commands)| Some((marker?, commands)))
        .collect();
    assert!(!runnable.is_empty(), "README marks no block runnable");
    for (marker, commands) in runnable {
        let env = TestEnv::new();
        let args: Vec<&str> = marker
            .strip_prefix("sandbox ")
            .expect("a marker starts the sandbox")
            .split_whitespace()
            .collect();
        let seeded: Vec<String> = args
            .iter()
            .map(|a| match a.starts_with("examples/") {
                true => root().join(a).display().to_string(),
                false => a.to_string(),
            })
            .collect();
        let seeded: Vec<&str> = seeded.iter().map(String::as_str).collect();
        let sandbox = SandboxProcess::start(&env, &seeded);
        for command in &commands {
            let output = env
                .scimctl_at(&sandbox.url, &sandbox.token)
                .current_dir(root())
                .env("SCIMCTL_STATE_DIR", env.path().join("state"))
                .args(&command[1..])
                .output()
                .unwrap();
            let code = output.status.code();
            // diagnose exits 1 on a conflict: that is what the walk-through shows.
            let expected = if command[1] == "diagnose" { 1 } else { 0 };
            assert_eq!(
                code,
                Some(expected),
                "README: `{}` exited {code:?}:\n{}",
                command.join(" "),
                stderr_of(&output)
            );
        }
    }
}

#[test]
fn readme_docs_and_sources_point_nowhere_outside_the_repository() {
    let mut files = vec![root().join("README.md")];
    let mut stack = vec![
        root().join("docs"),
        root().join("src"),
        root().join("tests"),
    ];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let vendored = ["node_modules", ".venv", "target"]
                .iter()
                .any(|name| path.file_name().is_some_and(|n| n == *name));
            if path.is_dir() {
                if !vendored {
                    stack.push(path);
                }
            } else if path
                .extension()
                .is_some_and(|e| e == "rs" || e == "md" || e == "json")
            {
                files.push(path);
            }
        }
    }
    let outside = [concat!("..", "/shared"), concat!("DESIGN", ".md")];
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for needle in outside {
            assert!(
                !text.contains(needle),
                "{} mentions {needle}",
                file.display()
            );
        }
    }
    // Every relative link in README and docs/ names a file that exists.
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "md"))
    {
        let text = std::fs::read_to_string(file).unwrap();
        for link in text.split("](").skip(1) {
            let target = link.split(')').next().unwrap_or("");
            if target.contains("://") || target.starts_with('#') {
                continue;
            }
            let target = target.split('#').next().unwrap_or("");
            let path = file.parent().unwrap().join(target);
            assert!(
                path.exists(),
                "{} links to missing {target}",
                file.display()
            );
        }
    }
}
