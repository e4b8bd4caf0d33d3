//! One file per subcommand: each glues settings, the domain and the output together.

mod audit;
mod auth;
mod batch;
mod completions;
mod demo;
mod diagnose;
mod doctor;
mod fix;
pub mod interrupt;
mod journal;
mod man;
mod preflight;
mod resolve;
mod sandbox;
mod session;
pub mod triage;
mod users;
mod write;

use anyhow::Result;

use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::settings::{Settings, Task};

pub async fn run(task: Task, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    match task {
        Task::FindUsers { target, limit } => {
            users::find_at_most(target, limit, settings, printer).await
        }
        Task::GetUser { id } => users::get(&id, settings, printer).await,
        Task::ListUsers { filter, limit } => users::list(filter, limit, settings, printer).await,
        Task::Diagnose(options) => diagnose::run(options, settings, printer).await,
        Task::Resolve(options) => resolve::run(options, settings, printer).await,
        Task::Triage(options) => triage::run(options, settings, printer).await,
        Task::RenameUser { holder, to, write } => {
            fix::rename_user(holder, to, settings, printer, write).await
        }
        Task::SuggestUsername { base, count } => {
            fix::suggest_username(base, count, settings, printer).await
        }
        Task::ReleaseEmail {
            email,
            from,
            replacement,
            write,
        } => fix::release_email(email, from, replacement, settings, printer, write).await,
        Task::Link {
            holder_id,
            payload,
            user_name,
            external_id,
            activate,
            write,
        } => {
            let request = fix::LinkRequest {
                holder_id,
                payload,
                user_name,
                external_id,
                activate,
            };
            fix::link(request, settings, printer, write).await
        }
        Task::Provision {
            payload,
            user_name,
            email,
            write,
        } => fix::provision(payload, user_name, email, settings, printer, write).await,
        Task::JournalList { limit } => journal::list_latest(limit, settings, printer),
        Task::JournalShow { id } => journal::show(id, settings, printer),
        Task::JournalUndo { id, write } => journal::undo(id, settings, printer, write).await,
        Task::JournalSettle { id } => journal::settle(id, settings, printer).await,
        Task::AuthLogin(request) => auth::login(request, settings, printer),
        Task::AuthStatus => auth::status(settings, printer),
        Task::AuthLogout { profile, config } => auth::logout(profile, config, printer),
        Task::Doctor => doctor::run(settings, printer).await,
        Task::Audit => audit::run(settings, printer).await,
        Task::Preflight(options) => preflight::run(options, settings, printer).await,
        Task::Sandbox(options) => sandbox::run(options, settings, printer).await,
        Task::Demo => demo::run(settings, printer).await,
        Task::Completions(shell) => completions::completions(shell, printer),
        Task::Man { dir } => man::man(dir.as_deref(), printer),
        Task::Options => completions::options(printer),
    }
}
