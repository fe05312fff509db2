"""Prints the ICCCM state of one process's top-level windows, as the window
manager set it: "normal", "iconic" (minimised) or "withdrawn", one line per
window that has a state. Used by tests/desktop/everyday.rs to see that
Trine started at login opens minimised. Needs python3-xlib.

Usage: window_state.py PID
"""

import sys

from Xlib import X, display

pid = int(sys.argv[1])
d = display.Display()
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


for window in windows(d.screen().root):
    try:
        owner = window.get_full_property(NET_WM_PID, X.AnyPropertyType)
        state = window.get_full_property(WM_STATE, WM_STATE)
    except Exception:
        continue
    if owner and owner.value[0] == pid and state:
        print(NAMES.get(state.value[0], str(state.value[0])))
