//! `sellerdesk gg …`: each command is one `GgClient` call (or a page walk), printed.

use super::AllItems;
use crate::{
    args::{gg::*, GlobalArgs},
    context,
    error::{CliError, CliResult},
    input,
    output::{money, Out},
    render::gg as render,
};
use markets::{
    gg::{GgClient, NewOffers, NewProduct, ProductUpdate as Update},
    Amount, Cents, Market,
};
use serde::Serialize;
use serde_json::Value;

pub async fn run(cmd: GgCommand, global: &GlobalArgs, out: &Out) -> CliResult {
    let target = context::resolve(global, Market::GamingGoods)?;
    let client = GgClient::new(target.audited_config()?)?;
    dispatch(cmd, &client, out).await.map_err(|e| target.annotate(e))
}

async fn dispatch(cmd: GgCommand, client: &GgClient, out: &Out) -> CliResult {
    match cmd {
        GgCommand::Dashboard => {
            let d = client.dashboard().await?;
            out.emit(&d, render::dashboard);
        }
        GgCommand::Products(cmd) => products(cmd, client, out).await?,
        GgCommand::Codes(CodesCommand::Upload(u)) => {
            let codes = input::read_codes(&u.file, "--file", out)?;
            let report = desk::gg_codes::upload_codes(client, &u.product_id, &codes, |_, _| {}, || false).await?;
            let refused = refused(report.rejected_duplicates, report.refusal, codes.len(), u.show_codes, out);
            let r = CodesUploadResult { uploaded: report.uploaded, stock_available: report.stock_available, refused };
            out.emit(&r, |r| match r.stock_available {
                Some(stock) => format!("Uploaded {} codes; {stock} now in stock.", r.uploaded),
                None => "Uploaded no code.".to_owned(),
            });
        }
        GgCommand::Offers(cmd) => offers(cmd, client, out).await?,
    }
    Ok(())
}

fn amount(field: &str, text: &str) -> CliResult<Amount> {
    Amount::parse(text).map_err(|m| CliError::invalid(field, m))
}

/// Codes Gaming Goods refused and set aside: counted; listed only when asked (`--show-codes`).
#[derive(Debug, Serialize)]
struct Refused {
    count: usize,
    /// Most often: the code is already on the marketplace (the 422's wording is not fixed).
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    codes: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
struct CodesUploadResult {
    uploaded: u64,
    stock_available: Option<u64>,
    refused: Refused,
}

/// The codes Gaming Goods refused, as the seller sees them: a count and the reason on stderr,
/// the codes themselves only with `--show-codes`.
fn refused(codes: Vec<String>, reason: Option<String>, total: usize, show: bool, out: &Out) -> Refused {
    let refused = Refused {
        count: codes.len(),
        reason: (!codes.is_empty()).then(|| reason.unwrap_or_default()),
        codes: show.then_some(codes),
    };
    if refused.count > 0 {
        out.note(format!(
            "{} of {total} codes refused by Gaming Goods and not uploaded (most likely already on the marketplace: {}).",
            refused.count,
            refused.reason.as_deref().unwrap_or_default()
        ));
        match &refused.codes {
            Some(list) if !out.json => list.iter().for_each(|c| out.note(format!("  refused: {c}"))),
            Some(_) => {}
            None => out.note("Run again with --show-codes to list them."),
        }
    }
    refused
}

async fn products(cmd: ProductsCommand, client: &GgClient, out: &Out) -> CliResult {
    match cmd {
        ProductsCommand::List(l) if l.all => {
            let all = AllItems::new(client.all_products().await?);
            out.emit(&all, |a| render::products(&a.items, &format!("{} listings.", a.total)));
        }
        ProductsCommand::List(l) => {
            let page = client.products(l.limit, l.offset).await?;
            out.emit(&page, |p| {
                // The answer's offset, or the one asked for if it has none.
                let offset = if p.offset > 0 { p.offset } else { l.offset };
                let hint = format!("Next: --offset {} (or --all).", offset + p.items.len() as u64);
                render::products(&p.items, &crate::output::table::showing(offset + 1, p.items.len(), p.total, &hint))
            });
        }
        ProductsCommand::Create(c) => {
            let product = new_product(*c, out)?;
            let p = client.create_product(&product).await?;
            out.emit(&p, |p| {
                format!(
                    "{}\nCreated listing {}; it is checked by moderation before it goes on sale.",
                    render::product(p),
                    p.id
                )
            });
        }
        ProductsCommand::Get(g) => {
            let p = client.product(&g.id).await?;
            out.emit(&p, render::product);
        }
        ProductsCommand::Update(u) => {
            let update = Update {
                name: u.name,
                description: u.description,
                price: u.price.as_deref().map(|p| amount("price", p)).transpose()?,
                image_url: u.image_url,
                is_active: None,
            };
            let known = desk::audit::known_gg_product_update(&update);
            let p = jobs::audit::with_known(known, client.update_product(&u.id, &update)).await?;
            out.emit(&p, |p| format!("{}\nUpdated listing {}.", render::product(p), p.id));
        }
        ProductsCommand::Deactivate(g) => {
            let p = client.deactivate_product(&g.id).await?;
            out.emit(&p, |p| format!("Deactivated listing {}: it is off sale.", p.id));
        }
        ProductsCommand::Activate(g) => {
            let p = client.reactivate_product(&g.id).await?;
            out.emit(&p, |p| format!("Activated listing {}: it is on sale again once approved by moderation.", p.id));
        }
    }
    Ok(())
}

/// The create body from `--file` (plus `--codes-file`), or from the field flags.
fn new_product(c: ProductCreate, out: &Out) -> CliResult<NewProduct> {
    // A mistyped price is reported before the codes file is even read.
    let price = c.price.as_deref().map(|p| amount("price", p)).transpose()?;
    let extra_codes = match &c.codes_file {
        Some(path) => input::read_codes(path, "--codes-file", out)?,
        None => Vec::new(),
    };
    if let Some(path) = &c.file {
        let mut value = input::read_json(path, "--file")?;
        if !extra_codes.is_empty() {
            let obj = value.as_object_mut().ok_or_else(|| CliError::invalid("--file", "must hold a JSON object"))?;
            let codes = obj.entry("codes").or_insert_with(|| Value::Array(Vec::new()));
            let arr = codes.as_array_mut().ok_or_else(|| CliError::invalid("codes", "must be a list of strings"))?;
            arr.extend(extra_codes.into_iter().map(Value::String));
        }
        return input::typed(value, path, out);
    }
    // clap requires these unless --file is given.
    let req = |v: Option<String>| v.unwrap_or_default();
    Ok(NewProduct {
        price: price.expect("clap requires --price without --file"),
        name: req(c.name),
        description: req(c.description),
        category: req(c.category),
        brand: c.brand,
        currency: req(c.currency).trim().to_ascii_uppercase(),
        delivery_type: c.delivery.unwrap_or(markets::gg::DeliveryType::Manual),
        image_url: c.image_url,
        codes: extra_codes,
    })
}

#[derive(Serialize)]
struct OffersAddResult {
    product_id: String,
    price_cents: Cents,
    added: u64,
    refused: Refused,
}

async fn offers(cmd: OffersCommand, client: &GgClient, out: &Out) -> CliResult {
    match cmd {
        OffersCommand::Add(a) => {
            let price_cents = match (&a.price_cents, &a.price) {
                (Some(c), _) => Cents(c.trim().parse::<i64>().map_err(|_| {
                    CliError::invalid(
                        "price_cents",
                        format!("`{c}` is not a whole number of euro cents (1799 = 17.99 €)"),
                    )
                })?),
                (None, Some(p)) => Cents::parse_eur(p).map_err(|m| CliError::invalid("price", m))?,
                (None, None) => return Err(CliError::usage("give --price-cents or --price")),
            };
            let codes = input::read_codes(&a.file, "--file", out)?;
            let product_id = a.product_id.trim().to_owned();
            let total = codes.len();
            let body = NewOffers { product_id: product_id.clone(), price_cents, codes };
            let report = desk::gg_codes::add_offers(client, &body).await?;
            let refused = refused(report.rejected_duplicates, report.refusal, total, a.show_codes, out);
            let r = OffersAddResult { product_id, price_cents, added: report.added, refused };
            out.emit(&r, |r| {
                format!("Added {} offers on product {} at {}.", r.added, r.product_id, money::cents(r.price_cents))
            });
        }
        OffersCommand::List(l) if l.all => {
            let offers = client.all_offers().await?;
            let total = offers.len();
            let all = serde_json::json!({ "offers": offers, "total": total });
            out.emit(&all, |_| render::offers(&offers, &format!("{total} offers.")));
        }
        OffersCommand::List(l) => {
            let page = client.offers(l.page, l.page_size).await?;
            out.emit(&page, |p| {
                // The answer's page and page size, or those asked for if it has none.
                let page = if p.page > 0 { p.page } else { l.page };
                let size = if p.page_size > 0 { p.page_size } else { l.page_size };
                let first = (page.max(1) as u64 - 1) * size as u64 + 1;
                let hint = format!("Next: --page {} (or --all).", page + 1);
                render::offers(&p.offers, &crate::output::table::showing(first, p.offers.len(), p.total, &hint))
            });
        }
        OffersCommand::Reprice(r) => {
            let known = desk::audit::known_gg_reprice(r.from, r.to);
            let done = jobs::audit::with_known(known, client.reprice_offers(&r.product_id, Cents(r.from), Cents(r.to)))
                .await?;
            out.emit(&done, |d| {
                format!(
                    "Repriced {} unsold offers on product {}: {} → {}.",
                    d.updated,
                    r.product_id,
                    money::cents(Cents(r.from)),
                    money::cents(Cents(r.to))
                )
            });
        }
        OffersCommand::Delete(d) => {
            // What goes, read first: the API deletes every unsold offer on the product, at every price.
            let goes = desk::gg_offers::deletion(client, &d.product_id).await?;
            input::confirm(&format!("Delete your offers on product {}? {}", goes.product_id, goes.english()), d.yes)?;
            let r = client.delete_offers(&d.product_id).await?;
            out.emit(&r, |r| format!("Deleted {} unsold offers on product {}.", r.deleted, d.product_id));
        }
    }
    Ok(())
}
