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
async fn overhead_benchmark_runs() {
    let r = support::overhead(20).await;
    assert_eq!(r.requests, 20);
    assert!(r.client.as_nanos() > 0);
}
