// Trine's desktop app: starts the page, applies the theme, and shows the
// first-run introduction or the screen in the address.
//
// Talks to the shell only through lib/api.js. Text from the journal or
// from errors is only ever set as text; the only HTML put into the page is
// what the core rendered and sanitised (see lib/dom.js, setTrustedHtml).

import { call } from './lib/api.js';
import { watchBackupTrouble } from './lib/backup-trouble.js';
import { followAppClock } from './lib/dates.js';
import { refreshCount } from './lib/count.js';
import { watchDue } from './lib/due.js';
import { askAgainAfterReplaced, startIdleLock } from './lib/idle.js';
import { installKeys } from './lib/keys.js';
import { showError, toast } from './lib/notify.js';
import { startRouter } from './lib/router.js';
import { applyTheme } from './lib/theme.js';

// Links in entries point outside Trine, which opens no web pages: say so
// rather than leave the journal (the shell refuses such navigation too).
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href]');
  if (!link || link.getAttribute('href').startsWith('#')) return;
  event.preventDefault();
  toast(`Trine opens no web pages. This link goes to ${link.href}`);
});

/** An encrypted journal: ask for its passphrase before anything else. */
async function unlockFirst() {
  document.body.classList.add('is-locked');
  const { unlock } = await import('./screens/unlock.js');
  await unlock(document.getElementById('screen'));
  document.body.classList.remove('is-locked');
}

/** A damaged journal: offer the way back from a backup before anything else. */
async function recoverFirst() {
  document.body.classList.add('is-locked');
  const { recover } = await import('./screens/damaged.js');
  const said = await recover(document.getElementById('screen'));
  document.body.classList.remove('is-locked');
  toast(said);
}

window.addEventListener('trine:replaced', () => askAgainAfterReplaced());

async function start() {
  applyTheme('system');
  // The theme kept beside the journal, so that the lock screen and the
  // damaged journal's screen look like the rest of the app.
  try {
    applyTheme(await call('theme_before_unlock'));
  } catch {
    // The system's theme, then.
  }
  installKeys();
  try {
    let settings;
    try {
      [settings] = await call('app_settings');
    } catch (error) {
      if (error.code === 'damaged') await recoverFirst();
      else if (error.code === 'locked') await unlockFirst();
      else throw error;
      [settings] = await call('app_settings');
    }
    applyTheme(settings.theme);
    startIdleLock(settings);
    if (!settings.onboarded && !location.hash) location.replace('#/welcome');
  } catch (error) {
    showError(error);
  }
  await followAppClock();
  refreshCount();
  watchDue();
  startRouter();
  watchBackupTrouble();
}

start();
