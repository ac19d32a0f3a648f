//! One module per command group; each command does its work and prints through [`Out`].

pub mod audit;
pub mod gg;
pub mod ggc;
pub mod jobs;
mod jobs_plan;
pub mod profile;
mod progress_bar;
mod sealed;

use crate::{args::Cli, args::Command, error::CliResult, output::Out};
use serde::Serialize;

pub async fn run(cli: Cli, out: &Out) -> CliResult {
    match cli.command {
        Command::Profile(cmd) => profile::run(cmd, &cli.global, out).await,
        Command::Gg(cmd) => gg::run(cmd, &cli.global, out).await,
        Command::Ggc(cmd) => ggc::run(cmd, &cli.global, out).await,
        Command::Jobs(cmd) => jobs::run(cmd, &cli.global, out).await,
        Command::Export(cmd) => audit::export(cmd, &cli.global, out).await,
        Command::Audit(cmd) => audit::run(cmd, out),
    }
}

/// Every item of a list fetched with `--all`: `{"items": [...], "total": N}`.
#[derive(Serialize)]
pub struct AllItems<T> {
    pub items: Vec<T>,
    pub total: usize,
}

impl<T> AllItems<T> {
    pub fn new(items: Vec<T>) -> Self {
        let total = items.len();
        AllItems { items, total }
    }
}
