#!/usr/bin/env bash
# Installs what building and testing Trine's desktop app needs on Debian 12,
# as root: the WebKitGTK/Tauri build packages, Xvfb and WebKitWebDriver for
# the end-to-end tests, ImageMagick and librsvg for icons and screenshots,
# and tauri-driver. Safe to run again: it installs only what is missing, and
# runs apt only if a package is missing.
set -euo pipefail

APT_PACKAGES=(
    libwebkit2gtk-4.1-dev
    build-essential
    file
    libssl-dev
    libayatana-appindicator3-dev
    librsvg2-dev
    libxdo-dev
    xvfb
    xauth
    imagemagick
    webkit2gtk-driver
    librsvg2-bin
    tzdata
    poppler-utils
    # kill(1): tests/desktop stops tauri-driver with SIGTERM (slim images lack it).
    procps
    # tests/desktop/close_window.py asks the app's window to close, as a
    # window manager would (Xvfb has none).
    python3-xlib
    # tests/desktop/file_dialog.rs answers the system's save and open dialogs
    # of Export and Import by typing into them, as a person would.
    xdotool
    # chattr: crates/trine-cli/tests/cli/disk_trouble.rs makes a folder unwritable even for root.
    e2fsprogs
    # tests/desktop/everyday.rs: a private session bus per test (the
    # single-instance handover and the reminder), a notification daemon on
    # it, and dbus-monitor to see the reminder arrive.
    dbus-daemon
    dbus-bin
    dunst
    # GNU time: crates/trine-cli/tests/cli/bombs.rs measures the peak memory of hostile imports.
    time
    # rpm -qip reads the .rpm that scripts/package.sh builds.
    rpm
    # A window manager for the one desktop test that needs windows to be
    # minimised (Trine started at login); Xvfb has none.
    openbox
)

say() { printf 'setup: %s\n' "$*"; }

missing=()
for package in "${APT_PACKAGES[@]}"; do
    if ! dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed$'; then
        missing+=("$package")
    fi
done

# The tauri CLI (packages) and axe-core (accessibility tests) come from npm,
# pinned in package-lock.json. Debian's npm, unless npm is there already
# (NodeSource's nodejs carries its own, and conflicts with Debian's).
if ! command -v npm >/dev/null 2>&1; then
    missing+=(nodejs npm)
fi

if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        say "missing Debian packages: ${missing[*]}; run this script as root to install them" >&2
        exit 1
    fi
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    say "Debian packages already installed"
fi

# cargo install puts binaries here; make sure this shell finds them.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if command -v tauri-driver >/dev/null 2>&1; then
    say "tauri-driver already installed"
elif ! command -v cargo >/dev/null 2>&1; then
    say "cargo not found: install Rust with rustup, then run this again" >&2
    exit 1
else
    say "installing tauri-driver (cargo install, about half a minute)"
    cargo install tauri-driver --locked --quiet
fi

# cargo-fuzz for scripts/fuzz-smoke.sh: the version seen working on stable here.
if [ "$(cargo fuzz --version 2>/dev/null)" = "cargo-fuzz 0.13.2" ]; then
    say "cargo-fuzz 0.13.2 already installed"
else
    say "installing cargo-fuzz 0.13.2 (cargo install, about a minute)"
    cargo install cargo-fuzz --version 0.13.2 --locked --quiet
fi

# npm tools pinned in package-lock.json: the tauri CLI and axe-core.
cd "$(dirname "$0")/.."
if cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
    say "npm tools already installed"
else
    say "installing the npm tools (tauri CLI, axe-core)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.installed-lock
fi

say "done"
