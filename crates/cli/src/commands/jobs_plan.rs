//! `sellerdesk jobs run <kind>`: from flags and files to the steps of a new job. Reads what the
//! plan needs (offers to reprice, a selection by filter); sends no change.

use std::path::Path;

use jobs::{
    plan::{self, Adjust, PriceRule},
    BatchAction, Client, JobKind, Op,
};
use markets::{ggchest::OffersFilter, Decimal, Market};

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

pub async fn plan(cmd: RunCommand, client: &Client, out: &Out) -> CliResult<(JobKind, Vec<Op>)> {
    Ok(match (cmd, client) {
        (RunCommand::GgUploadCodes(f), _) => {
            let parsed = plan::gg::parse_product_codes(&input::read_text(&f.file, "--file")?)?;
            out.note(format!(
                "{} codes for {} listings ({} repeated lines dropped).",
                parsed.codes,
                parsed.products.len(),
                parsed.duplicates
            ));
            (JobKind::GgUploadCodes, plan::gg::upload_codes(&parsed))
        }
        (RunCommand::GgAddOffers(f), _) => {
            (JobKind::GgAddOffers, plan::gg::parse_offers(&input::read_text(&f.file, "--file")?)?)
        }
        (RunCommand::GgReprice(r), Client::Gg(gg)) => {
            (JobKind::GgReprice, plan::gg::reprice(gg, &rule(&r.price)?, &r.products).await?)
        }
        (RunCommand::GgcReprice(r), Client::Ggc(ggc)) => {
            let (ids, filter) = selection(&r.select)?;
            (JobKind::GgcReprice, plan::ggc::reprice(ggc, &rule(&r.price)?, &ids, &filter).await?)
        }
        (RunCommand::GgcActivate(s), Client::Ggc(ggc)) => {
            (JobKind::GgcActivate, batch(ggc, BatchAction::Activate, &s).await?)
        }
        (RunCommand::GgcDraft(s), Client::Ggc(ggc)) => (JobKind::GgcDraft, batch(ggc, BatchAction::Draft, &s).await?),
        (RunCommand::GgcDelete(d), Client::Ggc(ggc)) => {
            let ops = batch(ggc, BatchAction::Delete, &d.select).await?;
            let n: usize = ops.iter().map(Op::items).sum();
            input::confirm(&format!("Delete {n} offers?"), d.yes)?;
            (JobKind::GgcDelete, ops)
        }
        (RunCommand::GgcCreate(f), _) => {
            let text = input::read_text(&f.file, "--file")?;
            let creates = if is_csv(&f.file) {
                plan::ggc::parse_creates_csv(&text)?
            } else {
                plan::ggc::parse_creates_json(&text)?
            };
            input::note_unknown_fields(&creates.unknown_fields, &f.file, out);
            (JobKind::GgcCreate, creates.ops)
        }
        (RunCommand::GgcImportAccounts(a), _) => {
            let accounts = plan::ggc::parse_accounts(&input::read_text(&a.file, "--file")?)?;
            (JobKind::GgcImportAccounts, plan::ggc::import_accounts(&a.offer, &accounts))
        }
        _ => unreachable!("the client is built for the command's market"),
    })
}

fn is_csv(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

fn decimal(flag: &str, text: &Option<String>) -> CliResult<Option<Decimal>> {
    text.as_deref()
        .map(|t| t.trim().parse::<Decimal>().map_err(|_| CliError::invalid(flag, format!("`{t}` is not a number"))))
        .transpose()
}

fn rule(p: &PriceArgs) -> CliResult<PriceRule> {
    let adjust = if let Some(v) = decimal("--set", &p.set)? {
        Adjust::Set(v)
    } else if let Some(v) = decimal("--percent", &p.percent)? {
        Adjust::Percent(v)
    } else if let Some(v) = decimal("--amount", &p.amount)? {
        Adjust::Amount(v)
    } else {
        return Err(CliError::usage("give --set, --percent or --amount"));
    };
    let rule = PriceRule { adjust, floor: decimal("--floor", &p.floor)?, ceiling: decimal("--ceiling", &p.ceiling)? };
    rule.validate().map_err(|m| CliError::invalid("price rule", m))?;
    Ok(rule)
}

/// Explicit ids (flags, file) or a filter; a selection must name at least one of them.
fn parse<T: std::str::FromStr<Err = String>>(flag: &str, v: &Option<String>) -> CliResult<Option<T>> {
    v.as_deref().map(|t| t.parse().map_err(|e: String| CliError::invalid(flag, e))).transpose()
}

fn selection(s: &Selection) -> CliResult<(Vec<String>, OffersFilter)> {
    let filter = OffersFilter {
        status: parse("--status", &s.status)?,
        offer_type: parse("--type", &s.offer_type)?,
        game_id: s.game.clone(),
    };
    let has_filter = filter != OffersFilter::default();
    let ids = if s.offers.is_empty() && s.ids_file.is_none() {
        if !has_filter {
            return Err(CliError::usage("select offers: --offer ID, --ids-file FILE, or --status/--type/--game"));
        }
        Vec::new()
    } else {
        input::collect_ids(&s.offers, s.ids_file.as_deref())?
    };
    Ok((ids, filter))
}

async fn batch(ggc: &markets::ggchest::GgcClient, action: BatchAction, s: &Selection) -> CliResult<Vec<Op>> {
    let (ids, filter) = selection(s)?;
    let ids = plan::ggc::select(ggc, ids, Some(&filter)).await?;
    Ok(plan::ggc::batch(action, &ids))
}
