//! Help a person can act on: every command's help has examples before the global options,
//! every example parses (and the sandbox's background recipe really runs), clap's errors keep
//! what clap said and point at the subcommand's own help, filter errors point at the problem,
//! old flag spellings still work, and `man --dir` writes a full page per command.

use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

use crate::support::{SandboxProcess, TestEnv, json_of, stderr_of};

/// Every command below the top, as the words that name it: ["users", "find"], …
fn command_paths() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut nested = path.to_vec();
            nested.push(sub.get_name().to_string());
            out.push(nested.clone());
            walk(sub, &nested, out);
        }
    }
    let mut out = Vec::new();
    walk(&scimctl::cli::command(), &[], &mut out);
    out
}

fn help_of(path: &[String]) -> String {
    let mut command = TestEnv::new().scimctl();
    command.args(path);
    if path.first().is_none_or(|word| word != "help") {
        command.arg("--help");
    }
    let output = command.output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{path:?}: {}",
        stderr_of(&output)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_command_shows_its_examples_before_the_global_options() {
    let paths = command_paths();
    assert!(paths.len() > 20, "{paths:?}");
    for path in paths {
        let help = help_of(&path);
        let examples = help
            .find("Examples:\n")
            .or_else(|| help.find("Example:\n"))
            .unwrap_or_else(|| {
                panic!("scimctl {} --help has no examples:\n{help}", path.join(" "))
            });
        if path == ["options"] {
            continue;
        }
        assert!(
            !help.contains("--max-retries"),
            "scimctl {} --help lists the global options:\n{help}",
            path.join(" ")
        );
        let footer = help
            .find("scimctl help options")
            .expect("a pointer to the global options");
        assert!(examples < footer, "{help}");
    }
    let options = help_of(&["help".into(), "options".into()]);
    for flag in [
        "--url",
        "--profile",
        "--token-file",
        "--max-retries",
        "--output",
        "--quiet",
    ] {
        assert!(
            options.contains(flag),
            "scimctl help options lacks {flag}:\n{options}"
        );
    }
}

/// At 80 columns clap would re-wrap a longer line: prose comes out ragged, and an example
/// broken over two lines no longer runs when copied.
#[test]
fn every_line_of_every_commands_notes_fits_80_columns() {
    let mut root = scimctl::cli::command();
    root.build();
    for path in command_paths() {
        let mut command = &mut root;
        for name in &path {
            command = command.find_subcommand_mut(name).unwrap();
        }
        for help in [command.get_after_help(), command.get_after_long_help()]
            .into_iter()
            .flatten()
        {
            for line in help.to_string().lines() {
                assert!(
                    line.chars().count() < 80,
                    "scimctl {}: {} characters: {line}",
                    path.join(" "),
                    line.chars().count()
                );
            }
        }
    }
}

/// The command lines in a help text: each indented line that runs scimctl, cut at the first
/// unquoted comment, pipe or redirection, and split as a POSIX shell would.
fn example_commands(help: &str) -> Vec<Vec<String>> {
    help.lines()
        .filter(|line| line.starts_with("  "))
        .filter_map(|line| {
            let line = line.trim();
            let at = match line.find("&& scimctl ") {
                Some(at) => at + 3,
                None => line.starts_with("scimctl ").then_some(0)?,
            };
            let words = shell_words(&line[at..]);
            (words[0] == "scimctl").then_some(words)
        })
        .collect()
}

fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    w.push(q);
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => w.extend(chars.next()),
                        _ => w.push(q),
                    }
                }
            }
            '#' | '|' | '>' | '&' | ';' if word.is_none() || c != '#' => break,
            c if c.is_whitespace() => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

#[test]
fn every_example_in_help_parses_and_names_a_task() {
    let mut checked = 0;
    {
        for words in all_examples() {
            let cli = match scimctl::cli::parse_from(&words) {
                Ok(cli) => cli,
                // `scimctl help options`: clap shows help, as asked.
                Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => {
                    checked += 1;
                    continue;
                }
                Err(e) => panic!("{words:?} does not parse:\n{e}"),
            };
            scimctl::settings::Task::from_command(&cli.command, &cli.global)
                .unwrap_or_else(|e| panic!("{words:?} is refused: {e}"));
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} examples found");
}

/// Every example in help, split into words, with the command's help it came from.
fn all_examples() -> Vec<Vec<String>> {
    let mut root = scimctl::cli::command();
    root.build();
    let mut helps = vec![root.render_long_help().to_string()];
    for path in command_paths() {
        let mut command = &mut root;
        for name in &path {
            command = command.find_subcommand_mut(name).unwrap();
        }
        helps.push(command.render_long_help().to_string());
    }
    helps
        .iter()
        .flat_map(|help| example_commands(help))
        .collect()
}

/// The read-only examples (lookups, listings, diagnoses, doctor) run against a sandbox with
/// the README's conflicts, from the repository (so `examples/…` files are found): each ends
/// with an answer (0 clear, 1 conflict, 4 an id the sandbox does not have), never a usage error.
#[test]
fn the_read_only_examples_in_help_run_against_a_sandbox() {
    let env = TestEnv::new();
    let sandbox = seeded_sandbox(&env);
    let repository = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The profile the examples name.
    let config = env.path().join("config").join("scimctl");
    std::fs::create_dir_all(&config).unwrap();
    // A named profile chooses the whole connection, token included.
    let token_file = env.path().join("staging.token");
    std::fs::write(&token_file, &sandbox.token).unwrap();
    std::fs::write(
        config.join("config.toml"),
        format!(
            "[profiles.staging]\nurl = \"{}\"\ntoken-file = \"{}\"\n",
            sandbox.url,
            token_file.display()
        ),
    )
    .unwrap();
    let read_only = ["users", "diagnose", "doctor", "suggest-username", "audit"];
    let mut ran = 0;
    for words in all_examples() {
        let files_missing = words.iter().any(|w| {
            let file = w.trim_start_matches('@');
            (file.ends_with(".json") || file.ends_with(".txt")) && !repository.join(file).exists()
        });
        if !read_only.contains(&words[1].as_str()) || files_missing {
            continue;
        }
        let output = env
            .scimctl_at(&sandbox.url, &sandbox.token)
            .current_dir(repository)
            .args(&words[1..])
            .output()
            .unwrap();
        let stderr = stderr_of(&output);
        assert!(
            matches!(output.status.code(), Some(0 | 1 | 4)) && !stderr.contains("panicked"),
            "{words:?} exits {:?}:\n{stderr}",
            output.status.code()
        );
        ran += 1;
    }
    assert!(ran >= 15, "only {ran} examples ran");
}

#[test]
fn the_shell_splitter_cuts_where_a_shell_would() {
    assert_eq!(
        shell_words(r#"scimctl users find --filter 'a eq "b"' -o json | jq .x"#),
        [
            "scimctl",
            "users",
            "find",
            "--filter",
            r#"a eq "b""#,
            "-o",
            "json"
        ]
    );
    assert_eq!(
        shell_words("scimctl doctor   # check"),
        ["scimctl", "doctor"]
    );
    assert_eq!(shell_words("scimctl man > a.1"), ["scimctl", "man"]);
}

/// The sandbox's help says how to serve in the background and use it from the same shell;
/// the recipe is run as written (with this build's scimctl first on PATH).
#[test]
fn the_sandbox_background_recipe_runs_as_written() {
    let help = help_of(&["sandbox".into()]);
    let recipe: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.contains("in the background"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert!(recipe.len() >= 3, "{help}");
    assert!(
        !help.contains("head -2)\""),
        "the old example hangs: {help}"
    );
    let env = TestEnv::new();
    let bin = assert_cmd::cargo::cargo_bin("scimctl");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let script = format!(
        "set -e\n{}\nkill %1\nwait\n",
        recipe
            .join("\n")
            .replace("scimctl users list", "scimctl users list -o json",)
    );
    let output = env
        .std_scimctl()
        .env("PATH", path)
        .current_dir(env.path())
        .stdin(Stdio::null())
        .output_of_shell(&script);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let listed = json_of(&output);
    assert_eq!(listed["version"], 1, "{listed}");
}

trait ShellExt {
    fn output_of_shell(&mut self, script: &str) -> std::process::Output;
}

impl ShellExt for std::process::Command {
    /// Runs `script` with bash, in this command's environment and directory.
    fn output_of_shell(&mut self, script: &str) -> std::process::Output {
        let mut bash = std::process::Command::new("bash");
        bash.arg("-c").arg(script);
        for (key, value) in self.get_envs() {
            match value {
                Some(value) => bash.env(key, value),
                None => bash.env_remove(key),
            };
        }
        if let Some(dir) = self.get_current_dir() {
            bash.current_dir(dir);
        }
        bash.stdin(Stdio::null()).output().expect("bash runs")
    }
}

fn usage_error(args: &[&str]) -> String {
    let output = TestEnv::new().scimctl().args(args).output().unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let last = stderr.lines().last().unwrap_or_default().to_string();
    assert!(
        last.starts_with("error: ") && last.ends_with("(exit 2)"),
        "{stderr}"
    );
    stderr
}

#[test]
fn a_missing_argument_is_named_with_the_usage_and_the_subcommands_help() {
    let stderr = usage_error(&["users", "find"]);
    assert!(
        stderr.contains("not provided: <--username <NAME>|--email <ADDRESS>|--external-id <ID>|--filter <FILTER>>; usage: scimctl users find"),
        "{stderr}"
    );
    assert!(
        stderr.contains("see 'scimctl users find --help' (exit 2)"),
        "{stderr}"
    );
    let stderr = usage_error(&["rename-user", "u1"]);
    assert!(stderr.contains("--to <NEW>"), "{stderr}");
}

#[test]
fn a_bad_value_points_at_the_subcommands_own_help() {
    let stderr = usage_error(&["users", "list", "--limit", "x"]);
    assert!(
        stderr.contains("invalid value 'x' for '--limit <N>'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("see 'scimctl users list --help'"),
        "{stderr}"
    );
    let stderr = usage_error(&["--profile", "users", "journal", "undo", "seven"]);
    assert!(
        stderr.contains("see 'scimctl journal undo --help'"),
        "{stderr}"
    );
}

#[test]
fn a_filter_error_shows_a_caret_under_the_problem() {
    let stderr = usage_error(&["users", "list", "--filter", "userName eq"]);
    assert!(
        stderr.starts_with("  userName eq\n             ^ expected a value after 'eq'\n"),
        "{stderr}"
    );
    assert!(stderr.contains("(column 12) (exit 2)"), "{stderr}");
    let stderr = usage_error(&["users", "find", "--filter", r#"userName equals "x""#]);
    assert!(
        stderr.contains("\n           ^ expected an operator (eq, ne,"),
        "{stderr}"
    );
}

/// The old spellings parse to exactly the task the new ones do, and are not shown in help.
#[test]
fn old_flag_spellings_still_work_and_are_hidden() {
    let task = |args: &[&str]| {
        let mut words = vec!["scimctl"];
        words.extend_from_slice(args);
        let cli = scimctl::cli::parse_from(&words).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        format!(
            "{:?}",
            scimctl::settings::Task::from_command(&cli.command, &cli.global).unwrap()
        )
    };
    for (old, new) in [
        (
            &[
                "release-email",
                "a@x.com",
                "--from",
                "u1",
                "--replace-with",
                "b@x.com",
            ][..],
            &["release-email", "a@x.com", "u1", "--to", "b@x.com"][..],
        ),
        (
            &["suggest-username", "jdoe", "--count", "3"],
            &["suggest-username", "jdoe", "--limit", "3"],
        ),
    ] {
        assert_eq!(task(old), task(new), "{old:?} vs {new:?}");
    }
    let help = help_of(&["release-email".into()]);
    assert!(
        !help.contains("--from") && !help.contains("--replace-with"),
        "{help}"
    );
    assert!(
        help.contains("[HOLDER]") && help.contains("--to <NEW>"),
        "{help}"
    );
}

/// Every page `man --dir` writes: one per command, with every flag, examples as code, and the
/// environment; `man` alone still prints the top page.
#[test]
fn man_dir_writes_a_page_per_command_with_flags_examples_and_environment() {
    let env = TestEnv::new();
    let dir = env.path().join("man1");
    let output = env
        .scimctl()
        .args(["man", "--dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let mut commands = vec![(Vec::<String>::new(), {
        use clap::CommandFactory;
        scimctl::cli::Cli::command()
    })];
    let mut pages = 0;
    while let Some((path, command)) = commands.pop() {
        let name = std::iter::once("scimctl".to_string())
            .chain(path.iter().cloned())
            .collect::<Vec<_>>()
            .join("-");
        let page = read_page(&dir, &name);
        pages += 1;
        let examples = page
            .find(".SH EXAMPLES\n")
            .unwrap_or_else(|| panic!("{name}: no EXAMPLES"));
        assert!(
            page[examples..].contains("\n.EX\n"),
            "{name}: examples are not code"
        );
        assert!(page.contains(".SH ENVIRONMENT\n"), "{name}: no ENVIRONMENT");
        for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
            if let Some(long) = arg.get_long() {
                let flag = format!("\\-\\-{}", long.replace('-', "\\-"));
                assert!(page.contains(&flag), "{name}.1 lacks --{long}");
            }
            if let Some(var) = arg.get_env() {
                assert!(
                    read_page(&dir, "scimctl").contains(&format!(".B {}\n", var.to_string_lossy())),
                    "scimctl.1 ENVIRONMENT lacks {var:?}"
                );
            }
        }
        for sub in command.get_subcommands() {
            let mut nested = path.clone();
            nested.push(sub.get_name().to_string());
            commands.push((nested, sub.clone()));
        }
    }
    assert!(pages > 20, "{pages} pages");
    let top = read_page(&dir, "scimctl");
    assert!(
        top.contains(".B SCIMCTL_TOKEN\n") && top.contains("EXIT STATUS"),
        "{top}"
    );
    let printed = env.scimctl().arg("man").output().unwrap();
    assert_eq!(String::from_utf8(printed.stdout).unwrap(), top);
}

fn read_page(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(format!("{name}.1")))
        .unwrap_or_else(|e| panic!("{name}.1: {e}"))
}

/// A sandbox with the README's common conflicts (CKent, diana, …).
fn seeded_sandbox(env: &TestEnv) -> SandboxProcess {
    let seed = env.path().join("seed.json");
    std::fs::write(&seed, include_str!("../examples/common-conflicts.json")).unwrap();
    SandboxProcess::start(env, &["--seed", seed.to_str().unwrap()])
}

/// `journal show N` prints one entry whole, and `journal list --limit` the latest ones.
#[test]
fn journal_show_prints_one_entry_with_its_plan_values_endpoint_and_outcome() {
    let env = TestEnv::new();
    let sandbox = seeded_sandbox(&env);
    let run = |args: &[&str]| {
        let output = env
            .scimctl_at(&sandbox.url, &sandbox.token)
            .env("SCIMCTL_STATE_DIR", env.path().join("state"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr_of(&output)
        );
        output
    };
    let found = json_of(&run(&[
        "users",
        "find",
        "--username",
        "ckent",
        "-o",
        "json",
    ]));
    let id = found["users"][0]["id"].as_str().unwrap().to_string();
    run(&["rename-user", &id, "--to", "ckent-previous", "--yes"]);
    run(&["rename-user", &id, "--to", "ckent-older", "--yes"]);

    let shown = run(&["journal", "show", "1"]);
    let text = String::from_utf8(shown.stdout).unwrap();
    for needle in [
        "Journal entry 1: applied",
        "action:    rename-user",
        &format!("endpoint:  {}", sandbox.url),
        &format!("PATCH /Users/{id}"),
        "userName: \"CKent\" → \"ckent-previous\"",
        "read back after step 1: ",
        "userName \"ckent-previous\"\n",
        "Undo it: scimctl journal undo 1 --dry-run",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in:\n{text}");
    }
    let undone = run(&["journal", "undo", "2", "--yes"]);
    assert!(
        stderr_of(&undone).contains("scimctl journal show 2; scimctl journal show 3"),
        "{}",
        stderr_of(&undone)
    );
    let doc = json_of(&run(&["journal", "show", "2", "-o", "json"]));
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["entry"]["id"], 2);
    assert_eq!(doc["entry"]["status"], "applied");
    assert_eq!(doc["entry"]["undoneBy"], 3);
    let endpoint = doc["entry"]["endpoint"].as_str().unwrap();
    assert!(endpoint.starts_with(&sandbox.url), "{endpoint}");
    assert_eq!(doc["entry"]["plan"]["action"], "rename-user");

    let latest = json_of(&run(&["journal", "list", "--limit", "1", "-o", "json"]));
    let ids: Vec<&Value> = latest["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["id"])
        .collect();
    assert_eq!(ids, [&Value::from(3)]);

    let missing = env
        .scimctl()
        .env("SCIMCTL_STATE_DIR", env.path().join("state"))
        .args(["journal", "show", "9"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr_of(&missing).contains("there is no journal entry 9"));
}

#[test]
fn users_find_limit_shows_at_most_n_holders() {
    let env = TestEnv::new();
    let sandbox = seeded_sandbox(&env);
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .args([
            "users",
            "find",
            "--filter",
            "userName pr",
            "--limit",
            "2",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let doc = json_of(&output);
    assert_eq!(doc["users"].as_array().unwrap().len(), 2, "{doc}");
}
