//! `sellerdesk ggc offers list|get|create|update|edit`; the rest in [`super::batch`].

use super::{batch, page_footer, AllItems};
use crate::{
    args::ggc::{OfferCreate, OfferEdit, OfferUpdate as UpdateArgs, OffersCommand},
    error::{CliError, CliResult},
    input,
    output::{money, Out},
    render::ggc as render,
};
use markets::{
    ggchest::{
        AccountsOfferUpdate, GgcClient, NewAccountsOffer, NewCurrencyOffer, NewItemsOffer, Offer, OfferType,
        OfferUpdate, OffersFilter, OldPrice,
    },
    UsdPrice,
};
use serde::Serialize;
use serde_json::{Map, Value};

pub async fn run(cmd: OffersCommand, client: &GgcClient, out: &Out) -> CliResult {
    match cmd {
        OffersCommand::List(l) => {
            let filter = OffersFilter { status: l.status, offer_type: l.offer_type, game_id: l.game };
            if l.paging.all {
                let all = AllItems::new(client.all_offers(&filter).await?);
                out.emit(&all, |a| render::offers(&a.items, &format!("{} offers.", a.total)));
            } else {
                let page = client.offers(&filter, l.paging.page, l.paging.per_page).await?;
                out.emit(&page, |p| {
                    render::offers(
                        &p.items,
                        &page_footer(&p.pagination, p.items.len(), l.paging.page, l.paging.per_page),
                    )
                });
            }
        }
        OffersCommand::Get(g) => {
            let offer = client.offer(&g.id).await?;
            out.emit(&offer, render::offer);
        }
        OffersCommand::Create(c) => create(c, client, out).await?,
        OffersCommand::Update(u) => update(u, client, out).await?,
        OffersCommand::Edit(e) => edit(*e, client, out).await?,
        OffersCommand::Delete(d) => batch::delete(d, client, out).await?,
        OffersCommand::Activate(ids) => batch::set_state(batch::State::Active, ids, client, out).await?,
        OffersCommand::Draft(ids) => batch::set_state(batch::State::Draft, ids, client, out).await?,
        OffersCommand::Toggle(t) => batch::toggle(&t.id, client, out).await?,
        OffersCommand::Price(p) => batch::price(&p.id, &p.price, client, out).await?,
    }
    Ok(())
}

#[derive(Serialize)]
struct Created {
    id: String,
    offer_type: OfferType,
    status: &'static str,
}

fn object<'a>(value: &'a mut Value, flag: &str) -> CliResult<&'a mut Map<String, Value>> {
    value.as_object_mut().ok_or_else(|| CliError::invalid(flag, "must hold a JSON object (the request body)"))
}

async fn create(c: OfferCreate, client: &GgcClient, out: &Out) -> CliResult {
    let mut value = input::read_json(&c.file, "--file")?;
    if c.offer_type == OfferType::Accounts {
        let obj = object(&mut value, "--file")?;
        let accounts = obj.entry("accounts").or_insert_with(|| Value::Array(Vec::new()));
        let list = accounts.as_array_mut().ok_or_else(|| CliError::invalid("accounts", "must be a list"))?;
        if let Some(csv) = &c.accounts_csv {
            for a in input::read_accounts_csv(csv, "--accounts-csv", out)? {
                list.push(serde_json::to_value(a).expect("accounts serialize"));
            }
        }
        let count = list.len();
        // The guide wants qty_total equal to the number of accounts: the natural default.
        obj.entry("qty_total").or_insert_with(|| Value::from(count));
    } else if c.accounts_csv.is_some() {
        return Err(CliError::usage(format!("--accounts-csv is only for accounts offers, not {}", c.offer_type)));
    }
    let id = match c.offer_type {
        OfferType::Accounts => {
            client.create_accounts_offer(&input::typed::<NewAccountsOffer>(value, &c.file, out)?).await?
        }
        OfferType::Currency => {
            client.create_currency_offer(&input::typed::<NewCurrencyOffer>(value, &c.file, out)?).await?
        }
        OfferType::Items => client.create_items_offer(&input::typed::<NewItemsOffer>(value, &c.file, out)?).await?,
        OfferType::Unknown(t) => return Err(CliError::usage(format!("unknown offer type `{t}`"))),
    }
    .id;
    let r = Created { id, offer_type: c.offer_type, status: "draft" };
    out.emit(&r, |r| {
        format!(
            "Created {} offer {} as a draft. Put it on sale with `sellerdesk ggc offers activate {}`.",
            r.offer_type, r.id, r.id
        )
    });
    Ok(())
}

#[derive(Serialize)]
struct Updated {
    id: String,
    offer_type: OfferType,
    updated: bool,
}

async fn update(u: UpdateArgs, client: &GgcClient, out: &Out) -> CliResult {
    // Read (and check) the file before asking GGChest anything.
    let mut value = input::read_json(&u.file, "--file")?;
    let offer_type = match u.offer_type {
        Some(t) => t,
        None => client.offer(&u.id).await?.offer_type.unwrap_or(OfferType::Unknown("missing".into())),
    };
    match &offer_type {
        OfferType::Accounts => {
            // Accounts listed in an update are accounts to add; none is the common case.
            object(&mut value, "--file")?.entry("accounts").or_insert_with(|| Value::Array(Vec::new()));
            let body: AccountsOfferUpdate = input::typed(value, &u.file, out)?;
            client.update_accounts_offer(&u.id, &body).await?;
        }
        OfferType::Currency => {
            client.update_currency_offer(&u.id, &input::typed::<OfferUpdate>(value, &u.file, out)?).await?
        }
        OfferType::Items => {
            client.update_items_offer(&u.id, &input::typed::<OfferUpdate>(value, &u.file, out)?).await?
        }
        OfferType::Unknown(t) => {
            return Err(CliError::usage(format!("offer {} has type `{t}`; pass --type accounts|items|currency", u.id)))
        }
    }
    let r = Updated { id: u.id, offer_type, updated: true };
    out.emit(&r, |r| format!("Updated {} offer {}.", r.offer_type, r.id));
    Ok(())
}

async fn edit(e: OfferEdit, client: &GgcClient, out: &Out) -> CliResult {
    let add_accounts = match &e.add_accounts_csv {
        Some(path) => input::read_accounts_csv(path, "--add-accounts-csv", out)?,
        None => Vec::new(),
    };
    let added = add_accounts.len();
    let edit = desk::ggc_offers::OfferEdit {
        title: e.title.clone(),
        description: e.description.clone(),
        price: e.price.clone(),
        old_price: e.old_price.clone(),
        clear_old_price: e.no_old_price,
        delivery_time: e.delivery_time.clone(),
        qty_total: e.qty_total,
        qty_min: e.qty_min,
        attributes: None,
        add_accounts,
    };
    let edited = desk::ggc_offers::edit(client, &e.id, edit).await?;
    // JSON: the offer as GGChest now has it, so a script sees the merged result.
    out.emit(&edited.after, |_| edit_summary(&edited.before, &e, edited.price, edited.old_price, added));
    Ok(())
}

/// "Updated offer X: price $10.00 → $12.50; 2 accounts added."
fn edit_summary(b: &Offer, e: &OfferEdit, price: Option<UsdPrice>, old: Option<OldPrice>, added: usize) -> String {
    let mut changes = Vec::new();
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    if let Some(t) = &e.title {
        changes.push(format!("title \"{}\" → \"{t}\"", opt(&b.title)));
    }
    if e.description.is_some() {
        changes.push("description changed".to_owned());
    }
    if let Some(p) = price {
        changes.push(format!("price {} → {}", money::usd_opt(b.price), money::usd(p)));
    }
    if let Some(o) = old {
        let new = o.price().map(money::usd).unwrap_or_else(|| "none".into());
        changes.push(format!("old price {} → {new}", money::usd_opt(b.old_price)));
    }
    if let Some(t) = &e.delivery_time {
        changes.push(format!(
            "delivery time {} → {t}",
            b.delivery_time.as_ref().map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    if let Some(q) = e.qty_total {
        changes.push(format!("qty total {} → {q}", b.qty_total.unwrap_or_default()));
    }
    if let Some(q) = e.qty_min {
        changes.push(format!("qty min {} → {q}", b.qty_min.unwrap_or_default()));
    }
    if added > 0 {
        changes.push(format!("{added} accounts added"));
    }
    format!("Updated offer {}: {}.", b.id, changes.join("; "))
}
