//! Makes (once) the synthetic journal of N entries the benchmarks use and
//! prints where its JSON Lines file and data folder are, one per line:
//! `cargo run --release -p trine-bench --example bench_journal -- 10000`.
//! `scripts/bench-vs-peers.sh` reads them.

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let fixture = trine_bench::fixture(n);
    println!("{}", fixture.jsonl.display());
    println!("{}", fixture.data_dir.display());
}
