// Export: choose what to share (dates, sides, kinds, tags, ratings,
// charts, then entries and sides one by one), see what that holds and how
// the report will look, pick a format and save it where you like.
//
// Private entries stay out unless asked for, and asking takes a separate
// confirmation in a dialog; the shell refuses private entries without it.
// The save dialog is the system's own, opened by the shell.

import { call } from '../lib/api.js';
import { dateField, rangePresets } from '../lib/dates.js';
import { debounce, el, longDate } from '../lib/dom.js';
import { clearError, showError } from '../lib/notify.js';
import { callWithProgress } from '../lib/progress.js';
import { takePick } from '../lib/export-pick.js';
import { entryChooser } from './export-entries.js';
import { reportPages } from './export-pages.js';

const SIDES = [
  ['developmental', 'Developmental'],
  ['emotional', 'Emotional'],
  ['integration', 'Integration'],
];
const KINDS = [
  ['reflection', 'Weekly reflections'],
  ['note', 'Notes'],
];
const FORMATS = [
  ['pdf', 'Report (PDF)', 'A document to send or print: what changed, in brief, and the charts first, then the entries, with a contents list and page numbers.'],
  ['html', 'Report (HTML)', 'The same report as one web page that opens in any browser and prints well.'],
  ['markdown-file', 'Markdown file', 'All the chosen entries in one plain-text file.'],
  ['markdown', 'Markdown folder', 'One file per entry, with its details at the top; Trine can import it again.'],
  ['jsonl', 'JSON Lines', 'One entry per line, for scripts and other tools.'],
  ['csv', 'Weekly ratings (CSV)', 'One row per rated week: seen, known and valued (and confident, when rated), for a spreadsheet.'],
  ['json', 'Full backup (JSON)', 'Everything in the journal, private entries included; the choices above do not apply.'],
];

// The choices, kept while the app runs.
const chosen = { from: '', to: '', sides: [], kinds: [], tags: [], ratings: true, charts: true, format: 'pdf', picked: null, pickedPrivate: new Set(), unticked: new Set(), leftOut: new Set() };
// How many of the report's first pages the preview draws.
const PREVIEW_PAGES = 3;

const plural = (n, one, many) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function checkbox(id, words, checked, onChange) {
  const input = el('input', { type: 'checkbox', id, checked, on: { change: onChange } });
  return { input, label: el('label', { class: 'check', attrs: { for: id } }, input, el('span', { text: words })) };
}

export async function mount(root) {
  const fromJournal = takePick();
  if (fromJournal) {
    // Entries ticked in the Journal: start from every date, with just them.
    Object.assign(chosen, { from: '', to: '', sides: [], kinds: [], tags: [], picked: fromJournal.ids, pickedPrivate: fromJournal.privateIds });
    if (chosen.format === 'json') chosen.format = 'pdf';
    chosen.leftOut.clear();
    chosen.unticked.clear();
  }
  const from = dateField({ id: 'export-from', value: chosen.from, attrs: { 'aria-label': 'Entries from this date' } });
  const to = dateField({ id: 'export-to', value: chosen.to, attrs: { 'aria-label': 'Entries up to this date' } });
  // Any change holds the Export button until the preview has caught up.
  const previewSoon = debounce(() => preview(), 150);
  const refresh = () => {
    const button = root.querySelector('#export-save');
    if (button) button.disabled = true;
    previewSoon();
  };
  // (The private box is made below; it is read only once the page is up.)
  const chooser = entryChooser({ onChange: () => refresh(), state: chosen, includePrivate: () => privateBox.input.checked });
  const pagesView = reportPages((shown) => {
    const button = root.querySelector('#export-see-pages');
    if (button) button.hidden = !shown;
  });
  pagesView.hide();
  let pagesToken = 0;
  const drawPages = debounce(async () => {
    const mine = ++pagesToken;
    try {
      const view = await call('report_preview', { selection: selection(), pages: PREVIEW_PAGES });
      if (mine === pagesToken) pagesView.show(view);
    } catch (error) {
      if (mine === pagesToken) showError(error);
    }
  }, 400);
  for (const field of [from, to]) field.addEventListener('change', refresh);

  const sides = SIDES.map(([key, words]) => ({ key, ...checkbox(`export-side-${key}`, words, !chosen.sides.length || chosen.sides.includes(key), refresh) }));
  const kinds = KINDS.map(([key, words]) => ({ key, ...checkbox(`export-kind-${key}`, words, !chosen.kinds.length || chosen.kinds.includes(key), refresh) }));
  const ratings = checkbox('export-ratings', 'The ratings (seen, known, valued)', chosen.ratings, refresh);
  const charts = checkbox('export-charts', 'Summary and charts (in the reports)', chosen.charts, refresh);
  const tagBox = el('div', { class: 'choices tag-choices', id: 'export-tags', attrs: { role: 'group', 'aria-label': 'Only entries with these tags' } });
  let tagInputs = [];

  // Private entries: never ticked by default, and only after confirming.
  const privateBox = checkbox('export-private', 'Include entries marked private', false, () => {
    if (privateBox.input.checked) {
      privateBox.input.checked = false;
      confirmPrivate.showModal();
    } else refresh();
  });
  const privateCount = el('span', { class: 'muted', id: 'export-private-count' });
  const confirmPrivate = el(
    'dialog',
    { class: 'confirm', id: 'export-private-confirm', attrs: { 'aria-labelledby': 'private-confirm-title', 'aria-describedby': 'private-confirm-text' } },
    el('h2', { id: 'private-confirm-title', text: 'Share private entries?' }),
    el('p', { id: 'private-confirm-text', text: 'You marked these entries private to keep them to yourself. Whoever receives this export will be able to read them.' }),
    el(
      'form',
      { class: 'form-foot', method: 'dialog' },
      el('button', { type: 'submit', class: 'button', value: 'keep', id: 'private-keep-out', text: 'Keep them out', autofocus: true }),
      el('button', { type: 'submit', class: 'button primary', value: 'include', id: 'private-include', text: 'Include private entries' }),
    ),
  );
  confirmPrivate.addEventListener('close', () => {
    privateBox.input.checked = confirmPrivate.returnValue === 'include';
    confirmPrivate.returnValue = '';
    privateBox.input.focus();
    refresh();
  });

  const formats = FORMATS.map(([value, words, help]) => {
    const id = `export-format-${value}`;
    const input = el('input', { type: 'radio', name: 'export-format', id, value, checked: chosen.format === value, attrs: { 'aria-describedby': `${id}-help` }, on: { change: refresh } });
    return el('label', { class: 'format-choice', attrs: { for: id } }, input, el('span', { class: 'format-name', text: words }), el('span', { class: 'format-help', id: `${id}-help`, text: help }));
  });

  const summary = el('div', { class: 'export-preview', id: 'export-preview', attrs: { 'aria-live': 'polite' } });
  const work = el('div', { class: 'work-place', hidden: true });
  const result = el('div', { class: 'export-result', id: 'export-result', attrs: { 'aria-live': 'polite' } });
  const exportButton = el('button', { type: 'button', class: 'button primary', id: 'export-save', text: 'Export…', disabled: true, on: { click: save } });

  // Down to the pages drawn below, for a report.
  const seePages = el('button', {
    type: 'button',
    class: 'button subtle',
    id: 'export-see-pages',
    text: 'See the pages',
    hidden: true,
    on: { click: () => pagesView.reveal() },
  });

  const format = () => root.querySelector('input[name="export-format"]:checked')?.value || 'pdf';

  // For a report: the entries' order, and the person's own words on its
  // cover for the coach.
  const order = el(
    'select',
    { id: 'export-order' },
    el('option', { value: 'oldest', text: 'Oldest first' }),
    el('option', { value: 'newest', text: 'Newest first' }),
  );
  const coverName = el('input', { type: 'text', id: 'export-name', autocomplete: 'name', attrs: { 'aria-describedby': 'export-cover-help' } });
  const coverNote = el('textarea', { id: 'export-note', class: 'editor-text note-text', rows: 3, placeholder: 'For example: whether to ask for the lead role', attrs: { 'aria-describedby': 'export-cover-help' } });

  // The cover's words change the pages only.
  for (const field of [coverName, coverNote]) {
    field.addEventListener('input', () => {
      if (previewed && !exportButton.disabled && (format() === 'pdf' || format() === 'html')) drawPages();
    });
  }
  order.addEventListener('change', refresh);

  function selection() {
    const pick = (list) => {
      const on = list.filter((c) => c.input.checked).map((c) => c.key);
      return on.length === list.length ? [] : on;
    };
    return {
      from: from.value || null,
      to: to.value || null,
      sides: pick(sides),
      kinds: pick(kinds),
      tags: tagInputs.filter((t) => t.input.checked).map((t) => t.key),
      include_private: privateBox.input.checked,
      without_ratings: !ratings.input.checked,
      without_charts: !charts.input.checked,
      entries: chooser.entries(),
      without_entries: chooser.withoutEntries(),
      without_sections: chooser.withoutSections(),
      newest_first: order.value === 'newest',
      note: coverNote.value.trim() || null,
      name: coverName.value.trim() || null,
    };
  }

  // Problems with the choices themselves, before asking the core.
  function choiceProblem() {
    if (!sides.some((c) => c.input.checked)) return 'Choose at least one side of the triangle.';
    if (!kinds.some((c) => c.input.checked)) return 'Choose reflections, notes or both.';
    if (from.value && to.value && from.value > to.value) return 'The first date comes after the last one.';
    return null;
  }

  function stopPages() {
    drawPages.cancel();
    pagesToken += 1;
    pagesView.hide();
  }

  let previewToken = 0;
  // Nothing is saved until the first preview has said what will be.
  let previewed = false;

  async function preview() {
    const mine = ++previewToken;
    const backup = format() === 'json';
    Object.assign(chosen, { from: from.value, to: to.value, ratings: ratings.input.checked, charts: charts.input.checked, format: format() });
    chosen.sides = selection().sides;
    chosen.kinds = selection().kinds;
    chosen.tags = selection().tags;
    for (const control of root.querySelectorAll('.export-choices input, .export-choices select')) control.disabled = backup;
    chooser.node.hidden = backup || chooser.node.hidden;
    const wrong = backup ? null : choiceProblem();
    if (wrong) {
      exportButton.disabled = true;
      summary.replaceChildren(el('p', { class: 'problem', text: wrong }));
      stopPages();
      return;
    }
    try {
      let view;
      if (backup) {
        view = await call('export_preview', { selection: { include_private: true } });
      } else {
        // The entries that can be ticked are those the choices match, one
        // by one or not; when some are chosen one by one, what will be
        // exported is asked for next, from the list as it is now.
        // The figures are not drawn for this: the pages below show them.
        const candidates = { ...selection(), entries: [], without_entries: [], without_sections: [], without_charts: true };
        view = await call('export_preview', { selection: candidates });
        if (mine !== previewToken) return;
        chooser.update(view.items, view.items_total);
        chooser.node.hidden = view.items.length === 0;
        const notTicked = chooser.problem();
        if (notTicked) {
          exportButton.disabled = true;
          summary.replaceChildren(el('p', { class: 'problem', text: notTicked }));
          stopPages();
          return;
        }
        if (chooser.choosing()) view = await call('export_preview', { selection: { ...selection(), without_charts: true } });
      }
      if (mine !== previewToken) return;
      clearError();
      previewed = true;
      if (!backup && chooser.loaded) chooser.exported(view.entries);
      privateCount.textContent = view.private_left_out ? `(${plural(view.private_left_out, 'private entry matches', 'private entries match')})` : '';
      summary.replaceChildren(...previewLines(view, backup));
      exportButton.disabled = !backup && view.entries === 0;
      const report = format() === 'pdf' || format() === 'html';
      if (report && view.entries > 0) drawPages();
      else stopPages();
    } catch (error) {
      if (mine === previewToken) {
        exportButton.disabled = true;
        showError(error);
      }
    }
  }

  function previewLines(view, backup) {
    if (backup) return [el('p', { class: 'preview-main', text: `The whole journal: ${plural(view.entries, 'entry', 'entries')}, private ones included, with every check-in and setting.` })];
    if (view.entries === 0) return [el('p', { class: 'preview-main', text: 'No entries match these choices.' })];
    const range = view.first_date === view.last_date ? longDate(view.first_date) : `${longDate(view.first_date)} to ${longDate(view.last_date)}`;
    const lines = [el('p', { class: 'preview-main', text: `${plural(view.entries, 'entry', 'entries')} from ${plural(view.weeks.length, 'week', 'weeks')}, written ${range}.` })];
    const leftOut = chooser.withoutSections().length;
    if (chooser.entries().length) lines.push(el('p', { text: `Chosen one by one: ${view.entries.toLocaleString('en-GB')} of the ${plural(chooser.matching(), 'entry', 'entries')} the choices match.` }));
    const unticked = chooser.withoutEntries().length ? chooser.matching() - view.entries : 0;
    if (unticked) lines.push(el('p', { text: `Left out one by one: ${plural(unticked, 'entry', 'entries')} of the ${chooser.matching().toLocaleString('en-GB')} the choices match.` }));
    if (leftOut) lines.push(el('p', { text: leftOut === 1 ? '1 side of a reflection left out.' : `${plural(leftOut, 'side', 'sides')} of reflections left out.` }));
    const unseen = chooser.unseen(view.entries + view.private_left_out);
    if (unseen) lines.push(el('p', { class: 'muted', text: `${plural(unseen, 'entry chosen in the Journal is', 'entries chosen in the Journal are')} not among these choices: outside the dates or filters, or private and not included.` }));
    const report = format() === 'pdf' || format() === 'html';
    if (report) lines.push(el('p', { text: charts.input.checked ? 'Before the entries: a summary of what changed, then the charts (see the pages below).' : 'No summary or charts: the cover, the contents and the entries.' }));
    if (format() === 'csv') lines.push(el('p', { text: 'The CSV holds one row for each rated week among them.' }));
    if (view.private_left_out) lines.push(el('p', { class: 'muted', text: `${plural(view.private_left_out, 'private entry is', 'private entries are')} left out.` }));
    else if (privateBox.input.checked) lines.push(el('p', { class: 'warn', text: 'Private entries are included.' }));
    return lines;
  }

  async function save() {
    const chosenFormat = format();
    const backup = chosenFormat === 'json';
    exportButton.disabled = true;
    result.replaceChildren();
    try {
      const done = await callWithProgress(
        'export_entries',
        { format: chosenFormat, selection: backup ? {} : selection(), privateConfirmed: privateBox.input.checked },
        work,
        () => 'Writing the export…',
      );
      if (done) {
        clearError();
        const what = done.weeks ? plural(done.count, 'week', 'weeks') : plural(done.count, 'entry', 'entries');
        result.replaceChildren(el('p', { class: 'done', text: `Exported ${what} to ${done.path}` }));
      }
    } catch (error) {
      showError(error);
    } finally {
      exportButton.disabled = false;
    }
  }

  root.append(
    el(
      'header',
      { class: 'screen-head' },
      el('div', {}, el('p', { class: 'eyebrow', text: 'Export' }), el('h1', { text: 'Share what you choose' })),
      el('a', { class: 'button subtle', href: '#/import', id: 'go-import', text: 'Import from another journal' }),
    ),
    el('p', { class: 'lede', text: 'Choose the entries to share with a coach or keep elsewhere. Nothing leaves this computer except the file you save.' }),
    el(
      'div',
      { class: 'export-layout' },
      el(
        'section',
        { class: 'card export-choices', attrs: { 'aria-labelledby': 'export-what' } },
        el('h2', { id: 'export-what', text: 'What to include' }),
        el('label', { class: 'field' }, el('span', { text: 'Which entries' }), rangePresets(from, to, { id: 'export-range', label: 'Which entries, by date' })),
        el('div', { class: 'field-pair' }, el('label', { class: 'field' }, el('span', { text: 'From' }), from), el('label', { class: 'field' }, el('span', { text: 'To' }), to)),
        el('fieldset', { class: 'choices' }, el('legend', { text: 'Sides of the triangle' }), sides.map((c) => c.label)),
        el('fieldset', { class: 'choices' }, el('legend', { text: 'Kinds of entry' }), kinds.map((c) => c.label)),
        el('fieldset', { class: 'choices' }, el('legend', { text: 'Only with these tags (none ticked: any tag)' }), tagBox),
        el('fieldset', { class: 'choices' }, el('legend', { text: 'Also' }), ratings.label, charts.label, el('span', { class: 'private-row' }, privateBox.label, privateCount)),
        el('label', { class: 'field' }, el('span', { text: 'Order' }), order),
        el('h3', { text: 'For the cover of a report' }),
        el('p', { class: 'field-help', id: 'export-cover-help', text: 'Optional: your name, and what you would like to talk about. They appear on the first page of the PDF or HTML report.' }),
        el('label', { class: 'field' }, el('span', { text: 'Your name' }), coverName),
        el('label', { class: 'field' }, el('span', { text: 'What I\u2019d like to talk about' }), coverNote),
        chooser.node,
      ),
      el(
        'div',
        {},
        el('section', { class: 'card', attrs: { 'aria-labelledby': 'export-how' } }, el('h2', { id: 'export-how', text: 'Format' }), el('div', { class: 'format-list', attrs: { role: 'radiogroup', 'aria-labelledby': 'export-how' } }, formats)),
        el('section', { class: 'card', attrs: { 'aria-labelledby': 'export-will' } }, el('h2', { id: 'export-will', text: 'This export will hold' }), summary, work, el('div', { class: 'form-foot' }, seePages, exportButton), result),
      ),
    ),
    pagesView.node,
    confirmPrivate,
  );

  try {
    const tags = await call('tags');
    tagInputs = tags.map(([tag, count], i) => ({ key: tag, ...checkbox(`export-tag-${i}`, `${tag} (${count})`, chosen.tags.includes(tag), refresh) }));
    tagBox.replaceChildren(...(tagInputs.length ? tagInputs.map((t) => t.label) : [el('span', { class: 'muted', text: 'No tags yet.' })]));
  } catch (error) {
    showError(error);
  }
  if (fromJournal) chooser.node.open = true;
  await preview();
  return {
    leave() {
      previewSoon.cancel();
      drawPages.cancel();
      previewToken += 1;
      pagesToken += 1;
    },
  };
}
