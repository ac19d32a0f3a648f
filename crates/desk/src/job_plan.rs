//! Planning a bulk job, for both faces: from a [`JobSpec`] (the app's form, the CLI's flags) to
//! the steps of a new job, reading the input files and, where the plan needs it, the
//! marketplace; and writing the job's journal. Nothing is sent to the marketplace until the job
//! runs. The per-kind rules (grouping, ordering, chunking) live in `jobs::plan`.
//!
//! Files are read by `crate::files`, one parser per kind, and a file with any bad row makes no
//! job: the error names every bad row by its line ([`files::all_or_nothing`]).
//!
//! One reading of every input: a price typed `4,5` or `4.5` is the same price in the CLI and
//! the app; a selection must be explicit in both (ids, a filter, or `all`); a create file is
//! JSON when it looks like JSON and CSV otherwise, whatever its extension.

use std::path::{Path, PathBuf};

use jobs::{
    plan::{self, Adjust, PriceRule},
    BatchAction, JobHeader, JobKind, JournalKey, Op,
};
use markets::{
    gg::GgClient,
    ggchest::{GgcClient, OffersFilter},
    Decimal, Market,
};
use serde::{Deserialize, Serialize};

use crate::{files, Error, Result};

/// How a reprice rule moves each price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AdjustKind {
    /// This price.
    Set,
    /// ± percent of the current price (`-5`: 5 % off).
    Percent,
    /// ± amount in the market's currency (euros on Gaming Goods, dollars on GGChest).
    Amount,
}

/// A reprice rule as typed: decimal strings (`.` or `,`), floor and ceiling optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PriceRuleSpec {
    pub adjust: AdjustKind,
    pub value: String,
    pub floor: Option<String>,
    pub ceiling: Option<String>,
}

/// GGChest offers to act on: these ids; or (no ids) every offer matching the filter; or, with
/// neither, every offer — only when `all` says so, so that an empty form never means "all".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OfferSelection {
    pub ids: Vec<String>,
    pub filter: OffersFilter,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub all: Option<bool>,
}

/// A bulk job to plan. `file` names an input file the face resolves ([`InputFiles`]): a path
/// for the CLI, a handle from the open dialog or a drop for the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

    /// Whether running it removes something for good (asked before it is created).
    pub fn is_irreversible(&self) -> bool {
        matches!(self, JobSpec::GgcBatch { action: BatchAction::Delete, .. })
    }
}

/// Where a spec's files are read from. Each face resolves names its own way; both read through
/// `markets::files` (a regular file, within the cap, UTF-8).
pub trait InputFiles: Sync {
    /// The whole text of `file`.
    fn read_text(&self, file: &str) -> Result<String>;
    /// Its name, for messages.
    fn name(&self, file: &str) -> String;
}

/// Files named by path (the CLI; tests).
pub struct Paths;

impl InputFiles for Paths {
    fn read_text(&self, file: &str) -> Result<String> {
        crate::read_text_file(Path::new(file))
    }

    fn name(&self, file: &str) -> String {
        crate::file_name(Path::new(file))
    }
}

/// The marketplace a plan may read (offers to reprice, a selection by filter).
#[derive(Clone, Copy)]
pub enum Reader<'a> {
    Gg(&'a GgClient),
    Ggc(&'a GgcClient),
}

impl<'a> Reader<'a> {
    fn gg(self) -> Result<&'a GgClient> {
        match self {
            Reader::Gg(c) => Ok(c),
            Reader::Ggc(_) => {
                Err(Error::new(markets::ErrorCode::ProfileInvalid, "this job is for a Gaming Goods profile"))
            }
        }
    }

    fn ggc(self) -> Result<&'a GgcClient> {
        match self {
            Reader::Ggc(c) => Ok(c),
            Reader::Gg(_) => Err(Error::new(markets::ErrorCode::ProfileInvalid, "this job is for a GGChest profile")),
        }
    }
}

/// A job planned, not yet written.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub kind: JobKind,
    pub ops: Vec<Op>,
    /// What the seller should know before it runs (counts read, fields left out), in English.
    pub notes: Vec<String>,
}

/// What a new job will do, before it is created (nothing is sent to plan it): the app's
/// preview, and `sellerdesk jobs run --dry-run`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JobPlan {
    pub kind: String,
    pub title: String,
    pub steps: u64,
    pub items: u64,
    /// The first steps, as the results will name them.
    pub sample: Vec<String>,
    /// What to know before running it (counts read from the file, fields left out).
    pub notes: Vec<String>,
}

/// How many steps a preview names.
const SAMPLE: usize = 10;

impl Planned {
    /// The job's preview: its kind, size, first steps and notes.
    pub fn preview(&self) -> JobPlan {
        JobPlan {
            kind: self.kind.name().to_owned(),
            title: crate::jobs::title_of(self.kind).to_owned(),
            steps: self.ops.len() as u64,
            items: self.items() as u64,
            sample: self.ops.iter().take(SAMPLE).map(Op::label).collect(),
            notes: self.notes.clone(),
        }
    }

    /// Whether its journal will hold codes or credentials, sealed with the journal key.
    pub fn needs_journal_key(&self) -> bool {
        self.ops.iter().any(Op::is_secret)
    }

    pub fn items(&self) -> usize {
        self.ops.iter().map(Op::items).sum()
    }
}

fn decimal(field: &str, text: &str) -> Result<Decimal> {
    text.trim()
        .replace(',', ".")
        .parse::<Decimal>()
        .map_err(|_| Error::invalid_field(field, format!("`{}` is not a number", text.trim())))
}

fn optional(field: &str, text: &Option<String>) -> Result<Option<Decimal>> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(|t| decimal(field, t)).transpose()
}

/// The price rule typed, checked (a change that prices everything at 0 or below is refused).
pub fn price_rule(spec: &PriceRuleSpec) -> Result<PriceRule> {
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
        Error::invalid_field(field, m)
    })?;
    Ok(rule)
}

/// A selection must say what it selects: an empty form never means every offer.
fn check_selection(selection: &OfferSelection) -> Result<()> {
    let has_filter = selection.filter != OffersFilter::default();
    if selection.ids.is_empty() && !has_filter && selection.all != Some(true) {
        return Err(Error::invalid_field(
            "selection",
            "select offers: give ids, a filter (status, type, game), or choose all offers",
        ));
    }
    Ok(())
}

/// The ids a selection names, the marketplace read for a filter.
async fn selected(client: &GgcClient, selection: &OfferSelection) -> Result<Vec<String>> {
    check_selection(selection)?;
    Ok(plan::ggc::select(client, selection.ids.clone(), Some(&selection.filter)).await?)
}

fn looks_like_json(text: &str) -> bool {
    matches!(text.trim_start_matches('\u{feff}').trim_start().chars().next(), Some('[' | '{'))
}

/// A note naming the columns of a file that are not read (a misspelt header would otherwise
/// vanish unnoticed).
fn note_ignored<T>(notes: &mut Vec<String>, name: &str, read: &files::Parsed<T>) {
    if !read.ignored_columns.is_empty() {
        notes.push(format!(
            "warning: {name} has column(s) that are not read, left out (check their spelling): {}",
            read.ignored_columns.join(", ")
        ));
    }
}

/// The steps of `spec`: files read and checked, the marketplace read where the plan needs it.
pub async fn plan(spec: &JobSpec, files: &dyn InputFiles, reader: Reader<'_>) -> Result<Planned> {
    let mut notes = Vec::new();
    let (kind, ops) = match spec {
        JobSpec::GgUploadCodes { file } => {
            let name = files.name(file);
            let read = files::gg_product_codes::parse(&files.read_text(file)?);
            note_ignored(&mut notes, &name, &read);
            let parsed = plan::gg::group_product_codes(&files::all_or_nothing(read, &name, "codes")?);
            notes.push(format!(
                "{} codes for {} listings ({} repeated lines dropped).",
                parsed.codes,
                parsed.products.len(),
                parsed.duplicates
            ));
            (JobKind::GgUploadCodes, plan::gg::upload_codes(&parsed))
        }
        JobSpec::GgAddOffers { file } => {
            let name = files.name(file);
            let read = files::gg_offers::parse(&files.read_text(file)?);
            note_ignored(&mut notes, &name, &read);
            (JobKind::GgAddOffers, plan::gg::add_offers(&files::all_or_nothing(read, &name, "offers")?))
        }
        JobSpec::GgReprice { rule, product_ids } => {
            let rule = price_rule(rule)?;
            (JobKind::GgReprice, plan::gg::reprice(reader.gg()?, &rule, product_ids).await?)
        }
        JobSpec::GgcReprice { rule, selection } => {
            let rule = price_rule(rule)?;
            check_selection(selection)?;
            (JobKind::GgcReprice, plan::ggc::reprice(reader.ggc()?, &rule, &selection.ids, &selection.filter).await?)
        }
        JobSpec::GgcBatch { action, selection } => {
            let ids = selected(reader.ggc()?, selection).await?;
            let kind = match action {
                BatchAction::Activate => JobKind::GgcActivate,
                BatchAction::Draft => JobKind::GgcDraft,
                BatchAction::Delete => JobKind::GgcDelete,
            };
            (kind, plan::ggc::batch(*action, &ids))
        }
        JobSpec::GgcCreate { file } => {
            let text = files.read_text(file)?;
            let name = files.name(file);
            let read = if looks_like_json(&text) {
                files::ggc_creates::parse_json(&text, &name)?
            } else {
                files::ggc_creates::parse_csv(&text)
            };
            let creates = files::ggc_creates::for_job(read, &name)?;
            if !creates.unknown_fields.is_empty() {
                notes.push(format!(
                    "warning: {name} has field(s) the API does not take, left out (check their spelling): {}",
                    creates.unknown_fields.join(", ")
                ));
            }
            (JobKind::GgcCreate, creates.ops)
        }
        JobSpec::GgcImportAccounts { file, offer_id } => {
            let offer_id = offer_id.trim();
            if !markets::ggchest::is_uuid(offer_id) {
                return Err(Error::invalid_field(
                    "offer_id",
                    format!("`{offer_id}` is not a GGChest offer id: pick the accounts offer to add them to"),
                ));
            }
            let name = files.name(file);
            let read = files::accounts::parse(&files.read_text(file)?, &name)?;
            note_ignored(&mut notes, &name, &read);
            let accounts = files::all_or_nothing(read, &name, "accounts")?;
            (JobKind::GgcImportAccounts, plan::ggc::import_accounts(offer_id, &accounts))
        }
    };
    Ok(Planned { kind, ops, notes })
}

/// Writes the journal of a planned job, every step queued. A job holding codes or credentials
/// ([`Planned::needs_journal_key`]) seals them with `key` (the face gets it with
/// `JournalKey::for_new_job`, which creates it on first need); without one it is refused.
pub fn create(
    data_dir: &Path,
    planned: Planned,
    target: &plan::Target,
    key: Option<&JournalKey>,
) -> Result<(JobHeader, PathBuf)> {
    Ok(plan::create_job(data_dir, planned.kind, target, planned.ops, key, None)?)
}
