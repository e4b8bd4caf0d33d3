//! `scimctl resolve`: the walk-through for a person at a terminal. It runs diagnose and tells
//! the findings as a story, offers the feasible options (the infeasible ones are explained in
//! the story; the recommended one first and pre-selected), asks for what the chosen fix needs,
//! and carries out its typed fix with the code its command runs: the plan is built by the
//! same builder, shown, confirmed, applied, verified and journalled by `carry_out`. After a rename or a release it looks again, so a second
//! collision (the same person's email after their userName) gets its turn. It ends with the
//! next step in the identity provider, in that provider's own words, or creates the user with
//! `provision` when the failed payload was given.
//!
//! Without a terminal nothing is asked and nothing is written: the diagnosis is printed with
//! the commands that would do the same, and it exits 2.
//!
//! Interrupts. Nothing is written while a prompt is open, so Ctrl-C at a prompt only has to
//! restore the terminal and exit 130. dialoguer does not handle the signal: console reads each
//! key in raw mode, turns ^C into an `Interrupted` error and raises SIGINT at the process. A
//! handler is installed before the first prompt (without one that SIGINT kills the process with
//! the cursor still hidden); the error then comes back here, the cursor is shown again, and
//! the exit is 130. A SIGINT from outside interrupts the prompt's wait the same way. One that
//! lands while a prompt is drawing, between two keys, is remembered by the handler and honoured
//! when that prompt returns, before anything is written.

use std::future::Future;
use std::io::{self, IsTerminal};
use std::pin::Pin;

use anyhow::Result;

use super::diagnose::{Investigation, investigate};
use super::fix;
use super::write::{Carried, carry_out};
use crate::cli::OutputFormat;
use crate::conflict::options::{Action, Choice, Evidence, Fix, IdpChange, Needed};
use crate::conflict::plan::{Incoming, Plan};
use crate::exit::{ExitStatus, Failed, UsageError, usage};
use crate::output::command::{command_line, shell_word};
use crate::output::diagnose::evidence_label;
use crate::output::prompt::{confirm, confirm_or, select, text};
use crate::output::wrap::menu_item;
use crate::output::{Printer, Tone};
use crate::settings::{DiagnoseOptions, HolderRef, Input, ReleaseChoice, Settings, WriteOptions};

/// The last item of the pick list of free userNames.
const TYPE_ANOTHER: &str = "Type another name";

/// Rounds of diagnose → fix before the walk-through stops and says what is left.
const MAX_ROUNDS: usize = 4;

const OKTA_NEXT: &str = "In Okta: Dashboard → Tasks, select the failed 'Push new user' task and Retry Selected (or re-assign the user to the app).";
const ENTRA_NEXT: &str = "In Entra ID: Enterprise applications → the app → Provisioning → Provision on demand for this user (or wait for the next cycle, ~40 minutes).";

pub async fn run(
    opts: DiagnoseOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let interrupt = Interrupt::install().await;
    let unattended = no_terminal(settings);
    let found = match investigate(&opts, settings, printer).await {
        Ok(found) => found,
        // Without a terminal resolve cannot go on whatever the server says: a usage error
        // (exit 2) that carries the reason the diagnosis failed.
        Err(e) => {
            return Err(match unattended {
                Some(reason) if !is_interruption(&e) => usage(format!(
                    "resolve asks questions at a terminal, and {reason}; the diagnosis it starts with failed too: {e:#} (nothing was written)"
                )),
                _ => e,
            });
        }
    };
    if let Some(reason) = unattended {
        return without_terminal(&found, &opts, printer, &reason);
    }
    let mut walk = Walk {
        again: looking_again(&opts, &found),
        identity_provider: found.failure.as_ref().and_then(|f| f.identity_provider),
        settings,
        printer,
        interrupt,
        applied: Vec::new(),
    };
    match walk.through(found).await {
        Ok(status) => Ok(status),
        Err(e) if is_interruption(&e) => {
            // The prompt is left mid-line, its cursor perhaps hidden.
            printer.restore_terminal();
            Err(Failed(ExitStatus::Interrupted, walk.interrupted_message()).into())
        }
        Err(e) => Err(e),
    }
}

/// Why no one can be asked, if no one can.
fn no_terminal(settings: &Settings) -> Option<String> {
    if let Some(off) = settings.connection.no_input {
        Some(format!("input was turned off by {off}"))
    } else if !io::stdin().is_terminal() {
        Some("standard input is not a terminal".into())
    } else if !io::stderr().is_terminal() {
        Some("standard error is not a terminal".into())
    } else {
        None
    }
}

/// The diagnosis as `diagnose` prints it, then the commands that would do the same one at a
/// time (diagnose itself, then each feasible option's), and exit 2. Nothing is written.
fn without_terminal(
    found: &Investigation,
    opts: &DiagnoseOptions,
    printer: &Printer,
    reason: &str,
) -> Result<ExitStatus> {
    let report = found.report();
    let commands = explicit_commands(opts, &found.choices);
    match printer.format() {
        OutputFormat::Table => {
            printer.data(&report.render_text(printer))?;
            let mut text = vec![
                String::new(),
                printer.paint(
                    Tone::Bold,
                    "Without a terminal: the commands that do the same, one step at a time",
                ),
            ];
            text.extend(commands.iter().map(|c| format!("  $ {c}")));
            printer.data(&text.join("\n"))?;
        }
        OutputFormat::Json | OutputFormat::Ndjson => {
            if printer.format() == OutputFormat::Json {
                printer.json(&report)?;
            } else {
                printer.ndjson_line(&report)?;
            }
            for command in &commands {
                printer.note(&format!("$ {command}"));
            }
        }
    }
    Err(usage(format!(
        "resolve asks questions at a terminal, and {reason}: run the commands listed instead (nothing was written)"
    )))
}

/// `scimctl diagnose` with the same inputs, then each feasible option's command.
fn explicit_commands(opts: &DiagnoseOptions, choices: &[Choice]) -> Vec<String> {
    let mut diagnose = vec!["scimctl diagnose".to_string()];
    if let Some(name) = &opts.user_name {
        diagnose.push(format!("--username {}", shell_word(name)));
    }
    for email in &opts.emails {
        diagnose.push(format!("--email {}", shell_word(email)));
    }
    if let Some(external_id) = &opts.external_id {
        diagnose.push(format!("--external-id {}", shell_word(external_id)));
    }
    if let Some(payload) = &opts.payload {
        diagnose.push(format!("--payload {}", input_word(payload, "")));
    }
    if let Some(error) = &opts.error {
        diagnose.push(format!("--error {}", input_word(error, "@")));
    }
    if opts.deep {
        diagnose.push("--deep".into());
    }
    let mut commands = vec![diagnose.join(" ")];
    commands.extend(choices.iter().filter_map(command_line));
    commands
}

fn input_word(input: &Input, file_prefix: &str) -> String {
    match input {
        Input::Text(text) => shell_word(text),
        Input::File(path) => shell_word(&format!("{file_prefix}{}", path.display())),
        Input::Stdin => "-".into(),
    }
}

/// What became of one chosen option.
enum Outcome {
    /// Written and verified (and journalled).
    Applied,
    /// The person said no, or backed out of a question: nothing was written.
    Declined,
    /// Advice for elsewhere (the identity provider, support): nothing to write here.
    Advised,
}

struct Walk<'a> {
    /// What to diagnose after a change (see `looking_again`).
    again: DiagnoseOptions,
    /// The identity provider whose error started this, for the closing words.
    identity_provider: Option<&'static str>,
    settings: &'a Settings,
    printer: &'a Printer,
    interrupt: Interrupt,
    /// The summaries of the plans applied so far (an interruption says what was done).
    applied: Vec<String>,
}

impl Walk<'_> {
    async fn through(&mut self, mut found: Investigation) -> Result<ExitStatus> {
        for round in 0..MAX_ROUNDS {
            if round > 0 {
                let heading = self
                    .printer
                    .paint(Tone::Bold, "Looking again after the change:");
                self.say(&format!("\n{heading}"))?;
            }
            self.tell(&found)?;
            if !found.diagnosis.is_conflict() {
                return self.finish(&mut found).await;
            }
            let Some(choice) = self.choose(&found).await? else {
                self.nothing_changed();
                return Ok(ExitStatus::Cancelled);
            };
            let action = choice.action();
            match self.carry(&choice, &mut found).await? {
                Outcome::Declined => return Ok(ExitStatus::Cancelled),
                Outcome::Advised => {
                    self.next_steps("Then retry provisioning")?;
                    return Ok(ExitStatus::Success);
                }
                Outcome::Applied if matches!(action, Action::Link | Action::Provision) => {
                    // The candidate's values now belong to the account meant for them.
                    self.next_steps(
                        "Next, in the identity provider (it looks the user up by userName first, finds this account and updates it instead of creating another)",
                    )?;
                    return Ok(ExitStatus::Success);
                }
                Outcome::Applied => {
                    found = investigate(&self.again, self.settings, self.printer).await?;
                }
            }
        }
        self.printer.warn(&format!(
            "still in the way after {MAX_ROUNDS} rounds; run scimctl resolve again to go on"
        ));
        Ok(ExitStatus::Success)
    }

    /// The findings as a story, with every option and why (infeasible ones included).
    fn tell(&self, found: &Investigation) -> Result<()> {
        let report = found.report();
        match self.printer.format() {
            OutputFormat::Table => self.printer.data(&report.render_text(self.printer))?,
            OutputFormat::Json => self.printer.json(&report)?,
            OutputFormat::Ndjson => self.printer.ndjson_line(&report)?,
        }
        Ok(())
    }

    /// Nothing holds the candidate's values (any more): create the user now from the payload,
    /// or let the identity provider retry.
    async fn finish(&mut self, found: &mut Investigation) -> Result<ExitStatus> {
        let provision = found.choices.iter().find_map(|c| match &c.fix {
            Fix::Provision { .. } => command_line(c).map(|command| (c.clone(), command)),
            _ => None,
        });
        if let Some((choice, command)) = provision {
            let create = self
                .ask(|| {
                    confirm(&format!(
                        "Nothing is in the way. Create the user now ({command})?"
                    ))
                })
                .await?;
            if create == Some(true) {
                match self.carry(&choice, found).await? {
                    Outcome::Applied => {
                        self.next_steps(
                            "Next, in the identity provider (it looks the user up by userName first, finds this account and updates it instead of creating another)",
                        )?;
                        return Ok(ExitStatus::Success);
                    }
                    Outcome::Declined => return Ok(ExitStatus::Cancelled),
                    Outcome::Advised => {}
                }
            }
        }
        self.next_steps(if self.applied.is_empty() {
            "Nothing is in the way. Next, retry provisioning"
        } else {
            "Nothing is in the way any more. Next, retry provisioning"
        })?;
        Ok(ExitStatus::Success)
    }

    /// The feasible options, the recommended one first and pre-selected, and "nothing".
    /// `None` when the person chose nothing or pressed Esc.
    async fn choose(&mut self, found: &Investigation) -> Result<Option<Choice>> {
        let feasible: Vec<&Choice> = found.choices.iter().filter(|c| c.feasible).collect();
        // Each item fits one line, and "(recommended)" is never what is cut.
        let width = self.printer.stderr_width();
        const RECOMMENDED: &str = " (recommended)";
        let mut items: Vec<String> = feasible
            .iter()
            .map(|c| match c.recommended {
                true => {
                    let room = width.map(|w| w.saturating_sub(RECOMMENDED.len()));
                    format!("{}{RECOMMENDED}", menu_item(&label(c, found), room))
                }
                false => menu_item(&label(c, found), width),
            })
            .collect();
        items.push(menu_item("Nothing: leave everything as it is", width));
        self.say("")?;
        let picked = self
            .ask(|| select("What do you want to do?", &items, 0))
            .await?;
        Ok(picked.and_then(|n| feasible.get(n).map(|c| (*c).clone())))
    }

    /// Asks what the option needs, builds its plan with the command's own code and carries
    /// it out; advice for elsewhere is said, and nothing is written.
    async fn carry(&mut self, choice: &Choice, found: &mut Investigation) -> Result<Outcome> {
        let plan = match &choice.fix {
            Fix::RenameUser { holder, to } => {
                self.rename(found, HolderRef::Id(holder.to_string()), to.clone())
                    .await?
            }
            Fix::ReleaseEmail { email, from } => {
                self.release(found, email.clone(), Some(from.to_string()))
                    .await?
            }
            Fix::Link { holder, incoming } => {
                if !self.weigh_evidence(choice, holder.as_str()).await? {
                    return Ok(Outcome::Declined);
                }
                if choice.needs == Some(Needed::IncomingUserName) {
                    self.link_asking(found, holder.as_str(), incoming.clone())
                        .await?
                } else {
                    Some(fix::link_plan(&mut found.session, holder.as_str(), incoming).await?)
                }
            }
            Fix::Provision {
                payload: Some(payload),
            } => Some(fix::provision_plan(
                &Input::File(payload.clone()),
                None,
                None,
            )?),
            Fix::Provision { payload: None }
            | Fix::IdpChange { .. }
            | Fix::ContactSupport { .. } => {
                self.say(&format!(
                    "{} {}",
                    self.printer.paint(Tone::Bold, "To do:"),
                    choice.why
                ))?;
                return Ok(Outcome::Advised);
            }
        };
        match plan {
            Some(plan) => self.apply(plan, found).await,
            None => {
                self.nothing_changed();
                Ok(Outcome::Declined)
            }
        }
    }

    /// The new userName, offering the free ones (the option's own proposal first); asks again
    /// when the name is taken or unusable.
    async fn rename(
        &mut self,
        found: &mut Investigation,
        holder: HolderRef,
        proposed: String,
    ) -> Result<Option<Plan>> {
        let current = match &holder {
            HolderRef::Id(id) => holder_name(found, id).unwrap_or_else(|| id.clone()),
            HolderRef::UserName(name) => name.clone(),
        };
        let free = fix::free_user_names(
            &mut found.session,
            &current,
            std::slice::from_ref(&proposed),
            3,
        )
        .await?;
        if !free.is_empty() {
            self.printer.note(&format!(
                "free userNames (looked up just now): {}",
                free.join(", ")
            ));
        }
        let question = format!("New userName for \"{current}\"");
        let mut typed = None;
        loop {
            let Some(name) = self.new_user_name(&question, &free, typed.take()).await? else {
                return Ok(None);
            };
            match fix::rename_plan(&mut found.session, holder.clone(), &name).await {
                Ok(plan) => return Ok(Some(plan)),
                Err(e) if can_ask_again(&e) => {
                    self.printer
                        .warn(&format!("{}; choose another name", refusal(&e)));
                    typed = Some(name);
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The free names as a pick list, "Type another name" last; the name typed there (starting
    /// from `typed`, the last one refused) until Esc goes back to the list. With no free name
    /// to offer, only the typing. `None`: Esc at the list (or at the typing without a list).
    async fn new_user_name(
        &mut self,
        question: &str,
        free: &[String],
        mut typed: Option<String>,
    ) -> Result<Option<String>> {
        let mut items = free.to_vec();
        items.push(TYPE_ANOTHER.into());
        loop {
            if typed.is_none() && !free.is_empty() {
                match self.ask(|| select(question, &items, 0)).await? {
                    None => return Ok(None),
                    Some(n) if n < free.len() => return Ok(Some(free[n].clone())),
                    Some(_) => {}
                }
            }
            let initial = typed.take().unwrap_or_default();
            let name = self
                .ask(|| {
                    text(question, &initial, |value| {
                        if value.trim().is_empty() {
                            Err("enter a userName (Esc: back)".to_string())
                        } else if value != value.trim() {
                            Err("remove the spaces around it".to_string())
                        } else {
                            Ok(())
                        }
                    })
                })
                .await?;
            match name {
                Some(name) => return Ok(Some(name)),
                None if free.is_empty() => return Ok(None),
                None => {}
            }
        }
    }

    /// What takes the address's place: a placeholder, another address, or nothing.
    async fn release(
        &mut self,
        found: &mut Investigation,
        email: String,
        from: Option<String>,
    ) -> Result<Option<Plan>> {
        let whose = from
            .as_deref()
            .map(|id| match holder_name(found, id) {
                Some(name) => format!("account \"{name}\""),
                None => format!("account {id}"),
            })
            .unwrap_or_else(|| "its holder".into());
        let items = [
            format!(
                "Replace it with a placeholder on the same domain ({}+released-DATE@…)",
                email.split('@').next().unwrap_or(&email)
            ),
            "Replace it with another address".to_string(),
            "Remove it (the account keeps its other emails)".to_string(),
        ]
        .map(|item| menu_item(&item, self.printer.stderr_width()));
        let mut replacement = String::new();
        loop {
            let picked = self
                .ask(|| {
                    select(
                        &format!("What should {whose} have instead of {email}?"),
                        &items,
                        0,
                    )
                })
                .await?;
            let choice = match picked {
                None => return Ok(None),
                Some(0) => ReleaseChoice::Placeholder,
                Some(1) => {
                    let typed = self
                        .ask(|| {
                            text("Replacement address", &replacement, |value| {
                                let value = value.trim();
                                match value.split_once('@') {
                                    Some((local, domain))
                                        if !local.is_empty()
                                            && !domain.is_empty()
                                            && !value.contains(char::is_whitespace) =>
                                    {
                                        Ok(())
                                    }
                                    _ => Err("enter an email address".to_string()),
                                }
                            })
                        })
                        .await?;
                    // Esc: back to the choices.
                    let Some(typed) = typed else { continue };
                    replacement = typed.trim().to_string();
                    ReleaseChoice::With(replacement.clone())
                }
                Some(_) => ReleaseChoice::Remove,
            };
            match fix::release_plan(&mut found.session, &email, from.clone(), choice).await {
                Ok(plan) => return Ok(Some(plan)),
                Err(e) if can_ask_again(&e) => {
                    self.printer.warn(&format!("{}; choose again", refusal(&e)));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Links rest on the evidence that the holder is the incoming person: say how strong it is,
    /// and ask the admin to confirm it. Strong evidence (the same externalId, or the same
    /// userName, email and name) makes yes the default; anything less needs a typed yes.
    async fn weigh_evidence(&mut self, choice: &Choice, holder_id: &str) -> Result<bool> {
        let evidence = choice.evidence.unwrap_or(Evidence::Weak);
        let tone = match evidence {
            Evidence::Strong => Tone::Good,
            Evidence::Moderate => Tone::Warning,
            Evidence::Weak => Tone::Bad,
        };
        self.say(&format!(
            "Evidence that account {holder_id} is the incoming person: {}. {}",
            self.printer.paint(tone, evidence_label(evidence)),
            choice.why
        ))?;
        match evidence {
            Evidence::Strong => {}
            Evidence::Moderate => self.printer.warn(
                "the externalId does not confirm it: linking gives this account to the incoming identity, so check it is the same person",
            ),
            Evidence::Weak => self.printer.warn(
                "only the email matches: linking gives this account, and what it can reach, to the incoming identity",
            ),
        }
        let question =
            format!("Is account {holder_id} the incoming person (link it to their identity)?");
        let sure = self
            .ask(|| confirm_or(&question, evidence == Evidence::Strong))
            .await?;
        if sure != Some(true) {
            self.nothing_changed();
        }
        Ok(sure == Some(true))
    }

    /// For a link when the candidate had neither userName nor externalId: the identity
    /// provider finds an existing account by userName, so ask which one it sends (Okta's
    /// default username format is the email); asks again when the link cannot be built with it.
    async fn link_asking(
        &mut self,
        found: &mut Investigation,
        holder: &str,
        mut incoming: Incoming,
    ) -> Result<Option<Plan>> {
        let mut initial = found.candidate.emails.first().cloned().unwrap_or_default();
        loop {
            let name = self
                .ask(|| {
                    text(
                        "userName the identity provider sends for the incoming person",
                        &initial,
                        |value| {
                            if value.trim().is_empty() || value != value.trim() {
                                Err("enter the userName, without surrounding spaces".to_string())
                            } else {
                                Ok(())
                            }
                        },
                    )
                })
                .await?;
            let Some(name) = name else { return Ok(None) };
            incoming.user_name = Some(name.clone());
            match fix::link_plan(&mut found.session, holder, &incoming).await {
                Ok(plan) => return Ok(Some(plan)),
                Err(e) if can_ask_again(&e) => {
                    self.printer
                        .warn(&format!("{}; give another userName", refusal(&e)));
                    initial = name;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Shows the plan, confirms, applies and verifies it (all `carry_out`).
    async fn apply(&mut self, plan: Plan, found: &mut Investigation) -> Result<Outcome> {
        if self.interrupt.arrived().await {
            return Err(interruption());
        }
        let summary = plan.summary.clone();
        self.say("")?;
        let carried = carry_out(
            plan,
            &mut found.session,
            self.settings,
            self.printer,
            WriteOptions::default(),
            None,
        )
        .await?;
        if let Carried::Applied(_) = carried {
            self.applied.push(summary);
            Ok(Outcome::Applied)
        } else {
            Ok(Outcome::Declined)
        }
    }

    /// The identity provider's next step, in its own words: the one the error came from, or
    /// both when it is not known.
    fn next_steps(&self, heading: &str) -> Result<()> {
        let steps: &[&str] = match self.identity_provider {
            Some("Okta") => &[OKTA_NEXT],
            Some("Entra ID") => &[ENTRA_NEXT],
            _ => &[OKTA_NEXT, ENTRA_NEXT],
        };
        let mut lines = vec![
            String::new(),
            format!("{}:", self.printer.paint(Tone::Bold, heading)),
        ];
        lines.extend(steps.iter().map(|s| format!("  {s}")));
        self.say(&lines.join("\n"))
    }

    /// Words for the person: the story's continuation, on stdout with the report and the
    /// plan; on stderr when stdout carries JSON.
    fn say(&self, text: &str) -> Result<()> {
        match self.printer.format() {
            OutputFormat::Table => self.printer.data(text)?,
            OutputFormat::Json | OutputFormat::Ndjson if !text.trim().is_empty() => {
                self.printer.note(text.trim())
            }
            OutputFormat::Json | OutputFormat::Ndjson => {}
        }
        Ok(())
    }

    /// Runs one prompt. Ctrl-C during it, as its error or as a SIGINT the handler caught while
    /// it was drawing, is an interruption.
    async fn ask<T>(&mut self, prompt: impl FnOnce() -> io::Result<T>) -> Result<T> {
        let answer = match prompt() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Err(interruption()),
            answer => answer,
        };
        if self.interrupt.arrived().await {
            return Err(interruption());
        }
        Ok(answer?)
    }

    fn nothing_changed(&self) {
        self.printer.note(if self.applied.is_empty() {
            "nothing was changed"
        } else {
            "nothing more was changed"
        });
    }

    fn interrupted_message(&self) -> String {
        match self.applied.as_slice() {
            [] => "interrupted: nothing was written".into(),
            done => format!(
                "interrupted: nothing more was written after: {} (see scimctl journal list)",
                done.join(" ")
            ),
        }
    }
}

/// The second look, after a change, asks the endpoint about the same candidate, but not the
/// identity provider's error: that tells what was in the way then, and read again it would
/// report the value taken still. The candidate's values (the error's included) become flags;
/// a payload file stays, for the display name and the `provision` option.
fn looking_again(opts: &DiagnoseOptions, found: &Investigation) -> DiagnoseOptions {
    let candidate = &found.candidate;
    DiagnoseOptions {
        user_name: candidate.user_name.clone(),
        emails: candidate.emails.clone(),
        external_id: candidate.external_id.clone(),
        payload: opts.payload.clone().filter(|p| matches!(p, Input::File(_))),
        error: None,
        deep: opts.deep,
    }
}

/// The menu line for an option: what it does and to whom.
fn label(choice: &Choice, found: &Investigation) -> String {
    let name = |id: &str| match holder_name(found, id) {
        Some(name) => format!("\"{name}\""),
        None => format!("account {id}"),
    };
    match &choice.fix {
        Fix::RenameUser { holder, .. } => {
            format!("Rename {} to free the userName", name(holder.as_str()))
        }
        Fix::ReleaseEmail { email, from } => {
            format!("Release {email} from {}", name(from.as_str()))
        }
        Fix::Link { holder, .. } => format!(
            "Link {} to the incoming person (evidence: {})",
            name(holder.as_str()),
            evidence_label(choice.evidence.unwrap_or(Evidence::Weak))
        ),
        Fix::Provision { .. } => "Create the user now".into(),
        Fix::IdpChange {
            change: IdpChange::MatchExisting(holder),
        } => format!(
            "Let the identity provider match {} and update it (you do this in the identity provider)",
            name(holder.as_str())
        ),
        Fix::IdpChange { .. } => {
            "Change what the identity provider sends (you do this in the identity provider)".into()
        }
        Fix::ContactSupport { .. } => {
            "Ask the holder's owner or the provider's support (outside scimctl)".into()
        }
    }
}

/// The userName of a holder the diagnosis found.
fn holder_name(found: &Investigation, id: &str) -> Option<String> {
    found
        .diagnosis
        .findings
        .iter()
        .filter_map(|f| f.holder.as_ref())
        .find(|h| h.id == id)
        .map(|h| h.user_name.clone())
}

/// A refusal in a person's words: plans name the holder of a taken value, or say only
/// "another account" when the lookup did not single one out.
fn refusal(error: &anyhow::Error) -> String {
    error
        .to_string()
        .replace("held by account another account", "held by another account")
}

/// A refusal the person can answer differently: the value is taken, or unusable.
fn can_ask_again(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<UsageError>().is_some()
            || cause
                .downcast_ref::<Failed>()
                .is_some_and(|f| f.0 == ExitStatus::ConflictFound)
    })
}

fn interruption() -> anyhow::Error {
    io::Error::new(io::ErrorKind::Interrupted, "interrupted").into()
}

/// Ctrl-C at a prompt, ours or `carry_out`'s, as console reports it.
fn is_interruption(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::Interrupted)
    })
}

/// SIGINT, caught from before the first prompt to the end of the walk-through.
struct Interrupt {
    /// `None` once it has fired (or could not be installed).
    signal: Option<Pin<Box<dyn Future<Output = io::Result<()>>>>>,
    arrived: bool,
}

impl Interrupt {
    /// Installs the handler: tokio registers it when the future is first polled.
    async fn install() -> Interrupt {
        let mut interrupt = Interrupt {
            signal: Some(Box::pin(tokio::signal::ctrl_c())),
            arrived: false,
        };
        interrupt.arrived().await;
        interrupt
    }

    /// Whether a SIGINT has arrived since `install`. Never waits for one; it only yields once,
    /// so that a signal caught while a prompt blocked the runtime gets delivered.
    async fn arrived(&mut self) -> bool {
        if let Some(signal) = self.signal.as_mut() {
            tokio::task::yield_now().await;
            let fired = tokio::select! {
                biased;
                result = signal => Some(result.is_ok()),
                () = std::future::ready(()) => None,
            };
            if let Some(ok) = fired {
                self.signal = None;
                self.arrived = ok;
            }
        }
        self.arrived
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scim::compare::Attribute;
    use crate::scim::model::UserId;

    fn choice(fix: Fix, feasible: bool) -> Choice {
        Choice {
            fix,
            feasible,
            recommended: false,
            why: String::new(),
            needs: None,
            evidence: None,
            plan: None,
        }
    }

    #[test]
    fn the_commands_without_a_terminal_start_with_diagnose() {
        let opts = DiagnoseOptions {
            user_name: Some("ckent".into()),
            emails: vec!["c k@x".into()],
            payload: Some(Input::File("u.json".into())),
            error: Some(Input::Text("Conflict: it's taken".into())),
            ..DiagnoseOptions::default()
        };
        let h = UserId::new("h").unwrap();
        let choices = [
            choice(
                Fix::RenameUser {
                    holder: h.clone(),
                    to: "CKent-previous".into(),
                },
                true,
            ),
            choice(
                Fix::Link {
                    holder: h.clone(),
                    incoming: Incoming {
                        user_name: Some("ckent".into()),
                        ..Incoming::default()
                    },
                },
                false,
            ),
            Choice {
                needs: Some(Needed::IncomingUserName),
                ..choice(
                    Fix::Link {
                        holder: h,
                        incoming: Incoming::default(),
                    },
                    true,
                )
            },
            choice(
                Fix::IdpChange {
                    change: IdpChange::SendAnother(Attribute::UserName),
                },
                true,
            ),
        ];
        assert_eq!(
            explicit_commands(&opts, &choices),
            [
                r"scimctl diagnose --username ckent --email 'c k@x' --payload u.json --error 'Conflict: it'\''s taken'",
                "scimctl rename-user h --to CKent-previous",
            ]
        );
    }
}
