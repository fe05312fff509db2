//! End-to-end tests of the desktop app, through WebDriver.
//!
//! These drive the real `trine-desktop` binary in its real WebKitGTK webview,
//! so they cover what only the window can show: that the page loads under
//! the CSP, reaches the shell over IPC and renders what the core returns.
//! Everything below the shell is tested without a window, in the core.
//!
//! How: `tauri-driver` (a WebDriver server that starts `WebKitWebDriver`)
//! launches the app; `fantoccini` talks to it. Each test gets its own HOME,
//! XDG folders and `TRINE_DATA_DIR` in a temporary folder, handed to
//! tauri-driver so that the app (and WebKit, which keeps files there)
//! inherits them, and nothing touches the real journal. Tests run one app at
//! a time, each on free ports, so two test runs on one machine do not clash.
//!
//! Needs a display and tauri-driver: run `scripts/setup.sh` once, then
//! `xvfb-run -a cargo test -p trine-desktop --test desktop`. Without them
//! each test says why it is skipped and passes, so a plain `cargo test`
//! never hangs; with `TRINE_REQUIRE_DESKTOP_E2E=1` it fails instead.
//!
//! Screenshots of the screens land in `target/e2e-screenshots/`.

use std::fs::File;
use std::future::Future;
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tempfile::TempDir;
use trine_core::{Journal, NewEntry};

const APP: &str = env!("CARGO_BIN_EXE_trine-desktop");

/// How long the app may take to open its window and show a screen.
const SCREEN_TIMEOUT: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------- the tests

#[test]
fn a_journal_with_three_entries_shows_three() {
    let Some(sandbox) = Sandbox::new_or_skip("a_journal_with_three_entries_shows_three") else {
        return;
    };
    sandbox.seed_notes(3);

    let (count, line) = sandbox.run_app(|app| async move {
        let count = app.wait_for_text("#entry-count").await?;
        let line = app.text("#count-line").await?;
        app.save_screenshot("home.png").await?;
        Ok((count, line))
    });

    assert_eq!(
        count, "3",
        "the home screen shows how many entries the journal holds"
    );
    assert_eq!(line, "Your journal holds 3 entries.");
}

#[test]
fn an_empty_journal_shows_zero() {
    let Some(sandbox) = Sandbox::new_or_skip("an_empty_journal_shows_zero") else {
        return;
    };

    let (count, line, status_shown) = sandbox.run_app(|app| async move {
        let count = app.wait_for_text("#entry-count").await?;
        let line = app.text("#count-line").await?;
        let status_shown = app.is_shown("#status").await?;
        app.save_screenshot("home-empty.png").await?;
        Ok((count, line, status_shown))
    });

    assert_eq!(count, "0", "an empty journal shows a count of 0");
    assert_eq!(line, "No entries yet: your journal holds 0 entries.");
    assert!(!status_shown, "no error is shown when all is well");
    assert!(
        sandbox.data_dir.join("journal.db").is_file(),
        "the app created its journal in TRINE_DATA_DIR, not in the real data folder"
    );
}

#[test]
fn a_journal_that_cannot_be_opened_shows_why() {
    let Some(sandbox) = Sandbox::new_or_skip("a_journal_that_cannot_be_opened_shows_why") else {
        return;
    };
    // A file where the journal's folder should be: the app cannot use it.
    std::fs::write(&sandbox.data_dir, "not a folder").unwrap();

    let (status, count_shown) = sandbox.run_app(|app| async move {
        let status = app.wait_for_text("#status:not([hidden])").await?;
        let count_shown = app.is_shown("#entry-count").await?;
        app.save_screenshot("home-error.png").await?;
        Ok((status, count_shown))
    });

    assert!(
        status.contains(&sandbox.data_dir.display().to_string()),
        "the error names the folder at fault: {status:?}"
    );
    assert!(
        !count_shown,
        "no count is shown when the journal is not open"
    );
}

#[test]
fn the_csp_lets_ipc_through_and_blocks_the_network() {
    let Some(sandbox) = Sandbox::new_or_skip("the_csp_lets_ipc_through_and_blocks_the_network")
    else {
        return;
    };

    // Fetch the IPC endpoint and an outside address from inside the page, and
    // collect what the CSP reports. Tauri falls back to another IPC channel
    // when the CSP blocks its own, so a working `invoke` alone would not show
    // that `connect-src` is right.
    let report = sandbox.run_app(|app| async move {
        app.wait_for_text("#entry-count").await?;
        app.run_script(
            r#"
            const done = arguments[arguments.length - 1];
            const violations = [];
            document.addEventListener('securitypolicyviolation', (event) => {
              violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
            });
            const ipc = window.__TAURI__.core.convertFileSrc('entry_count', 'ipc');
            const attempt = (url) => fetch(url, { method: 'POST', body: '{}' })
              .then(() => 'answered', () => 'failed');
            Promise.all([attempt(ipc), attempt('https://example.invalid/')])
              .then(([ipcResult, outsideResult]) => setTimeout(
                () => done({ ipc, ipcResult, outsideResult, violations }), 200));
            "#,
        )
        .await
    });

    let violations: Vec<&str> = report["violations"]
        .as_array()
        .expect("the script returns its report")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        report["ipcResult"], "answered",
        "the shell answers IPC over its own protocol: {report}"
    );
    assert!(
        violations.iter().all(|v| v.contains("example.invalid")),
        "the CSP allows Tauri's IPC protocol: nothing else was blocked: {report}"
    );
    assert!(
        violations
            .iter()
            .any(|v| v.starts_with("connect-src") && v.contains("example.invalid")),
        "the CSP blocks requests to the network: {report}"
    );
    assert_eq!(report["outsideResult"], "failed", "{report}");
}

// ------------------------------------------------------------ the harness

/// One app at a time: each needs its own tauri-driver, which would fight
/// over the WebKit session if several ran at once.
static ONE_APP_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Fresh folders for one run of the app.
struct Sandbox {
    root: TempDir,
    /// `TRINE_DATA_DIR`; not created until the app or a seed creates it.
    data_dir: PathBuf,
}

impl Sandbox {
    /// A sandbox, or `None` (after saying why) if this machine cannot run
    /// the app under WebDriver and `TRINE_REQUIRE_DESKTOP_E2E` is not `1`.
    fn new_or_skip(test: &str) -> Option<Self> {
        if let Some(reason) = why_e2e_cannot_run() {
            if std::env::var_os("TRINE_REQUIRE_DESKTOP_E2E").is_some_and(|v| v == "1") {
                panic!("{test}: {reason} (and TRINE_REQUIRE_DESKTOP_E2E=1)");
            }
            // Once, and past the test harness's capture, so that a plain
            // `cargo test` shows it.
            static SAY_ONCE: Once = Once::new();
            SAY_ONCE.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "\nskipped: the desktop end-to-end tests (tests/desktop.rs): {reason}"
                );
            });
            return None;
        }
        let root = tempfile::Builder::new()
            .prefix("trine-e2e-")
            .tempdir()
            .unwrap();
        for folder in ["home", "xdg-data", "xdg-config", "xdg-cache"] {
            std::fs::create_dir(root.path().join(folder)).unwrap();
        }
        let data_dir = root.path().join("journal");
        Some(Self { root, data_dir })
    }

    /// The environment the app runs with: nothing of the user's own.
    fn env(&self) -> [(&'static str, PathBuf); 5] {
        let root = self.root.path();
        [
            ("HOME", root.join("home")),
            ("XDG_DATA_HOME", root.join("xdg-data")),
            ("XDG_CONFIG_HOME", root.join("xdg-config")),
            ("XDG_CACHE_HOME", root.join("xdg-cache")),
            ("TRINE_DATA_DIR", self.data_dir.clone()),
        ]
    }

    /// Writes `count` notes into the journal with the core, as a user would
    /// have before opening the app.
    fn seed_notes(&self, count: usize) {
        let mut journal = Journal::open_in(&self.data_dir).expect("open the journal to seed it");
        for n in 1..=count {
            journal
                .create(NewEntry::note(
                    format!("Note {n}"),
                    "Something that happened this week.",
                ))
                .expect("seed a note");
        }
    }

    /// Starts the app under tauri-driver, runs `scenario` against its window,
    /// closes the app and returns what the scenario saw. Panics, with the
    /// driver's log, if the app or the scenario fails.
    fn run_app<T, F, Fut>(&self, scenario: F) -> T
    where
        F: FnOnce(App) -> Fut,
        Fut: Future<Output = Step<T>>,
    {
        let _one_at_a_time = ONE_APP_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let log_path = self.root.path().join("tauri-driver.log");
        let driver = Driver::start(&self.env(), &log_path);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();

        let outcome = runtime.block_on(async {
            let client = match driver.connect().await {
                Ok(client) => client,
                Err(error) => return Err(error),
            };
            let seen = scenario(App {
                client: client.clone(),
            })
            .await;
            // Close the session even if the scenario failed: that closes the app.
            let closed = client.close().await;
            match (seen, closed) {
                (Ok(value), Ok(())) => Ok(value),
                (Err(error), _) => Err(error),
                (Ok(_), Err(error)) => Err(format!("the app did not close: {error}")),
            }
        });
        drop(driver);

        outcome.unwrap_or_else(|error| {
            let log = std::fs::read_to_string(&log_path).unwrap_or_default();
            panic!("{error}\n--- tauri-driver log ---\n{log}")
        })
    }
}

/// The app's window, as the scenario sees it. Each step fails with a
/// message that says what it was looking for.
struct App {
    client: Client,
}

/// What a scenario step returns: a value, or what went wrong.
type Step<T> = Result<T, String>;

impl App {
    /// Waits until an element matches `css` and returns its text.
    async fn wait_for_text(&self, css: &str) -> Step<String> {
        let element = self
            .client
            .wait()
            .at_most(SCREEN_TIMEOUT)
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("`{css}` did not appear within {SCREEN_TIMEOUT:?}: {e}"))?;
        element
            .text()
            .await
            .map_err(|e| format!("could not read the text of `{css}`: {e}"))
    }

    /// The text of the element that matches `css` now.
    async fn text(&self, css: &str) -> Step<String> {
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .map_err(|e| format!("no `{css}` on the page: {e}"))?;
        element
            .text()
            .await
            .map_err(|e| format!("could not read the text of `{css}`: {e}"))
    }

    /// Whether an element matches `css` and is shown.
    async fn is_shown(&self, css: &str) -> Step<bool> {
        let elements = self
            .client
            .find_all(Locator::Css(css))
            .await
            .map_err(|e| format!("could not look for `{css}`: {e}"))?;
        for element in elements {
            if element
                .is_displayed()
                .await
                .map_err(|e| format!("could not tell whether `{css}` is shown: {e}"))?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Runs `script` in the page; it ends by calling its last argument with
    /// the value to return.
    async fn run_script(&self, script: &str) -> Step<Value> {
        self.client
            .execute_async(script, vec![])
            .await
            .map_err(|e| format!("the script in the page failed: {e}"))
    }

    /// Saves what the window shows to `target/e2e-screenshots/NAME`, for a
    /// person to look at.
    async fn save_screenshot(&self, name: &str) -> Step<()> {
        // WebKit's screenshot is the last frame it painted, which may predate
        // the latest DOM change: wait for two more frames first.
        self.run_script(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
        )
        .await?;
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|e| format!("could not take a screenshot: {e}"))?;
        let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .parent()
            .expect("CARGO_TARGET_TMPDIR is inside the target folder")
            .join("e2e-screenshots");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(name), png).unwrap();
        Ok(())
    }
}

/// A running tauri-driver, stopped with SIGTERM when dropped: killed hard,
/// it would leave WebKitWebDriver holding its port.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(env: &[(&'static str, PathBuf)], log_path: &Path) -> Self {
        let [port, native_port] = free_ports();
        let log = File::create(log_path).unwrap();
        let child = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(env.iter().map(|(name, value)| (name, value)))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start tauri-driver");
        Self { child, port }
    }

    /// Opens a WebDriver session, which launches the app. tauri-driver takes
    /// a moment to listen, so this retries for a while.
    async fn connect(&self) -> Result<Client, String> {
        let capabilities = json!({
            "browserName": "wry",
            "tauri:options": { "application": APP },
        });
        let capabilities = match capabilities {
            Value::Object(map) => map,
            _ => unreachable!("capabilities are a JSON object"),
        };
        let url = format!("http://127.0.0.1:{}", self.port);
        let deadline = Instant::now() + SCREEN_TIMEOUT;
        loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => return Ok(client),
                Err(error) if Instant::now() >= deadline => {
                    return Err(format!(
                        "could not start the app through tauri-driver at {url}: {error}"
                    ))
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
            }
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        #[cfg(not(unix))]
        let _ = self.child.kill();

        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // It did not stop in time: make sure it does not outlive the test.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Two ports free right now on 127.0.0.1 (for tauri-driver and the native
/// WebDriver behind it).
fn free_ports() -> [u16; 2] {
    let first = TcpListener::bind("127.0.0.1:0").unwrap();
    let second = TcpListener::bind("127.0.0.1:0").unwrap();
    [
        first.local_addr().unwrap().port(),
        second.local_addr().unwrap().port(),
    ]
}

/// Why this machine cannot run the app under WebDriver, if it cannot.
fn why_e2e_cannot_run() -> Option<String> {
    if cfg!(target_os = "linux") && std::env::var_os("DISPLAY").is_none() {
        return Some("DISPLAY is not set; run the tests under `xvfb-run -a`".into());
    }
    if !on_path("tauri-driver") {
        return Some("tauri-driver is not on PATH; run scripts/setup.sh".into());
    }
    if cfg!(target_os = "linux") && !on_path("WebKitWebDriver") {
        return Some("WebKitWebDriver is not on PATH; run scripts/setup.sh".into());
    }
    None
}

fn on_path(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|folder| {
        folder.join(program).is_file() || folder.join(format!("{program}.exe")).is_file()
    })
}
