//! Helpers: a temporary journal and a way to run `trine` against it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// The `trine` binary of this build: Cargo builds it for this package's
/// integration tests and names it in `CARGO_BIN_EXE_trine`.
pub fn trine_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_trine"))
}

/// A temporary journal folder, removed when dropped.
pub struct Sandbox {
    pub dir: TempDir,
    tz: &'static str,
}

/// What a run of `trine` did.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts success and returns standard output.
    pub fn ok(self) -> String {
        assert_eq!(
            self.code,
            Some(0),
            "trine failed:\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        self.stdout
    }

    /// Asserts exit code 1 with a one-line message, and returns it.
    pub fn fails(self) -> String {
        assert_eq!(
            self.code,
            Some(1),
            "expected failure; stdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        assert_eq!(
            self.stderr.trim_end().lines().count(),
            1,
            "one line: {:?}",
            self.stderr
        );
        self.stderr
    }

    /// Parses standard output as JSON (after asserting success).
    pub fn json(self) -> Value {
        let out = self.ok();
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: TempDir::new().unwrap(),
            tz: "Europe/Berlin",
        }
    }

    /// Runs `trine` in another time zone (the default is Europe/Berlin).
    pub fn with_tz(mut self, tz: &'static str) -> Sandbox {
        self.tz = tz;
        self
    }

    /// The journal's data folder.
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// A path inside the sandbox (for files to import or export).
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file in the sandbox and returns its path.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Runs `trine --data-dir <sandbox> ARGS`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_data(&self.data(), args)
    }

    /// How many live entries `trine --json list` shows.
    pub fn entry_count(&self) -> usize {
        self.run(&["--json", "list", "--limit", "1000000"])
            .json()
            .as_array()
            .unwrap()
            .len()
    }

    /// Runs `trine --data-dir <sandbox> ARGS` with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        self.spawn_with(&self.data(), args, None, env)
    }

    /// Runs `trine --data-dir <sandbox> ARGS` with `input` on standard input.
    pub fn run_with_input(&self, args: &[&str], input: &str) -> Run {
        self.spawn(&self.data(), args, Some(input))
    }

    /// Runs `trine` against another data folder.
    pub fn run_with_data(&self, data: &Path, args: &[&str]) -> Run {
        self.spawn(data, args, None)
    }

    /// Runs `trine` against another data folder, with extra environment
    /// variables.
    pub fn run_with_data_env(&self, data: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
        self.spawn_with(data, args, None, env)
    }

    /// Runs `WRAPPER... trine --data-dir <sandbox> ARGS`, e.g. under
    /// `prlimit` or in a mount namespace, with `input` on standard input.
    pub fn run_via(&self, wrapper: &[&str], args: &[&str], input: Option<&str>) -> Run {
        self.spawn_via(wrapper, &self.data(), args, input, &[])
    }

    /// `trine --data-dir <sandbox> ARGS` as a command to start by hand
    /// (to keep it running, or feed its standard input later), with the
    /// same environment as [`Sandbox::run`] plus `env`.
    pub fn command(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        self.command_in(&self.data(), args, env)
    }

    /// [`Sandbox::command`] against another data folder.
    pub fn command_in(&self, data: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut command = Command::new(trine_bin());
        self.prepare(&mut command, data, args, env);
        command
    }

    /// The environment and arguments every run of `trine` gets: no
    /// passphrase or editor from the person running the tests, the
    /// sandbox's home, time zone and data folder.
    fn prepare(&self, command: &mut Command, data: &Path, args: &[&str], env: &[(&str, &str)]) {
        command
            .env_remove("TRINE_PASSPHRASE")
            .env_remove("TRINE_NEW_PASSPHRASE")
            .envs(env.iter().copied())
            .arg("--data-dir")
            .arg(data)
            .args(args)
            .env("TZ", self.tz)
            .env_remove("TRINE_DATA_DIR")
            .env("HOME", self.dir.path())
            .env_remove("EDITOR")
            .env_remove("VISUAL");
    }

    fn spawn(&self, data: &Path, args: &[&str], input: Option<&str>) -> Run {
        self.spawn_with(data, args, input, &[])
    }

    fn spawn_with(
        &self,
        data: &Path,
        args: &[&str],
        input: Option<&str>,
        env: &[(&str, &str)],
    ) -> Run {
        self.spawn_via(&[], data, args, input, env)
    }

    fn spawn_via(
        &self,
        wrapper: &[&str],
        data: &Path,
        args: &[&str],
        input: Option<&str>,
        env: &[(&str, &str)],
    ) -> Run {
        use std::io::Write;
        let mut command = match wrapper.split_first() {
            Some((program, wrapper_args)) => {
                let mut command = Command::new(program);
                command.args(wrapper_args).arg(trine_bin());
                command
            }
            None => Command::new(trine_bin()),
        };
        self.prepare(&mut command, data, args, env);
        let mut child = command
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(text) = input {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(text.as_bytes())
                .unwrap();
        }
        let out: Output = child.wait_with_output().unwrap();
        Run {
            code: out.status.code(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }
}

/// Entries from `trine --json list`, without fields that differ between
/// journals (none should), sorted by id.
pub fn all_entries(sandbox: &Sandbox, data: &Path) -> Vec<Value> {
    let mut entries = match sandbox
        .run_with_data(data, &["--json", "list", "--limit", "1000000"])
        .json()
    {
        Value::Array(items) => items,
        other => panic!("list --json gives an array, not {other}"),
    };
    entries.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    entries
}

/// A deterministic JSON Lines journal of `n` entries with tags and ratings.
pub fn synthetic_jsonl(n: usize) -> String {
    let words = [
        "meeting",
        "mentor",
        "feedback",
        "promotion",
        "patience",
        "voice",
        "team",
        "launch",
        "review",
    ];
    let mut out = String::new();
    for i in 0..n {
        let day = i % 28 + 1;
        let month = i / 28 % 12 + 1;
        // Back from 2026, so that no entry is dated in the future.
        let year = 2026 - i / (28 * 12);
        let hour = i % 24;
        let w = |k: usize| words[(i * 7 + k * 3) % words.len()];
        let ratings = if i % 3 == 0 {
            format!(
                r#", "ratings": {{"seen": {}, "known": {}, "valued": {}}}"#,
                i % 10 + 1,
                (i / 3) % 10 + 1,
                (i / 7) % 10 + 1
            )
        } else {
            String::new()
        };
        out.push_str(&format!(
            r#"{{"id": "src-{i}", "datetime": "{year}-{month:02}-{day:02}T{hour:02}:15:00+01:00", "title": "Entry {i} about {}", "body": "A {} with my {}. Ünïcödé, \"quotes\" and <b>tags</b> stay text.", "tags": ["{}", "t{}"]{ratings}}}"#,
            w(0),
            w(1),
            w(2),
            w(3),
            i % 5
        ));
        out.push('\n');
    }
    out
}

/// A small deterministic generator (SplitMix64) for the kill tests,
/// seeded from `TRINE_KILL_SEED` or the clock; the seed is printed so that
/// a failing run can be repeated.
pub struct Rng(pub u64);

impl Rng {
    /// A generator seeded as described above.
    pub fn seeded() -> Rng {
        let seed = std::env::var("TRINE_KILL_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        eprintln!("kill test seed: {seed} (set TRINE_KILL_SEED to repeat)");
        Rng(seed)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}
