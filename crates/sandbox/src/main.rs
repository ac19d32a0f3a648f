//! `sellerdesk-sandbox`: serves both simulated Seller APIs until Ctrl-C or SIGTERM.
//!
//! ```text
//! sellerdesk-sandbox [--port N] [--time-scale F] [--no-rate-limits] [--empty]
//! ```

use std::process::ExitCode;

use sandbox::{Sandbox, SandboxConfig, GGCHEST_KEY_A, GGCHEST_KEY_B, GG_KEY_A, GG_KEY_B};

const USAGE: &str = "usage: sellerdesk-sandbox [--port N] [--time-scale F] [--no-rate-limits] [--empty]

  --port N          port on 127.0.0.1 (default 0: any free port)
  --time-scale F    multiply every rate-limit window by F (default 1.0)
  --no-rate-limits  never answer 429 unless a fault says so
  --empty           no demo listings, offers or orders (keys, catalog and games stay)";

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<SandboxConfig, String> {
    let mut config = SandboxConfig::default();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        let mut value =
            |name: &str| inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value"));
        match flag.as_str() {
            "--port" => {
                config.port =
                    value("--port")?.parse().map_err(|_| "--port takes a number from 0 to 65535".to_owned())?;
            }
            "--time-scale" => {
                let scale: f64 =
                    value("--time-scale")?.parse().map_err(|_| "--time-scale takes a number".to_owned())?;
                if !(scale.is_finite() && scale > 0.0) {
                    return Err("--time-scale must be greater than 0".to_owned());
                }
                config.time_scale = scale;
            }
            "--no-rate-limits" => config.enforce_rate_limits = false,
            "--empty" => config.seed_demo_data = false,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(config)
}

async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("sellerdesk-sandbox: {message}");
            }
            eprintln!("{USAGE}");
            return if message.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) };
        }
    };
    let sandbox = match Sandbox::start(config).await {
        Ok(sandbox) => sandbox,
        Err(e) => {
            eprintln!("sellerdesk-sandbox: cannot listen: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("gg: {}", sandbox.gg_base_url());
    println!("ggchest: {}", sandbox.ggchest_base_url());
    println!("admin: {}", sandbox.admin_url());
    println!("gg keys: {GG_KEY_A} {GG_KEY_B}");
    println!("ggchest keys: {GGCHEST_KEY_A} {GGCHEST_KEY_B}");
    stop_signal().await;
    sandbox.shutdown().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<SandboxConfig, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn flags() {
        let config = parse(&["--port", "8080", "--time-scale=0.5", "--no-rate-limits", "--empty"]).unwrap();
        assert_eq!(config.port, 8080);
        assert_eq!(config.time_scale, 0.5);
        assert!(!config.enforce_rate_limits);
        assert!(!config.seed_demo_data);
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--time-scale", "0"]).is_err());
        assert!(parse(&["--what"]).is_err());
        assert_eq!(parse(&[]).unwrap(), SandboxConfig::default());
    }
}
