#!/usr/bin/env bash
# Installs a Trine .deb and starts the app as a brand-new user would: a new
# account with an empty home, its own display (Xvfb) and session bus, no
# settings. Checks that the window came up, that the journal was created in
# the user's data folder, and that the package's files are where a desktop
# expects them; saves a screenshot to target/try-deb.png. Needs root.
#
#   bash scripts/try-deb.sh target/release/bundle/deb/Trine_0.1.0_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:?usage: try-deb.sh PACKAGE.deb}
user=trine-tryout
say() { printf 'try-deb: %s\n' "$*"; }

say "installing $deb (with its dependencies)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./${deb#./}" >/dev/null

for file in /usr/bin/trine-desktop /usr/share/applications/Trine.desktop \
    /usr/share/icons/hicolor/128x128/apps/trine-desktop.png; do
    [ -e "$file" ] || { say "missing after install: $file"; exit 1; }
done
grep -q '^Categories=.*Office' /usr/share/applications/Trine.desktop ||
    { say "the menu entry has no category"; exit 1; }

if id "$user" >/dev/null 2>&1; then userdel -r "$user" >/dev/null 2>&1 || true; fi
useradd --create-home --shell /bin/bash "$user"
home=$(getent passwd "$user" | cut -d: -f6)
shot=$(pwd)/target/try-deb.png

say "starting Trine as the new user $user"
su - "$user" -c '
    xvfb-run -a --server-args="-screen 0 1280x900x24" dbus-run-session -- sh -c "
        trine-desktop >\$HOME/trine.log 2>&1 &
        app=\$!
        for i in \$(seq 1 60); do
            [ -e \$HOME/.local/share/trine/journal.db ] && break
            sleep 0.5
        done
        sleep 4
        import -window root /tmp/try-deb.png
        kill -0 \$app || { echo the app is not running; exit 1; }
        kill \$app
    "
'
cp /tmp/try-deb.png "$shot"
journal="$home/.local/share/trine/journal.db"
if [ -e "$journal" ]; then
    say "the journal was created: $journal"
else
    say "no journal in $home/.local/share/trine; the app's log:"
    cat "$home/trine.log"
    exit 1
fi
say "screenshot of the first screen: $shot"
