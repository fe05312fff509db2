// Import: bring entries in from another journal (Day One, jrnl, a folder
// of Markdown files from Obsidian or Joplin) or from a Trine export.
//
// The shell opens the system's file dialog, reads and checks the whole file
// first, then writes it in one go: if anything is wrong, nothing is
// imported and the message says where. Progress shows for long imports,
// and the rest of the app keeps working while a file is read.

import { call } from '../lib/api.js';
import { refreshCount } from '../lib/count.js';
import { el } from '../lib/dom.js';
import { clearError, showError } from '../lib/notify.js';
import { callWithProgress } from '../lib/progress.js';

const JRNL_TIME_FORMAT = '%Y-%m-%d %I:%M:%S %p';

const FORMATS = [
  ['dayone', 'Day One', 'Its JSON export: the .zip file, the unpacked folder’s .json, or the folder. Text only; photos and other media are counted, not copied.'],
  ['jrnl', 'jrnl journal file', 'The plain-text file jrnl writes to. Say below how its dates are written if you changed jrnl’s timeformat.'],
  ['jrnl-json', 'jrnl JSON export', 'The file jrnl writes when asked for JSON (jrnl --export json).'],
  ['markdown', 'Folder of Markdown files', 'Notes with details at the top (front matter), as Obsidian or Joplin keep them, or a Trine Markdown export.'],
  ['json', 'Trine JSON', 'A full backup or an export from Trine.'],
  ['jsonl', 'Trine JSON Lines', 'One entry per line, from Trine or a script.'],
];

const plural = (n, one, many) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

// The last format chosen, kept while the app runs.
let lastFormat = 'dayone';

function summaryView(done) {
  const lines = [el('p', { class: 'preview-main', text: `Imported ${plural(done.imported, 'entry', 'entries')} of ${done.read.toLocaleString('en-GB')} from ${done.path}.` })];
  if (done.duplicates) lines.push(el('p', { text: `${plural(done.duplicates, 'entry was', 'entries were')} already in your journal and not added again.` }));
  if (done.kept_beside) lines.push(el('p', { text: `${plural(done.kept_beside, 'entry differs', 'entries differ')} from one already there with the same id or date and title; both versions are kept, side by side.` }));
  if (done.checkins) lines.push(el('p', { text: `${plural(done.checkins, 'check-in', 'check-ins')} imported.` }));
  if (done.settings_taken.length) lines.push(el('p', { id: 'import-settings-taken', text: `Settings taken from the file: ${done.settings_taken.join(', ')}.` }));
  if (done.notes.length) {
    lines.push(el('p', { text: 'Worth knowing:' }), el('ul', { class: 'import-notes' }, done.notes.map((n) => el('li', { text: n }))));
  }
  lines.push(el('p', {}, el('a', { class: 'button', href: '#/journal', text: 'See them in the Journal' })));
  return lines;
}

export async function mount(root) {
  const timeFormat = el('input', { type: 'text', id: 'import-time-format', value: JRNL_TIME_FORMAT, spellcheck: false, attrs: { 'aria-describedby': 'import-time-format-help' } });
  const timeField = el(
    'div',
    { class: 'time-format' },
    el('label', { class: 'field' }, el('span', { text: 'How jrnl writes dates' }), timeFormat),
    el('p', { class: 'field-help', id: 'import-time-format-help', text: 'jrnl’s timeformat setting, in strftime form. The default fits a journal jrnl set up for you.' }),
  );
  const formats = FORMATS.map(([value, words, help]) => {
    const id = `import-format-${value}`;
    const input = el('input', { type: 'radio', name: 'import-format', id, value, checked: value === lastFormat, attrs: { 'aria-describedby': `${id}-help` }, on: { change: shown } });
    return el('label', { class: 'format-choice', attrs: { for: id } }, input, el('span', { class: 'format-name', text: words }), el('span', { class: 'format-help', id: `${id}-help`, text: help }));
  });
  const format = () => root.querySelector('input[name="import-format"]:checked')?.value || 'dayone';
  const work = el('div', { class: 'work-place', hidden: true });
  const result = el('div', { class: 'import-result', id: 'import-result', attrs: { 'aria-live': 'polite' } });
  const choose = el('button', { type: 'button', class: 'button primary', id: 'import-choose', on: { click: run } });

  // A full backup's settings: never taken by default, and only after a
  // confirmation of their own (they can change how many backups are kept
  // and when the journal locks).
  const settingsInput = el('input', {
    type: 'checkbox',
    id: 'import-settings',
    attrs: { 'aria-describedby': 'import-settings-help' },
    on: {
      change: () => {
        if (settingsInput.checked) {
          settingsInput.checked = false;
          confirmSettings.showModal();
        }
      },
    },
  });
  const settingsField = el(
    'div',
    { class: 'import-settings' },
    el('label', { class: 'check', attrs: { for: 'import-settings' } }, settingsInput, el('span', { text: 'Also take the file’s settings' })),
    el('p', { class: 'field-help', id: 'import-settings-help', text: 'Week start, reminder, theme, when the journal locks and how many backups are kept. Without this, only entries and check-ins come in.' }),
  );
  const confirmSettings = el(
    'dialog',
    { class: 'confirm', id: 'import-settings-confirm', attrs: { 'aria-labelledby': 'settings-confirm-title', 'aria-describedby': 'settings-confirm-text' } },
    el('h2', { id: 'settings-confirm-title', text: 'Take this file’s settings?' }),
    el('p', { id: 'settings-confirm-text', text: 'They replace yours, such as the first day of the week and the reminder. A file never lowers how many backups are kept, nor makes an encrypted journal lock later. Take them only from a backup you made yourself.' }),
    el(
      'form',
      { class: 'form-foot', method: 'dialog' },
      el('button', { type: 'submit', class: 'button', value: 'keep', id: 'settings-keep-mine', text: 'Keep my settings', autofocus: true }),
      el('button', { type: 'submit', class: 'button primary', value: 'take', id: 'settings-take', text: 'Take the file’s settings' }),
    ),
  );
  confirmSettings.addEventListener('close', () => {
    settingsInput.checked = confirmSettings.returnValue === 'take';
    confirmSettings.returnValue = '';
    settingsInput.focus();
  });

  function shown() {
    lastFormat = format();
    timeField.hidden = lastFormat !== 'jrnl';
    settingsField.hidden = lastFormat !== 'json';
    if (settingsField.hidden) settingsInput.checked = false;
    choose.textContent = lastFormat === 'markdown' ? 'Choose the folder…' : 'Choose the file…';
  }

  async function run() {
    choose.disabled = true;
    result.replaceChildren();
    try {
      const args = { format: format(), timeFormat: format() === 'jrnl' ? timeFormat.value : null, withSettings: format() === 'json' && settingsInput.checked };
      const done = await callWithProgress(
        'import_entries',
        args,
        work,
        (report) => (report.stage === 'reading' ? 'Reading and checking the file…' : `Writing ${report.done.toLocaleString('en-GB')} of ${plural(report.total, 'entry', 'entries')}…`),
        () => call('stop_import'),
      );
      if (done) {
        clearError();
        result.replaceChildren(...summaryView(done));
        // The summary is below the formats: bring it into view.
        result.scrollIntoView({ block: 'nearest' });
        refreshCount();
      }
    } catch (error) {
      if (error.code === 'stopped') {
        clearError();
        result.replaceChildren(el('p', { class: 'preview-main', id: 'import-stopped', text: 'Stopped. Nothing was imported: your journal is as it was.' }));
        return;
      }
      showError(error);
      result.replaceChildren(el('p', { class: 'problem', text: 'Nothing was imported. Fix what the message at the top names, or choose another file.' }));
    } finally {
      choose.disabled = false;
    }
  }

  root.append(
    el(
      'header',
      { class: 'screen-head' },
      el('div', {}, el('p', { class: 'eyebrow', text: 'Import' }), el('h1', { text: 'Bring your writing with you' })),
      el('a', { class: 'button subtle', href: '#/export', id: 'go-export', text: 'Export instead' }),
    ),
    el('p', { class: 'lede', text: 'Years of writing in another journal can come along. Trine checks the whole file first: if anything in it is wrong, nothing is imported and you are told where. Importing the same file twice adds nothing.' }),
    el(
      'section',
      { class: 'card', attrs: { 'aria-labelledby': 'import-from' } },
      el('h2', { id: 'import-from', text: 'Where your entries come from' }),
      el('div', { class: 'format-list', attrs: { role: 'radiogroup', 'aria-labelledby': 'import-from' } }, formats),
      timeField,
      settingsField,
      work,
      el('div', { class: 'form-foot' }, choose),
      result,
    ),
    confirmSettings,
  );
  shown();
  return {};
}
