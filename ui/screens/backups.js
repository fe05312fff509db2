// Backups: where the copies of the journal are, how many are kept, a
// backup now, restoring one (the journal it replaces is kept as a copy),
// and erasing everything after typing "erase".

import { call } from '../lib/api.js';
import { backupTrouble, troubleText } from '../lib/backup-trouble.js';
import { refreshCount } from '../lib/count.js';
import { el } from '../lib/dom.js';
import { clearError, showError, toast } from '../lib/notify.js';

const ERASE_WORD = 'erase';

function when(taken) {
  const date = new Date(taken);
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function size(bytes) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** What a restore over a damaged journal brought back, as a sentence. */
function broughtBack(done) {
  if (!done?.replaced_was_damaged) return '';
  if (done.not_brought_back) return ` Nothing could be read from the damaged journal: ${done.not_brought_back}.`;
  const parts = [];
  if (done.entries_brought_back) parts.push(count(done.entries_brought_back, 'entry', 'entries'));
  if (done.entries_kept_beside) parts.push(`${count(done.entries_kept_beside, 'entry', 'entries')} changed since (kept beside the older version)`);
  if (done.checkins_brought_back) parts.push(count(done.checkins_brought_back, 'check-in', 'check-ins'));
  const back = parts.length ? ` From the damaged journal, written after the backup: ${parts.join(', ')} brought back.` : ' The damaged journal held nothing the backup lacks.';
  const lost = done.entries_unreadable ? ` Up to ${count(done.entries_unreadable, 'entry', 'entries')} on its damaged pages could not be read; those written before the backup are back with it.` : '';
  return back + lost;
}

/** A modal question; resolves with the button's value, or '' if dismissed. */
function ask(dialog) {
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

export async function mount(root) {
  const list = el('div', { id: 'backup-list', attrs: { 'aria-live': 'polite' } });
  const places = el('ul', { id: 'backup-places', class: 'backup-places', attrs: { 'aria-label': 'Where backups go' } });
  const chooseFolder = el('button', { type: 'button', class: 'button', id: 'backup-choose-folder', text: 'Choose a folder…' });
  const stopFolder = el('button', { type: 'button', class: 'button subtle', id: 'backup-stop-folder', text: 'Stop using this folder', hidden: true });
  const besideBox = el('input', { type: 'checkbox', id: 'backup-beside' });
  const besideLabel = el('label', { class: 'check', attrs: { for: 'backup-beside' } }, besideBox, el('span', { text: 'Also keep backups beside the journal' }));
  let chosen = null;
  const keep = el('input', { type: 'number', id: 'backup-keep', min: 1, max: 100, attrs: { 'aria-describedby': 'backup-keep-help' } });
  const keepState = el('span', { class: 'save-state', attrs: { 'aria-live': 'polite' } });
  const now = el('button', { type: 'button', class: 'button primary', id: 'backup-now', text: 'Back up now' });
  // Folders chosen before: their backups still change with the journal.
  const former = el('div', { id: 'backup-former', class: 'backup-former', hidden: true });
  const forgetDialog = el(
    'dialog',
    { class: 'confirm', id: 'forget-confirm', attrs: { 'aria-labelledby': 'forget-title', 'aria-describedby': 'forget-text' } },
    el('h2', { id: 'forget-title', text: 'Forget this folder?' }),
    el('p', { id: 'forget-text' }),
    el('form', { class: 'form-foot', method: 'dialog' }, el('button', { type: 'submit', class: 'button', value: 'cancel', text: 'Keep looking after it', autofocus: true }), el('button', { type: 'submit', class: 'button primary', value: 'forget', id: 'forget-go', text: 'Forget the folder' })),
  );
  // Why the last automatic backup failed, until a backup succeeds.
  const trouble = el('p', { class: 'backup-trouble', id: 'backup-trouble', hidden: true });

  const restoreDialog = el(
    'dialog',
    { class: 'confirm', id: 'restore-confirm', attrs: { 'aria-labelledby': 'restore-title', 'aria-describedby': 'restore-text' } },
    el('h2', { id: 'restore-title', text: 'Restore this backup?' }),
    el('p', { id: 'restore-text' }),
    el('form', { class: 'form-foot', method: 'dialog' }, el('button', { type: 'submit', class: 'button', value: 'cancel', text: 'Cancel', autofocus: true }), el('button', { type: 'submit', class: 'button primary', value: 'restore', id: 'restore-go', text: 'Restore' })),
  );
  const eraseField = el('input', { type: 'text', id: 'erase-word', autocomplete: 'off', spellcheck: false });
  const eraseGo = el('button', { type: 'submit', class: 'button danger', value: 'erase', id: 'erase-go', text: 'Erase everything', disabled: true });
  eraseField.addEventListener('input', () => {
    eraseGo.disabled = eraseField.value.trim() !== ERASE_WORD;
  });
  const eraseDialog = el(
    'dialog',
    { class: 'confirm', id: 'erase-confirm', attrs: { 'aria-labelledby': 'erase-title', 'aria-describedby': 'erase-text' } },
    el('h2', { id: 'erase-title', text: 'Erase your journal and every backup?' }),
    el('p', { id: 'erase-text', text: 'Every entry, rating, check-in and setting, and every backup in the folders above, will be gone for good. Export first if you want to keep anything.' }),
    el('form', { method: 'dialog' }, el('label', { class: 'field' }, el('span', { text: `Type “${ERASE_WORD}” to confirm` }), eraseField), el('div', { class: 'form-foot' }, el('button', { type: 'submit', class: 'button', value: 'cancel', text: 'Keep my journal' }), eraseGo)),
  );

  async function draw() {
    try {
      const view = await call('backups_view');
      clearError();
      const failed = await backupTrouble();
      trouble.hidden = !failed;
      trouble.textContent = failed ? `${troubleText(failed)} Back up now to try again.` : '';
      showPlaces(view);
      keep.value = view.keep;
      if (!view.backups.length) {
        list.replaceChildren(el('p', { class: 'muted', text: 'No backups yet. Trine takes one a few seconds after it opens, once a day.' }));
        return;
      }
      list.replaceChildren(
        el(
          'table',
          { class: 'numbers backup-table' },
          el('thead', {}, el('tr', {}, ['Taken', 'Size', ''].map((c) => el('th', { scope: 'col', text: c })))),
          el(
            'tbody',
            {},
            view.backups.map((b) =>
              el(
                'tr',
                { class: 'backup-row' },
                el('th', { scope: 'row', text: when(b.taken) }),
                el('td', { text: size(b.bytes) }),
                el('td', {}, el('button', { type: 'button', class: 'button subtle', text: 'Restore…', attrs: { 'aria-label': `Restore the backup taken ${when(b.taken)}` }, on: { click: () => restore(b) } })),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      showError(error);
    }
  }

  function showPlaces(view) {
    chosen = view.places.find((p) => !p.beside_journal)?.folder || null;
    const beside = view.places.some((p) => p.beside_journal);
    places.replaceChildren(
      ...view.places.map((p) =>
        el(
          'li',
          { class: ['backup-place', !p.reachable && 'is-unreachable'] },
          el('span', { class: 'path', text: p.folder }),
          el('span', {
            class: 'place-note',
            text: [
              p.beside_journal ? 'Beside the journal' : 'The folder you chose',
              !p.reachable ? 'cannot be reached now: is its disk connected? Backups go there again once it is.' : p.newest ? `newest backup ${when(p.newest)}` : 'no backup there yet',
            ].join(' · '),
          }),
        ),
      ),
    );
    showFormer(view.former_folders || []);
    chooseFolder.textContent = chosen ? 'Choose another folder…' : 'Choose a folder…';
    stopFolder.hidden = !chosen;
    besideBox.checked = beside;
    besideLabel.hidden = !chosen;
  }

  function showFormer(folders) {
    former.hidden = !folders.length;
    former.replaceChildren(
      el('h3', { id: 'backup-former-title', text: 'Folders chosen before' }),
      el('p', { class: 'field-help', text: 'Their backups stay there and still change with the journal: encrypting it encrypts them too. Forget a folder to leave its backups as they are.' }),
      el(
        'ul',
        { class: 'backup-places', attrs: { 'aria-labelledby': 'backup-former-title' } },
        folders.map((f) =>
          el(
            'li',
            { class: ['backup-place', 'former-place', !f.reachable && 'is-unreachable'] },
            el('span', { class: 'path', text: f.folder }),
            el('span', { class: 'place-note', text: f.reachable ? `${count(f.backups, 'backup', 'backups')} there` : 'cannot be reached now: is its disk connected? Encrypting waits for it, or forget it.' }),
            el('button', { type: 'button', class: 'button subtle forget-folder', text: 'Forget…', attrs: { 'aria-label': `Forget ${f.folder}` }, on: { click: () => forget(f) } }),
          ),
        ),
      ),
    );
  }

  async function forget(folder) {
    const what = folder.reachable ? `the ${count(folder.backups, 'backup', 'backups')} in ${folder.folder}` : `the backups in ${folder.folder}`;
    forgetDialog.querySelector('#forget-text').textContent = `Trine will no longer look after ${what}. They stay there as they are: if you encrypt the journal later, they stay unencrypted. Delete them yourself if you no longer need them.`;
    if ((await ask(forgetDialog)) !== 'forget') return;
    try {
      const view = await call('forget_backup_folder', { folder: folder.folder });
      showPlaces(view);
      toast(`Trine has forgotten ${folder.folder}; its backups stay as they are.`);
    } catch (error) {
      showError(error);
    }
  }

  async function setPlaces(folder, besideJournal) {
    try {
      const view = await call('set_backup_places', { folder, besideJournal });
      showPlaces(view);
      clearError();
      await draw();
      return true;
    } catch (error) {
      showError(error);
      await draw();
      return false;
    }
  }

  chooseFolder.addEventListener('click', async () => {
    chooseFolder.disabled = true;
    try {
      const folder = await call('pick_backup_folder');
      if (folder && (await setPlaces(folder, besideBox.checked || !chosen))) {
        toast(`Backups now go to ${folder} too, and one was taken there.`);
      }
    } catch (error) {
      showError(error);
    } finally {
      chooseFolder.disabled = false;
    }
  });
  stopFolder.addEventListener('click', async () => {
    if (await setPlaces(null, true)) toast('Backups go beside the journal only. Those in the other folder stay there, and still change with the journal.');
  });
  besideBox.addEventListener('change', () => setPlaces(chosen, besideBox.checked));

  async function restore(backup) {
    restoreDialog.querySelector('#restore-text').textContent = `Your journal will go back to how it was on ${when(backup.taken)}. The journal as it is now is kept as a copy in the backups folder.`;
    if ((await ask(restoreDialog)) !== 'restore') return;
    try {
      const done = await call('restore_backup', { path: backup.path });
      toast(`Restored the backup of ${when(backup.taken)}.${broughtBack(done)}`);
      refreshCount();
      await draw();
    } catch (error) {
      showError(error);
    }
  }

  now.addEventListener('click', async () => {
    now.disabled = true;
    try {
      const taken = await call('backup_now');
      toast(`Backed up at ${when(taken.taken)}.`);
      await draw();
    } catch (error) {
      showError(error);
    } finally {
      now.disabled = false;
    }
  });

  keep.addEventListener('change', async () => {
    try {
      const [settings] = await call('app_settings');
      await call('save_app_settings', { settings: { ...settings, backups_to_keep: Number(keep.value) } });
      keepState.textContent = 'Saved';
      clearError();
    } catch (error) {
      keepState.textContent = 'Not saved';
      showError(error);
    }
  });

  const erase = el('button', {
    type: 'button',
    class: 'button danger',
    id: 'erase-open',
    text: 'Erase everything…',
    on: {
      click: async () => {
        eraseField.value = '';
        eraseGo.disabled = true;
        if ((await ask(eraseDialog)) !== 'erase') return;
        try {
          await call('erase_everything', { confirmation: eraseField.value });
          refreshCount();
          location.hash = '#/welcome';
        } catch (error) {
          showError(error);
        }
      },
    },
  });

  root.append(
    el('header', { class: 'screen-head' }, el('div', {}, el('p', { class: 'eyebrow', text: 'Backups' }), el('h1', { text: 'Copies of your journal' })), el('a', { class: 'button subtle', href: '#/settings', text: 'Back to Settings' })),
    el('p', { class: 'lede', text: 'Trine copies your journal once a day, soon after it opens. Copies of an encrypted journal are encrypted with the same passphrase.' }),
    trouble,
    el(
      'section',
      { class: 'card', attrs: { 'aria-labelledby': 'backups-where' } },
      el('h2', { id: 'backups-where', text: 'Where and how many' }),
      places,
      el('p', { class: 'field-help', text: 'A folder on another disk keeps your journal safe if this one fails. Trine takes a backup there once a day too.' }),
      former,
      el('div', { class: 'form-foot place-actions' }, chooseFolder, stopFolder, besideLabel),
      el('div', { class: 'field-pair' }, el('label', { class: 'field' }, el('span', { text: 'Keep the newest' }), keep), keepState),
      el('p', { class: 'field-help', id: 'backup-keep-help', text: 'Older backups are removed when a new one is taken (1 to 100).' }),
    ),
    el('section', { class: 'card', attrs: { 'aria-labelledby': 'backups-list' } }, el('h2', { id: 'backups-list', text: 'Backups' }), list, el('div', { class: 'form-foot' }, now)),
    el(
      'section',
      { class: 'card danger-zone', attrs: { 'aria-labelledby': 'backups-erase' } },
      el('h2', { id: 'backups-erase', text: 'Erase everything' }),
      el('p', { text: 'Remove the journal and all its backups from this computer, and start again with an empty journal.' }),
      el('div', { class: 'form-foot' }, erase),
    ),
    restoreDialog,
    forgetDialog,
    eraseDialog,
  );
  await draw();
  return {};
}
