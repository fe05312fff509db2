// The Export screen's list of entries to tick one by one: the filters give
// the list, every entry starts ticked (or those chosen in the Journal), and
// a reflection's sides can be unticked to leave just that side out.

import { el, longDate } from '../lib/dom.js';

const SIDE_WORDS = { developmental: 'Developmental', emotional: 'Emotional', integration: 'Integration' };
// More rows than this are not drawn; narrowing the dates brings the rest.
const SHOWN = 400;

/**
 * The chooser. `onChange` runs after any tick. `picked` (a Set of ids, or
 * null for all) and `leftOut` (a Set of "id:side") are its state, kept by
 * the caller between visits.
 */
export function entryChooser({ onChange, state }) {
  let items = [];
  const list = el('ul', { class: 'pick-list', id: 'export-entry-list', attrs: { 'aria-label': 'Entries to include' } });
  const count = el('span', { class: 'pick-count', id: 'export-entry-count' });
  const more = el('p', { class: 'muted', hidden: true });
  const tickAll = el('button', { type: 'button', class: 'button subtle', id: 'export-tick-all', text: 'Tick all', on: { click: () => setAll(true) } });
  const untickAll = el('button', { type: 'button', class: 'button subtle', id: 'export-untick-all', text: 'Untick all', on: { click: () => setAll(false) } });
  const box = el(
    'details',
    { class: 'pick-box', id: 'export-entries' },
    el('summary', {}, el('span', { text: 'Choose entries one by one' }), ' ', count),
    el('p', { class: 'field-help', text: 'Untick an entry to leave it out, or untick one side of a reflection to leave just that side out.' }),
    el('div', { class: 'pick-actions' }, tickAll, untickAll),
    list,
    more,
  );

  const ticked = (id) => state.picked === null || state.picked.has(id);

  function setAll(on) {
    state.picked = on ? null : new Set();
    state.leftOut.clear();
    draw();
    onChange();
  }

  function toggle(id, on) {
    if (state.picked === null) state.picked = new Set(items.map((i) => i.id));
    if (on) state.picked.add(id);
    else state.picked.delete(id);
    if (items.every((i) => state.picked.has(i.id))) state.picked = null;
    draw();
    onChange();
  }

  function toggleSide(id, side, on) {
    const key = `${id}:${side}`;
    if (on) state.leftOut.delete(key);
    else state.leftOut.add(key);
    onChange();
  }

  function row(item, index) {
    const id = `export-entry-${index}`;
    const on = ticked(item.id);
    const check = el('input', { type: 'checkbox', id, checked: on, data: { id: item.id }, on: { change: (e) => toggle(item.id, e.target.checked) } });
    const what = item.kind === 'reflection' ? 'Reflection' : 'Note';
    const sides = item.kind === 'reflection' && item.sides.length
      ? el(
        'span',
        { class: 'pick-sides', attrs: { role: 'group', 'aria-label': `Sides of ${item.title}` } },
        item.sides.map((side) => {
          const sideId = `${id}-${side}`;
          const input = el('input', {
            type: 'checkbox',
            id: sideId,
            checked: !state.leftOut.has(`${item.id}:${side}`),
            disabled: !on,
            data: { id: item.id, side },
            on: { change: (e) => toggleSide(item.id, side, e.target.checked) },
          });
          return el('label', { class: ['side-chip', `side-${side}`], attrs: { for: sideId } }, input, el('span', { text: SIDE_WORDS[side] }));
        }),
      )
      : null;
    return el(
      'li',
      { class: ['pick-row', on ? null : 'unticked'] },
      el(
        'label',
        { class: 'check pick-entry', attrs: { for: id } },
        check,
        el(
          'span',
          { class: 'pick-words' },
          el('span', { class: 'pick-title', text: item.title }),
          item.private ? el('span', { class: 'badge', text: 'Private' }) : null,
          el('span', { class: 'pick-meta', text: `${longDate(item.date)} · ${what}` }),
        ),
      ),
      sides,
    );
  }

  function draw() {
    const chosen = items.filter((i) => ticked(i.id)).length;
    count.textContent = `(${chosen} of ${items.length} ticked)`;
    list.replaceChildren(...items.slice(0, SHOWN).map(row));
    more.hidden = items.length <= SHOWN;
    more.textContent = `Showing the first ${SHOWN} of ${items.length}; narrow the dates to tick among the rest.`;
  }

  return {
    node: box,
    /** Shows the entries the filters match now. */
    update(next) {
      items = next;
      draw();
    },
    /** The ids to send as `entries` (empty: every entry that matches). */
    entries() {
      if (state.picked === null) return [];
      return items.filter((i) => state.picked.has(i.id)).map((i) => i.id);
    },
    /** The sides to leave out, as [id, side] pairs, of ticked entries. */
    withoutSections() {
      return [...state.leftOut]
        .map((key) => key.split(':'))
        .filter(([id]) => ticked(id) && items.some((i) => i.id === id));
    },
    /** How many ticked entries the list does not show (private ones left out, or outside the dates). */
    unseen() {
      if (state.picked === null) return 0;
      const shown = new Set(items.map((i) => i.id));
      return [...state.picked].filter((id) => !shown.has(id)).length;
    },
    /** Why nothing can be exported, if every entry is unticked. */
    problem() {
      return state.picked !== null && items.length > 0 && !items.some((i) => state.picked.has(i.id)) ? 'Tick at least one entry.' : null;
    },
  };
}
