//! A private D-Bus session bus for each sandbox, and a notification daemon
//! with a listener on it when a test wants to see notifications.
//!
//! The app finds its session bus through `DBUS_SESSION_BUS_ADDRESS`. Each
//! sandbox gets its own bus, so the single-instance handover (which runs
//! over the session bus) never reaches an app of another test or the
//! desktop the tests run in, and a notification is seen only by its own
//! test. Without `dbus-daemon` the address points nowhere and the app runs
//! without a bus.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `dbus-daemon --session`, stopped when dropped.
pub struct SessionBus {
    daemon: Option<Child>,
    /// `DBUS_SESSION_BUS_ADDRESS` for the app.
    pub address: String,
    helpers: Vec<Child>,
}

impl SessionBus {
    /// Starts a bus, or gives an address that leads nowhere if
    /// `dbus-daemon` cannot run here.
    pub fn start(scratch: &Path) -> Self {
        let started = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        let nowhere = format!("unix:path={}", scratch.join("no-bus").display());
        let Ok(mut daemon) = started else {
            return Self {
                daemon: None,
                address: nowhere,
                helpers: Vec::new(),
            };
        };
        let mut line = String::new();
        let mut out = BufReader::new(daemon.stdout.take().expect("piped"));
        if out.read_line(&mut line).is_err() || line.trim().is_empty() {
            let _ = daemon.kill();
            let _ = daemon.wait();
            return Self {
                daemon: None,
                address: nowhere,
                helpers: Vec::new(),
            };
        }
        Self {
            daemon: Some(daemon),
            address: line.trim().to_string(),
            helpers: Vec::new(),
        }
    }

    /// Whether a real bus is running.
    pub fn is_running(&self) -> bool {
        self.daemon.is_some()
    }

    /// Starts a notification daemon (dunst) on the bus and a listener for
    /// the `Notify` calls made on it. Fails if either cannot start.
    pub fn watch_notifications(&mut self) -> Result<Notifications, String> {
        if !self.is_running() {
            return Err("dbus-daemon could not start; run scripts/setup.sh".into());
        }
        let dunst = Command::new("dunst")
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start dunst (scripts/setup.sh installs it): {e}"))?;
        self.helpers.push(dunst);
        let mut monitor = Command::new("dbus-monitor")
            .args([
                "--address",
                &self.address,
                "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start dbus-monitor: {e}"))?;
        let seen = Arc::new(Mutex::new(String::new()));
        let out = monitor.stdout.take().expect("piped");
        let into = seen.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let mut seen = into.lock().unwrap();
                seen.push_str(&line);
                seen.push('\n');
            }
        });
        self.helpers.push(monitor);
        let notifications = Notifications { seen };
        // dbus-monitor prints its own connection first: wait for it, so no
        // call made after this returns is missed.
        notifications.wait_for("NameAcquired", Duration::from_secs(10))?;
        Ok(notifications)
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        for child in self.helpers.iter_mut().chain(self.daemon.as_mut()) {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// What `dbus-monitor` saw of the `Notify` calls on the bus.
#[derive(Clone)]
pub struct Notifications {
    seen: Arc<Mutex<String>>,
}

impl Notifications {
    /// Everything seen so far, as `dbus-monitor` printed it.
    pub fn seen(&self) -> String {
        self.seen.lock().unwrap().clone()
    }

    /// How many `Notify` calls were seen.
    pub fn count(&self) -> usize {
        self.seen().matches("member=Notify").count()
    }

    /// Waits until `text` has been seen, for at most `limit`.
    pub fn wait_for(&self, text: &str, limit: Duration) -> Result<(), String> {
        let deadline = Instant::now() + limit;
        while !self.seen().contains(text) {
            if Instant::now() >= deadline {
                return Err(format!(
                    "{text:?} was not seen on the bus within {limit:?}; seen:\n{}",
                    self.seen()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(())
    }
}
