//! The harness: a sandbox of fresh folders per test, tauri-driver on free
//! ports, and `App`, the window as a scenario sees it, with steps that fail
//! with a message saying what they were looking for.

use std::cell::RefCell;
use std::ffi::OsString;
use std::future::Future;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant};
use trine_app::prelude::*;

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::driver::{app_pids, why_e2e_cannot_run, Driver};
use crate::x_display::{self, Stopped};

use crate::session_bus::{Notifications, SessionBus};
use trine_app::{Journal, NewEntry};

/// The app binary under test.
pub const APP: &str = env!("CARGO_BIN_EXE_trine-desktop");

/// How long the app may take to open its window and show a screen.
pub const SCREEN_TIMEOUT: Duration = Duration::from_secs(30);

/// One app at a time: each needs its own tauri-driver, which would fight
/// over the WebKit session if several ran at once.
static ONE_APP_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Fresh folders for one run of the app.
pub struct Sandbox {
    /// The sandbox's own session bus (see `session_bus`); dropped before
    /// the folders.
    bus: RefCell<SessionBus>,
    /// More environment for the app, set by the test.
    extra_env: RefCell<Vec<(String, OsString)>>,
    root: TempDir,
    /// `TRINE_DATA_DIR`; not created until the app or a seed creates it.
    pub data_dir: PathBuf,
}

impl Sandbox {
    /// A sandbox, or `None` (after saying why) if this machine cannot run
    /// the app under WebDriver and `TRINE_REQUIRE_DESKTOP_E2E` is not `1`.
    pub fn new_or_skip(test: &str) -> Option<Self> {
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
                    "\nskipped: the desktop end-to-end tests (tests/desktop): {reason}"
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
        Some(Self {
            bus: RefCell::new(SessionBus::start(root.path())),
            extra_env: RefCell::new(Vec::new()),
            root,
            data_dir,
        })
    }

    /// Runs the app with `name` set to `value` too (for example `TRINE_NOW`).
    pub fn set_env(&self, name: &str, value: impl Into<OsString>) {
        self.extra_env
            .borrow_mut()
            .push((name.to_string(), value.into()));
    }

    /// Starts a notification daemon and a listener on the sandbox's bus.
    pub fn watch_notifications(&self) -> Result<Notifications, String> {
        self.bus.borrow_mut().watch_notifications()
    }

    /// Whether the sandbox has a real session bus (needed for the
    /// single-instance handover).
    pub fn has_session_bus(&self) -> bool {
        self.bus.borrow().is_running()
    }

    /// Starts the app binary directly, as a second launch from the desktop
    /// would, with the sandbox's environment; returns the process.
    pub fn launch_directly(&self) -> Child {
        Command::new(APP)
            .envs(self.env())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the app binary")
    }

    /// Starts the app binary directly with `args` (no WebDriver) under a
    /// window manager (openbox, which Xvfb lacks: without one nothing can
    /// be minimised), runs `scenario` with the app's process, then stops
    /// both. One app at a time, as with [`Sandbox::run_app`]; no other
    /// test's app sees the window manager.
    pub fn run_directly<T>(&self, args: &[&str], scenario: impl FnOnce(&Child) -> T) -> T {
        let _one_at_a_time = ONE_APP_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        // It must manage the display before the app maps its window.
        let _window_manager = x_display::start_window_manager(&self.home());
        let app = Stopped(
            Command::new(APP)
                .args(args)
                .envs(self.env())
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start the app binary"),
        );
        scenario(&app.0)
    }

    /// The sandbox's home folder.
    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// The sandbox's `XDG_CONFIG_HOME`.
    pub fn config_home(&self) -> PathBuf {
        self.root.path().join("xdg-config")
    }

    /// The environment the app runs with: nothing of the user's own.
    fn env(&self) -> Vec<(String, OsString)> {
        let root = self.root.path();
        // A stand-in `xdg-open` first on PATH: the app never opens a real
        // file manager in a test, and the test can see what it asked for.
        let bin = root.join("bin");
        if !bin.join("xdg-open").exists() {
            std::fs::create_dir_all(&bin).unwrap();
            let script = format!(
                "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n",
                root.join("opened.txt").display()
            );
            std::fs::write(bin.join("xdg-open"), script).unwrap();
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(bin.join("xdg-open"), std::fs::Permissions::from_mode(0o755))
                .unwrap();
        }
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut env: Vec<(String, OsString)> = [
            ("PATH", PathBuf::from(path)),
            ("HOME", root.join("home")),
            ("XDG_DATA_HOME", root.join("xdg-data")),
            ("XDG_CONFIG_HOME", root.join("xdg-config")),
            ("XDG_CACHE_HOME", root.join("xdg-cache")),
            ("TRINE_DATA_DIR", self.data_dir.clone()),
            (
                "DBUS_SESSION_BUS_ADDRESS",
                self.bus.borrow().address.clone().into(),
            ),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_string(), value.into_os_string()))
        .collect();
        env.extend(self.extra_env.borrow().iter().cloned());
        env
    }

    /// A new folder `name` in the sandbox, for files a test hands to the
    /// app or gets from it.
    pub fn folder(&self, name: &str) -> PathBuf {
        let path = self.root.path().join(name);
        std::fs::create_dir_all(&path).unwrap();
        path
    }

    /// What the app asked the system to open (through `xdg-open`), one per line.
    pub fn opened(&self) -> String {
        std::fs::read_to_string(self.root.path().join("opened.txt")).unwrap_or_default()
    }

    /// Opens the sandbox's journal with the core, as the CLI would, to set
    /// it up before the app starts (or to look at it after).
    pub fn journal(&self) -> Journal {
        Journal::open_in(&self.data_dir).expect("open the sandbox's journal")
    }

    /// Writes `count` notes into the journal with the core, as a user would
    /// have before opening the app.
    pub fn seed_notes(&self, count: usize) {
        let mut journal = self.journal();
        for n in 1..=count {
            journal
                .create(NewEntry::note(
                    format!("Note {n}"),
                    "Something that happened this week.",
                ))
                .expect("seed a note");
        }
    }

    /// Marks the first-run introduction as done, so the app opens on This week.
    pub fn onboard(&self) {
        let mut journal = self.journal();
        let mut settings = journal.app_settings().expect("read the settings");
        settings.onboarded = true;
        journal
            .save_app_settings(&settings)
            .expect("save the settings");
    }

    /// Starts the app under tauri-driver, runs `scenario` against its window,
    /// closes the app and returns what the scenario saw. Panics, with the
    /// driver's log, if the app or the scenario fails.
    pub fn run_app<T, F, Fut>(&self, scenario: F) -> T
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
        let killed = Arc::new(AtomicBool::new(false));

        let outcome = runtime.block_on(async {
            let client = match driver.connect().await {
                Ok(client) => client,
                Err(error) => return Err(error),
            };
            let seen = scenario(App {
                client: client.clone(),
                data_dir: self.data_dir.clone(),
                killed: killed.clone(),
            })
            .await;
            if killed.load(Ordering::SeqCst) {
                // The app is gone; so is the session.
                return seen;
            }
            // Close the session even if the scenario failed: that closes the app.
            let closed = client.close().await;
            match (seen, closed) {
                (Ok(value), Ok(())) => Ok(value),
                (Err(error), _) => Err(error),
                (Ok(_), Err(error)) => Err(format!("the app did not close: {error}")),
            }
        });
        drop(driver);
        // The next run of this sandbox must not find this one still on its
        // way out: it would hand over to it, as a second launch does. While
        // the webview drew with accelerated compositing, WebKitWebDriver
        // now and then ended the session without ending the app (5 to 9 of
        // 47 runs; none in 98 since it draws without). A window closed as a
        // window manager closes it always ended the app. Should it happen
        // again, nothing of the app is needed once the scenario is over, so
        // it is stopped.
        let deadline = Instant::now() + Duration::from_secs(5);
        while !app_pids(&self.data_dir).is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        for pid in app_pids(&self.data_dir) {
            let _ = writeln!(
                std::io::stderr(),
                "the app (process {pid}) outlived its WebDriver session by 5 s; stopping it"
            );
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while !app_pids(&self.data_dir).is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }

        outcome.unwrap_or_else(|error| {
            let log = std::fs::read_to_string(&log_path).unwrap_or_default();
            panic!("{error}\n--- tauri-driver log ---\n{log}")
        })
    }
}

/// The app's window, as the scenario sees it. Each step fails with a
/// message that says what it was looking for.
pub struct App {
    client: Client,
    data_dir: PathBuf,
    killed: Arc<AtomicBool>,
}

/// What a scenario step returns: a value, or what went wrong.
pub type Step<T> = Result<T, String>;

impl App {
    /// Waits until an element matches `css` and returns it.
    pub async fn wait_for(&self, css: &str) -> Step<Element> {
        self.client
            .wait()
            .at_most(SCREEN_TIMEOUT)
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("`{css}` did not appear within {SCREEN_TIMEOUT:?}: {e}"))
    }

    /// Waits until an element matches `css` and returns its text.
    pub async fn wait_for_text(&self, css: &str) -> Step<String> {
        let element = self.wait_for(css).await?;
        element
            .text()
            .await
            .map_err(|e| format!("could not read the text of `{css}`: {e}"))
    }

    /// The text of the element that matches `css` now.
    pub async fn text(&self, css: &str) -> Step<String> {
        let element = self.find(css).await?;
        element
            .text()
            .await
            .map_err(|e| format!("could not read the text of `{css}`: {e}"))
    }

    /// The element that matches `css` now.
    pub async fn find(&self, css: &str) -> Step<Element> {
        self.client
            .find(Locator::Css(css))
            .await
            .map_err(|e| format!("no `{css}` on the page: {e}"))
    }

    /// Whether an element matches `css` and is shown.
    pub async fn is_shown(&self, css: &str) -> Step<bool> {
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

    /// Clicks the element that matches `css` (waiting for it first).
    pub async fn click(&self, css: &str) -> Step<()> {
        let element = self.wait_for(css).await?;
        // Below the sticky bar or the fold, WebKit's driver may call an
        // element not interactable: bring it to the middle first.
        let arg = serde_json::to_value(&element).map_err(|e| e.to_string())?;
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' });",
                vec![arg],
            )
            .await
            .map_err(|e| format!("could not scroll to `{css}`: {e}"))?;
        element
            .click()
            .await
            .map_err(|e| format!("could not click `{css}`: {e:?}"))
    }

    /// Types `text` into the element that matches `css`, as keystrokes.
    pub async fn type_into(&self, css: &str, text: &str) -> Step<()> {
        self.wait_for(css)
            .await?
            .send_keys(text)
            .await
            .map_err(|e| format!("could not type into `{css}`: {e}"))
    }

    /// Presses Ctrl and `key` together in the element that has the focus.
    pub async fn press_ctrl(&self, key: char) -> Step<()> {
        let keys = format!("{}{key}{}", char::from(Key::Control), char::from(Key::Null));
        self.press(&keys).await
    }

    /// Sends keys to the element that has the focus (see `fantoccini::key::Key`).
    pub async fn press(&self, keys: &str) -> Step<()> {
        let focused = self
            .client
            .active_element()
            .await
            .map_err(|e| format!("could not find the focused element: {e}"))?;
        focused
            .send_keys(keys)
            .await
            .map_err(|e| format!("could not press {keys:?}: {e}"))
    }

    /// Presses and releases `key` on the keyboard, wherever the focus is
    /// (also when nothing has it), as a person would.
    pub async fn press_key(&self, key: Key) -> Step<()> {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let value: char = key.into();
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        self.client
            .perform_actions(actions)
            .await
            .map_err(|e| format!("could not press {key:?}: {e}"))
    }

    /// The value of a form field (textarea, input).
    pub async fn value(&self, css: &str) -> Step<String> {
        let element = self.wait_for(css).await?;
        element
            .prop("value")
            .await
            .map_err(|e| format!("could not read the value of `{css}`: {e}"))?
            .ok_or_else(|| format!("`{css}` has no value"))
    }

    /// Runs `script` in the page and returns its value (`return …`).
    pub async fn eval(&self, script: &str) -> Step<Value> {
        self.client
            .execute(script, vec![])
            .await
            .map_err(|e| format!("the script in the page failed: {e}\n{script}"))
    }

    /// Runs `script` in the page; it ends by calling its last argument with
    /// the value to return.
    pub async fn run_script(&self, script: &str) -> Step<Value> {
        self.client
            .execute_async(script, vec![])
            .await
            .map_err(|e| format!("the script in the page failed: {e}"))
    }

    /// Waits until `condition` (a JavaScript expression) is true in the page.
    pub async fn wait_until(&self, condition: &str, what: &str) -> Step<()> {
        let deadline = Instant::now() + SCREEN_TIMEOUT;
        let script = format!("return Boolean({condition});");
        loop {
            if self.eval(&script).await? == Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "{what}: `{condition}` was still false after {SCREEN_TIMEOUT:?}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Goes to a screen by its address (`#/journal`) and waits for `css`.
    pub async fn go(&self, hash: &str, css: &str) -> Step<()> {
        self.eval(&format!("location.hash = {}; return null;", json!(hash)))
            .await?;
        self.wait_for(css).await.map(|_| ())
    }

    /// Sets the page's theme ("light" or "dark") as the Settings screen would.
    pub async fn set_theme(&self, theme: &str) -> Step<()> {
        self.eval(&format!(
            "document.documentElement.dataset.theme = {}; return null;",
            json!(theme)
        ))
        .await
        .map(|_| ())
    }

    /// Saves what the window shows to `target/e2e-screenshots/NAME`, for a
    /// person to look at.
    ///
    /// The picture is the X server's copy of the app's window, what a
    /// person sees. WebDriver's own screenshot cannot be used: WebKitGTK
    /// (2.50) never answers it when the page is drawn without accelerated
    /// compositing, which the app turns off to save memory
    /// (src-tauri/src/lean_webview.rs).
    pub async fn save_screenshot(&self, name: &str) -> Step<()> {
        // Let the latest DOM change reach the screen: two frames.
        self.run_script(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
        )
        .await?;
        let window = self.x_window()?;
        let folder = screenshot_folder();
        std::fs::create_dir_all(&folder).unwrap();
        x_display::copy_window(&window, &folder.join(name))
    }

    /// The X id of the app's shown window.
    fn x_window(&self) -> Step<String> {
        for pid in app_pids(&self.data_dir) {
            if let Some(window) = x_display::shown_window(pid)? {
                return Ok(window);
            }
        }
        Err("the app has no window shown on the X display".into())
    }

    /// The window's size in pixels.
    pub async fn window_size(&self) -> Step<(u64, u64)> {
        let (_, _, width, height) = self
            .client
            .get_window_rect()
            .await
            .map_err(|e| format!("could not read the window's size: {e}"))?;
        Ok((width, height))
    }

    /// Resizes the window, as a person dragging its corner would.
    pub async fn resize(&self, width: u32, height: u32) -> Step<()> {
        self.client
            .set_window_size(width, height)
            .await
            .map_err(|e| format!("could not resize the window to {width}x{height}: {e}"))
    }

    /// Closes the window as its close button would (a WM_DELETE_WINDOW
    /// request, sent by `close_window.py`), and waits for the app to end.
    /// The scenario should end after this.
    pub async fn close_window(&self) -> Step<()> {
        for pid in app_pids(&self.data_dir) {
            x_display::ask_to_close(pid)?;
        }
        self.wait_gone().await
    }

    /// Waits until the app's process has ended by itself; the scenario
    /// should end after this.
    pub async fn wait_gone(&self) -> Step<()> {
        let deadline = Instant::now() + SCREEN_TIMEOUT;
        while !app_pids(&self.data_dir).is_empty() {
            if Instant::now() >= deadline {
                return Err(format!(
                    "the app was still running after {SCREEN_TIMEOUT:?}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.killed.store(true, Ordering::SeqCst);
        Ok(())
    }

    /// Kills the app at once (SIGKILL), as a crash or a power cut would:
    /// no page events, no clean close. The scenario should end after this.
    pub async fn kill(&self) -> Step<()> {
        let pids = app_pids(&self.data_dir);
        if pids.is_empty() {
            return Err("could not find the app's process to kill".into());
        }
        for pid in pids {
            let status = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status()
                .map_err(|e| format!("could not run kill: {e}"))?;
            if !status.success() {
                return Err(format!("kill -KILL {pid} failed"));
            }
        }
        self.killed.store(true, Ordering::SeqCst);
        // Give WebKitWebDriver a moment to notice.
        tokio::time::sleep(Duration::from_millis(300)).await;
        Ok(())
    }
}

/// `target/e2e-screenshots/`.
pub fn screenshot_folder() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is inside the target folder")
        .join("e2e-screenshots")
}
