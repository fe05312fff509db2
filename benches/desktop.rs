//! Benchmarks of the real desktop app, driven through WebDriver under Xvfb
//! like the end-to-end tests (it reuses their harness):
//!
//! - start-up: from the app process's start until this week's three
//!   prompts are on screen (the process start time comes from /proc);
//! - the Journal on a 100k-entry journal: opening it, and loading each next
//!   page of 50 through the same command the screen uses, timed in the page;
//! - memory: the summed PSS of the app and its WebKit processes with a
//!   10k-entry journal open on the Journal screen.
//!
//! Run: `xvfb-run -a cargo bench -p trine-desktop --bench desktop`
//! (needs tauri-driver and WebKitWebDriver, as the tests do). Targets are
//! in DESIGN.md section 7; results go in BENCHMARKS.md.

#[allow(dead_code)]
#[path = "../tests/desktop/driver.rs"]
mod driver;
#[allow(dead_code)]
#[path = "../tests/desktop/harness.rs"]
mod harness;
#[allow(dead_code)]
#[path = "../tests/desktop/session_bus.rs"]
mod session_bus;
#[allow(dead_code)]
#[path = "../tests/desktop/x_display.rs"]
mod x_display;

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use harness::Sandbox;

/// Seconds since boot, from /proc/uptime.
fn uptime() -> f64 {
    let text = std::fs::read_to_string("/proc/uptime").expect("/proc/uptime");
    text.split_whitespace().next().unwrap().parse().unwrap()
}

/// The processes whose environment holds this sandbox's data folder (the
/// app), with every process below them (WebKit's web and network processes).
fn app_process_tree(data_dir: &Path) -> Vec<u32> {
    let mut marker = b"TRINE_DATA_DIR=".to_vec();
    marker.extend_from_slice(data_dir.as_os_str().as_encoded_bytes());
    marker.push(0);
    let mut parents: HashMap<u32, u32> = HashMap::new();
    let mut roots = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let after_name = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
        let ppid: u32 = after_name
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        parents.insert(pid, ppid);
        let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
        let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
        if exe.file_name().is_some_and(|n| n == "trine-desktop")
            && environ
                .windows(marker.len())
                .any(|w| w == marker.as_slice())
        {
            roots.push(pid);
        }
    }
    let mut tree = roots.clone();
    let mut grew = true;
    while grew {
        grew = false;
        for (pid, ppid) in &parents {
            if tree.contains(ppid) && !tree.contains(pid) {
                tree.push(*pid);
                grew = true;
            }
        }
    }
    tree
}

/// The process's start, in seconds since boot.
fn started_at(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after_name = stat.rsplit_once(')').unwrap().1;
    // Field 22 of stat is starttime; after the name, it is the 20th.
    let ticks: f64 = after_name
        .split_whitespace()
        .nth(19)
        .unwrap()
        .parse()
        .unwrap();
    ticks / 100.0 // USER_HZ is 100 on Linux.
}

/// Proportional set size of a process, in kB.
fn pss_kb(pid: u32) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Copies a journal of `n` synthetic entries (built once by trine-bench)
/// into the sandbox.
fn seed(sandbox: &Sandbox, n: usize) {
    let fixture = trine_bench::fixture(n);
    std::fs::create_dir_all(&sandbox.data_dir).unwrap();
    let copy = trine_bench::scratch_copy(&fixture);
    for name in ["journal.db", "journal.db-wal"] {
        let from = copy.path().join(name);
        if from.exists() {
            std::fs::copy(&from, sandbox.data_dir.join(name)).unwrap();
        }
    }
    sandbox.onboard();
}

fn startup() {
    let mut times = Vec::new();
    for _ in 0..5 {
        let sandbox = Sandbox::new_or_skip("startup").expect("a display and tauri-driver");
        sandbox.onboard();
        let data_dir = sandbox.data_dir.clone();
        let seconds = sandbox.run_app(|app| async move {
            app.wait_until(
                "document.querySelectorAll('h2.prompt').length === 3",
                "the three prompts",
            )
            .await?;
            let now = uptime();
            let pid = *app_process_tree(&data_dir)
                .first()
                .ok_or("no app process")?;
            Ok(now - started_at(pid))
        });
        times.push(seconds * 1000.0);
    }
    println!(
        "desktop/startup_to_prompts: median {:.0} ms over {} launches ({:?})",
        median(times.clone()),
        times.len(),
        times.iter().map(|t| t.round()).collect::<Vec<_>>()
    );
}

fn journal_pages() {
    let (mut opens, mut invokes, mut scrolls) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..3 {
        let sandbox = Sandbox::new_or_skip("journal").expect("a display and tauri-driver");
        seed(&sandbox, 100_000);
        let (open_ms, invoke_ms, scroll_ms) = sandbox.run_app(|app| async move {
            app.wait_until(
                "document.querySelectorAll('h2.prompt').length === 3",
                "This week",
            )
            .await?;
            let start = Instant::now();
            app.go("#/journal", ".entry-item").await?;
            let open_ms = start.elapsed().as_secs_f64() * 1000.0;
            // The next pages as the screen loads them: scroll to the end of
            // the list and wait for 50 more lines.
            let scrolled = app
                .run_script(
                    "const done = arguments[arguments.length - 1];
                     (async () => {
                       const times = [];
                       for (let i = 0; i < 10; i++) {
                         const before = document.querySelectorAll('.entry-item').length;
                         const t = performance.now();
                         document.querySelector('.sentinel').scrollIntoView();
                         while (document.querySelectorAll('.entry-item').length < before + 50) {
                           await new Promise((r) => requestAnimationFrame(r));
                           if (performance.now() - t > 5000) break;
                         }
                         times.push(performance.now() - t);
                       }
                       done(times);
                     })();",
                )
                .await?;
            // The command alone, deeper and deeper into the list.
            let invoked = app
                .run_script(
                    "const done = arguments[arguments.length - 1];
                     (async () => {
                       const invoke = window.__TAURI__.core.invoke;
                       let after = null; const times = [];
                       for (let i = 0; i < 40; i++) {
                         const t = performance.now();
                         const page = await invoke('entry_page', { query: { after, limit: 50 } });
                         times.push(performance.now() - t);
                         after = page.next_after;
                       }
                       done(times);
                     })();",
                )
                .await?;
            let numbers = |v: serde_json::Value| -> Vec<f64> {
                v.as_array()
                    .map(|a| a.iter().filter_map(|x| x.as_f64()).collect())
                    .unwrap_or_default()
            };
            Ok((open_ms, numbers(invoked), numbers(scrolled)))
        });
        opens.push(open_ms);
        invokes.extend(invoke_ms);
        scrolls.extend(scroll_ms);
    }
    let p95 = |v: &[f64]| {
        let mut s = v.to_vec();
        s.sort_by(f64::total_cmp);
        s[(s.len() * 95 / 100).min(s.len() - 1)]
    };
    println!(
        "desktop/journal_open_100k: median {:.0} ms until the first entries show ({:?})",
        median(opens.clone()),
        opens.iter().map(|t| t.round()).collect::<Vec<_>>()
    );
    println!("desktop/journal_scroll_next_50_100k: median {:.0} ms, 95th percentile {:.0} ms over {} pages (scroll to the end until 50 more lines show)", median(scrolls.clone()), p95(&scrolls), scrolls.len());
    println!(
        "desktop/entry_page_command_100k: median {:.1} ms, 95th percentile {:.1} ms over {} calls",
        median(invokes.clone()),
        p95(&invokes),
        invokes.len()
    );
}

fn memory() {
    let sandbox = Sandbox::new_or_skip("memory").expect("a display and tauri-driver");
    seed(&sandbox, 10_000);
    let data_dir = sandbox.data_dir.clone();
    let (total, parts) = sandbox.run_app(|app| async move {
        app.wait_until(
            "document.querySelectorAll('h2.prompt').length === 3",
            "This week",
        )
        .await?;
        app.go("#/journal", ".entry-item").await?;
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        let tree = app_process_tree(&data_dir);
        let parts: Vec<(String, u64)> = tree
            .iter()
            .map(|pid| {
                let name = std::fs::read_to_string(format!("/proc/{pid}/comm"))
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                (name, pss_kb(*pid))
            })
            .collect();
        Ok((parts.iter().map(|(_, kb)| kb).sum::<u64>(), parts))
    });
    println!(
        "desktop/memory_pss_10k: {:.0} MB in all ({})",
        total as f64 / 1024.0,
        parts
            .iter()
            .map(|(n, kb)| format!("{n} {:.0} MB", *kb as f64 / 1024.0))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

fn main() {
    // `cargo bench` passes --bench; a filter argument picks one benchmark.
    let filter = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_default();
    if Sandbox::new_or_skip("desktop benchmarks").is_none() {
        return;
    }
    if "startup".contains(&filter) || filter.is_empty() {
        startup();
    }
    if "journal".contains(&filter) || filter.is_empty() {
        journal_pages();
    }
    if "memory".contains(&filter) || filter.is_empty() {
        memory();
    }
}
