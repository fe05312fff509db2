"""Asks the window of one process to close, as a window manager's close
button does: a WM_DELETE_WINDOW message to each of its top-level windows.

Used by tests/desktop (`App::close_window`): Xvfb runs no window manager,
and WebDriver ends a session without a close request. Needs python3-xlib
(scripts/setup.sh installs it).

Usage: close_window.py PID
"""

import sys

from Xlib import X, display, protocol

pid = int(sys.argv[1])
d = display.Display()
WM_PROTOCOLS = d.intern_atom("WM_PROTOCOLS")
WM_DELETE_WINDOW = d.intern_atom("WM_DELETE_WINDOW")
NET_WM_PID = d.intern_atom("_NET_WM_PID")


def windows(parent):
    # A window can vanish while the tree is walked (a tooltip, another
    # app's popup): skip it rather than fail.
    try:
        children = parent.query_tree().children
    except Exception:
        return
    for child in children:
        yield child
        yield from windows(child)


asked = 0
for window in windows(d.screen().root):
    try:
        owner = window.get_full_property(NET_WM_PID, X.AnyPropertyType)
        protocols = window.get_wm_protocols() or []
    except Exception:
        continue
    if owner and owner.value[0] == pid and WM_DELETE_WINDOW in protocols:
        message = protocol.event.ClientMessage(
            window=window,
            client_type=WM_PROTOCOLS,
            data=(32, [WM_DELETE_WINDOW, X.CurrentTime, 0, 0, 0]),
        )
        window.send_event(message)
        asked += 1
d.flush()
print(asked)
sys.exit(0 if asked else 1)
