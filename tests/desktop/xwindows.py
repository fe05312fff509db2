"""Shared by the X helpers beside it (close_window.py, window_state.py):
the windows of one process on the display. Needs python3-xlib."""

from Xlib import X


def windows(parent):
    """Every window below `parent`, depth first. A window can vanish while
    the tree is walked (a tooltip, another app's popup): it is skipped."""
    try:
        children = parent.query_tree().children
    except Exception:
        return
    for child in children:
        yield child
        yield from windows(child)


def windows_of(d, pid):
    """The windows of process `pid` (by _NET_WM_PID) on display `d`."""
    net_wm_pid = d.intern_atom("_NET_WM_PID")
    for window in windows(d.screen().root):
        try:
            owner = window.get_full_property(net_wm_pid, X.AnyPropertyType)
        except Exception:
            continue
        if owner and owner.value[0] == pid:
            yield window
