// One entry: shown rendered (HTML made and sanitised by the core), with
// edit, delete (with Undo) and back (Esc). The same screen writes a new
// free note (Ctrl+N from anywhere). Edits and new notes save by themselves
// like the week's reflection, so a note is never lost to a crash.

import { call } from '../lib/api.js';
import { Autosaver, saveIndicator } from '../lib/autosave.js';
import { refreshCount } from '../lib/count.js';
import { dateField } from '../lib/dates.js';
import { el, fill, longDate, setTrustedHtml } from '../lib/dom.js';
import { markdownEditor } from '../lib/editor.js';
import { clearError, showError, toast } from '../lib/notify.js';
import { go } from '../lib/router.js';

function parseTags(text) {
  const seen = new Set();
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t && !seen.has(t) && seen.add(t));
}

export async function mount(root, route) {
  if (route.name === 'new') return editScreen(root, null);
  let entry;
  try {
    entry = await call('entry_view', { id: route.arg });
  } catch (error) {
    showError(error);
    root.append(
      el('div', { class: 'empty' }, el('h1', { text: 'This entry could not be opened' }), el('p', {}, el('a', { href: '#/journal', text: 'Back to the journal' }))),
    );
    return { escape: () => (go('#/journal'), true) };
  }
  return route.query.get('edit') ? editScreen(root, entry) : viewScreen(root, entry);
}

function viewScreen(root, entry) {
  const kindWord = entry.kind === 'reflection' ? 'Reflection' : 'Note';
  const ratings = ['seen', 'known', 'valued'].filter((k) => entry.ratings[k] != null);
  const back = el('a', { class: 'button subtle', href: '#/journal', text: '← Journal', attrs: { 'aria-label': 'Back to the journal (Esc)', 'aria-keyshortcuts': 'Escape' } });
  const edit = el('a', { class: 'button', href: `#/entry/${entry.id}?edit=1`, text: 'Edit', id: 'entry-edit' });
  const remove = el('button', {
    type: 'button',
    class: 'button danger',
    id: 'entry-delete',
    text: 'Delete',
    on: {
      click: async () => {
        try {
          await call('delete_entry', { id: entry.id });
          refreshCount();
          go('#/journal');
          toast(`“${entry.title}” moved to the bin.`, {
            label: 'Undo',
            keys: 'Control+Z',
            run: async () => {
              try {
                await call('undelete_entry', { id: entry.id });
                refreshCount();
                go(`#/entry/${entry.id}`);
              } catch (error) {
                showError(error);
              }
            },
          });
        } catch (error) {
          showError(error);
        }
      },
    },
  });
  const body = el('article', { class: 'prose entry-body', id: 'entry-body', attrs: { 'aria-label': entry.title } });
  setTrustedHtml(body, entry.html || '');
  if (!entry.html.trim()) body.replaceChildren(el('p', { class: 'muted', text: 'Nothing written here yet.' }));
  root.append(
    el('div', { class: 'entry-actions' }, back, el('span', { class: 'toolbar-gap' }), edit, remove),
    el(
      'header',
      { class: 'entry-head' },
      el('p', { class: 'eyebrow', text: `${kindWord} · ${longDate(entry.date)}` }),
      el('h1', { id: 'entry-title', text: entry.title }),
      el(
        'div',
        { class: 'entry-facts' },
        entry.private ? el('span', { class: 'badge', text: 'Private' }) : null,
        ratings.length ? el('span', { class: 'entry-meta', text: ratings.map((k) => `${k} ${entry.ratings[k]}`).join(' · ') }) : null,
        entry.tags.length ? el('ul', { class: 'tags', attrs: { 'aria-label': 'Tags' } }, entry.tags.map((t) => el('li', { class: 'tag', text: t }))) : null,
      ),
    ),
    body,
  );
  return {
    ready: () => edit.focus({ preventScroll: true }),
    escape: () => {
      go('#/journal');
      return true;
    },
  };
}

function editScreen(root, entry) {
  const isNew = entry === null;
  let id = entry?.id || null;
  const indicator = el('span', { class: 'save-state', attrs: { 'aria-live': 'polite' } });

  const title = el('input', {
    type: 'text',
    id: 'note-title-input',
    class: 'title-input',
    value: entry?.title && !entry.title.startsWith('Reflection, ') && entry.title !== 'Untitled note' ? entry.title : '',
    placeholder: entry?.kind === 'reflection' ? 'Title (optional)' : 'Title',
    attrs: { 'aria-label': 'Title' },
  });
  const editor = markdownEditor({
    label: entry?.kind === 'reflection' ? 'The week’s note' : 'The note',
    value: entry?.body || '',
    rows: 10,
    placeholder: 'Write freely. Markdown works: **bold**, *italic*, - lists, > quotes.',
    onInput: () => saver.touch(),
    onBlur: () => saver.flush(),
  });
  editor.textarea.id = 'note-body';
  // A reflection's answers, each under the question it answered.
  const answerEditors = (entry?.sections || []).map((section) => {
    const answer = markdownEditor({
      label: `Your answer for ${section.side_name}`,
      value: section.text,
      rows: 4,
      placeholder: 'Left empty, the side counts as skipped.',
      onInput: () => saver.touch(),
      onBlur: () => saver.flush(),
    });
    answer.textarea.id = `answer-${section.side}`;
    answer.textarea.dataset.side = section.side;
    const node = el(
      'section',
      { class: ['answer-edit', `side-${section.side}`], attrs: { 'aria-label': section.side_name } },
      el('p', { class: 'side-line' }, el('span', { class: 'side-dot', attrs: { 'aria-hidden': 'true' } }), el('span', { class: 'side-name', text: section.side_name })),
      el('p', { class: ['answer-prompt', !section.prompt && 'no-prompt'], text: section.prompt || 'This answer was kept without its question.' }),
      answer.node,
    );
    return { side: section.side, textarea: answer.textarea, node };
  });
  const tags = el('input', {
    type: 'text',
    id: 'note-tags',
    value: entry ? entry.tags.join(', ') : '',
    placeholder: 'e.g. voice, one-to-one',
    attrs: { 'aria-describedby': 'note-tags-help' },
  });
  const privateBox = el('input', { type: 'checkbox', id: 'note-private', checked: Boolean(entry?.private) });
  // A note can be dated another day (written later, or brought back from
  // paper); a reflection belongs to its week.
  const isNote = entry === null || entry.kind === 'note';
  const dateInput = isNote ? dateField({ id: 'note-date', value: entry?.date || '', attrs: { 'aria-describedby': 'note-date-help' } }) : null;
  if (dateInput) {
    dateInput.addEventListener('change', () => {
      saver.touch();
      saver.flush();
    });
  }
  for (const input of [title, tags]) {
    input.addEventListener('input', () => saver.touch());
    input.addEventListener('blur', () => saver.flush());
  }
  privateBox.addEventListener('change', () => {
    saver.touch();
    saver.flush();
  });

  function hasWords() {
    return title.value.trim() !== '' || editor.textarea.value.trim() !== '';
  }

  async function save() {
    const fields = {
      title: title.value.trim(),
      body: editor.textarea.value,
      tags: parseTags(tags.value),
      private: privateBox.checked,
    };
    if (!id) {
      if (!hasWords()) return;
      const created = await call('create_note', { ...fields, date: dateInput.value || null });
      id = created.id;
      // The address now names the note, without another screen change.
      history.replaceState(null, '', `#/entry/${id}?edit=1`);
      refreshCount();
    } else {
      const edit = { ...fields };
      if (entry?.kind === 'reflection' && edit.title === '') delete edit.title;
      if (answerEditors.length) edit.answers = answerEditors.map((a) => ({ side: a.side, text: a.textarea.value }));
      if (dateInput?.value) edit.date = dateInput.value;
      await call('update_entry', { id, edit });
    }
    clearError();
  }
  const saver = new Autosaver(save, saveIndicator(indicator, (error) => showError(error)));

  async function done() {
    await saver.flush();
    if (saver.dirty) return; // the error is on show; stay with the words
    await saver.close();
    go(id ? `#/entry/${id}` : '#/journal');
  }

  const doneButton = el('button', { type: 'button', class: 'button primary', id: 'note-done', text: 'Done', on: { click: done } });
  fill(
    root,
    el(
      'div',
      { class: 'entry-actions' },
      el('a', { class: 'button subtle', href: id ? `#/entry/${id}` : '#/journal', text: '← Back', attrs: { 'aria-label': 'Back (Esc)' } }),
      el('span', { class: 'toolbar-gap' }),
      indicator,
      doneButton,
    ),
    el('h1', { class: 'visually-hidden', text: isNew ? 'A new note' : 'Edit the entry' }),
    el('p', { class: 'eyebrow', text: isNew ? 'A new note' : `Editing · ${longDate(entry.date)}` }),
    title,
    ...answerEditors.map((a) => a.node),
    entry?.kind === 'reflection'
      ? el('p', { class: 'hint' }, 'A side not answered yet, and the ratings, are written on ', el('a', { href: `#/week?week=${entry.date}`, text: 'the week’s page' }), '.')
      : null,
    editor.node,
    el(
      'div',
      { class: 'note-fields' },
      el('label', { class: 'field' }, el('span', { text: 'Tags, separated by commas' }), tags),
      el('p', { class: 'field-help', id: 'note-tags-help', text: 'Tags group entries in the Journal and mark weeks in Trends.' }),
      dateInput ? el('label', { class: 'field' }, el('span', { text: 'Date' }), dateInput) : null,
      dateInput ? el('p', { class: 'field-help', id: 'note-date-help', text: 'Left empty, a new note is dated today. Type another day to date it then.' }) : null,
      el('label', { class: 'check', id: 'note-private-label' }, privateBox, el('span', { text: 'Private: leave it out of anything I share' })),
    ),
  );

  return {
    ready: () => (isNew ? title : editor.textarea).focus(),
    save: () => saver.flush(),
    leave: () => saver.close(),
    escape: () => {
      done();
      return true;
    },
  };
}
