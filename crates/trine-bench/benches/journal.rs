//! In-process benchmarks of the journal on 1k, 10k and 100k entries.
//! Targets are in DESIGN.md section 7; results go in BENCHMARKS.md.

use std::time::{Duration, Instant};
use trine_app::prelude::*;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use trine_app::interchange::{export_json, export_markdown, read_jsonl};
use trine_app::store::{ListQuery, SearchOrder};
use trine_app::{Journal, NewEntry};
use trine_bench::{encrypted_fixture, fixture, scratch_copy, COMMON_WORD, PASSPHRASE, RARE_WORD};

const SIZES: &[usize] = &[1_000, 10_000, 100_000];

fn reads(c: &mut Criterion) {
    let mut group = c.benchmark_group("read");
    for &n in SIZES {
        let journal = Journal::open_in(&fixture(n).data_dir).unwrap();
        group.bench_with_input(BenchmarkId::new("search_rare", n), &n, |b, _| {
            b.iter(|| assert!(!journal.search(RARE_WORD, 20).unwrap().is_empty()))
        });
        // A prefix search, answered without a prefix index (schema 3).
        group.bench_with_input(BenchmarkId::new("search_prefix", n), &n, |b, _| {
            b.iter(|| assert!(!journal.search("promo*", 20).unwrap().is_empty()))
        });
        group.bench_with_input(BenchmarkId::new("search_phrase", n), &n, |b, _| {
            b.iter(|| journal.search("\"career conversation\"", 20).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("search_common", n), &n, |b, _| {
            b.iter(|| assert_eq!(journal.search(COMMON_WORD, 20).unwrap().len(), 20))
        });
        // The Journal screen's search with a filter set (a kind and dates),
        // for a word in about half the entries.
        group.bench_with_input(BenchmarkId::new("search_common_filtered", n), &n, |b, _| {
            let filter = ListQuery {
                kind: Some(trine_app::EntryKind::Note),
                from: Some(chrono::NaiveDate::from_ymd_opt(2017, 1, 1).unwrap()),
                ..ListQuery::default()
            };
            b.iter(|| {
                assert_eq!(
                    journal
                        .search_filtered(COMMON_WORD, 50, &filter)
                        .unwrap()
                        .len(),
                    50
                )
            })
        });
        // The Journal screen's search: a page of 50 with the true count,
        // best first and newest first, for a word in about half the entries.
        for (name, order) in [
            ("search_page_common", SearchOrder::Relevance),
            ("search_page_common_newest", SearchOrder::Newest),
        ] {
            group.bench_with_input(BenchmarkId::new(name, n), &n, |b, _| {
                b.iter(|| {
                    let page = journal
                        .search_page(COMMON_WORD, &ListQuery::default(), order, 0, 50)
                        .unwrap();
                    assert_eq!(page.items.len(), 50);
                    assert!(page.total > n / 4);
                })
            });
        }
        // A page of 50 deep in the list, as the Journal screen loads it.
        let middle = journal
            .list(&ListQuery {
                offset: n / 2,
                limit: Some(1),
                ..ListQuery::default()
            })
            .unwrap()[0]
            .id;
        group.bench_with_input(BenchmarkId::new("page_of_50_midway", n), &n, |b, _| {
            let q = ListQuery {
                after: Some(middle),
                limit: Some(50),
                ..ListQuery::default()
            };
            b.iter(|| assert_eq!(journal.entry_page(&q).unwrap().items.len(), 50))
        });
        group.bench_with_input(BenchmarkId::new("list_latest_20", n), &n, |b, _| {
            let q = ListQuery {
                limit: Some(20),
                ..ListQuery::default()
            };
            b.iter(|| assert_eq!(journal.list(&q).unwrap().len(), 20))
        });
    }
    group.finish();
}

fn writes(c: &mut Criterion) {
    let mut group = c.benchmark_group("write");
    for &n in SIZES {
        let copy = scratch_copy(&fixture(n));
        let mut journal = Journal::open_in(copy.path()).unwrap();
        group.bench_with_input(BenchmarkId::new("add_one", n), &n, |b, _| {
            b.iter(|| {
                journal
                    .create(NewEntry::note("Bench", "One more entry about a meeting."))
                    .unwrap()
            })
        });
    }
    group.finish();
}

fn bulk(c: &mut Criterion) {
    let mut group = c.benchmark_group("bulk");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500));
    for &n in SIZES {
        let fx = fixture(n);
        group.measurement_time(Duration::from_secs(if n >= 100_000 { 60 } else { 10 }));
        group.bench_with_input(BenchmarkId::new("import_jsonl", n), &n, |b, _| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let dir = tempfile::tempdir_in(trine_bench::bench_data_root()).unwrap();
                    let mut journal = Journal::open_in(dir.path()).unwrap();
                    let start = Instant::now();
                    let set = read_jsonl(&fx.jsonl, &trine_app::time::local_offset_at).unwrap();
                    assert_eq!(journal.import(set).unwrap().imported, n);
                    total += start.elapsed();
                }
                total
            })
        });
        let journal = Journal::open_in(&fx.data_dir).unwrap();
        group.bench_with_input(BenchmarkId::new("export_json", n), &n, |b, _| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let dir = tempfile::tempdir_in(trine_bench::bench_data_root()).unwrap();
                    let start = Instant::now();
                    assert_eq!(
                        export_json(&journal, &dir.path().join("out.json")).unwrap(),
                        n
                    );
                    total += start.elapsed();
                }
                total
            })
        });
        group.bench_with_input(BenchmarkId::new("export_markdown", n), &n, |b, _| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let dir = tempfile::tempdir_in(trine_bench::bench_data_root()).unwrap();
                    let start = Instant::now();
                    let entries = journal.list(&ListQuery::default()).unwrap();
                    assert_eq!(
                        export_markdown(&entries, &dir.path().join("md")).unwrap(),
                        n
                    );
                    total += start.elapsed();
                }
                total
            })
        });
    }
    group.finish();
}

/// Encrypted journals: what unlocking costs (opening pays SQLCipher's key
/// derivation once), and search after unlocking, beside the same journal
/// in plain.
fn encryption(c: &mut Criterion) {
    let mut group = c.benchmark_group("encryption");
    let n = 10_000;
    let plain = fixture(n);
    let encrypted = encrypted_fixture(n);
    group.bench_with_input(BenchmarkId::new("open_plain", n), &n, |b, _| {
        b.iter(|| Journal::open_in(&plain.data_dir).unwrap())
    });
    group.bench_with_input(BenchmarkId::new("open_encrypted", n), &n, |b, _| {
        b.iter(|| Journal::open_in_with(&encrypted.data_dir, Some(PASSPHRASE)).unwrap())
    });
    for n in [10_000, 100_000] {
        for (label, fx, passphrase) in [
            ("plain", fixture(n), None),
            ("encrypted", encrypted_fixture(n), Some(PASSPHRASE)),
        ] {
            let journal = Journal::open_in_with(&fx.data_dir, passphrase).unwrap();
            group.bench_with_input(
                BenchmarkId::new(format!("search_rare_{label}"), n),
                &n,
                |b, _| b.iter(|| assert!(!journal.search(RARE_WORD, 20).unwrap().is_empty())),
            );
            group.bench_with_input(
                BenchmarkId::new(format!("search_common_{label}"), n),
                &n,
                |b, _| b.iter(|| assert_eq!(journal.search(COMMON_WORD, 20).unwrap().len(), 20)),
            );
        }
    }
    group.finish();
}

/// The ratings chart for 1,000 weeks (about 19 years), every week rated
/// but for one in ten, with a 4-week rolling average.
fn charts(c: &mut Criterion) {
    use trine_app::charts::{ratings_chart, RatingsChartOptions};
    use trine_app::store::{RatingMean, WeekRatings};
    let start = chrono::NaiveDate::from_ymd_opt(2007, 11, 26).unwrap();
    let weeks: Vec<chrono::NaiveDate> = (0..1000)
        .map(|i| start + chrono::Days::new(7 * i))
        .collect();
    let series: Vec<WeekRatings> = weeks
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 10 != 3)
        .map(|(i, w)| {
            let m = |v: usize| {
                Some(RatingMean {
                    mean: (1 + (i * v) % 10) as f64,
                    count: 1,
                })
            };
            WeekRatings {
                week_start: *w,
                seen: m(3),
                known: m(7),
                valued: m(9),
                confident: None,
                rated_entries: 1,
            }
        })
        .collect();
    let options = RatingsChartOptions {
        rolling_weeks: Some(4),
        ..RatingsChartOptions::default()
    };
    c.bench_function("chart/ratings_1000_weeks", |b| {
        b.iter(|| {
            assert!(
                ratings_chart(&series, &weeks, &[], &options)
                    .unwrap()
                    .svg
                    .len()
                    > 10_000
            )
        })
    });
}

/// The Trends screen's whole model (every panel with its levels, the
/// calendar, the check-in history, the verdicts, tag comparisons and
/// themes) for the whole journal, as the app asks for it: ten years of
/// rated weeks at 100k entries.
fn trends(c: &mut Criterion) {
    let mut group = c.benchmark_group("app");
    group.sample_size(20);
    for &n in SIZES {
        let copy = scratch_copy(&fixture(n));
        let mut journal = Journal::open_in(copy.path()).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let options = trine_app::charts::RatingsChartOptions::default();
        // The first look counts every week's terms; later ones read them.
        journal.trends_view(&options, today).unwrap();
        group.bench_with_input(BenchmarkId::new("trends_view", n), &n, |b, _| {
            b.iter(|| {
                let view = journal.trends_view(&options, today).unwrap();
                assert!(view.ratings.svg.len() > 1_000);
            })
        });
    }
    group.finish();
}

/// What the Export screen asks for on each change, over the whole journal:
/// the list to tick (without drawing figures) and the report's first three
/// pages (with the summary and charts, as they will be printed).
fn export_previews(c: &mut Criterion) {
    use trine_app::interchange::{ExportSelection, Selections};
    let mut group = c.benchmark_group("app");
    group.sample_size(10);
    for &n in SIZES {
        let copy = scratch_copy(&fixture(n));
        let mut journal = Journal::open_in(copy.path()).unwrap();
        let list = ExportSelection {
            without_charts: true,
            ..ExportSelection::default()
        };
        group.bench_with_input(BenchmarkId::new("export_preview_list", n), &n, |b, _| {
            b.iter(|| {
                let preview = journal.export_preview(&list).unwrap();
                assert!(preview.items.len() <= trine_app::interchange::MAX_ITEMS);
            })
        });
        group.bench_with_input(BenchmarkId::new("report_first_pages", n), &n, |b, _| {
            b.iter(|| {
                let pages = journal
                    .preview_report_pages(&ExportSelection::default(), 3)
                    .unwrap();
                assert_eq!(pages.pages.len(), 3);
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    reads,
    writes,
    bulk,
    charts,
    trends,
    export_previews,
    encryption
);
criterion_main!(benches);
