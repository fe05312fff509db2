"""Reads and moves the X input focus, for tests/desktop's single-instance
test: Xvfb runs no window manager, so focus is plain X input focus.

Usage:
  x_focus.py away      puts the focus on the root window (no app has it)
  x_focus.py name      prints the name of the top-level window that has it
"""

import sys

from Xlib import X, display

d = display.Display()
root = d.screen().root

if sys.argv[1] == "away":
    d.set_input_focus(X.PointerRoot, X.RevertToPointerRoot, X.CurrentTime)
    d.sync()
    sys.exit(0)

focus = d.get_input_focus().focus
name = ""
# Walk up from the focused window to the top-level window, reading names.
while isinstance(focus, type(root)) and focus.id != root.id:
    try:
        found = focus.get_wm_name()
        if found:
            name = found
        focus = focus.query_tree().parent
    except Exception:
        break
print(name)
