//! Crash safety: `trine add` killed with SIGKILL at random moments until
//! 200 runs have died that way. After every kill the journal must pass SQLite's integrity check
//! and hold every entry the CLI reported as saved.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{trine_bin, Rng, Sandbox};

#[test]
fn killing_the_cli_at_random_moments_loses_no_saved_entry() {
    let s = Sandbox::new();
    let mut rng = Rng::seeded();
    let seed = rng.0;
    s.run(&["add", "--title", "before the kills"]).ok();

    // How long one `trine add` takes here, so kills land all through it.
    let start = Instant::now();
    s.run(&["add", "--title", "timing"]).ok();
    let span = start.elapsed().as_micros().max(1000) as u64;

    let mut saved: Vec<String> = Vec::new();
    let (mut kills, mut completed, mut round) = (0, 0, 0);
    while kills < 200 {
        round += 1;
        assert!(round < 2000, "could not land 200 kills in 2000 runs");
        let mut child = Command::new(trine_bin())
            .args([
                "--data-dir",
                s.data().to_str().unwrap(),
                "--json",
                "add",
                "--title",
                &format!("round {round}"),
            ])
            .arg("--body")
            .arg("words ".repeat(50))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % span));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if std::os::unix::process::ExitStatusExt::signal(&out.status) == Some(9) {
            kills += 1;
        } else if out.status.success() {
            completed += 1;
        }
        // An entry the CLI printed was committed: it must survive.
        if let Ok(entry) = serde_json::from_slice::<serde_json::Value>(&out.stdout) {
            saved.push(entry["id"].as_str().unwrap().to_string());
        }
        let health = s.run(&["--json", "check"]).json();
        assert_eq!(
            health["integrity"],
            serde_json::json!(["ok"]),
            "round {round} (seed {seed}): {health}"
        );
        assert_eq!(
            health["search_index_ok"], true,
            "round {round} (seed {seed})"
        );
    }
    let present = s.run(&["--json", "list", "--limit", "100000"]).json();
    let ids: Vec<&str> = present
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let lost: Vec<&String> = saved
        .iter()
        .filter(|id| !ids.contains(&id.as_str()))
        .collect();
    eprintln!(
        "kill test: {round} runs, {kills} killed by SIGKILL, {completed} finished first, {} entries reported saved, {} lost",
        saved.len(),
        lost.len()
    );
    assert!(
        lost.is_empty(),
        "entries reported saved but lost (seed {seed}): {lost:?}"
    );
}
