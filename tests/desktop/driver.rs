//! tauri-driver, the WebDriver server that starts the app: on free ports,
//! connected to with retries, and stopped with SIGTERM.

use std::ffi::OsString;
use std::fs::File;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use crate::harness::{APP, SCREEN_TIMEOUT};

/// A running tauri-driver, stopped with SIGTERM when dropped: killed hard,
/// it would leave WebKitWebDriver holding its port.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    pub fn start(env: &[(String, OsString)], log_path: &Path) -> Self {
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
    pub async fn connect(&self) -> Result<Client, String> {
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

/// The ids of this sandbox's app processes: the app binary running with
/// this sandbox's `TRINE_DATA_DIR`, and nothing else.
pub fn app_pids(data_dir: &Path) -> Vec<u32> {
    let app = std::fs::canonicalize(APP).unwrap_or_else(|_| PathBuf::from(APP));
    let mut marker = b"TRINE_DATA_DIR=".to_vec();
    marker.extend_from_slice(data_dir.as_os_str().as_encoded_bytes());
    marker.push(0);
    let Ok(processes) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    processes
        .filter_map(|p| p.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok();
            let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            exe.as_deref() == Some(app.as_path())
                && environ
                    .windows(marker.len())
                    .any(|w| w == marker.as_slice())
        })
        .collect()
}

/// Why this machine cannot run the app under WebDriver, if it cannot.
pub fn why_e2e_cannot_run() -> Option<String> {
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
