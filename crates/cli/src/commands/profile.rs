//! `sellerdesk profile …`: metadata in profiles.json, keys in the OS keychain (the `profiles`
//! crate). Keys are read from stdin, and shown only masked.

use crate::{
    args::{profile::ProfileCommand, GlobalArgs},
    error::{CliError, CliResult},
    input,
    output::{table, Out},
};
use desk::profiles::Connection;
use markets::{gg::GgClient, ggchest::GgcClient, Market};
use profiles::{Profile, Profiles};
use serde::Serialize;

/// A profile as printed: everything but the key, which appears masked.
#[derive(Serialize)]
struct ProfileView {
    id: String,
    name: String,
    market: Market,
    base_url: String,
    key: String,
    active: bool,
}

fn view(profiles: &Profiles, p: &Profile, active_id: Option<&str>) -> ProfileView {
    ProfileView {
        id: p.id.clone(),
        name: p.name.clone(),
        market: p.market,
        base_url: p.base_url.clone(),
        key: profiles.masked_key(p),
        active: active_id == Some(p.id.as_str()),
    }
}

fn active_id(profiles: &Profiles) -> CliResult<Option<String>> {
    Ok(profiles.store().active()?.map(|p| p.id))
}

fn one_profile_line(v: &ProfileView, verb: &str) -> String {
    format!(
        "{verb} profile \"{}\" ({}, {}, key {}){}",
        v.name,
        v.market.display_name(),
        v.base_url,
        v.key,
        if v.active { ", active" } else { "" }
    )
}

pub async fn run(cmd: ProfileCommand, global: &GlobalArgs, out: &Out) -> CliResult {
    let profiles = Profiles::open()?;
    match cmd {
        ProfileCommand::Add(a) => {
            let Some(market) = global.market else {
                return Err(CliError::usage("`profile add` needs --market gg or --market ggchest"));
            };
            // Check the name before asking for a key, so nobody types a key for nothing.
            profiles::validate_name(&a.name)?;
            let key = input::read_key(&a.name)?;
            let p = desk::profiles::add(&profiles, &a.name, market.into(), global.base_url.as_deref(), &key)?;
            let v = view(&profiles, &p, active_id(&profiles)?.as_deref());
            out.emit(&v, |v| {
                format!(
                    "{}\nCheck the key with `sellerdesk profile test {}`.",
                    one_profile_line(v, "Added"),
                    shell_word(&v.name)
                )
            });
        }
        ProfileCommand::List(l) if l.orphans => orphans(&profiles, l.remove, l.include_unrecorded, out)?,
        ProfileCommand::List(_) => {
            let active = active_id(&profiles)?;
            let views: Vec<ProfileView> =
                profiles.store().list()?.iter().map(|p| view(&profiles, p, active.as_deref())).collect();
            out.emit(&views, |views| {
                if views.is_empty() {
                    return "No profiles yet: add one with `sellerdesk profile add NAME --market gg|ggchest`.".into();
                }
                let mut t = table::new(&["", "Name", "Market", "Base URL", "Key"]);
                for v in views {
                    let mark = if v.active { "*" } else { "" };
                    t.add_row(vec![mark, &v.name, v.market.id(), &v.base_url, &v.key]);
                }
                format!("{t}\n* = active profile (used when --profile is not given)")
            });
        }
        ProfileCommand::Test(t) => {
            let p = match t.name.as_deref().or(global.profile.as_deref()) {
                Some(name) => profiles.store().find(name)?,
                None => profiles.store().active()?.ok_or_else(|| {
                    CliError::new(
                        markets::ErrorCode::NoProfile,
                        "no active profile: name one, e.g. `sellerdesk profile test shop`",
                    )
                })?,
            };
            test(&profiles, &p, global, out).await?;
        }
        ProfileCommand::Remove(a) => {
            let p = profiles.store().find(&a.name)?;
            let removed = profiles.remove(&p)?;
            let v = ProfileView {
                id: removed.id.clone(),
                name: removed.name.clone(),
                market: removed.market,
                base_url: removed.base_url.clone(),
                key: "deleted".into(),
                active: false,
            };
            out.emit(&v, |v| format!("Removed profile \"{}\" and deleted its key from the keychain.", v.name));
        }
        ProfileCommand::Use(a) => {
            let p = profiles.store().find(&a.name)?;
            let p = profiles.store().set_active(&p.id)?;
            let v = view(&profiles, &p, Some(&p.id));
            out.emit(&v, |v| one_profile_line(v, "Using"));
        }
        ProfileCommand::Rename(r) => {
            let p = profiles.store().find(&r.name)?;
            let p = profiles.store().rename(&p.id, &r.new_name)?;
            let v = view(&profiles, &p, active_id(&profiles)?.as_deref());
            out.emit(&v, |v| one_profile_line(v, "Renamed"));
        }
        ProfileCommand::SetKey(a) => {
            let p = profiles.store().find(&a.name)?;
            let key = input::read_key(&p.name)?;
            profiles.replace_key(&p, &key)?;
            let v = view(&profiles, &p, active_id(&profiles)?.as_deref());
            out.emit(&v, |v| one_profile_line(v, "Stored a new key for"));
        }
        ProfileCommand::SetUrl(s) => {
            let p = profiles.store().find(&s.name)?;
            let url = if s.production { None } else { s.url.as_deref() };
            let change = desk::profiles::base_url_change(&p, url, None)?;
            if let Some(origin) = &change.to_confirm {
                input::confirm(
                    &format!(
                        "Profile \"{}\" ({}) would send its API key to {origin} instead of {}'s own server: \
                         whoever runs that server gets the key. Send it there?",
                        p.name,
                        p.market.display_name(),
                        p.market.display_name()
                    ),
                    s.yes,
                )?;
            }
            let p = desk::profiles::set_base_url(&profiles, &p, change, true)?;
            let v = view(&profiles, &p, active_id(&profiles)?.as_deref());
            out.emit(&v, |v| one_profile_line(v, "Updated"));
        }
    }
    Ok(())
}

/// `profile list --orphans [--remove [--include-unrecorded]]`.
#[derive(Serialize)]
struct OrphansView {
    /// Left by a `profile add` that was killed (recorded in profiles.json).
    orphans: Vec<profiles::Orphan>,
    /// Profile keys in the keychain nothing in this profiles.json names; `null` where the
    /// keychain cannot be listed.
    unrecorded: Option<Vec<String>>,
    /// Whether the listed keys were deleted.
    removed: bool,
}

fn orphans(profiles: &Profiles, remove: bool, include_unrecorded: bool, out: &Out) -> CliResult {
    let list = if remove { profiles.remove_orphans()? } else { profiles.orphans()? };
    let mut unrecorded = profiles.unrecorded_keys()?;
    if let (true, Some(ids)) = (include_unrecorded, unrecorded.as_mut()) {
        *ids = profiles.remove_unrecorded_keys(ids)?;
    }
    let path = profiles.store().path().display().to_string();
    let view = OrphansView { orphans: list, unrecorded, removed: remove };
    out.emit(&view, |v| {
        let mut text = Vec::new();
        if v.orphans.is_empty() {
            text.push("No orphan keys from an interrupted `profile add`.".to_owned());
        } else {
            let mut t = table::new(&["Id", "Name", "Market", "Since", "Key in keychain"]);
            for o in &v.orphans {
                let key = match o.key_stored {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "unknown",
                };
                t.add_row(vec![o.id.as_str(), &o.name, o.market.id(), &o.since, key]);
            }
            text.push(t.to_string());
            text.push(if v.removed {
                "Removed (keys deleted from the keychain).".to_owned()
            } else {
                "Left by a `profile add` that was interrupted; no profile points at them. `sellerdesk profile list --orphans --remove` deletes them.".to_owned()
            });
        }
        match &v.unrecorded {
            None => text.push("(This keychain cannot be listed: keys stored by older versions are not shown.)".into()),
            Some(ids) if ids.is_empty() => {}
            Some(ids) if include_unrecorded => {
                text.push(format!("Deleted {} keychain keys no profile named: {}.", ids.len(), ids.join(", ")))
            }
            Some(ids) => text.push(format!(
                "{} keychain keys under `sellerdesk` name no profile in {path}: {}. They were left by an interrupted `profile add` of an older version, or belong to profiles of another SELLERDESK_CONFIG_DIR. `sellerdesk profile list --orphans --remove --include-unrecorded` deletes them.",
                ids.len(),
                ids.join(", ")
            )),
        }
        text.join("\n")
    });
    Ok(())
}

#[derive(Serialize)]
struct TestResult {
    profile: String,
    market: Market,
    base_url: String,
    ok: bool,
    detail: String,
    counts: desk::profiles::ConnectionCounts,
}

/// One cheap authenticated call. A rejected key is an error (non-zero exit), not an "OK".
async fn test(profiles: &Profiles, p: &Profile, global: &GlobalArgs, out: &Out) -> CliResult {
    // The key goes where any command's would (a confirmed host only, or --base-url).
    let target = crate::context::from_profile(profiles, p.clone(), global, p.market)?;
    let config = target.client_config()?;
    let counts = match p.market {
        Market::GamingGoods => desk::profiles::test_connection(Connection::Gg(&GgClient::new(config)?)).await?,
        Market::GgChest => desk::profiles::test_connection(Connection::Ggc(&GgcClient::new(config)?)).await?,
    };
    let r = TestResult {
        profile: p.name.clone(),
        market: p.market,
        base_url: target.base_url,
        ok: true,
        detail: counts.summary(),
        counts,
    };
    out.emit(&r, |r| {
        format!("OK: {} accepted the key of profile \"{}\" at {} ({}).", r.market, r.profile, r.base_url, r.detail)
    });
    Ok(())
}

/// `name` quoted for a shell when it needs to be, for suggested commands.
pub(crate) fn shell_word(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c)) {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', r"'\''"))
    }
}
