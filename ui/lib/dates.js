// Date fields as a person reads and types them. A field shows its date the
// way the app writes dates everywhere ("4 December 2026") and takes what a
// person types: "4 December 2026", "4 dec", "December 4, 2026", "2026-12-04",
// "4/12/2026" (day first, as the app writes them), "today", "yesterday".
// Its `value` is the date as YYYY-MM-DD (empty when none), so a screen reads
// and sets it like any input's. Range presets fill a pair of fields.

import { call } from './api.js';
import { el, longDate, uid } from './dom.js';

// Today on the app's clock (the core's, which a test can set), kept fresh.
let today = new Date();

/** Asks the app for today's date now, and every ten minutes after. */
export async function followAppClock() {
  const ask = async () => {
    try {
      const [y, m, d] = (await call('today_date')).split('-').map(Number);
      today = new Date(y, m - 1, d);
    } catch {
      // The machine's clock is the fallback.
    }
  };
  await ask();
  setInterval(ask, 10 * 60 * 1000);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function pad(n) {
  return String(n).padStart(2, '0');
}

/** YYYY-MM-DD of a local Date. */
export function isoOf(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** YYYY-MM-DD of year, month (1-12), day, or null when there is no such day. */
function realDate(y, m, d) {
  if (!(y >= 1 && m >= 1 && m <= 12 && d >= 1)) return null;
  const date = new Date(y, m - 1, d);
  if (date.getMonth() !== m - 1 || date.getDate() !== d) return null;
  date.setFullYear(y);
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

/** The month a word names ("dec", "December", "sept"), 1-12, or null. */
function monthOf(word) {
  const w = word.replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((name) => name.startsWith(w) || (w === 'sept' && name === 'september'));
  return i === -1 ? null : i + 1;
}

/**
 * Reads a typed date. Returns YYYY-MM-DD, '' for nothing typed, or null
 * when the text is not a date. A day and month without a year are in
 * the year of `now` (today on the app's clock).
 */
export function parseTypedDate(text, now = today) {
  const t = String(text).trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (t === '') return '';
  if (t === 'today') return isoOf(now);
  if (t === 'yesterday') {
    const d = new Date(now);
    d.setDate(d.getDate() - 1);
    return isoOf(d);
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) return realDate(Number(m[3]), Number(m[2]), Number(m[1]));
  const year = (y) => (y === undefined ? now.getFullYear() : Number(y));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z.]+)(?: (\d{4}))?$/.exec(t);
  if (m && monthOf(m[2])) return realDate(year(m[3]), monthOf(m[2]), Number(m[1]));
  m = /^([a-z.]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/.exec(t);
  if (m && monthOf(m[1])) return realDate(year(m[3]), monthOf(m[1]), Number(m[2]));
  return null;
}

const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');

/**
 * A date field: a text box showing "4 December 2026" whose `value` is
 * YYYY-MM-DD. What is typed is read when the field is left or Enter is
 * pressed; text that is no date is named beside the field, and the
 * screen's own `change` listeners do not hear it.
 */
export function dateField(props) {
  const { value: initial = '', ...rest } = props;
  const input = el('input', {
    type: 'text',
    autocomplete: 'off',
    spellcheck: false,
    placeholder: 'e.g. 4 December 2026',
    ...rest,
    class: 'date-input',
  });
  if (!input.id) input.id = uid('date');
  const problem = el('span', { class: 'date-problem', id: `${input.id}-problem`, attrs: { role: 'alert' }, hidden: true });
  let iso = '';
  // The text last shown, so that a change the person did not type (a
  // preset, a screen setting the value) passes straight through.
  let shown = '';
  const show = () => {
    shown = iso ? longDate(iso) : '';
    nativeValue.set.call(input, shown);
    input.classList.toggle('is-empty', !iso);
  };
  const settle = (ok, typed) => {
    input.toggleAttribute('aria-invalid', !ok);
    if (ok) {
      problem.hidden = true;
      input.removeAttribute('aria-errormessage');
      return;
    }
    problem.textContent = `“${typed}” is not a date Trine can read. Try 4 December 2026 or 2026-12-04.`;
    problem.hidden = false;
    input.setAttribute('aria-errormessage', problem.id);
    if (!problem.isConnected) input.after(problem);
  };
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: () => iso,
    set: (v) => {
      iso = (v && parseTypedDate(String(v))) || '';
      show();
      settle(true);
    },
  });
  input.addEventListener('change', (event) => {
    const typed = nativeValue.get.call(input);
    if (typed === shown) {
      // Nothing new typed: a change from the page passes on; one from the
      // keyboard (Enter already read it) is not heard twice.
      if (event.isTrusted) event.stopImmediatePropagation();
      return;
    }
    const parsed = parseTypedDate(typed);
    if (parsed === null) {
      settle(false, typed.trim());
      event.stopImmediatePropagation();
      return;
    }
    iso = parsed;
    show();
    settle(true);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && nativeValue.get.call(input) !== shown) {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  input.value = initial;
  return input;
}

/** The presets of a range of dates, in months back from today. */
const PRESETS = [
  { key: 'all', label: 'Everything', months: null },
  { key: '3m', label: 'The last 3 months', months: 3 },
  { key: '6m', label: 'The last 6 months', months: 6 },
  { key: '12m', label: 'The last year', months: 12 },
];

function monthsBack(months) {
  const d = new Date(today.getFullYear(), today.getMonth() - months, today.getDate());
  return isoOf(d);
}

/**
 * A choice of ranges for a pair of date fields: everything, the last 3 or
 * 6 months, the last year, or the dates typed ("Dates chosen"). Choosing a
 * preset fills the fields and fires their `change`; typing a date shows
 * which preset, if any, the fields now match.
 */
export function rangePresets(from, to, { id, label = 'Dates' } = {}) {
  const select = el(
    'select',
    { id, class: 'range-presets', attrs: { 'aria-label': label } },
    PRESETS.map((p) => el('option', { value: p.key, text: p.label })),
    el('option', { value: 'custom', text: 'Dates chosen', hidden: true, disabled: true }),
  );
  function match() {
    const found = PRESETS.find((p) => (p.months === null ? !from.value && !to.value : from.value === monthsBack(p.months) && !to.value));
    select.value = found ? found.key : 'custom';
  }
  select.addEventListener('change', () => {
    const preset = PRESETS.find((p) => p.key === select.value);
    if (!preset) return;
    from.value = preset.months === null ? '' : monthsBack(preset.months);
    to.value = '';
    from.dispatchEvent(new Event('change', { bubbles: true }));
  });
  for (const field of [from, to]) field.addEventListener('change', match);
  match();
  return select;
}
