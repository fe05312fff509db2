//! The same work through the `trine` binary as a process: what a script or
//! the benchmarks outside the code see. Build the CLI in release mode first
//! (`cargo build --release -p trine-cli`); `scripts/bench.sh` does both.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use trine_bench::{encrypted_fixture, fixture, scratch_copy, COMMON_WORD, PASSPHRASE, RARE_WORD};

const SIZES: &[usize] = &[1_000, 10_000, 100_000];

fn trine_bin() -> PathBuf {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/release/trine");
    assert!(
        bin.exists(),
        "build it first: cargo build --release -p trine-cli"
    );
    bin
}

fn run(data: &Path, args: &[&str]) {
    run_with_passphrase(data, None, args)
}

/// Runs `trine`, with `TRINE_PASSPHRASE` set when `passphrase` is given.
fn run_with_passphrase(data: &Path, passphrase: Option<&str>, args: &[&str]) {
    let mut command = Command::new(trine_bin());
    match passphrase {
        Some(pass) => command.env("TRINE_PASSPHRASE", pass),
        None => command.env_remove("TRINE_PASSPHRASE"),
    };
    let status = command
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "trine {args:?} failed");
}

fn cli(c: &mut Criterion) {
    let mut group = c.benchmark_group("cli");
    for &n in SIZES {
        let fx = fixture(n);
        group.bench_with_input(BenchmarkId::new("search_rare", n), &n, |b, _| {
            b.iter(|| run(&fx.data_dir, &["--json", "search", RARE_WORD]))
        });
        group.bench_with_input(BenchmarkId::new("search_common", n), &n, |b, _| {
            b.iter(|| run(&fx.data_dir, &["--json", "search", COMMON_WORD]))
        });
        group.bench_with_input(BenchmarkId::new("list_latest_20", n), &n, |b, _| {
            b.iter(|| run(&fx.data_dir, &["--json", "list", "--limit", "20"]))
        });
        // Verdicts, tag comparisons and themes over every rated week (ten
        // years at 100k); the first run counts the weeks' terms.
        run(&fx.data_dir, &["stats"]);
        group.bench_with_input(BenchmarkId::new("stats", n), &n, |b, _| {
            b.iter(|| run(&fx.data_dir, &["--json", "stats"]))
        });
        let copy = scratch_copy(&fx);
        group.bench_with_input(BenchmarkId::new("add_one", n), &n, |b, _| {
            b.iter(|| {
                run(
                    copy.path(),
                    &["add", "--title", "Bench", "--body", "One more."],
                )
            })
        });
    }
    group.finish();

    let mut bulk = c.benchmark_group("cli_bulk");
    bulk.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(15));
    let n = 10_000;
    let fx = fixture(n);
    bulk.bench_with_input(BenchmarkId::new("import_jsonl", n), &n, |b, _| {
        b.iter_with_setup(
            || tempfile::tempdir_in(trine_bench::bench_data_root()).unwrap(),
            |dir| {
                run(
                    dir.path(),
                    &["import", "--format", "jsonl", fx.jsonl.to_str().unwrap()],
                )
            },
        )
    });
    bulk.bench_with_input(BenchmarkId::new("export_json", n), &n, |b, _| {
        b.iter_with_setup(
            || tempfile::tempdir_in(trine_bench::bench_data_root()).unwrap(),
            |dir| {
                run(
                    &fx.data_dir,
                    &[
                        "export",
                        "--format",
                        "json",
                        "--out",
                        dir.path().join("o.json").to_str().unwrap(),
                    ],
                )
            },
        )
    });
    bulk.bench_with_input(BenchmarkId::new("export_markdown", n), &n, |b, _| {
        b.iter_with_setup(
            || tempfile::tempdir_in(trine_bench::bench_data_root()).unwrap(),
            |dir| {
                run(
                    &fx.data_dir,
                    &[
                        "export",
                        "--format",
                        "markdown",
                        "--out",
                        dir.path().join("md").to_str().unwrap(),
                    ],
                )
            },
        )
    });
    bulk.finish();
}

/// `trine search` on an encrypted journal (the passphrase from
/// `TRINE_PASSPHRASE`, so each process pays the key derivation once)
/// beside the same journal in plain.
fn cli_encrypted(c: &mut Criterion) {
    let mut group = c.benchmark_group("cli_encryption");
    let n = 10_000;
    for (label, fx, passphrase) in [
        ("plain", fixture(n), None),
        ("encrypted", encrypted_fixture(n), Some(PASSPHRASE)),
    ] {
        group.bench_with_input(
            BenchmarkId::new(format!("search_rare_{label}"), n),
            &n,
            |b, _| {
                b.iter(|| {
                    run_with_passphrase(&fx.data_dir, passphrase, &["--json", "search", RARE_WORD])
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new(format!("search_common_{label}"), n),
            &n,
            |b, _| {
                b.iter(|| {
                    run_with_passphrase(
                        &fx.data_dir,
                        passphrase,
                        &["--json", "search", COMMON_WORD],
                    )
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, cli, cli_encrypted);
criterion_main!(benches);
