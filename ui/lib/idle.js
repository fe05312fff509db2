// Locks an encrypted journal after the chosen time without use: what was
// typed is saved first, the shell closes the journal, and the lock screen
// asks for the passphrase before anything shows again.

import { call } from './api.js';
import { flushAll } from './autosave.js';
import { el } from './dom.js';
import { clearError } from './notify.js';
import { currentScreen, go } from './router.js';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focusin'];
let timer = null;
let limitMs = 0;
let locking = false;

function restart() {
  clearTimeout(timer);
  if (limitMs > 0 && !locking) timer = setTimeout(lockNow, limitMs);
}

/** Follows `settings` (encrypted, lock_after_seconds): (re)starts or stops the idle timer. */
export function startIdleLock(settings) {
  limitMs = settings.encrypted && settings.lock_after_seconds > 0 ? settings.lock_after_seconds * 1000 : 0;
  for (const type of ACTIVITY) {
    document.removeEventListener(type, restart, true);
    if (limitMs) document.addEventListener(type, restart, { capture: true, passive: true });
  }
  restart();
}

/** Saves, locks the journal and shows the lock screen until it is opened. */
export async function lockNow() {
  if (locking) return;
  locking = true;
  try {
    const screen = currentScreen();
    if (screen?.save) await screen.save();
    if (!(await call('lock_journal'))) return;
    for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
    document.body.classList.add('is-locked');
    const root = document.getElementById('screen');
    const { unlock } = await import('../screens/unlock.js');
    await unlock(root);
    document.body.classList.remove('is-locked');
    go(location.hash || '#/week');
  } finally {
    locking = false;
    restart();
  }
}

/**
 * Another Trine encrypted the journal, or changed its passphrase, while it
 * was open here: the last change was not saved. The passphrase is asked for
 * in a dialog over the screen, so what was typed stays where it is, and is
 * saved as soon as the journal is open again.
 */
export async function askAgainAfterReplaced() {
  if (locking) return;
  locking = true;
  try {
    for (const open of document.querySelectorAll('dialog[open]')) open.close();
    const dialog = el('dialog', { class: 'confirm unlock-dialog', id: 'replaced-unlock', attrs: { 'aria-labelledby': 'unlock-title' } });
    // No way around it: the journal stays closed until the passphrase is given.
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    document.body.append(dialog);
    dialog.showModal();
    const { unlock } = await import('../screens/unlock.js');
    await unlock(dialog, {
      lede: 'Another Trine window or command changed this journal’s encryption while it was open here, so your last change is not saved yet. Type the passphrase: it will be saved the moment the journal opens.',
    });
    dialog.close();
    dialog.remove();
    clearError();
    await flushAll();
  } finally {
    locking = false;
    restart();
  }
}
