//! Which marketplace, URL and key a market command uses, in this order:
//! 1. `--profile NAME`;
//! 2. `SELLERDESK_API_KEY` (cron, CI): no profile needed, `--market`/`--base-url` say where;
//! 3. the active profile.
//!
//! `--base-url` overrides a profile's URL for one run. The market comes from the command
//! (`gg …` or `ggc …`); a profile or `--market` for the other marketplace is an error rather
//! than a request sent with the wrong key.

use crate::{
    args::GlobalArgs,
    error::{CliError, CliResult},
};
use markets::{ApiKey, ClientConfig, Market, Pacing};
use profiles::{Profile, Profiles};

pub const API_KEY_ENV: &str = "SELLERDESK_API_KEY";
pub const PACING_SCALE_ENV: &str = "SELLERDESK_PACING_SCALE";

/// Where one run's requests go, and with which key.
pub struct Target {
    pub market: Market,
    pub base_url: String,
    pub key: ApiKey,
    /// "profile shop" or "SELLERDESK_API_KEY", for messages.
    pub source: String,
    /// `--dry-run`: reads are sent, the first change is not.
    pub dry_run: bool,
    /// The profile's id (none for a key from the environment), for the audit log.
    pub profile_id: Option<String>,
}

impl Target {
    /// Says where a rejected key came from: with a profile and an env key around, it matters.
    pub fn annotate(&self, mut e: CliError) -> CliError {
        if e.code == markets::ErrorCode::KeyRejected {
            e.message = format!("{} (the key came from {})", e.message, self.source);
        }
        e
    }

    pub fn client_config(&self) -> CliResult<ClientConfig> {
        let pacing = Pacing::documented(self.market);
        let pacing = match pacing_scale()? {
            Some(f) => pacing.scaled(f),
            None => pacing,
        };
        let config = ClientConfig::new(self.market, self.key.clone())
            .with_base_url(self.base_url.clone())
            .with_pacing(pacing)
            .with_dry_run(self.dry_run);
        Ok(match shared_budget() {
            Some(store) => config.with_ledger(store),
            None => config,
        })
    }
}

/// The local store's record of each key's requests, so that this command, the desktop app and
/// any other `sellerdesk` on the machine stay inside a key's limits together. Without it (no
/// data directory, a broken database) the command still runs, paced on its own, and says so.
fn shared_budget() -> Option<std::sync::Arc<dyn markets::http::RateLedger>> {
    let opened = jobs::data_dir().map_err(|e| e.to_string()).and_then(|d| store::Store::open(&d).map_err(|e| e.0));
    match opened {
        Ok(store) => Some(std::sync::Arc::new(store)),
        Err(e) => {
            eprintln!("warning: the shared rate-limit record cannot be used ({e}); pacing this command on its own");
            None
        }
    }
}

impl Target {
    /// The profile's name (`shop`), or `SELLERDESK_API_KEY`: who made a change, for the audit log.
    pub fn who(&self) -> String {
        self.source.strip_prefix("profile ").unwrap_or(&self.source).to_owned()
    }

    /// The audit log of `data_dir`, its entries made by this target's profile.
    pub fn audit_log(&self, data_dir: &std::path::Path) -> jobs::audit::AuditLog {
        let log = jobs::audit::AuditLog::in_dir(data_dir);
        match &self.profile_id {
            Some(id) => log.for_profile(id.clone()),
            None => log,
        }
    }

    /// [`Target::client_config`] whose change requests are appended to the audit log (a bulk
    /// job writes its own, richer entries and uses the plain config).
    pub fn audited_config(&self) -> CliResult<ClientConfig> {
        let observer = jobs::audit::observer(self.audit_log(&jobs::data_dir()?), self.who());
        Ok(self.client_config()?.with_observer(observer))
    }
}

/// `SELLERDESK_PACING_SCALE`: a testing knob that shortens (or lengthens) the documented
/// rate-limit windows, for a sandbox whose clock runs faster.
fn pacing_scale() -> CliResult<Option<f64>> {
    let Ok(raw) = std::env::var(PACING_SCALE_ENV) else { return Ok(None) };
    if raw.trim().is_empty() {
        return Ok(None);
    }
    match raw.trim().parse::<f64>() {
        Ok(f) if f.is_finite() && f > 0.0 => Ok(Some(f)),
        _ => Err(CliError::config(format!(
            "{PACING_SCALE_ENV}=`{raw}` is not a positive number (it scales the rate-limit windows, e.g. 0.01)"
        ))),
    }
}

fn env_key() -> Option<ApiKey> {
    std::env::var(API_KEY_ENV).ok().map(ApiKey::new).filter(|k| !k.is_empty())
}

/// The target for a command of `market`.
pub fn resolve(global: &GlobalArgs, market: Market) -> CliResult<Target> {
    let flag_market: Option<Market> = global.market.map(Into::into);
    if let Some(m) = flag_market.filter(|m| *m != market) {
        return Err(CliError::usage(format!(
            "--market {} does not match this command, which is for {}",
            m.id(),
            market.display_name()
        )));
    }
    if let Some(name) = &global.profile {
        let profiles = Profiles::open()?;
        let profile = profiles.store().find(name)?;
        return from_profile(&profiles, profile, global, market);
    }
    if let Some(key) = env_key() {
        let base_url = global.base_url.clone().unwrap_or_else(|| market.production_base_url().to_owned());
        return Ok(Target {
            market,
            base_url,
            key,
            source: API_KEY_ENV.to_owned(),
            profile_id: None,
            dry_run: global.dry_run,
        });
    }
    let profiles = Profiles::open()?;
    match profiles.store().active()? {
        Some(profile) => from_profile(&profiles, profile, global, market),
        None => Err(CliError::new(
            markets::ErrorCode::NoProfile,
            format!(
                "no profile to use: add one with `sellerdesk profile add NAME --market {}` (the key is read from stdin), \
                 pick one with --profile NAME, or set {API_KEY_ENV} (with --market and --base-url) for scripts",
                market.id()
            ),
        )),
    }
}

pub(crate) fn from_profile(
    profiles: &Profiles,
    profile: Profile,
    global: &GlobalArgs,
    market: Market,
) -> CliResult<Target> {
    if profile.market != market {
        return Err(CliError::usage(format!(
            "profile \"{}\" is for {}, but this command is for {}: pass --profile with a {} profile",
            profile.name,
            profile.market.display_name(),
            market.display_name(),
            market.display_name()
        )));
    }
    // A --base-url typed for this run is the user's own choice; the profile's stored URL gets
    // the key only if it is the marketplace's or a host confirmed for the profile (a URL put in
    // profiles.json by other means does not), as in the app.
    if global.base_url.is_none() {
        desk::key_destination::check_destination(&profile, None).map_err(|e| {
            let mut e = CliError::from(e);
            e.message = e.message.replace(
                "open the profile's settings and save its base URL again to confirm it",
                &format!(
                    "confirm it with `sellerdesk profile set-url {} URL`",
                    crate::commands::profile::shell_word(&profile.name)
                ),
            );
            e
        })?;
    }
    let key = profiles.key_for(&profile)?;
    let base_url = global.base_url.clone().unwrap_or_else(|| profile.base_url.clone());
    Ok(Target {
        market,
        base_url,
        key,
        source: format!("profile {}", profile.name),
        profile_id: Some(profile.id),
        dry_run: global.dry_run,
    })
}
