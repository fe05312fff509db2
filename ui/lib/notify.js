// The page's two message places: the alert region at the top (errors from
// the core, in words) and a toast at the bottom (news with an optional
// action, such as Undo). Both take plain text only.

import { el } from './dom.js';
import { fixOf, messageOf } from './api.js';

const status = () => document.getElementById('status');

// What the page offers beside an error whose fix it can take a person to.
const FIX_ACTIONS = {
  restore_backup: { href: '#/backups', text: 'Open Backups' },
  run_integrity_check: { href: '#/backups', text: 'Open Backups' },
  open_backups: { href: '#/backups', text: 'Open Backups' },
  repair_damaged_values: { href: '#/backups', text: 'Open Backups' },
};
const toastRegion = () => document.getElementById('toasts');

/** Shows an error from the core (or any sentence) in the alert region. */
export function showError(error) {
  const region = status();
  const action = typeof error === 'string' ? null : FIX_ACTIONS[fixOf(error)];
  region.replaceChildren(
    el('span', { class: 'status-text', text: typeof error === 'string' ? error : messageOf(error) }),
    ...(action ? [el('a', { class: 'status-action', href: action.href, text: action.text, on: { click: clearError } })] : []),
    el('button', {
      type: 'button',
      class: 'status-close',
      text: 'Dismiss',
      attrs: { 'aria-label': 'Dismiss this message' },
      on: { click: clearError },
    }),
  );
  region.hidden = false;
}

/** Hides the alert region. */
export function clearError() {
  const region = status();
  region.hidden = true;
  region.replaceChildren();
}

let toastTimer = null;
let toastAction = null;

/** Runs the action of the toast on show (Ctrl+Z for Undo); false if none. */
export function runToastAction() {
  if (!toastAction) return false;
  const action = toastAction;
  toastAction = null;
  toastRegion().replaceChildren();
  action.run();
  return true;
}

/**
 * Shows a short message at the bottom of the window for a few seconds,
 * with an optional action button (e.g. Undo).
 */
export function toast(text, action) {
  const region = toastRegion();
  clearTimeout(toastTimer);
  toastAction = action || null;
  const children = [el('span', { text })];
  if (action) {
    children.push(
      el('button', {
        type: 'button',
        class: 'toast-action',
        text: action.label,
        attrs: action.keys ? { 'aria-keyshortcuts': action.keys } : {},
        on: { click: runToastAction },
      }),
    );
  }
  region.replaceChildren(el('div', { class: 'toast' }, children));
  toastTimer = setTimeout(() => {
    toastAction = null;
    region.replaceChildren();
  }, toastTime(text, action));
}

/** Long enough to read: about 60 ms a character, 4 to 15 seconds (10 at least with an action). */
function toastTime(text, action) {
  const reading = Math.min(15000, Math.max(4000, text.length * 60));
  return action ? Math.max(10000, reading) : reading;
}
