//! `cargo bench -p jobs` writes docs/BENCHMARKS.md; `cargo bench -p jobs -- --quick` only
//! checks that every benchmark still runs (small sizes, nothing written). Bodies: support/.

mod support;

use std::fmt::Write as _;

use markets::Market;

const COMMAND: &str = "cargo bench -p jobs";

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    // Full: a 3 s "minute" (time scale 0.05), so that the 2 fsyncs of each step stay far below
    // the 30 ms a step may take; quick: small jobs at 0.01.
    let (scale, gg_steps, ggc_steps, lines, requests) =
        if quick { (0.01, 150, 60, 100_000, 200) } else { (0.05, 350, 160, 1_000_000, 2_000) };
    let gg = rt.block_on(support::pacing(Market::GamingGoods, gg_steps, scale));
    let ggc = rt.block_on(support::pacing(Market::GgChest, ggc_steps, scale));
    let parse = support::parse(lines);
    let overhead = rt.block_on(support::overhead(requests));

    let mut md = String::new();
    writeln!(md, "# Benchmarks\n").unwrap();
    writeln!(md, "Produced by `{COMMAND}` (release build; `crates/jobs/benches/`) on the development machine (2 cores), against the in-process sandbox on loopback. CI never times them: the test `crates/jobs/tests/bench_quick.rs` runs the same bodies at small sizes (as `{COMMAND} -- --quick` does) and checks only what they count.\n").unwrap();
    writeln!(md, "## Bulk jobs at the rate limit\n").unwrap();
    writeln!(md, "The sandbox enforces the documented limits with every window multiplied by the time scale; the client paces to the same scaled limits. Minimum = the least time the limits allow for the job's requests from rest (`Pacing::minimum_duration`).\n").unwrap();
    writeln!(md, "| job | steps | time scale | wall time | minimum | wall ÷ minimum (target ≤ 1.05) | 429 answers (target 0) | requests ÷ needed (target 1.0) |").unwrap();
    writeln!(md, "|---|---|---|---|---|---|---|---|").unwrap();
    for (name, r) in [("GG upload codes (100/min)", &gg), ("GGChest set prices (50/min, 1000/h)", &ggc)] {
        writeln!(
            md,
            "| {name} | {} | {} | {:.3} s | {:.3} s | {:.3} | {} | {:.3} ({} ÷ {}) |",
            r.steps,
            r.time_scale,
            r.wall.as_secs_f64(),
            r.minimum.as_secs_f64(),
            r.ratio(),
            r.responses_429,
            r.requests as f64 / r.steps as f64,
            r.requests,
            r.steps
        )
        .unwrap();
    }
    writeln!(md, "\n## Codes parsed and deduplicated\n").unwrap();
    writeln!(md, "| input | lines | unique | repeats dropped | time (target ≤ 1 s) |").unwrap();
    writeln!(md, "|---|---|---|---|---|").unwrap();
    writeln!(
        md,
        "| `product_id,code` CSV (`jobs::plan::gg::parse_product_codes`) | {} | {} | {} | {:.3} s |",
        parse.lines,
        parse.unique,
        parse.duplicates,
        parse.product_codes.as_secs_f64()
    )
    .unwrap();
    writeln!(
        md,
        "| one code a line (`markets::codes::parse_codes`) | {} | {} | {} | {:.3} s |",
        parse.lines,
        parse.unique,
        parse.duplicates,
        parse.single_column.as_secs_f64()
    )
    .unwrap();
    writeln!(md, "\n## Per-request client overhead vs curl on loopback\n").unwrap();
    writeln!(md, "`GET /seller/dashboard` {} times in a row over one kept-alive connection to the sandbox (no pacing): the `markets` client vs one `curl -K` process fetching the same URL as many times (its start-up subtracted).\n", overhead.requests).unwrap();
    let client_us = support::OverheadResult::per_request(overhead.client, overhead.requests);
    match (overhead.curl, overhead.ratio()) {
        (Some(curl), Some(ratio)) => {
            let curl_us = support::OverheadResult::per_request(curl, overhead.requests);
            writeln!(md, "| markets client | curl | ratio (target ≤ 1.2×) |\n|---|---|---|\n| {client_us:.1} µs/request | {curl_us:.1} µs/request | {ratio:.2}× |").unwrap();
        }
        _ => {
            writeln!(md, "| markets client | curl |\n|---|---|\n| {client_us:.1} µs/request | not installed |").unwrap()
        }
    }
    print!("{md}");
    if !quick {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/BENCHMARKS.md");
        std::fs::write(&path, &md).unwrap();
        eprintln!("written to {}", path.display());
    }
}
