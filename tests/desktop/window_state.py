"""Reads what the window manager says, for tests/desktop (Xvfb has none of
its own; Sandbox::run_directly starts openbox). Needs python3-xlib.

Usage:
  window_state.py wm     exits 0 once a window manager runs on the display
                         (it has set _NET_SUPPORTING_WM_CHECK), else 1
  window_state.py PID    prints the ICCCM state of PID's top-level windows:
                         "normal", "iconic" (minimised) or "withdrawn", one
                         line per window that has a state
"""

import sys

from Xlib import X, display

from xwindows import windows_of

d = display.Display()
root = d.screen().root

if sys.argv[1] == "wm":
    check = root.get_full_property(
        d.intern_atom("_NET_SUPPORTING_WM_CHECK"), X.AnyPropertyType
    )
    sys.exit(0 if check else 1)

WM_STATE = d.intern_atom("WM_STATE")
NAMES = {0: "withdrawn", 1: "normal", 3: "iconic"}

for window in windows_of(d, int(sys.argv[1])):
    try:
        state = window.get_full_property(WM_STATE, WM_STATE)
    except Exception:
        continue
    if state:
        print(NAMES.get(state.value[0], str(state.value[0])))
