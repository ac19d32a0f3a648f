//! Planning a bulk job from what the UI gives (file handles, a price rule, a selection) and
//! writing its journal: `job_preview` says what it would do, `job_create` creates it (nothing
//! is sent to the marketplace until `job_run`). The rules live in `jobs::plan`.

use std::path::Path;

use jobs::{
    plan::{self, Adjust, PriceRule},
    JobKind, Op,
};
use markets::{ggchest::OffersFilter as MarketOffersFilter, Decimal, Market};
use serde::Deserialize;
use ts_rs::TS;

use super::{
    files::{blocking, read_text, readable},
    gg_client, ggc_client,
    ggchest::OffersFilter,
    ggchest_batch::BatchAction,
    job_views::{title_of, JobPlan, JobSummary},
    profile_for, Ctx,
};
use crate::error::{CommandError, CommandResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdjustKind {
    /// This price.
    Set,
    /// ± percent of the current price (`-5`: 5 % off).
    Percent,
    /// ± amount in the market's currency (euros on Gaming Goods, dollars on GGChest).
    Amount,
}

/// A reprice rule as typed: decimal strings, floor and ceiling optional.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PriceRuleSpec {
    pub adjust: AdjustKind,
    pub value: String,
    pub floor: Option<String>,
    pub ceiling: Option<String>,
}

/// GGChest offers to act on: these ids, or (no ids) every offer matching the filter.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct OfferSelection {
    pub ids: Vec<String>,
    pub filter: OffersFilter,
}

/// A bulk job to plan. Files are handles (from `pick_open_file` or a drop): the shell reads them.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JobSpec {
    /// CSV `product_id,code`: codes to the seller's own listings.
    GgUploadCodes {
        file: String,
    },
    /// CSV `product_id,price_cents,code`: C2C offers.
    GgAddOffers {
        file: String,
    },
    /// Offers with unsold codes of these products (none: every product).
    GgReprice {
        rule: PriceRuleSpec,
        product_ids: Vec<String>,
    },
    GgcReprice {
        rule: PriceRuleSpec,
        selection: OfferSelection,
    },
    /// Activate, draft or delete, 100 offers a request.
    GgcBatch {
        action: BatchAction,
        selection: OfferSelection,
    },
    /// A JSON array of create bodies with `offer_type`, or a CSV with a header.
    GgcCreate {
        file: String,
    },
    /// CSV `login,password[,email_login,email_password,description]` into one accounts offer.
    GgcImportAccounts {
        file: String,
        offer_id: String,
    },
}

impl JobSpec {
    pub fn market(&self) -> Market {
        match self {
            JobSpec::GgUploadCodes { .. } | JobSpec::GgAddOffers { .. } | JobSpec::GgReprice { .. } => {
                Market::GamingGoods
            }
            _ => Market::GgChest,
        }
    }
}

fn decimal(field: &str, text: &str) -> CommandResult<Decimal> {
    text.trim()
        .replace(',', ".")
        .parse::<Decimal>()
        .map_err(|_| CommandError::invalid_field(field, format!("`{text}` is not a number")))
}

fn optional(field: &str, text: &Option<String>) -> CommandResult<Option<Decimal>> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(|t| decimal(field, t)).transpose()
}

pub fn price_rule(spec: &PriceRuleSpec) -> CommandResult<PriceRule> {
    let value = decimal("value", &spec.value)?;
    let adjust = match spec.adjust {
        AdjustKind::Set => Adjust::Set(value),
        AdjustKind::Percent => Adjust::Percent(value),
        AdjustKind::Amount => Adjust::Amount(value),
    };
    let rule =
        PriceRule { adjust, floor: optional("floor", &spec.floor)?, ceiling: optional("ceiling", &spec.ceiling)? };
    rule.validate().map_err(|m| {
        let field = if m.contains("floor") { "floor" } else { "value" };
        CommandError::invalid_field(field, m)
    })?;
    Ok(rule)
}

fn market_filter(f: &OffersFilter) -> MarketOffersFilter {
    MarketOffersFilter { status: f.status.clone(), offer_type: f.offer_type.clone(), game_id: f.game_id.clone() }
}

/// The text of the file behind `file`, a handle the user gave (open dialog or drop).
async fn read(ctx: &Ctx<'_>, file: &str) -> CommandResult<String> {
    let path = readable(ctx, file)?;
    blocking(move || read_text(&path)).await
}

fn is_csv(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"))
}

/// The steps of `spec`: files read and checked, the marketplace read where the plan needs it.
pub async fn plan_ops(ctx: &Ctx<'_>, profile_id: &str, spec: &JobSpec) -> CommandResult<(JobKind, Vec<Op>)> {
    Ok(match spec {
        JobSpec::GgUploadCodes { file } => {
            let parsed = plan::gg::parse_product_codes(&read(ctx, file).await?)?;
            (JobKind::GgUploadCodes, plan::gg::upload_codes(&parsed))
        }
        JobSpec::GgAddOffers { file } => (JobKind::GgAddOffers, plan::gg::parse_offers(&read(ctx, file).await?)?),
        JobSpec::GgReprice { rule, product_ids } => {
            let rule = price_rule(rule)?;
            let client = gg_client(ctx, profile_id).await?;
            (JobKind::GgReprice, plan::gg::reprice(&client, &rule, product_ids).await?)
        }
        JobSpec::GgcReprice { rule, selection } => {
            let rule = price_rule(rule)?;
            let client = ggc_client(ctx, profile_id).await?;
            let filter = market_filter(&selection.filter);
            (JobKind::GgcReprice, plan::ggc::reprice(&client, &rule, &selection.ids, &filter).await?)
        }
        JobSpec::GgcBatch { action, selection } => {
            let client = ggc_client(ctx, profile_id).await?;
            let filter = market_filter(&selection.filter);
            let ids = plan::ggc::select(&client, selection.ids.clone(), Some(&filter)).await?;
            let (kind, action) = match action {
                BatchAction::Activate => (JobKind::GgcActivate, jobs::BatchAction::Activate),
                BatchAction::Draft => (JobKind::GgcDraft, jobs::BatchAction::Draft),
                BatchAction::Delete => (JobKind::GgcDelete, jobs::BatchAction::Delete),
            };
            (kind, plan::ggc::batch(action, &ids))
        }
        JobSpec::GgcCreate { file } => {
            let text = read(ctx, file).await?;
            let ops = if is_csv(&readable(ctx, file)?) {
                plan::ggc::creates_from_csv(&text)?
            } else {
                plan::ggc::creates_from_json(&text)?
            };
            (JobKind::GgcCreate, ops)
        }
        JobSpec::GgcImportAccounts { file, offer_id } => {
            if !markets::ggchest::is_uuid(offer_id.trim()) {
                return Err(CommandError::invalid_field("offer_id", "pick the accounts offer to add them to"));
            }
            let accounts = plan::ggc::parse_accounts(&read(ctx, file).await?)?;
            (JobKind::GgcImportAccounts, plan::ggc::import_accounts(offer_id.trim(), &accounts))
        }
    })
}

/// What `spec` would do on this profile: steps, items and the first steps' names.
pub async fn job_preview(ctx: &Ctx<'_>, profile_id: String, spec: JobSpec) -> CommandResult<JobPlan> {
    profile_for(ctx, &profile_id, spec.market()).await?;
    let (kind, ops) = plan_ops(ctx, &profile_id, &spec).await?;
    Ok(JobPlan {
        kind: kind.name().to_owned(),
        title: title_of(kind).to_owned(),
        steps: ops.len() as u64,
        items: ops.iter().map(|o| o.items() as u64).sum(),
        sample: ops.iter().take(10).map(Op::label).collect(),
    })
}

/// Plans `spec` and writes the new job's journal, every step queued; `job_run` sends them.
pub async fn job_create(ctx: &Ctx<'_>, profile_id: String, spec: JobSpec) -> CommandResult<JobSummary> {
    let profile = profile_for(ctx, &profile_id, spec.market()).await?;
    let (kind, ops) = plan_ops(ctx, &profile_id, &spec).await?;
    let key = if ops.iter().any(Op::is_secret) { Some(ctx.state.jobs.journal_key_for_new_job().await?) } else { None };
    let target = plan::Target { market: profile.market, base_url: profile.base_url.clone(), profile: profile.name };
    let data = ctx.state.jobs.data_dir().to_owned();
    let (_, path) = plan::create_job(&data, kind, &target, ops, key.as_ref(), None)?;
    let job = jobs::JobState::load(&path)?;
    // The UI runs it next; a Cancel from now on stops it, even before `job_run` registers it.
    ctx.state.jobs.prepare(&job.header.id);
    Ok(JobSummary::of(&job, false))
}
