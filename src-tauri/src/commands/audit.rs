//! The audit log (every change Seller Desk sent, from single commands and from jobs): list,
//! search, export as CSV. And exporting products and offers of either market as CSV.

pub use desk::audit::AuditPage;
use desk::audit::AuditQuery;
use serde::Deserialize;
use ts_rs::TS;

use super::{files::blocking, gg_client, ggc_client, jobs::write_csv, Ctx};
use crate::error::CommandResult;

/// The newest entries matching `query` (any field, case-insensitive), newest first, at most
/// `limit`, of one profile (`profile_id`) or of all (`null`) (`desk::audit::list`, as
/// `sellerdesk audit` reads them).
pub async fn audit_list(
    ctx: &Ctx<'_>,
    query: Option<String>,
    limit: Option<u64>,
    profile_id: Option<String>,
) -> CommandResult<AuditPage> {
    let log = ctx.state.jobs.audit_log();
    blocking(move || Ok(desk::audit::list(&log, &AuditQuery { text: query, profile: profile_id, limit })?)).await
}

/// Writes the entries matching `query` (all without one) of one profile or of all, oldest
/// first, as CSV to `file` (a handle from the save dialog).
pub async fn audit_export(
    ctx: &Ctx<'_>,
    query: Option<String>,
    file: String,
    profile_id: Option<String>,
) -> CommandResult<u64> {
    let path = super::files::writable(ctx, &file)?;
    let log = ctx.state.jobs.audit_log();
    let (csv, rows) = blocking(move || Ok(desk::audit::export(&log, query.as_deref(), profile_id.as_deref())?)).await?;
    write_csv(path, csv).await?;
    Ok(rows)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    GgProducts,
    GgOffers,
    GgcOffers,
}

/// Every product or offer of the profile as CSV, written to `file` (a handle from the save
/// dialog); returns the rows written.
pub async fn export_csv(ctx: &Ctx<'_>, profile_id: String, what: ExportKind, file: String) -> CommandResult<u64> {
    let path = super::files::writable(ctx, &file)?;
    let csv = match what {
        ExportKind::GgProducts => jobs::export::gg_products(&*gg_client(ctx, &profile_id).await?).await?,
        ExportKind::GgOffers => jobs::export::gg_offers(&*gg_client(ctx, &profile_id).await?).await?,
        ExportKind::GgcOffers => {
            jobs::export::ggc_offers(&*ggc_client(ctx, &profile_id).await?, &Default::default()).await?
        }
    };
    let rows = csv.lines().count().saturating_sub(1) as u64;
    write_csv(path, csv).await?;
    Ok(rows)
}
