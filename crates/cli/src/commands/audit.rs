//! `sellerdesk audit …` (the local log of changes made on the marketplaces) and
//! `sellerdesk export …` (products and offers as CSV).

use desk::audit::{change_text, AuditQuery};
use jobs::audit::{AuditEntry, AuditLog};
use markets::{gg::GgClient, ggchest::GgcClient, Market};

use crate::{
    args::{jobs::*, GlobalArgs},
    context,
    error::CliResult,
    output::{table, Out},
};

/// The log is read through `desk::audit`, as the app reads it; this only renders.
pub fn run(cmd: AuditCommand, out: &Out) -> CliResult {
    let log = AuditLog::in_dir(&jobs::data_dir()?);
    match cmd {
        AuditCommand::List(l) => {
            let page = desk::audit::list(&log, &AuditQuery { limit: Some(l.limit as u64), ..Default::default() })?;
            // Oldest first on a terminal: the latest change is the last line.
            let latest: Vec<AuditEntry> = page.entries.into_iter().rev().collect();
            out.emit(latest.as_slice(), entries_table);
        }
        AuditCommand::Search(s) => {
            let query = AuditQuery { text: Some(s.text), limit: Some(u64::MAX), ..Default::default() };
            let found: Vec<AuditEntry> = desk::audit::list(&log, &query)?.entries.into_iter().rev().collect();
            out.emit(found.as_slice(), entries_table);
        }
        AuditCommand::Export(o) => write(desk::audit::export(&log, None, None)?.0, o.out.as_deref(), out)?,
    }
    Ok(())
}

fn entries_table(entries: &[AuditEntry]) -> String {
    if entries.is_empty() {
        return "No entries.".into();
    }
    let mut t = table::new(&["when", "profile", "endpoint", "target", "before → after", "result"]);
    for e in entries {
        let target = match &e.title {
            Some(title) => format!("{} ({title})", e.target),
            None => e.target.clone(),
        };
        t.add_row(vec![e.at.clone(), e.profile.clone(), e.endpoint.clone(), target, change_text(e), e.result.clone()]);
    }
    t.to_string()
}

fn write(csv: String, to: Option<&std::path::Path>, out: &Out) -> CliResult {
    match to {
        Some(p) => {
            jobs::private::write_private(p, csv.as_bytes())?;
            out.note(format!("{} rows written to {}.", csv.lines().count().saturating_sub(1), p.display()));
        }
        None => print!("{csv}"),
    }
    Ok(())
}

pub async fn export(cmd: ExportCommand, global: &GlobalArgs, out: &Out) -> CliResult {
    let market = match cmd {
        ExportCommand::GgProducts(_) | ExportCommand::GgOffers(_) => Market::GamingGoods,
        ExportCommand::GgcOffers(_) => Market::GgChest,
    };
    let target = context::resolve(global, market)?;
    let config = target.client_config()?;
    let result = async {
        match cmd {
            ExportCommand::GgProducts(o) => {
                write(jobs::export::gg_products(&GgClient::new(config)?).await?, o.out.as_deref(), out)
            }
            ExportCommand::GgOffers(o) => {
                write(jobs::export::gg_offers(&GgClient::new(config)?).await?, o.out.as_deref(), out)
            }
            ExportCommand::GgcOffers(o) => {
                let client = GgcClient::new(config)?;
                write(jobs::export::ggc_offers(&client, &Default::default()).await?, o.out.as_deref(), out)
            }
        }
    };
    result.await.map_err(|e| target.annotate(e))
}
