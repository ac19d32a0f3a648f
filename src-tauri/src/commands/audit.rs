//! The audit log (every change Seller Desk sent, from single commands and from jobs): list,
//! search, export as CSV. And exporting products and offers of either market as CSV.

use jobs::audit::{self, AuditEntry, AuditLog};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{files::blocking, gg_client, ggc_client, jobs::write_csv, Ctx};
use crate::error::CommandResult;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AuditPage {
    /// Newest first, at most `limit`.
    pub entries: Vec<AuditEntry>,
    /// Entries matching the search (all of them without one).
    pub matched: u64,
    pub total: u64,
}

/// Entries matching `query` (any field, case-insensitive), newest first.
async fn matching(log: AuditLog, query: Option<String>) -> CommandResult<(Vec<AuditEntry>, usize)> {
    blocking(move || {
        let all = log.entries()?;
        let total = all.len();
        let needle = query.as_deref().map(str::trim).unwrap_or_default().to_owned();
        let mut found: Vec<AuditEntry> =
            if needle.is_empty() { all } else { all.into_iter().filter(|e| e.matches(&needle)).collect() };
        found.reverse();
        Ok((found, total))
    })
    .await
}

pub async fn audit_list(ctx: &Ctx<'_>, query: Option<String>, limit: Option<u64>) -> CommandResult<AuditPage> {
    let (found, total) = matching(ctx.state.jobs.audit_log(), query).await?;
    let matched = found.len() as u64;
    let limit = limit.unwrap_or(1000) as usize;
    Ok(AuditPage { entries: found.into_iter().take(limit).collect(), matched, total: total as u64 })
}

/// Writes the entries matching `query` (all without one), oldest first, as CSV to `file` (a
/// handle from the save dialog).
pub async fn audit_export(ctx: &Ctx<'_>, query: Option<String>, file: String) -> CommandResult<u64> {
    let path = super::files::writable(ctx, &file)?;
    let (mut found, _) = matching(ctx.state.jobs.audit_log(), query).await?;
    found.reverse();
    write_csv(path, audit::to_csv(&found)).await?;
    Ok(found.len() as u64)
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
