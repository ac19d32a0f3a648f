//! `sellerdesk jobs run <kind>`: flags to a `desk::job_plan::JobSpec`, planned by the layer
//! (files by path). Reads what the plan needs (offers to reprice, a selection by filter); sends
//! no change.

use desk::job_plan::{self, AdjustKind, JobSpec, OfferSelection, Paths, Planned, PriceRuleSpec, Reader};
use jobs::{BatchAction, Client};
use markets::{ggchest::OffersFilter, Market};

use crate::{
    args::jobs::{PriceArgs, RunCommand, Selection},
    error::{CliError, CliResult},
    input,
    output::Out,
};

impl RunCommand {
    pub fn market(&self) -> Market {
        match self {
            RunCommand::GgUploadCodes(_) | RunCommand::GgAddOffers(_) | RunCommand::GgReprice(_) => Market::GamingGoods,
            _ => Market::GgChest,
        }
    }
}

fn path(p: &std::path::Path) -> String {
    p.to_string_lossy().into_owned()
}

/// The spec the flags describe, and whether `--yes` was given for an irreversible one.
fn spec_of(cmd: RunCommand) -> CliResult<(JobSpec, bool)> {
    let batch =
        |action, s: &Selection| -> CliResult<JobSpec> { Ok(JobSpec::GgcBatch { action, selection: selection(s)? }) };
    Ok(match cmd {
        RunCommand::GgUploadCodes(f) => (JobSpec::GgUploadCodes { file: path(&f.file) }, false),
        RunCommand::GgAddOffers(f) => (JobSpec::GgAddOffers { file: path(&f.file) }, false),
        RunCommand::GgReprice(r) => (JobSpec::GgReprice { rule: rule(&r.price)?, product_ids: r.products }, false),
        RunCommand::GgcReprice(r) => {
            (JobSpec::GgcReprice { rule: rule(&r.price)?, selection: selection(&r.select)? }, false)
        }
        RunCommand::GgcActivate(s) => (batch(BatchAction::Activate, &s)?, false),
        RunCommand::GgcDraft(s) => (batch(BatchAction::Draft, &s)?, false),
        RunCommand::GgcDelete(d) => (batch(BatchAction::Delete, &d.select)?, d.yes),
        RunCommand::GgcCreate(f) => (JobSpec::GgcCreate { file: path(&f.file) }, false),
        RunCommand::GgcImportAccounts(a) => {
            (JobSpec::GgcImportAccounts { file: path(&a.file), offer_id: a.offer }, false)
        }
    })
}

pub async fn plan(cmd: RunCommand, client: &Client, out: &Out) -> CliResult<Planned> {
    let (spec, yes) = spec_of(cmd)?;
    let reader = match client {
        Client::Gg(c) => Reader::Gg(c),
        Client::Ggc(c) => Reader::Ggc(c),
    };
    let planned = job_plan::plan(&spec, &Paths, reader).await?;
    for note in &planned.notes {
        out.note(note);
    }
    if spec.is_irreversible() {
        input::confirm(&format!("Delete {} offers?", planned.items()), yes)?;
    }
    Ok(planned)
}

/// The one of --set, --percent, --amount given (clap lets only one through), as typed.
fn rule(p: &PriceArgs) -> CliResult<PriceRuleSpec> {
    let (adjust, value) = match (&p.set, &p.percent, &p.amount) {
        (Some(v), _, _) => (AdjustKind::Set, v),
        (_, Some(v), _) => (AdjustKind::Percent, v),
        (_, _, Some(v)) => (AdjustKind::Amount, v),
        _ => return Err(CliError::usage("give --set, --percent or --amount")),
    };
    Ok(PriceRuleSpec { adjust, value: value.clone(), floor: p.floor.clone(), ceiling: p.ceiling.clone() })
}

fn parse<T: std::str::FromStr<Err = String>>(flag: &str, v: &Option<String>) -> CliResult<Option<T>> {
    v.as_deref().map(|t| t.parse().map_err(|e: String| CliError::invalid(flag, e))).transpose()
}

/// Explicit ids (flags, file), a filter, or --all.
fn selection(s: &Selection) -> CliResult<OfferSelection> {
    let filter = OffersFilter {
        status: parse("--status", &s.status)?,
        offer_type: parse("--type", &s.offer_type)?,
        game_id: s.game.clone(),
    };
    let ids = if s.offers.is_empty() && s.ids_file.is_none() {
        Vec::new()
    } else {
        input::collect_ids(&s.offers, s.ids_file.as_deref())?
    };
    Ok(OfferSelection { ids, filter, all: s.all.then_some(true) })
}
