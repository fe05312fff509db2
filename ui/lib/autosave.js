// Saving by itself: a change is saved about two seconds after typing stops,
// and at once when asked (Ctrl+S, leaving the field or the screen, the
// window losing focus or being hidden). Saves never overlap; a change made
// during a save is saved right after it. A failed save keeps the change
// dirty, so nothing typed is dropped, and is tried again on the next change
// or flush.

const active = new Set();

/** Flushes every autosaver on the page (window blur, page hidden). */
export function flushAll() {
  return Promise.all([...active].map((saver) => saver.flush()));
}

window.addEventListener('blur', () => flushAll());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushAll();
});
window.addEventListener('pagehide', () => flushAll());

// The shell holds a window close back and calls this first (src-tauri/src/lib.rs).
window.__trineBeforeClose = async () => {
  try {
    await flushAll();
  } finally {
    await window.__TAURI__?.core?.invoke('close_after_saving');
  }
};

export class Autosaver {
  /**
   * `save()` does the work and may throw; `onState(state, error)` hears
   * 'pending', 'saving', 'saved' and 'error'.
   */
  constructor(save, onState, delay = 2000) {
    this.save = save;
    this.onState = onState;
    this.delay = delay;
    this.dirty = false;
    this.timer = null;
    this.running = null;
    active.add(this);
  }

  /** Something changed: save it soon. */
  touch() {
    this.dirty = true;
    this.onState('pending');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delay);
  }

  /** Saves now if anything is unsaved; resolves when all is saved (or failed). */
  async flush() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.running) {
      await this.running;
    }
    if (!this.dirty) return;
    this.running = this.run();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  async run() {
    this.dirty = false;
    this.onState('saving');
    try {
      await this.save();
      this.onState(this.dirty ? 'pending' : 'saved');
    } catch (error) {
      this.dirty = true;
      this.onState('error', error);
    }
  }

  /**
   * Saves what is left and stops listening to the window. Returns false,
   * and keeps listening, if the words could not be saved: the screen
   * holding them must stay.
   */
  async close() {
    await this.flush();
    if (this.dirty) return false;
    active.delete(this);
    return true;
  }
}

/**
 * A quiet "Saving…" / "Saved" line (aria-live polite) for an autosaver's
 * states. Its width is fixed in CSS so the words never move the layout.
 */
export function saveIndicator(node, onError) {
  return (state, error) => {
    node.dataset.state = state;
    if (state === 'pending') node.textContent = 'Not saved yet';
    else if (state === 'saving') node.textContent = 'Saving…';
    else if (state === 'saved') node.textContent = 'Saved';
    else if (state === 'error') {
      node.textContent = 'Not saved';
      if (onError) onError(error);
    }
  };
}
