//! Shared by the CLI's test files: a sandbox started in-process on its own runtime, and the
//! real `sellerdesk` binary run against it over HTTP on loopback.
//!
//! The sandbox runs with a time scale of 0.01 (a "minute" is 0.6 s) and the CLI is told so
//! through `SELLERDESK_PACING_SCALE`: the documented rate limits stay enforced, in less time.

#![allow(dead_code)]

use assert_cmd::Command;
use sandbox::{GgDeliveryType, Sandbox, SandboxConfig, GGCHEST_KEY_A, GG_KEY_A};
use serde_json::Value;
use std::path::PathBuf;
use tempfile::TempDir;

pub const TIME_SCALE: f64 = 0.01;

pub struct Env {
    // Declared before the runtime so the sandbox is dropped while its runtime is still alive.
    pub sandbox: Sandbox,
    rt: tokio::runtime::Runtime,
    /// `SELLERDESK_CONFIG_DIR` of every run: profiles.json lives here.
    pub config_dir: TempDir,
    /// Scratch space for input files.
    pub files: TempDir,
}

impl Env {
    pub fn start() -> Env {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let config = SandboxConfig { time_scale: TIME_SCALE, ..SandboxConfig::default() };
        let sandbox = rt.block_on(Sandbox::start(config)).expect("sandbox starts");
        Env { sandbox, rt, config_dir: TempDir::new().unwrap(), files: TempDir::new().unwrap() }
    }

    /// `sellerdesk` with a clean environment: no key, no profile, this test's config dir, stdin
    /// empty (never a terminal, as in CI).
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("sellerdesk").unwrap();
        for var in [
            "SELLERDESK_API_KEY",
            "SELLERDESK_PACING_SCALE",
            "SELLERDESK_CONFIG_DIR",
            "SELLERDESK_DATA_DIR",
            "RUST_LOG",
        ] {
            c.env_remove(var);
        }
        c.env("SELLERDESK_CONFIG_DIR", self.config_dir.path())
            // Jobs, the audit log and the store of this test only (a test may set its own).
            .env("SELLERDESK_DATA_DIR", self.config_dir.path().join("data"))
            .env("SELLERDESK_PACING_SCALE", TIME_SCALE.to_string())
            .write_stdin("");
        c
    }

    /// A Gaming Goods command as seller A, by `SELLERDESK_API_KEY` (no profile).
    pub fn gg(&self, args: &[&str]) -> Run {
        self.with_key(GG_KEY_A, "gg", &self.sandbox.gg_base_url(), args)
    }

    /// A GGChest command as seller A, by `SELLERDESK_API_KEY` (no profile).
    pub fn ggc(&self, args: &[&str]) -> Run {
        self.with_key(GGCHEST_KEY_A, "ggchest", &self.sandbox.ggchest_base_url(), args)
    }

    pub fn with_key(&self, key: &str, market: &str, base_url: &str, args: &[&str]) -> Run {
        let mut c = self.cmd();
        c.env("SELLERDESK_API_KEY", key).args(["--market", market, "--base-url", base_url]).args(args);
        Run::of(&mut c)
    }

    /// The id of one of seller A's AUTO listings (codes can be uploaded only there).
    #[allow(dead_code)] // not every test binary uses it
    pub fn own_auto_listing(&self) -> String {
        let state = self.sandbox.state();
        let auto = state.gg_products_of(GG_KEY_A).into_iter().find(|p| p.delivery_type == GgDeliveryType::Auto);
        auto.expect("seller A has an AUTO listing").id.clone()
    }

    /// Writes `content` to a scratch file and returns its path as a string for argv.
    pub fn file(&self, name: &str, content: impl AsRef<[u8]>) -> String {
        let path: PathBuf = self.files.path().join(name);
        std::fs::write(&path, content).unwrap();
        path.to_str().unwrap().to_owned()
    }
}

/// What one run of the binary came to.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of(c: &mut Command) -> Run {
        let o = c.output().unwrap();
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    /// Asserts success and returns self.
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(self.code, 0, "expected success\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        self
    }

    /// Asserts the exit code and the one-line error format `error[<code>]: …` on stderr.
    #[track_caller]
    pub fn fails(self, exit: i32, code: &str) -> Run {
        assert_eq!(self.code, exit, "exit code\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        // Progress notes printed before sending (code counts) may precede the error line.
        let lines: Vec<&str> = self.stderr.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("error["))
            .unwrap_or_else(|| panic!("no error line:\n{}", self.stderr));
        assert!(
            lines[at].starts_with(&format!("error[{code}]: ")),
            "headline `{}`\nstderr:\n{}",
            lines[at],
            self.stderr
        );
        for line in &lines[at + 1..] {
            assert!(line.starts_with("  "), "only indented lines follow the headline: `{line}`\n{}", self.stderr);
        }
        self
    }

    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// A 1×1 PNG: the sandbox and the client both check the magic bytes.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D,
    0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];
