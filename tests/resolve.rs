//! `scimctl resolve`, the walk-through, driven through a real pseudo-terminal (rexpect) the way
//! a person answers its prompts — a rename, an email release, backing out at each prompt,
//! Ctrl-C — against the sandbox seeded with examples/common-conflicts.json; and without a
//! terminal, where it writes nothing, prints the commands and exits 2.

use serde_json::Value;

use crate::support::{SandboxProcess, TestEnv, stderr_of};

const COMMON: &str = include_str!("../examples/common-conflicts.json");
/// Holds "CKent": the incoming `ckent` collides with it in case only.
const CLARK: &str = "b1f0c8e2-0000-4000-8000-000000000002";
/// Holds dprince@acme.example as her second (home) address.
const DIANA: &str = "b1f0c8e2-0000-4000-8000-000000000003";

fn sandbox(env: &TestEnv) -> SandboxProcess {
    let path = env.path().join("seed.json");
    std::fs::write(&path, COMMON).unwrap();
    SandboxProcess::start(env, &["--seed", path.to_str().unwrap()])
}

/// Every account as the server has it now (with its meta: any write changes it).
fn accounts(sandbox: &SandboxProcess) -> Value {
    let response = sandbox.call("GET", "/Users?count=1000", None);
    assert_eq!(response.status, 200, "{}", response.body);
    let mut users = response.json()["Resources"].clone();
    users
        .as_array_mut()
        .unwrap()
        .sort_by_key(|u| u["id"].as_str().unwrap_or_default().to_string());
    users
}

fn account(sandbox: &SandboxProcess, id: &str) -> Value {
    let response = sandbox.call("GET", &format!("/Users/{id}"), None);
    assert_eq!(response.status, 200, "{}", response.body);
    response.json()
}

fn journal(env: &TestEnv) -> std::path::PathBuf {
    env.path().join("state").join("journal.jsonl")
}

#[test]
fn without_a_terminal_it_prints_the_commands_writes_nothing_and_exits_2() {
    let env = TestEnv::new();
    let sandbox = sandbox(&env);
    let before = accounts(&sandbox);
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .env("SCIMCTL_STATE_DIR", env.path().join("state"))
        .args(["resolve", "--username", "ckent"])
        .write_stdin("")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2), "{stdout}\n{stderr}");
    // The diagnosis, as diagnose tells it, then the commands: diagnose, then the feasible fix.
    assert!(stdout.contains("CONFLICT"), "{stdout}");
    let diagnose = stdout
        .find("$ scimctl diagnose --username ckent")
        .expect("the diagnose command");
    assert!(
        stdout[diagnose..].contains(&format!(
            "$ scimctl rename-user {CLARK} --to CKent-previous"
        )),
        "{stdout}"
    );
    let errors = crate::support::error_lines(&stderr);
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("terminal") && errors[0].contains("(exit 2)"),
        "{stderr}"
    );
    // Zero writes: the accounts are as they were, and nothing was journalled.
    assert_eq!(accounts(&sandbox), before);
    assert!(!journal(&env).exists());

    // --no-input says the same even where a terminal might be; JSON keeps stdout a report.
    let output = env
        .scimctl_at(&sandbox.url, &sandbox.token)
        .env("SCIMCTL_STATE_DIR", env.path().join("state"))
        .args([
            "resolve",
            "--email",
            "dprince@acme.example",
            "--no-input",
            "-o",
            "json",
        ])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let report = crate::support::json_of(&output);
    assert_eq!(report["verdict"], "conflict");
    assert!(
        stderr_of(&output).contains(&format!(
            "$ scimctl release-email dprince@acme.example {DIANA}"
        )),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(accounts(&sandbox), before);
    assert!(!journal(&env).exists());
}

#[cfg(unix)]
mod terminal {
    use std::time::Duration;

    use rexpect::process::WaitStatus;
    use rexpect::session::{Options, PtySession};

    use super::*;

    const ENTER: &str = "\r";
    const DOWN: &str = "\x1b[B";
    const UP: &str = "\x1b[A";
    const ESCAPE: &str = "\x1b";
    const CTRL_C: &str = "\x03";
    const BACKSPACE: &str = "\x7f";

    /// `scimctl resolve ARGS` in its own pseudo-terminal, pointed at the sandbox.
    struct Walkthrough {
        session: PtySession,
        /// Everything it showed so far, escape codes removed.
        seen: String,
    }

    impl Walkthrough {
        fn start(env: &TestEnv, sandbox: &SandboxProcess, args: &[&str]) -> Walkthrough {
            let mut command = Walkthrough::command(env, sandbox, &[]);
            command.arg("resolve").args(args);
            Walkthrough::spawn(command)
        }

        /// Any other scimctl command (`args` names it) in its own pseudo-terminal.
        fn start_other(env: &TestEnv, sandbox: &SandboxProcess, args: &[&str]) -> Walkthrough {
            Walkthrough::spawn(Walkthrough::command(env, sandbox, args))
        }

        /// The same, run by a shell that then prints the exit code and reads the terminal's
        /// next line the way the next command would: `next line: [...]` shows anything
        /// scimctl left unread.
        fn start_in_shell(env: &TestEnv, sandbox: &SandboxProcess, args: &[&str]) -> Walkthrough {
            let mut resolve = Walkthrough::command(env, sandbox, &["resolve"]);
            resolve.args(args);
            let mut shell = std::process::Command::new("sh");
            shell
                .arg("-c")
                .arg(r#""$0" "$@"; echo "exit code $?"; IFS= read -r next; echo "next line: [$next]""#)
                .arg(resolve.get_program())
                .args(resolve.get_args());
            for (key, value) in resolve.get_envs() {
                match value {
                    Some(value) => shell.env(key, value),
                    None => shell.env_remove(key),
                };
            }
            Walkthrough::spawn(shell)
        }

        fn command(
            env: &TestEnv,
            sandbox: &SandboxProcess,
            args: &[&str],
        ) -> std::process::Command {
            let mut command = env.std_scimctl();
            command
                .env("SCIMCTL_URL", &sandbox.url)
                .env("SCIMCTL_TOKEN", &sandbox.token)
                .env("SCIMCTL_STATE_DIR", env.path().join("state"))
                .env("TERM", "xterm")
                .args(args);
            command
        }

        fn spawn(command: std::process::Command) -> Walkthrough {
            let options = Options::new()
                .timeout_ms(Some(60_000))
                .strip_ansi_escape_codes(true);
            let session = rexpect::session::spawn_with_options(command, options)
                .expect("scimctl resolve in a pseudo-terminal");
            Walkthrough {
                session,
                seen: String::new(),
            }
        }

        /// Waits for `text` on the screen.
        fn expect(&mut self, text: &str) {
            match self.session.exp_string(text) {
                Ok(before) => {
                    self.seen.push_str(&before);
                    self.seen.push_str(text);
                }
                Err(e) => panic!("waiting for {text:?}: {e}\nso far:\n{}", self.seen),
            }
        }

        /// Waits for the prompt `text`, lets it settle into reading keys, then types `keys`.
        fn answer(&mut self, prompt: &str, keys: &[&str]) {
            self.expect(prompt);
            for key in keys {
                // A prompt reads each key in raw mode, entered just after drawing itself.
                std::thread::sleep(Duration::from_millis(300));
                self.session.send(key).unwrap();
                self.session.flush().unwrap();
            }
        }

        /// Reads to the end and returns the exit code (`None`: killed by a signal).
        fn finish(mut self) -> (Option<i32>, String) {
            match self.session.exp_eof() {
                Ok(rest) => self.seen.push_str(&rest),
                Err(e) => panic!("waiting for the end: {e}\nso far:\n{}", self.seen),
            }
            let code = match self.session.process().wait().unwrap() {
                WaitStatus::Exited(_, code) => Some(code),
                _ => None,
            };
            (code, self.seen)
        }
    }

    #[test]
    fn a_taken_username_is_renamed_to_the_suggested_free_name() {
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let mut walk = Walkthrough::start(&env, &sandbox, &["--username", "ckent"]);
        walk.expect("userName \"ckent\"");
        walk.answer("What do you want to do?", &[ENTER]);
        walk.expect("free userNames (looked up just now): CKent-previous");
        // The free names are a pick list, the first one chosen: take it.
        walk.answer("New userName for \"CKent\"", &[ENTER]);
        // (rexpect reads bytes as Latin-1: expect ASCII only.)
        walk.expect("userName: \"CKent\" ");
        walk.expect(" \"CKent-previous\"");
        // A confirmation waits for Enter, and what is neither yes nor no is asked again.
        walk.answer("Apply this plan? [y/N]", &["ye\r"]);
        walk.expect("answer y or yes, n or no (Enter: no)");
        walk.answer("Apply this plan? [y/N]", &["yes\r"]);
        walk.expect("done: the change was verified");
        // It looks again: nothing is in the way, and the identity provider is next.
        walk.expect("CLEAR");
        walk.expect("In Okta: Dashboard");
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(0), "{screen}");
        assert!(
            screen.contains("Provision on demand for this user"),
            "{screen}"
        );
        assert_eq!(account(&sandbox, CLARK)["userName"], "CKent-previous");
        assert!(journal(&env).exists());
    }

    #[test]
    fn a_name_that_is_taken_is_refused_and_asked_again() {
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let mut walk = Walkthrough::start(&env, &sandbox, &["--username", "ckent"]);
        walk.answer("What do you want to do?", &[ENTER]);
        // "Type another name", the last in the list (Up wraps to it), and a name Peter
        // Parker holds.
        walk.answer("New userName for \"CKent\"", &[UP, ENTER]);
        walk.answer("New userName for \"CKent\": ", &["PParker", ENTER]);
        walk.expect(
            "is already held by account b1f0c8e2-0000-4000-8000-000000000004; choose another name",
        );
        walk.answer(
            "New userName for \"CKent\": PParker",
            &[&BACKSPACE.repeat(7), "ckent-old", ENTER],
        );
        walk.answer("Apply this plan?", &["y\r"]);
        walk.expect("done: the change was verified");
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(0), "{screen}");
        assert_eq!(account(&sandbox, CLARK)["userName"], "ckent-old");
        assert_eq!(
            account(&sandbox, "b1f0c8e2-0000-4000-8000-000000000004")["userName"],
            "pparker"
        );
    }

    #[test]
    fn an_email_in_a_secondary_slot_is_released_with_a_placeholder() {
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let okta = "Automatic provisioning of user dprince to app Acme failed: Error while creating user dprince : Conflict. Errors reported by remote server: Email dprince@acme.example already in use";
        let mut walk = Walkthrough::start(
            &env,
            &sandbox,
            &["--email", "dprince@acme.example", "--error", okta],
        );
        walk.answer("What do you want to do?", &[ENTER]);
        walk.expect("Release dprince@acme.example from \"diana\"");
        walk.answer(
            "What should account \"diana\" have instead of dprince@acme.example?",
            &[ENTER],
        );
        walk.answer("Apply this plan?", &["y\r"]);
        walk.expect("done: the change was verified");
        // The error came from Okta: its own words, and not Entra's.
        walk.expect("In Okta: Dashboard");
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(0), "{screen}");
        assert!(
            !screen.contains("Entra ID: Enterprise applications"),
            "{screen}"
        );
        let diana = account(&sandbox, DIANA);
        let emails: Vec<&str> = diana["emails"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["value"].as_str().unwrap())
            .collect();
        assert_eq!(emails.len(), 2, "{diana}");
        assert_eq!(emails[0], "diana.prince@acme.example", "{diana}");
        assert!(emails[1].starts_with("dprince+released-"), "{diana}");
        assert!(emails[1].ends_with("@acme.example"), "{diana}");
    }

    #[test]
    fn with_the_payload_it_creates_the_user_once_nothing_is_in_the_way() {
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let payload = env.path().join("ckent.json");
        let user = serde_json::json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "ckent", "externalId": "okta-00u777", "displayName": "Chris Kent",
            "emails": [{"value": "chris.kent@acme.example", "primary": true}]
        });
        std::fs::write(&payload, user.to_string()).unwrap();
        let mut walk =
            Walkthrough::start(&env, &sandbox, &["--payload", payload.to_str().unwrap()]);
        walk.answer("What do you want to do?", &[ENTER]);
        walk.answer("New userName for \"CKent\"", &[ENTER]);
        walk.answer("Apply this plan?", &["y\r"]);
        walk.expect("CLEAR");
        walk.answer("Create the user now (scimctl provision --payload", &["Y\r"]);
        walk.expect("POST /Users");
        walk.answer("Apply this plan?", &["YES\r"]);
        walk.expect("journal entry 2");
        walk.expect("finds this account and updates it instead of creating another");
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(0), "{screen}");
        let found = sandbox.call(
            "GET",
            "/Users?filter=externalId%20eq%20%22okta-00u777%22",
            None,
        );
        let created = &found.json()["Resources"][0];
        assert_eq!(created["userName"], "ckent", "{}", found.body);
        assert_eq!(account(&sandbox, CLARK)["userName"], "CKent-previous");
    }

    /// Peter Parker, re-created in the identity provider: the same userName, email and name
    /// under a new externalId. Enter, Enter, y — the recommended link, the evidence confirmed
    /// by default, the plan applied — binds his account to the new identity, and no second
    /// account is made.
    #[test]
    fn the_incoming_person_is_linked_by_enter_enter_y_never_duplicated() {
        const PETER: &str = "b1f0c8e2-0000-4000-8000-000000000004";
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let payload = env.path().join("pparker.json");
        let user = serde_json::json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "pparker", "externalId": "okta-00u999", "displayName": "Peter Parker",
            "emails": [{"value": "peter.parker@acme.example", "primary": true}]
        });
        std::fs::write(&payload, user.to_string()).unwrap();
        let mut walk =
            Walkthrough::start(&env, &sandbox, &["--payload", payload.to_str().unwrap()]);
        walk.expect("(recommended)");
        walk.answer("What do you want to do?", &[ENTER]);
        walk.expect("Evidence that account");
        walk.expect("strong");
        walk.answer("the incoming person (link it to their identity)?", &[ENTER]);
        walk.expect("okta-00u999");
        walk.answer("Apply this plan?", &["y", ENTER]);
        walk.expect("done: the change was verified");
        walk.expect("finds this account and updates it instead of creating another");
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(0), "{screen}");
        assert!(!screen.contains("retry provisioning:"), "{screen}");
        // What the server holds now, read with plain HTTP.
        let peter = account(&sandbox, PETER);
        assert_eq!(peter["externalId"], "okta-00u999", "{peter}");
        assert_eq!(peter["userName"], "pparker", "{peter}");
        let users = accounts(&sandbox);
        assert_eq!(
            users.as_array().unwrap().len(),
            4,
            "no second account: {users}"
        );
        let named = sandbox.call("GET", "/Users?filter=userName%20eq%20%22pparker%22", None);
        assert_eq!(named.json()["totalResults"], 1, "{}", named.body);
    }

    /// Peter by his email and name only: the link needs the userName the identity provider
    /// sends, so the walk-through asks for it (the email, Okta's default, filled in) instead
    /// of printing a command with a placeholder, and links with the answer.
    #[test]
    fn a_link_without_a_known_username_asks_for_it_and_links() {
        const PETER: &str = "b1f0c8e2-0000-4000-8000-000000000004";
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let payload = env.path().join("peter.json");
        let user = serde_json::json!({"displayName": "Peter Parker",
            "emails": [{"value": "peter.parker@acme.example", "primary": true}]});
        std::fs::write(&payload, user.to_string()).unwrap();
        let mut walk =
            Walkthrough::start(&env, &sandbox, &["--payload", payload.to_str().unwrap()]);
        walk.answer("What do you want to do?", &[ENTER]);
        walk.expect("moderate");
        walk.answer("the incoming person (link it to their identity)?", &["y\r"]);
        walk.answer(
            "userName the identity provider sends for the incoming person: peter.parker@acme.example",
            &[ENTER],
        );
        walk.answer("Apply this plan?", &["y\r"]);
        walk.expect("done: the change was verified");
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(0), "{screen}");
        assert!(!screen.contains("NAME"), "{screen}");
        assert!(!screen.contains("retry provisioning:"), "{screen}");
        assert!(
            screen.contains("finds this account and updates it"),
            "{screen}"
        );
        assert_eq!(
            account(&sandbox, PETER)["userName"],
            "peter.parker@acme.example"
        );
        assert_eq!(accounts(&sandbox).as_array().unwrap().len(), 4);
    }

    /// Runs `resolve --username ckent`, does `steps`, and checks the exit code, the closing
    /// words and that the server was not touched.
    fn backs_out(steps: impl FnOnce(&mut Walkthrough), code: i32, words: &str) {
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let before = accounts(&sandbox);
        let mut walk = Walkthrough::start(&env, &sandbox, &["--username", "ckent"]);
        steps(&mut walk);
        let (exit, screen) = walk.finish();
        assert_eq!(exit, Some(code), "{screen}");
        assert!(screen.contains(words), "{screen}");
        assert_eq!(accounts(&sandbox), before, "{screen}");
        assert!(!journal(&env).exists(), "{screen}");
    }

    /// Cancelling exits 7 (README's exit codes), never 0: a script or a person reading `$?`
    /// can tell "fixed" from "left as it was".
    #[test]
    fn backing_out_at_each_prompt_changes_nothing_and_exits_7() {
        // The choice of option: Esc, or "Nothing".
        backs_out(
            |walk| walk.answer("What do you want to do?", &[ESCAPE]),
            7,
            "nothing was changed",
        );
        backs_out(
            |walk| walk.answer("What do you want to do?", &[DOWN, DOWN, ENTER]),
            7,
            "nothing was changed",
        );
        // The pick list of new names: Esc.
        backs_out(
            |walk| {
                walk.answer("What do you want to do?", &[ENTER]);
                walk.answer("New userName for \"CKent\"", &[ESCAPE]);
            },
            7,
            "nothing was changed",
        );
        // The plan: declined, with a word and Enter.
        backs_out(
            |walk| {
                walk.answer("What do you want to do?", &[ENTER]);
                walk.answer("New userName for \"CKent\"", &[ENTER]);
                walk.answer("Apply this plan? [y/N]", &["No\r"]);
            },
            7,
            "nothing was changed",
        );
        // Enter alone is the default, no; so is Esc.
        backs_out(
            |walk| {
                walk.answer("What do you want to do?", &[ENTER]);
                walk.answer("New userName for \"CKent\"", &[ENTER]);
                walk.answer("Apply this plan? [y/N]", &[ENTER]);
            },
            7,
            "nothing was changed",
        );
    }

    #[test]
    fn backing_out_of_a_release_changes_nothing() {
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let before = accounts(&sandbox);
        let mut walk = Walkthrough::start(&env, &sandbox, &["--email", "dprince@acme.example"]);
        walk.answer("What do you want to do?", &[ENTER]);
        walk.answer("have instead of dprince@acme.example?", &[ESCAPE]);
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(7), "{screen}");
        assert!(screen.contains("nothing was changed"), "{screen}");
        assert_eq!(accounts(&sandbox), before);
    }

    #[test]
    fn ctrl_c_at_a_prompt_exits_130_and_writes_nothing() {
        // At the first question.
        backs_out(
            |walk| walk.answer("What do you want to do?", &[CTRL_C]),
            130,
            "interrupted: nothing was written (exit 130)",
        );
        // At the plan's confirmation, the last moment before anything is written.
        backs_out(
            |walk| {
                walk.answer("What do you want to do?", &[ENTER]);
                walk.answer("New userName for \"CKent\"", &[ENTER]);
                walk.answer("Apply this plan?", &[CTRL_C]);
            },
            130,
            "interrupted: nothing was written (exit 130)",
        );
        // SIGINT from outside (kill -INT) while a prompt waits.
        backs_out(
            |walk| {
                walk.expect("What do you want to do?");
                std::thread::sleep(Duration::from_millis(300));
                walk.session
                    .process_mut()
                    .signal(rexpect::process::Signal::SIGINT)
                    .unwrap();
            },
            130,
            "(exit 130)",
        );
    }

    /// `no⏎` is read whole: the plan is declined (exit 7) and the shell's next read gets
    /// only what is typed after, not the `o` a one-key confirmation used to leave behind.
    #[test]
    fn no_enter_declines_and_leaves_nothing_for_the_shell() {
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let before = accounts(&sandbox);
        let mut walk = Walkthrough::start_in_shell(&env, &sandbox, &["--username", "ckent"]);
        walk.answer("What do you want to do?", &[ENTER]);
        walk.answer("New userName for \"CKent\"", &[ENTER]);
        walk.answer("Apply this plan? [y/N]", &["no\r"]);
        walk.expect("nothing was changed");
        walk.expect("exit code 7");
        // (This pseudo-terminal does not turn a typed CR into a newline for a cooked read.)
        walk.session.send("typed-next\n").unwrap();
        walk.expect("next line: [");
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(0), "{screen}");
        assert!(screen.contains("next line: [typed-next]"), "{screen}");
        assert_eq!(accounts(&sandbox), before, "{screen}");
        assert!(!journal(&env).exists(), "{screen}");
    }

    /// The free names are a pick list: the second one is taken as it is.
    #[test]
    fn a_free_username_is_picked_from_the_list() {
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let mut walk = Walkthrough::start(&env, &sandbox, &["--username", "ckent"]);
        walk.answer("What do you want to do?", &[ENTER]);
        walk.expect("free userNames (looked up just now): ");
        walk.expect("\n");
        let free: Vec<String> = walk
            .seen
            .rsplit("free userNames (looked up just now): ")
            .next()
            .unwrap()
            .trim()
            .split(", ")
            .map(str::to_string)
            .collect();
        assert!(free.len() >= 2, "{free:?}");
        walk.answer("New userName for \"CKent\"", &[DOWN, ENTER]);
        walk.answer("Apply this plan?", &["yes\r"]);
        walk.expect("done: the change was verified");
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(0), "{screen}");
        assert_eq!(account(&sandbox, CLARK)["userName"], free[1].as_str());
    }

    /// Esc in a text prompt drops what was typed and goes back a step (here, to the pick
    /// list); the value is never the typed text, nor that text with more keys appended.
    #[test]
    fn escape_in_a_text_prompt_discards_the_text_and_goes_back() {
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let mut walk = Walkthrough::start(&env, &sandbox, &["--username", "ckent"]);
        walk.answer("What do you want to do?", &[ENTER]);
        walk.answer("New userName for \"CKent\"", &[UP, ENTER]);
        walk.answer("New userName for \"CKent\": ", &["half-typed", ESCAPE]);
        // Back at the list: the first free name.
        walk.answer("New userName for \"CKent\"", &[ENTER]);
        walk.answer("Apply this plan?", &["y\r"]);
        walk.expect("done: the change was verified");
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(0), "{screen}");
        assert_eq!(account(&sandbox, CLARK)["userName"], "CKent-previous");

        // Where there is no step to go back to (the userName a link needs), Esc cancels.
        let env = TestEnv::new();
        let sandbox = super::sandbox(&env);
        let before = accounts(&sandbox);
        let payload = env.path().join("peter.json");
        let user = serde_json::json!({"displayName": "Peter Parker",
            "emails": [{"value": "peter.parker@acme.example", "primary": true}]});
        std::fs::write(&payload, user.to_string()).unwrap();
        let mut walk =
            Walkthrough::start(&env, &sandbox, &["--payload", payload.to_str().unwrap()]);
        walk.answer("What do you want to do?", &[ENTER]);
        walk.answer(
            "the incoming person (link it to their identity)?",
            &["yes\r"],
        );
        walk.answer(
            "userName the identity provider sends for the incoming person: peter.parker@acme.example",
            &["x", ESCAPE],
        );
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(7), "{screen}");
        assert!(screen.contains("nothing was changed"), "{screen}");
        assert_eq!(accounts(&sandbox), before, "{screen}");
    }

    /// A write command at a terminal: no to its plan is a cancel (exit 7), and --no-input
    /// says it turned input off, not that there is no terminal.
    #[test]
    fn a_write_command_at_a_terminal_declined_exits_7_and_no_input_says_why() {
        let env = TestEnv::new();
        let sandbox = sandbox(&env);
        let before = accounts(&sandbox);
        let rename = ["rename-user", CLARK, "--to", "ckent-old"];
        let mut walk = Walkthrough::start_other(&env, &sandbox, &rename);
        walk.answer("Apply this plan? [y/N]", &["n\r"]);
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(7), "{screen}");
        assert!(screen.contains("nothing was changed"), "{screen}");

        // With -o json the plan is not on stdout yet: it is shown above the question, its
        // endpoint included, in plain lines.
        let json = [&rename[..], &["-o", "json"]].concat();
        let mut walk = Walkthrough::start_other(&env, &sandbox, &json);
        walk.expect(&format!("  Endpoint: {} (SCIMCTL_URL)\r\n", sandbox.url));
        walk.answer("Apply this plan? [y/N]", &["no\r"]);
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(7), "{screen}");
        assert!(!screen.contains("\\u{a}"), "{screen}");

        let walk =
            Walkthrough::start_other(&env, &sandbox, &[&rename[..], &["--no-input"]].concat());
        let (code, screen) = walk.finish();
        assert_eq!(code, Some(2), "{screen}");
        assert!(
            screen.contains("input was turned off by --no-input; pass --yes to apply"),
            "{screen}"
        );
        assert!(!screen.contains("no terminal"), "{screen}");
        assert_eq!(accounts(&sandbox), before, "{screen}");
        assert!(!journal(&env).exists(), "{screen}");
    }
}
