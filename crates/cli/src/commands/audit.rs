//! `sellerdesk audit …` (the local log of changes made on the marketplaces) and
//! `sellerdesk export …` (products and offers as CSV).

use jobs::audit::{self, AuditEntry, AuditLog};
use markets::{gg::GgClient, ggchest::GgcClient, Market};

use crate::{
    args::{jobs::*, GlobalArgs},
    context,
    error::CliResult,
    output::{table, Out},
};

pub fn run(cmd: AuditCommand, out: &Out) -> CliResult {
    let log = AuditLog::in_dir(&jobs::data_dir()?);
    match cmd {
        AuditCommand::List(l) => {
            let all = log.entries()?;
            let latest = &all[all.len().saturating_sub(l.limit)..];
            out.emit(latest, entries_table);
        }
        AuditCommand::Search(s) => {
            let found = log.search(&s.text)?;
            out.emit(found.as_slice(), entries_table);
        }
        AuditCommand::Export(o) => write(audit::to_csv(&log.entries()?), o.out.as_deref(), out)?,
    }
    Ok(())
}

fn entries_table(entries: &[AuditEntry]) -> String {
    if entries.is_empty() {
        return "No entries.".into();
    }
    let mut t = table::new(&["when", "profile", "endpoint", "target", "before → after", "result"]);
    for e in entries {
        let change = match (&e.before, &e.after) {
            (Some(b), Some(a)) => format!("{b} → {a}"),
            (None, Some(a)) => a.clone(),
            _ => String::new(),
        };
        t.add_row(vec![
            e.at.clone(),
            e.profile.clone(),
            e.endpoint.clone(),
            e.target.clone(),
            change,
            e.result.clone(),
        ]);
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
