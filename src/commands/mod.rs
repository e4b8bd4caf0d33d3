//! One file per subcommand: each glues settings, the domain and the output together.

mod completions;
mod demo;
mod diagnose;
mod doctor;
mod sandbox;
mod session;
mod users;

use anyhow::Result;

use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::settings::{Settings, Task};

pub async fn run(task: Task, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    match task {
        Task::FindUsers(target) => users::find(target, settings, printer).await,
        Task::GetUser { id } => users::get(&id, settings, printer).await,
        Task::ListUsers { filter, limit } => users::list(filter, limit, settings, printer).await,
        Task::Diagnose(options) => diagnose::run(options, settings, printer).await,
        Task::Doctor => doctor::run(settings, printer).await,
        Task::Sandbox(options) => sandbox::run(options, settings, printer).await,
        Task::Demo => demo::run(settings, printer).await,
        Task::Completions(shell) => completions::completions(shell, printer),
        Task::Man => completions::man(printer),
    }
}
