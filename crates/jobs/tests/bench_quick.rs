//! The benchmarks in quick mode (small sizes): they still run, and what they count is right.
//! Times are reported by `cargo bench -p jobs` (docs/BENCHMARKS.md), never asserted here.

#[path = "../benches/support/mod.rs"]
mod support;

use markets::Market;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pacing_benchmarks_run_without_429_or_extra_requests() {
    for (market, steps) in [(Market::GamingGoods, 120), (Market::GgChest, 60)] {
        let r = support::pacing(market, steps, 0.01).await;
        assert_eq!(r.responses_429, 0, "{market:?}: the pace never meets a 429");
        assert_eq!(r.requests, steps, "{market:?}: one request per step");
        assert!(r.wall >= r.minimum, "{market:?}: never faster than the limits allow");
    }
}

#[test]
fn parse_benchmark_counts_unique_codes() {
    let r = support::parse(10_000);
    assert_eq!(r.unique + r.duplicates, 10_000);
    assert_eq!(r.duplicates, 100);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overhead_benchmark_runs_in_interleaved_rounds() {
    let r = support::overhead(20, 3).await;
    assert_eq!(r.requests, 20);
    assert_eq!(r.rounds.len(), 3, "one client run and one curl run per round");
    let curl_rounds = r.rounds.iter().filter(|round| round.curl.is_some()).count();
    assert!(curl_rounds == 0 || curl_rounds == 3, "curl runs in every round or, not installed, in none");
    assert!(r.ratios().len() <= curl_rounds);
}

#[test]
fn replacing_one_section_leaves_the_others_byte_for_byte() {
    let footprint =
        "<!-- begin: footprint -->\n\n## Footprint\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<!-- end: footprint -->\n";
    let tail = "\n## Footprint: how it got here\n\nHand-written, kept.  \n";
    let doc = format!(
        "# Benchmarks\n\n<!-- begin: jobs-bench -->\n\nold figures\n\n<!-- end: jobs-bench -->\n\n{footprint}{tail}"
    );
    let new = support::replace_section(&doc, "jobs-bench", "new figures\n\n## More\n");
    assert_eq!(
        new,
        format!("# Benchmarks\n\n<!-- begin: jobs-bench -->\n\nnew figures\n\n## More\n\n<!-- end: jobs-bench -->\n\n{footprint}{tail}")
    );
    assert!(new.ends_with(&format!("{footprint}{tail}")), "the footprint section and what follows, untouched");
    // Again: the same result (nothing accumulates between the markers).
    assert_eq!(support::replace_section(&new, "jobs-bench", "new figures\n\n## More\n"), new);

    // Without its markers, a section is appended at the end and the rest is left as it was.
    let appended = support::replace_section(&doc, "other", "other figures");
    assert_eq!(appended, format!("{doc}\n<!-- begin: other -->\n\nother figures\n\n<!-- end: other -->\n"));
    assert!(appended.starts_with(&doc));
}
