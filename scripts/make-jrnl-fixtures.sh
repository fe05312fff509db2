#!/usr/bin/env bash
# Regenerates tests/fixtures/jrnl/ with the real jrnl from PyPI (pinned
# below), so the importer tests read files jrnl itself wrote:
#   journal.txt   jrnl's own journal file (time format '%F %r', 12-hour)
#   export.json   `jrnl --export json` of the same journal
#   jrnl.yaml     the configuration it ran with
# Run:  bash scripts/make-jrnl-fixtures.sh
# It needs python3 with venv and network access to PyPI; it writes nothing
# outside a temporary folder except tests/fixtures/jrnl/. The entries are
# written in America/New_York, so they cross a daylight-saving change; the
# tests read them with TZ=America/New_York. The tests never run this script.
set -euo pipefail
cd "$(dirname "$0")/.."
JRNL_VERSION=4.6
out=tests/fixtures/jrnl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "jrnl==$JRNL_VERSION"
jrnl="$work/venv/bin/jrnl"

export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export TZ=America/New_York
mkdir -p "$XDG_CONFIG_HOME/jrnl"
cat >"$XDG_CONFIG_HOME/jrnl/jrnl.yaml" <<YAML
colors:
  body: none
  date: none
  tags: none
  title: none
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: $work/journal.txt
linewrap: 79
tagsymbols: '@'
template: false
timeformat: '%F %r'
version: '$JRNL_VERSION'
YAML

# One entry per call, read from standard input as jrnl reads a piped entry:
# the date at the start, then the title up to the first sentence end.
add() { printf '%s\n' "$1" | "$jrnl" >/dev/null 2>&1; }
add "2026-01-05 8:40pm: Started at the clinic's data team on Monday. I still introduce myself as a lab tech. @identity
The analyst lead asked what I want to learn first, and actually wrote it down. seen: 7 | known: 5 | valued: 6"
add "2026-01-12 9:05pm: No word yet about the permanent contract.
I refreshed my inbox far too often and took a long walk instead of writing another follow-up. @contract @patience"
add "2026-03-08 1:30am: Awake after the clocks went forward.
Listed three things I did well this month: the dashboard, the handover notes, the training for the new hire. @confidence"
add "2026-03-09 7:15am: Morning pages – a naïve map of next steps, 自信 (confidence) 🚀.
Told the lead I would like to own the weekly report end to end. @voice @confidence"
add "2026-04-01 12:00pm: Copied from a message thread: <script>alert('x')</script> and <img src=x onerror=alert(1)> stay text.
@safety-test"
add "2026-06-30 11:59pm: Midyear check *.
Is the work I do here close to what matters to me? More than in March. @values @review"
add "2027-01-01 12:15am: First hours of the new year, still week 53 of 2026 by ISO count.
A short one. @identity"
add "2026-12-31 11:30pm: Last evening of the year. Thanks to the people who backed me: Rosa, Idris, Mei.
Next year: apply for the analyst post in the open round. @community @contract"

mkdir -p "$out"
cp "$work/journal.txt" "$out/journal.txt"
"$jrnl" --export json >"$out/export.json" 2>/dev/null
sed "s|$work/journal.txt|journal.txt|" "$XDG_CONFIG_HOME/jrnl/jrnl.yaml" >"$out/jrnl.yaml"
echo "wrote $out/journal.txt, $out/export.json and $out/jrnl.yaml with jrnl $JRNL_VERSION"
