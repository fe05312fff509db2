// A failed automatic backup, told on the page: the shell keeps why it
// failed (an unplugged disk, a full one) and calls
// window.__trineBackupTrouble when it happens; the page also asks as it
// starts. Shown once in the alert region, with the way to the Backups
// screen, which shows it until a backup succeeds.

import { call, messageOf } from './api.js';
import { showError } from './notify.js';

// The failure already shown in the alert region, so that a screen change
// does not bring the same one back.
let shown = null;

/** Why the last automatic backup failed, or null. */
export async function backupTrouble() {
  try {
    return await call('automatic_backup_trouble');
  } catch {
    return null; // locked or unopened: the screen itself says why
  }
}

/** The sentence for a failed automatic backup. */
export function troubleText(trouble) {
  return `The automatic backup did not complete. ${messageOf(trouble)}`;
}

async function tell() {
  const trouble = await backupTrouble();
  if (!trouble || (shown && shown.message === trouble.message)) return;
  shown = trouble;
  showError({ code: trouble.code, message: troubleText(trouble), fix: 'open_backups' });
}

/** Asks now, and lets the shell tell the page when it happens. */
export function watchBackupTrouble() {
  window.__trineBackupTrouble = tell;
  tell();
}
