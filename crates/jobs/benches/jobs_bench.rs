//! `cargo bench -p jobs` writes its section of docs/BENCHMARKS.md (between the `jobs-bench`
//! markers, leaving the rest of the file as it is); `cargo bench -p jobs --bench jobs_bench -- --quick` only checks
//! that every benchmark still runs (small sizes, nothing written). Bodies: support/.

mod support;

use std::fmt::Write as _;

use markets::Market;

const COMMAND: &str = "cargo bench -p jobs";
/// The section of docs/BENCHMARKS.md this benchmark owns (`support::replace_section`).
const SECTION: &str = "jobs-bench";

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    // Full: a 3 s "minute" (time scale 0.05), so that the 2 fsyncs of each step stay far below
    // the 30 ms a step may take; quick: small jobs at 0.01.
    let (scale, gg_steps, ggc_steps, lines, requests, rounds) =
        if quick { (0.01, 150, 60, 100_000, 200, 3) } else { (0.05, 350, 160, 1_000_000, 2_000, 15) };
    let load_before = support::load_average();
    let gg = rt.block_on(support::pacing(Market::GamingGoods, gg_steps, scale));
    let ggc = rt.block_on(support::pacing(Market::GgChest, ggc_steps, scale));
    let parse = support::parse(lines);
    let overhead = rt.block_on(support::overhead(requests, rounds));
    let load_after = support::load_average();
    let load = |l: Option<f64>| l.map_or("unknown".to_owned(), |l| format!("{l:.1}"));

    let mut md = String::new();
    writeln!(md, "Produced by `{COMMAND}` (release build; `crates/jobs/benches/`) on the development machine (2 cores), against the in-process sandbox on loopback; it rewrites only this part of the file (between its `{SECTION}` markers). The machine is shared and was busy with other work during the run (load average {} before, {} after): absolute times are from a loaded machine and move between runs; the client-vs-curl comparison is made in interleaved pairs so that both sides meet the same load. CI never times them: the test `crates/jobs/tests/bench_quick.rs` runs the same bodies at small sizes (as `{COMMAND} --bench jobs_bench -- --quick` does) and checks only what they count.\n", load(load_before), load(load_after)).unwrap();
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
        "| `product_id,code` CSV (`desk::files::gg_product_codes`, `jobs::plan::gg::group_product_codes`) | {} | {} | {} | {:.3} s |",
        parse.lines,
        parse.unique,
        parse.duplicates,
        parse.product_codes.as_secs_f64()
    )
    .unwrap();
    writeln!(
        md,
        "| one code a line (`desk::files::codes`, `.txt`) | {} | {} | {} | {:.3} s |",
        parse.lines,
        parse.unique,
        parse.duplicates,
        parse.single_column.as_secs_f64()
    )
    .unwrap();
    writeln!(
        md,
        "| one code a record (`desk::files::codes`, `.csv`) | {} | {} | {} | {:.3} s |",
        parse.lines,
        parse.unique,
        parse.duplicates,
        parse.csv_column.as_secs_f64()
    )
    .unwrap();
    writeln!(md, "\n## Per-request client overhead vs curl on loopback\n").unwrap();
    writeln!(md, "`GET /seller/dashboard` over one kept-alive connection to the sandbox (no pacing), in {rounds} interleaved rounds: each round, {requests} requests in a row by the `markets` client, then one `curl -K` process fetching the same URL {} times and one fetching it once (its start-up and connection, subtracted). Ratio = client ÷ curl within a round; the median of the rounds, with the lowest and highest.\n", requests + 1).unwrap();
    let ratios = overhead.ratios();
    match overhead.curl_us() {
        Some(curl_us) if !ratios.is_empty() => {
            let lo = ratios.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = ratios.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            writeln!(
                md,
                "| rounds × requests | markets client (median) | curl (median) | ratio: median (min–max), target ≤ 1.2× |\n|---|---|---|---|\n| {} × {requests} | {:.1} µs/request | {curl_us:.1} µs/request | {:.2}× ({lo:.2}–{hi:.2}×) |",
                overhead.rounds.len(),
                overhead.client_us(),
                support::median(ratios.clone()),
            )
            .unwrap();
            let all: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
            writeln!(md, "\nRatios of the rounds, in order: {}.", all.join(", ")).unwrap();
        }
        _ => writeln!(
            md,
            "| rounds × requests | markets client (median) | curl |\n|---|---|---|\n| {} × {requests} | {:.1} µs/request | not installed |",
            overhead.rounds.len(),
            overhead.client_us()
        )
        .unwrap(),
    }
    print!("{md}");
    if !quick {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/BENCHMARKS.md");
        let doc = std::fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".to_owned());
        std::fs::write(&path, support::replace_section(&doc, SECTION, &md)).unwrap();
        eprintln!("written to {}", path.display());
    }
}
