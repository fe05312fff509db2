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

d = display.Display()
root = d.screen().root

if sys.argv[1] == "wm":
    check = root.get_full_property(
        d.intern_atom("_NET_SUPPORTING_WM_CHECK"), X.AnyPropertyType
    )
    sys.exit(0 if check else 1)

pid = int(sys.argv[1])
NET_WM_PID = d.intern_atom("_NET_WM_PID")
WM_STATE = d.intern_atom("WM_STATE")
NAMES = {0: "withdrawn", 1: "normal", 3: "iconic"}


def windows(parent):
    # A window can vanish while the tree is walked: skip it.
    try:
        children = parent.query_tree().children
    except Exception:
        return
    for child in children:
        yield child
        yield from windows(child)


for window in windows(root):
    try:
        owner = window.get_full_property(NET_WM_PID, X.AnyPropertyType)
        state = window.get_full_property(WM_STATE, WM_STATE)
    except Exception:
        continue
    if owner and owner.value[0] == pid and state:
        print(NAMES.get(state.value[0], str(state.value[0])))
