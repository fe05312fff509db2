// Screens by address: `#/week`, `#/journal`, `#/entry/<id>`, `#/new`,
// `#/trends`, `#/checkin`, `#/export`, `#/import`, `#/settings`, `#/backups`,
// `#/library`, `#/help`, `#/welcome`.
//
// Each screen module exports `mount(root, params)`, which draws the screen
// into `root` and may return a handle with `leave()` (save what is left
// before the next screen), `save()` (Ctrl+S), `escape()` (Esc; returns true
// if it did something) and `focusSearch()` (Ctrl+F).

import { clearError, showError } from './notify.js';
import { refreshDue } from './due.js';

const loaders = {
  week: () => import('../screens/this-week.js'),
  journal: () => import('../screens/journal.js'),
  entry: () => import('../screens/entry.js'),
  new: () => import('../screens/entry.js'),
  trends: () => import('../screens/trends.js'),
  checkin: () => import('../screens/checkin.js'),
  export: () => import('../screens/export.js'),
  import: () => import('../screens/import.js'),
  settings: () => import('../screens/settings.js'),
  backups: () => import('../screens/backups.js'),
  library: () => import('../screens/library.js'),
  help: () => import('../screens/help.js'),
  welcome: () => import('../screens/first-run.js'),
};

let current = null;
let generation = 0;
// The address of the screen on show, to return to if it cannot be left.
let shownHash = '';

/** The screen on show, for the keyboard shortcuts. */
export function currentScreen() {
  return current;
}

/** Parses `#/entry/abc?focus=search` into { name, arg, query }. */
function parse(hash) {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [name = '', arg = ''] = path.split('/');
  return { name: loaders[name] ? name : 'week', arg: decodeURIComponent(arg), query: new URLSearchParams(search) };
}

/** Goes to `hash` (e.g. '#/journal'). */
export function go(hash) {
  if (location.hash === hash) show();
  else location.hash = hash;
}

async function show() {
  const mine = ++generation;
  const route = parse(location.hash);
  const leaving = current;
  current = null;
  if (leaving?.leave) {
    const left = await leaving.leave();
    if (left === false) {
      // Its words are not saved (the message says why): stay with them.
      current = leaving;
      history.replaceState(null, '', shownHash);
      return;
    }
  }
  if (mine !== generation) return;
  clearError();
  for (const link of document.querySelectorAll('.nav a')) {
    const here = link.dataset.screen === route.name || (route.name === 'entry' && link.dataset.screen === 'journal') || (route.name === 'import' && link.dataset.screen === 'export') || ((route.name === 'backups' || route.name === 'library') && link.dataset.screen === 'settings');
    if (here) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  refreshDue();
  const root = document.getElementById('screen');
  const next = document.createElement('div');
  next.className = `screen screen-${route.name}`;
  try {
    const module = await loaders[route.name]();
    if (mine !== generation) return;
    root.replaceChildren(next);
    root.dataset.screen = route.name;
    const handle = (await module.mount(next, route)) || {};
    if (mine !== generation) {
      if (handle.leave) await handle.leave();
      return;
    }
    current = { ...handle, name: route.name };
    shownHash = location.hash || `#/${route.name}`;
    root.focus({ preventScroll: true });
    window.scrollTo(0, 0);
    if (handle.ready) handle.ready();
  } catch (error) {
    showError(error);
  }
}

/** Starts following the address. */
export function startRouter() {
  window.addEventListener('hashchange', show);
  show();
}
