// The Privacy card of Settings: encryption with a passphrase (turn on,
// change, turn off), locking after a time without use, and the way to
// Backups. A lost passphrase cannot be recovered, and the card says so
// before encryption is turned on.

import { call, messageOf } from '../lib/api.js';
import { el } from '../lib/dom.js';
import { startIdleLock } from '../lib/idle.js';

const LOCK_CHOICES = [
  [60, 'After 1 minute'],
  [300, 'After 5 minutes'],
  [600, 'After 10 minutes'],
  [1800, 'After 30 minutes'],
  [3600, 'After an hour'],
  [0, 'Never'],
];

function passwordField(id, words, autocomplete) {
  const input = el('input', { type: 'password', id, autocomplete });
  return { input, label: el('label', { class: 'field' }, el('span', { text: words }), input) };
}

/** The card, for `settings` as the shell gave them; `save(next)` saves. */
export function privacyCard(settings, save) {
  const state = el('p', { id: 'privacy-state', class: 'preview-main' });
  const note = el('p', { id: 'privacy-note', class: 'muted', attrs: { role: 'status' } });
  const actions = el('div', { class: 'form-foot privacy-actions' });
  const lockAfter = el('select', { id: 'setting-lock-after' }, LOCK_CHOICES.map(([value, words]) => el('option', { value, text: words })));
  if (!LOCK_CHOICES.some(([v]) => v === settings.lock_after_seconds)) {
    lockAfter.append(el('option', { value: settings.lock_after_seconds, text: `After ${settings.lock_after_seconds} seconds` }));
  }
  lockAfter.value = String(settings.lock_after_seconds);
  lockAfter.addEventListener('change', async () => {
    settings = await save({ ...settings, lock_after_seconds: Number(lockAfter.value) });
    startIdleLock(settings);
  });
  const lockRow = el('label', { class: 'field' }, el('span', { text: 'Lock Trine when unused' }), lockAfter);

  const current = passwordField('passphrase-current', 'Current passphrase', 'current-password');
  const next = passwordField('passphrase-new', 'New passphrase', 'new-password');
  const again = passwordField('passphrase-again', 'The new passphrase again', 'new-password');
  const warning = el('p', { class: 'warn', id: 'passphrase-warning', text: 'If you lose this passphrase, your journal cannot be opened again: nobody can recover it, not even Trine. Write it down somewhere safe. Your backups will be encrypted with it too.' });
  const problem = el('p', { class: 'problem', id: 'passphrase-problem', attrs: { role: 'alert' } });
  const go = el('button', { type: 'submit', class: 'button primary', id: 'passphrase-go', value: 'go' });
  const title = el('h2', { id: 'passphrase-title' });
  const dialog = el(
    'dialog',
    { class: 'confirm', id: 'passphrase-dialog', attrs: { 'aria-labelledby': 'passphrase-title' } },
    title,
    warning,
    el(
      'form',
      { on: { submit: (event) => submit(event) } },
      current.label,
      next.label,
      again.label,
      problem,
      el('div', { class: 'form-foot' }, el('button', { type: 'button', class: 'button', text: 'Cancel', on: { click: () => dialog.close() } }), go),
    ),
  );
  let mode = 'on';

  function open(chosen) {
    mode = chosen;
    for (const f of [current, next, again]) f.input.value = '';
    problem.textContent = '';
    current.label.hidden = mode === 'on';
    next.label.hidden = again.label.hidden = mode === 'off';
    warning.hidden = mode === 'off';
    title.textContent = { on: 'Encrypt your journal', change: 'Change the passphrase', off: 'Turn encryption off' }[mode];
    go.textContent = { on: 'Encrypt', change: 'Change passphrase', off: 'Turn encryption off' }[mode];
    dialog.showModal();
    (mode === 'on' ? next : current).input.focus();
  }

  async function submit(event) {
    event.preventDefault();
    if (mode !== 'off' && next.input.value.length < 8) {
      problem.textContent = 'Choose a passphrase of at least 8 characters.';
      return;
    }
    if (mode !== 'off' && next.input.value !== again.input.value) {
      problem.textContent = 'The two new passphrases are not the same.';
      return;
    }
    go.disabled = true;
    const words = go.textContent;
    go.textContent = 'Working…';
    try {
      const changed = await call('change_passphrase', {
        current: mode === 'on' ? null : current.input.value,
        new: mode === 'off' ? null : next.input.value,
      });
      settings = { ...settings, encrypted: changed.encrypted };
      dialog.close();
      draw();
      note.textContent = aboutBackups(changed);
      startIdleLock(settings);
    } catch (error) {
      problem.textContent = error.code === 'wrong_passphrase' ? 'That is not the current passphrase; nothing was changed.' : messageOf(error);
    } finally {
      go.disabled = false;
      go.textContent = words;
      for (const f of [current, next, again]) f.input.value = '';
    }
  }

  /** What happened to the backups, in words. */
  function aboutBackups({ encrypted, backups }) {
    const n = backups.rekeyed;
    const them = n === 1 ? 'Your backup was' : `Your ${n} backups were`;
    const done = n === 0 ? '' : encrypted ? `${them} encrypted with the new passphrase too.` : `${them} decrypted too.`;
    const left = backups.unreadable.length
      ? ` ${backups.unreadable.length} backup file(s) could not be rewritten (damaged, or from an earlier passphrase) and were left as they were, in their old form; delete them from the backups folder if you do not need them: ${backups.unreadable.join(', ')}`
      : '';
    return done + left;
  }

  const button = (id, text, chosen) => el('button', { type: 'button', class: 'button', id, text, on: { click: () => open(chosen) } });

  function draw() {
    state.textContent = settings.encrypted
      ? 'Your journal is encrypted: without its passphrase, the file cannot be read.'
      : 'Your journal is not encrypted. Anyone who can open your files could read it.';
    actions.replaceChildren(
      ...(settings.encrypted
        ? [button('passphrase-change', 'Change passphrase…', 'change'), button('passphrase-off', 'Turn encryption off…', 'off')]
        : [button('passphrase-on', 'Encrypt with a passphrase…', 'on')]),
    );
    lockRow.hidden = !settings.encrypted;
  }
  draw();

  return el(
    'section',
    { class: 'card settings-card', attrs: { 'aria-labelledby': 'settings-privacy' } },
    el('h2', { id: 'settings-privacy', text: 'Privacy' }),
    state,
    note,
    actions,
    lockRow,
    el('p', {}, el('a', { class: 'button subtle', href: '#/backups', id: 'go-backups', text: 'Backups and erasing…' }), ' ', el('a', { class: 'button subtle', href: '#/import', text: 'Import from another journal…' })),
    dialog,
  );
}
