// Journal: every entry, newest first, fifty at a time. The next page loads
// as the end of the list comes into view (keyset paging with `next_after`),
// so a journal of 100k entries scrolls without loading them all. Typing in
// the search box shows ranked results with highlighted snippets instead.
// Filters narrow the list by tag, side, kind and dates. "Choose for
// export" puts a tick box beside each entry, to send just those to Export.

import { call } from '../lib/api.js';
import { dateField, rangePresets } from '../lib/dates.js';
import { debounce, el, longDate, setTrustedHtml } from '../lib/dom.js';
import { showError, clearError } from '../lib/notify.js';
import { pickForExport } from '../lib/export-pick.js';

const PAGE = 50;

// The list as it was, so that coming back from an entry finds it again.
let remembered = null;

// Entries ticked for an export, kept while choosing, and those of them
// marked private.
const picked = new Set();
const pickedPrivate = new Set();

function summaryLine(item, withSnippet) {
  const meta = [longDate(item.date), item.kind === 'reflection' ? 'Reflection' : 'Note'];
  const ratings = ['seen', 'known', 'valued']
    .filter((k) => item.ratings[k] != null)
    .map((k) => `${k} ${item.ratings[k]}`);
  if (ratings.length) meta.push(ratings.join(' · '));
  const body = el('p', { class: 'entry-excerpt' });
  if (withSnippet && item.snippet_html) setTrustedHtml(body, item.snippet_html);
  else body.textContent = item.excerpt;
  const tags = item.tags.length
    ? el('ul', { class: 'tags', attrs: { 'aria-label': 'Tags' } }, item.tags.map((t) => el('li', { class: 'tag', text: t })))
    : null;
  const pick = el('input', {
    type: 'checkbox',
    class: 'pick-check',
    checked: picked.has(item.id),
    data: { id: item.id, private: item.private ? 'yes' : 'no' },
    attrs: { 'aria-label': `Choose “${item.title}” for export` },
  });
  return el(
    'li',
    { class: 'entry-item' },
    pick,
    el(
      'a',
      { class: 'entry-link', href: `#/entry/${item.id}`, data: { id: item.id, kind: item.kind } },
      el('span', { class: 'entry-title', text: item.title }),
      item.private ? el('span', { class: 'badge', text: 'Private' }) : null,
      el('span', { class: 'entry-meta', text: meta.join(' · ') }),
      body,
      tags,
    ),
  );
}

export async function mount(root, route) {
  const prior = remembered;
  remembered = null;
  const filters = prior?.filters || { tag: '', side: '', kind: '', from: '', to: '' };

  const search = el('input', {
    type: 'search',
    id: 'journal-search',
    class: 'search-box',
    placeholder: 'Search your journal',
    value: prior?.query || '',
    autocomplete: 'off',
    attrs: { 'aria-label': 'Search your journal (Ctrl+F)', 'aria-controls': 'entry-list' },
  });
  const orderSelect = el(
    'select',
    { id: 'search-order', attrs: { 'aria-label': 'Order the results' } },
    el('option', { value: 'relevance', text: 'Best match first' }),
    el('option', { value: 'newest', text: 'Newest first' }),
  );
  orderSelect.value = prior?.order || 'relevance';
  const orderRow = el('label', { class: 'search-order' }, el('span', { text: 'Order' }), orderSelect);
  orderRow.hidden = !search.value.trim();
  const tagSelect = el('select', { id: 'filter-tag', attrs: { 'aria-label': 'Only entries with this tag' } }, el('option', { value: '', text: 'Any tag' }));
  const sideSelect = el(
    'select',
    { id: 'filter-side', attrs: { 'aria-label': 'Only reflections on this side' } },
    el('option', { value: '', text: 'Any side' }),
    el('option', { value: 'developmental', text: 'Developmental needs' }),
    el('option', { value: 'emotional', text: 'Emotional needs' }),
    el('option', { value: 'integration', text: 'Integration needs' }),
  );
  const kindSelect = el(
    'select',
    { id: 'filter-kind', attrs: { 'aria-label': 'Only this kind of entry' } },
    el('option', { value: '', text: 'All kinds' }),
    el('option', { value: 'reflection', text: 'Reflections' }),
    el('option', { value: 'note', text: 'Notes' }),
  );
  const fromInput = dateField({ id: 'filter-from', attrs: { 'aria-label': 'From this date' } });
  const toInput = dateField({ id: 'filter-to', attrs: { 'aria-label': 'Up to this date' } });
  tagSelect.value = filters.tag;
  sideSelect.value = filters.side;
  kindSelect.value = filters.kind;
  fromInput.value = filters.from;
  toInput.value = filters.to;
  const presets = rangePresets(fromInput, toInput, { id: 'filter-range', label: 'Entries from when' });

  const list = el('ol', { id: 'entry-list', class: 'entry-list', attrs: { 'aria-label': 'Entries, newest first' } });
  const sentinel = el('div', { class: 'sentinel', attrs: { 'aria-hidden': 'true' } });
  const summary = el('p', { class: 'list-summary', id: 'list-summary', attrs: { 'aria-live': 'polite' } });

  // Choosing entries for an export.
  const pickCount = el('span', { id: 'journal-pick-count', attrs: { 'aria-live': 'polite' } });
  const exportPicked = el('button', {
    type: 'button',
    class: 'button primary',
    id: 'journal-export-chosen',
    text: 'Export these…',
    disabled: true,
    on: {
      click: () => {
        pickForExport(picked, pickedPrivate);
        picked.clear();
        pickedPrivate.clear();
        window.location.hash = '#/export';
      },
    },
  });
  const pickBar = el(
    'div',
    { class: 'pick-bar', id: 'journal-pick-bar', hidden: true },
    pickCount,
    exportPicked,
    el('button', { type: 'button', class: 'button subtle', id: 'journal-pick-cancel', text: 'Stop choosing', on: { click: () => choosing(false) } }),
  );
  const chooseButton = el('button', {
    type: 'button',
    class: 'button subtle',
    id: 'journal-choose',
    text: 'Choose for export',
    attrs: { 'aria-pressed': 'false' },
    on: { click: () => choosing(list.classList.contains('choosing') === false) },
  });

  function countPicked() {
    pickCount.textContent = picked.size ? `${picked.size} ${picked.size === 1 ? 'entry' : 'entries'} chosen` : 'Tick the entries to export.';
    exportPicked.disabled = picked.size === 0;
  }

  function choosing(on) {
    list.classList.toggle('choosing', on);
    chooseButton.setAttribute('aria-pressed', String(on));
    pickBar.hidden = !on;
    if (!on) {
      picked.clear();
      pickedPrivate.clear();
      for (const box of list.querySelectorAll('.pick-check')) box.checked = false;
    }
    countPicked();
    // The focus goes to what is there now: the first tick box, or back to
    // the button (the bar and the boxes it was on are gone).
    if (on) list.querySelector('.pick-check')?.focus();
    else chooseButton.focus();
  }

  list.addEventListener('change', (event) => {
    const box = event.target.closest('.pick-check');
    if (!box) return;
    if (box.checked) picked.add(box.dataset.id);
    else picked.delete(box.dataset.id);
    if (box.checked && box.dataset.private === 'yes') pickedPrivate.add(box.dataset.id);
    else pickedPrivate.delete(box.dataset.id);
    countPicked();
  });

  let nextAfter = null;
  let loading = false;
  let ended = false;
  let token = 0;

  function query() {
    return {
      limit: PAGE,
      after: nextAfter,
      tag: tagSelect.value || null,
      side: sideSelect.value || null,
      kind: kindSelect.value || null,
      from: fromInput.value || null,
      to: toInput.value || null,
    };
  }

  async function loadPage() {
    if (loading || ended) return;
    loading = true;
    const mine = token;
    try {
      const page = await call('entry_page', { query: query() });
      if (mine !== token) return;
      list.append(...page.items.map((item) => summaryLine(item, false)));
      nextAfter = page.next_after;
      ended = !page.next_after;
      const count = list.children.length;
      if (count === 0) summary.textContent = anyFilter() ? 'No entries match these filters.' : 'No entries yet. Press Ctrl+N to write a note.';
      else summary.textContent = ended ? `${count} ${count === 1 ? 'entry' : 'entries'}` : `Showing the latest ${count}; more load as you scroll.`;
      clearError();
    } catch (error) {
      if (mine === token) showError(error);
    } finally {
      if (mine === token) loading = false;
    }
    watchSentinel(mine);
  }

  // Observing afresh reports the sentinel's state now, so a sentinel that
  // stayed in view while the page grew still brings the next page.
  function watchSentinel(mine) {
    if (mine === token && !ended) {
      observer.unobserve(sentinel);
      observer.observe(sentinel);
    }
  }

  function anyFilter() {
    return Boolean(tagSelect.value || sideSelect.value || kindSelect.value || fromInput.value || toInput.value);
  }

  // A search pages like the list: `searchNext` is where its next page
  // starts, and the count said is the true count, not the page's.
  let searchNext = null;

  function searchSummary(text, page) {
    if (page.total === 0) return `Nothing found for “${text}”.`;
    const matches = `${page.total} ${page.total === 1 ? 'entry matches' : 'entries match'}`;
    if (orderSelect.value === 'newest') return `${matches}, newest first.`;
    if (page.reachable < page.total) {
      return `${matches}; the ${page.reachable} most recent are ranked best first. Order by date to reach them all.`;
    }
    return `${matches}, best first.`;
  }

  async function searchPage(text, mine) {
    const { after: _after, limit: _limit, ...filters } = query();
    const page = await call('search', { query: text, limit: PAGE, offset: searchNext ?? 0, order: orderSelect.value, filters });
    if (mine !== token) return;
    list.append(...page.items.map((item) => summaryLine(item, true)));
    searchNext = page.next_offset;
    ended = page.next_offset == null;
    summary.textContent = searchSummary(text, page);
    clearError();
  }

  async function runSearch() {
    const text = search.value.trim();
    token += 1;
    orderRow.hidden = text === '';
    if (text === '') {
      restart();
      return;
    }
    searchNext = null;
    ended = false;
    loading = false;
    list.replaceChildren();
    list.setAttribute('aria-label', orderSelect.value === 'newest' ? 'Search results, newest first' : 'Search results, best first');
    await nextSearchPage();
  }

  async function nextSearchPage() {
    if (loading || ended) return;
    loading = true;
    const mine = token;
    try {
      await searchPage(search.value.trim(), mine);
    } catch (error) {
      if (mine === token) showError(error);
    } finally {
      if (mine === token) loading = false;
    }
    watchSentinel(mine);
  }

  const searchSoon = debounce(runSearch, 150);

  function restart() {
    token += 1;
    nextAfter = null;
    ended = false;
    loading = false;
    list.replaceChildren();
    list.setAttribute('aria-label', 'Entries, newest first');
    loadPage();
  }

  function filtersChanged() {
    if (search.value.trim()) runSearch();
    else restart();
  }

  search.addEventListener('input', searchSoon);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      searchSoon.cancel();
      runSearch();
    }
  });
  orderSelect.addEventListener('change', () => runSearch());
  for (const control of [tagSelect, sideSelect, kindSelect, fromInput, toInput]) {
    control.addEventListener('change', filtersChanged);
  }

  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      if (search.value.trim()) nextSearchPage();
      else loadPage();
    },
    { rootMargin: '0px 0px 600px 0px' },
  );

  root.append(
    el(
      'header',
      { class: 'screen-head' },
      el('div', {}, el('p', { class: 'eyebrow', text: 'Journal' }), el('h1', { text: 'Everything you have written' })),
      el('div', { class: 'head-actions' }, chooseButton, el('a', { class: 'button primary', href: '#/new', text: 'New note', attrs: { 'aria-keyshortcuts': 'Control+N' } })),
    ),
    pickBar,
    el(
      'div',
      { class: 'search-row', attrs: { role: 'search' } },
      search,
      orderRow,
    ),
    el(
      'div',
      { class: 'filters journal-filters', attrs: { role: 'group', 'aria-label': 'Filters' } },
      tagSelect,
      sideSelect,
      kindSelect,
      el(
        'div',
        { class: 'date-row' },
        presets,
        el('label', { class: 'date-field' }, el('span', { text: 'From' }), fromInput),
        el('label', { class: 'date-field' }, el('span', { text: 'To' }), toInput),
      ),
    ),
    summary,
    list,
    sentinel,
  );

  list.addEventListener('click', (event) => {
    const link = event.target.closest('.entry-link');
    if (!link) return;
    remembered = {
      query: search.value,
      order: orderSelect.value,
      filters: { tag: tagSelect.value, side: sideSelect.value, kind: kindSelect.value, from: fromInput.value, to: toInput.value },
      scroll: window.scrollY,
      loaded: list.children.length,
      focusId: link.dataset.id,
    };
  });

  // The tag list is in place before the first query runs, so the filter
  // shown is the filter applied (a remembered tag no longer in use is kept
  // as a choice rather than silently dropped).
  try {
    const tags = await call('tags');
    for (const [name, count] of tags) tagSelect.append(el('option', { value: name, text: `${name} (${count})` }));
  } catch {
    // Without the list the filter still works on the remembered tag.
  }
  if (filters.tag && tagSelect.value !== filters.tag) {
    if (![...tagSelect.options].some((o) => o.value === filters.tag)) {
      tagSelect.append(el('option', { value: filters.tag, text: `${filters.tag} (0)` }));
    }
    tagSelect.value = filters.tag;
  }

  if (search.value.trim()) {
    await runSearch();
    const want = Math.min(prior?.loaded || 0, 500);
    while (!ended && list.children.length < want) {
      const before = list.children.length;
      await nextSearchPage();
      if (list.children.length === before) break;
    }
  } else {
    await loadPage();
    // Back from an entry: load as far as the list went before (a few pages
    // at most), so the entry's line and the scroll position are there.
    const want = Math.min(prior?.loaded || 0, 500);
    while (!ended && list.children.length < want) {
      const before = list.children.length;
      await loadPage();
      if (list.children.length === before) break;
    }
  }
  observer.observe(sentinel);

  return {
    ready() {
      if (route.query.get('focus') === 'search') search.focus();
      else if (prior?.focusId) {
        const link = list.querySelector(`.entry-link[data-id="${CSS.escape(prior.focusId)}"]`);
        if (link) {
          link.focus({ preventScroll: true });
          window.scrollTo(0, prior.scroll);
        }
      }
    },
    focusSearch() {
      search.focus();
      search.select();
    },
    escape() {
      if (search.value) {
        search.value = '';
        runSearch();
        return true;
      }
      if (list.classList.contains('choosing')) {
        choosing(false);
        return true;
      }
      return false;
    },
    leave() {
      observer.disconnect();
      searchSoon.cancel();
      token += 1;
    },
  };
}
