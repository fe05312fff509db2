// The keyboard shortcuts, from anywhere in the app:
//   Ctrl+N  a new free note        Ctrl+F  search the journal
//   Ctrl+S  save now               Esc     back / close
//   Ctrl+Z  undo a delete (while its message shows, outside text fields)
// (Cmd instead of Ctrl on macOS.)

import { currentScreen, go } from './router.js';
import { flushAll } from './autosave.js';
import { runToastAction } from './notify.js';

/** Whether the key goes to a field that has its own Ctrl+Z. */
function inField(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function installKeys() {
  document.addEventListener('keydown', (event) => {
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    const screen = currentScreen();
    if (mod && !event.altKey && key === 'n') {
      event.preventDefault();
      go('#/new');
    } else if (mod && !event.altKey && key === 'f') {
      event.preventDefault();
      if (screen?.focusSearch) screen.focusSearch();
      else go('#/journal?focus=search');
    } else if (mod && !event.altKey && key === 's') {
      event.preventDefault();
      if (screen?.save) screen.save();
      else flushAll();
    } else if (mod && !event.altKey && !event.shiftKey && key === 'z' && !inField(event.target)) {
      if (runToastAction()) event.preventDefault();
    } else if (key === 'escape' && !mod) {
      if (document.querySelector('.toast') && !screen?.escape) return;
      if (screen?.escape && screen.escape()) event.preventDefault();
    }
  });
}
