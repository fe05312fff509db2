// The Export screen's list of entries to tick one by one: the filters give
// the list, every entry starts ticked (or those chosen in the Journal), and
// a reflection's sides can be unticked to leave just that side out.
//
// Ticking changes the rows in place, so the box ticked keeps the focus.

import { el, longDate } from '../lib/dom.js';

const SIDE_WORDS = { developmental: 'Developmental', emotional: 'Emotional', integration: 'Integration' };
// More rows than this are not drawn; narrowing the dates brings the rest.
const SHOWN = 400;

/**
 * The chooser. `onChange` runs after any tick. `state.picked` (a Set of
 * ids, or null for every entry listed) and `state.leftOut` (a Set of
 * "id:side") are kept by the caller between visits.
 */
export function entryChooser({ onChange, state }) {
  let items = [];
  let loaded = false;
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

  // Ticks every entry or none; the sides left out stay as they are.
  function setAll(on) {
    state.picked = on ? null : new Set();
    refresh();
    onChange();
  }

  function toggle(id, on) {
    if (state.picked === null) state.picked = new Set(items.map((i) => i.id));
    if (on) state.picked.add(id);
    else state.picked.delete(id);
    if (items.every((i) => state.picked.has(i.id))) state.picked = null;
    refresh();
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
    const check = el('input', { type: 'checkbox', id, class: 'pick-entry-check', data: { id: item.id }, on: { change: (e) => toggle(item.id, e.target.checked) } });
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
            class: 'pick-side-check',
            data: { id: item.id, side },
            on: { change: (e) => toggleSide(item.id, side, e.target.checked) },
          });
          return el('label', { class: ['side-chip', `side-${side}`], attrs: { for: sideId } }, input, el('span', { text: SIDE_WORDS[side] }));
        }),
      )
      : null;
    return el(
      'li',
      { class: 'pick-row', data: { id: item.id } },
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

  // The ticks and the count from the state, without rebuilding the rows.
  function refresh() {
    for (const rowNode of list.children) {
      const on = ticked(rowNode.dataset.id);
      rowNode.classList.toggle('unticked', !on);
      rowNode.querySelector('.pick-entry-check').checked = on;
      for (const side of rowNode.querySelectorAll('.pick-side-check')) {
        side.checked = !state.leftOut.has(`${side.dataset.id}:${side.dataset.side}`);
        side.disabled = !on;
      }
    }
    const chosen = items.filter((i) => ticked(i.id)).length;
    count.textContent = `(${chosen} of ${items.length} ticked)`;
  }

  return {
    node: box,
    /** Whether the list has been filled once. */
    get loaded() {
      return loaded;
    },
    /** Shows the entries the filters match now (rows are rebuilt only when they change). */
    update(next) {
      const same = loaded && next.length === items.length && next.every((item, i) => item.id === items[i].id && item.sides.join() === items[i].sides.join());
      items = next;
      loaded = true;
      if (!same) {
        list.replaceChildren(...items.slice(0, SHOWN).map(row));
        more.hidden = items.length <= SHOWN;
        more.textContent = `Showing the first ${SHOWN} of ${items.length}; narrow the dates to tick among the rest.`;
      }
      refresh();
    },
    /** How many entries the list holds. */
    loadedCount() {
      return items.length;
    },
    /** Whether entries are chosen one by one (rather than every one listed). */
    choosing() {
      return state.picked !== null || state.leftOut.size > 0;
    },
    /** The ids to send as `entries`: the ticked ones among those listed (empty: every entry that matches). */
    entries() {
      if (state.picked === null) return [];
      return items.filter((i) => state.picked.has(i.id)).map((i) => i.id);
    },
    /** The sides to leave out, as [id, side] pairs, of ticked entries listed. */
    withoutSections() {
      return [...state.leftOut]
        .map((key) => key.split(':'))
        .filter(([id, side]) => ticked(id) && items.some((i) => i.id === id && i.sides.includes(side)));
    },
    /** How many ticked entries the list does not show (outside the choices, or private and not included). */
    unseen() {
      if (state.picked === null) return 0;
      const shown = new Set(items.map((i) => i.id));
      return [...state.picked].filter((id) => !shown.has(id)).length;
    },
    /** Why nothing can be exported: entries chosen one by one, none of them listed. */
    problem() {
      return state.picked !== null && !items.some((i) => state.picked.has(i.id)) ? 'Tick at least one entry.' : null;
    },
  };
}
