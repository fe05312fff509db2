// The way back from a damaged journal: shown at start-up when the journal
// file cannot be read (a failed disk, a bad copy). It lists the backups and
// restores the newest one that passes its checks; the damaged file's bytes
// are kept in the backups folder, untouched, in case they are needed.

import { call, messageOf } from '../lib/api.js';
import { el } from '../lib/dom.js';

const when = (iso) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Shows the damaged-journal screen in `root`; resolves once a backup is back. */
export function recover(root) {
  return new Promise((resolve) => {
    const problem = el('p', { class: 'unlock-problem', id: 'damaged-problem', attrs: { role: 'alert' } });
    const list = el('ul', { class: 'damaged-backups', id: 'damaged-backups' });
    const restore = el('button', { type: 'button', class: 'button primary', id: 'damaged-restore', text: 'Restore the newest good backup' });
    restore.addEventListener('click', async () => {
      restore.disabled = true;
      problem.textContent = '';
      try {
        const done = await call('restore_newest_backup');
        const skipped = done.refused ? ` ${done.refused} newer ${done.refused === 1 ? 'backup' : 'backups'} failed the checks and ${done.refused === 1 ? 'was' : 'were'} passed over.` : '';
        resolve(`Restored the backup of ${when(done.restored_taken)}: ${done.entries} entries.${skipped} The damaged file is kept at ${done.damaged_kept_at}.`);
      } catch (error) {
        problem.textContent = messageOf(error);
        restore.disabled = false;
      }
    });
    root.replaceChildren(
      el('img', { class: 'welcome-emblem', src: 'emblem.svg', alt: '', width: 64, height: 64 }),
      el('h1', { text: 'Your journal file is damaged' }),
      el('p', {
        class: 'lede',
        id: 'damaged-help',
        text: 'Trine cannot read it: the disk or a copy may have failed. A backup can bring your journal back as it was when the backup was taken. The damaged file is kept, untouched, in the backups folder.',
      }),
      el('section', { class: 'card unlock-card', attrs: { 'aria-labelledby': 'damaged-list-title' } },
        el('h2', { id: 'damaged-list-title', text: 'Your backups, newest first' }),
        list,
        problem,
        el('div', { class: 'form-foot' }, restore),
      ),
    );
    call('damaged_backups')
      .then((backups) => {
        if (!backups.length) {
          list.replaceChildren(el('li', { text: 'There are no backups of this journal.' }));
          restore.disabled = true;
          return;
        }
        list.replaceChildren(...backups.map((b) => el('li', { class: 'damaged-backup', text: `${when(b.taken)} (${Math.max(1, Math.round(b.bytes / 1024)).toLocaleString('en-GB')} KB)` })));
        restore.focus();
      })
      .catch((error) => {
        problem.textContent = messageOf(error);
      });
  });
}
