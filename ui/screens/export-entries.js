// The Export screen's list of entries to tick one by one: the filters give
// the list, every entry starts ticked (or those chosen in the Journal), and
// a reflection's sides can be unticked to leave just that side out.
//
// Ticking changes the rows in place, so the box ticked keeps the focus.

import { el, longDate } from '../lib/dom.js';

const SIDE_WORDS = { developmental: 'Developmental', emotional: 'Emotional', integration: 'Integration' };

/**
 * The chooser. `onChange` runs after any tick. `state.picked` (a Set of
 * ids, or null for every entry the choices match but those in
 * `state.unticked`), `state.pickedPrivate` (those picked in the Journal
 * that are private) and `state.leftOut` (a Set of "id:side") are kept by
 * the caller between visits. `includePrivate()` says whether private
 * entries are included.
 */
export function entryChooser({ onChange, state, includePrivate = () => false }) {
  let items = [];
  let total = 0;
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

  const ticked = (id) => (state.picked === null ? !state.unticked.has(id) : state.picked.has(id));
  // Whether the core listed fewer entries than the choices match.
  const capped = () => total > items.length;

  // Ticks every entry or none; the sides left out stay as they are.
  function setAll(on) {
    state.picked = on ? null : new Set();
    state.unticked.clear();
    refresh();
    onChange();
  }

  // With every entry ticked, unticking one leaves just it out (listed or
  // not); after "Untick all", ticking one adds just it.
  function toggle(id, on) {
    if (state.picked === null) {
      if (on) state.unticked.delete(id);
      else state.unticked.add(id);
      // Every entry unticked one by one: as if "Untick all".
      if (!capped() && items.every((i) => state.unticked.has(i.id))) {
        state.picked = new Set();
        state.unticked.clear();
      }
    } else {
      if (on) state.picked.add(id);
      else state.picked.delete(id);
      if (!capped() && items.every((i) => state.picked.has(i.id))) state.picked = null;
    }
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

  // The entries chosen one by one to send: those listed and ticked, and,
  // when the list is capped, those ticked in the Journal beyond it (the
  // core keeps the ones the choices match).
  function sent() {
    if (state.picked === null) return [];
    const listed = new Set(items.map((i) => i.id));
    // Private ones picked in the Journal go only when private entries are
    // included (a private entry named without them is refused).
    const allowed = (id) => includePrivate() || !state.pickedPrivate?.has(id);
    return [...state.picked].filter((id) => listed.has(id) || (capped() && allowed(id)));
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
    // Until the preview says how many are exported, the count is worked
    // out from the ticks listed.
    const listedTicked = items.filter((i) => ticked(i.id)).length;
    const guess = state.picked === null ? total - items.filter((i) => state.unticked.has(i.id)).length : listedTicked;
    showCount(guess, listedTicked);
  }

  // The count of entries ticked (`chosen`, of all the choices match), and
  // what becomes of those past the list.
  function showCount(chosen, listedTicked) {
    count.textContent = `(${chosen.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} ticked)`;
    more.hidden = !capped();
    if (capped()) {
      const rest = total - items.length;
      const going = Math.max(0, Math.min(rest, chosen - listedTicked));
      const fate = going === rest
        ? `the ${rest.toLocaleString('en-GB')} not shown are exported too`
        : going === 0
          ? `the ${rest.toLocaleString('en-GB')} not shown are left out`
          : `${going.toLocaleString('en-GB')} of the ${rest.toLocaleString('en-GB')} not shown are exported`;
      more.textContent = `Showing the first ${items.length.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}: ${fate}. Narrow the dates to tick among them.`;
    }
  }

  return {
    node: box,
    /** Whether the list has been filled once. */
    get loaded() {
      return loaded;
    },
    /**
     * Shows the entries the filters match now: `next`, the first of
     * `matching` (the core lists at most a thousand). Rows are rebuilt only
     * when they change.
     */
    update(next, matching = next.length) {
      const same = loaded && next.length === items.length && next.every((item, i) => item.id === items[i].id && item.sides.join() === items[i].sides.join());
      items = next;
      total = matching;
      loaded = true;
      if (!same) list.replaceChildren(...items.map(row));
      refresh();
    },
    /** How many entries the choices match, listed or not. */
    matching() {
      return total;
    },
    /** Whether entries are chosen one by one (rather than every one listed). */
    choosing() {
      return state.picked !== null || state.unticked.size > 0 || state.leftOut.size > 0;
    },
    /** The ids to send as `entries`: the ticked ones (empty: every entry that matches, but those unticked). */
    entries() {
      return sent();
    },
    /** The ids to send as `without_entries`: those unticked while the rest stay ticked. */
    withoutEntries() {
      return state.picked === null ? [...state.unticked] : [];
    },
    /** The sides to leave out, as [id, side] pairs, of ticked entries (listed or not: the core keeps those that apply). */
    withoutSections() {
      return [...state.leftOut]
        .map((key) => key.split(':'))
        .filter(([id]) => ticked(id));
    },
    /** Takes the number of entries the export will hold, as the preview counted it. */
    exported(n) {
      showCount(n, items.filter((i) => ticked(i.id)).length);
    },
    /** How many ticked entries the list does not show (outside the choices, or private and not included). */
    unseen(exported) {
      if (state.picked === null) return 0;
      if (capped()) return Math.max(0, state.picked.size - exported);
      const shown = new Set(items.map((i) => i.id));
      return [...state.picked].filter((id) => !shown.has(id)).length;
    },
    /** Why nothing can be exported: entries chosen one by one, none of them among the choices. */
    problem() {
      return state.picked !== null && sent().length === 0 ? 'Tick at least one entry.' : null;
    },
  };
}
