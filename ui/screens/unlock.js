// The lock screen: an encrypted journal opens only with its passphrase.
// Until then every command answers `locked`, so the app asks for it first.
// The passphrase goes to the shell and is not kept by the page.

import { call, messageOf } from '../lib/api.js';
import { el } from '../lib/dom.js';

/**
 * Shows the lock screen in `root`; resolves once the journal is open.
 * `lede` replaces the explanation under the heading.
 */
export function unlock(root, { lede } = {}) {
  return new Promise((resolve) => {
    const field = el('input', {
      type: 'password',
      id: 'unlock-passphrase',
      autocomplete: 'current-password',
      attrs: { 'aria-describedby': 'unlock-help unlock-problem' },
    });
    const problem = el('p', { class: 'unlock-problem', id: 'unlock-problem', attrs: { role: 'alert' } });
    const open = el('button', { type: 'submit', class: 'button primary', id: 'unlock-open', text: 'Open my journal' });
    const form = el(
      'form',
      {
        class: 'card unlock-card',
        on: {
          submit: async (event) => {
            event.preventDefault();
            if (!field.value) {
              problem.textContent = 'Type the passphrase first.';
              field.focus();
              return;
            }
            open.disabled = true;
            problem.textContent = '';
            try {
              await call('unlock_journal', { passphrase: field.value });
              field.value = '';
              resolve();
            } catch (error) {
              problem.textContent =
                error.code === 'wrong_passphrase' ? 'That passphrase does not open this journal. Check it and try again.' : messageOf(error);
              field.select();
            } finally {
              open.disabled = false;
            }
          },
        },
      },
      el('label', { class: 'field' }, el('span', { text: 'Passphrase' }), field),
      problem,
      el('div', { class: 'form-foot' }, open),
    );
    root.replaceChildren(
      el('img', { class: 'welcome-emblem', src: 'emblem.svg', alt: '', width: 64, height: 64 }),
      el('h1', { id: 'unlock-title', text: 'Your journal is locked' }),
      el('p', {
        class: 'lede',
        id: 'unlock-help',
        text: lede || 'It is encrypted on this computer. Type its passphrase to open it; Trine forgets the passphrase when it closes.',
      }),
      form,
    );
    field.focus();
  });
}
