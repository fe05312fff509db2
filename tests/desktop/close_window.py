"""Asks the window of one process to close, as a window manager's close
button does: a WM_DELETE_WINDOW message to each of its top-level windows.

Used by tests/desktop (`App::close_window`): Xvfb runs no window manager,
and WebDriver ends a session without a close request. Needs python3-xlib
(scripts/setup.sh installs it).

Usage: close_window.py PID
"""

import sys

from Xlib import X, display, protocol

from xwindows import windows_of

pid = int(sys.argv[1])
d = display.Display()
WM_PROTOCOLS = d.intern_atom("WM_PROTOCOLS")
WM_DELETE_WINDOW = d.intern_atom("WM_DELETE_WINDOW")

asked = 0
for window in windows_of(d, pid):
    try:
        protocols = window.get_wm_protocols() or []
    except Exception:
        continue
    if WM_DELETE_WINDOW in protocols:
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
