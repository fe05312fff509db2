// Help: what the triangle is (its sides and parts in the journal's own
// words, as the Check-in shows them), how a week works, what Trine promises
// about privacy, and the keyboard.

import { call } from '../lib/api.js';
import { el } from '../lib/dom.js';
import { showError } from '../lib/notify.js';

const PROMISES = [
  'Everything you write stays in one file on this computer. Trine has no account, no cloud and no network access at all.',
  'Nothing leaves unless you export it, and private entries stay out of exports unless you ask for them, twice.',
  'With a passphrase, the journal and its backups are encrypted. Nobody can open them without it, and nobody can recover a lost passphrase, not even Trine.',
  'Your words are saved as you type, backed up once a day, and written so that a crash or a power cut cannot corrupt them.',
];

const KEYS = [
  ['Ctrl+N', 'a new note'],
  ['Ctrl+F', 'search the journal'],
  ['Ctrl+S', 'save now (Trine also saves by itself)'],
  ['Esc', 'back, or close a dialog'],
  ['Tab', 'move between controls; the arrows move a rating'],
];

/** One side and its three components, in the journal's own words (the
 * same the Check-in and the introduction show, renamed ones included). */
function sideSection(side, components) {
  return el(
    'section',
    { class: `card help-side side-${side.key}`, attrs: { 'aria-labelledby': `help-${side.key}` } },
    el('h3', { id: `help-${side.key}`, text: side.name }),
    el('p', { text: side.description }),
    el(
      'ul',
      {},
      components.filter((c) => c.side === side.key).map((c) => el('li', { class: 'help-component', data: { component: c.key } }, el('strong', { text: c.name }), `: ${c.description}`)),
    ),
  );
}

export async function mount(root) {
  let sides = el('p', { class: 'muted', text: 'The sides and their parts could not be read from the journal.' });
  try {
    const view = await call('checkin_view');
    sides = el('div', { class: 'help-sides' }, view.sides.map((side) => sideSection(side, view.components)));
  } catch (error) {
    showError(error);
  }
  root.append(
    el('header', { class: 'screen-head' }, el('div', {}, el('p', { class: 'eyebrow', text: 'Help' }), el('h1', { text: 'How Trine works' }))),
    el(
      'section',
      { class: 'help-intro', attrs: { 'aria-labelledby': 'help-triangle' } },
      el('img', { class: 'help-emblem', src: 'emblem.svg', alt: 'A triangle with three coloured sides', width: 120, height: 120 }),
      el(
        'div',
        {},
        el('h2', { id: 'help-triangle', text: 'The triangle' }),
        el('p', {
          text: 'A career feels like your own when three kinds of need are met together. Trine pictures them as the sides of a triangle, each with three parts. A week that is strong on one side and bare on another shows up as a lopsided triangle, which is worth noticing.',
        }),
      ),
    ),
    sides,
    el(
      'section',
      { class: 'card', attrs: { 'aria-labelledby': 'help-week' } },
      el('h2', { id: 'help-week', text: 'Your week' }),
      el('p', {
        text: 'Each week, This week asks one question for each side and how seen, known and valued you felt, from 1 to 10. Answer what you like and skip the rest; a week counts as done when every side is answered or skipped and all three ratings are given. Trends shows how the ratings move over the months, and Check-in scores all nine parts as a triangle whenever you want a fuller picture.',
      }),
      el('p', {
        text: 'Trine can remind you with a desktop notification on the day and time you choose in Settings, while it is running. From that time until the week is done, a dot beside This week in the bar shows it is due. Notes are for anything else, any day.',
      }),
    ),
    el(
      'section',
      { class: 'card', attrs: { 'aria-labelledby': 'help-privacy' } },
      el('h2', { id: 'help-privacy', text: 'Our privacy promise' }),
      el('ul', { class: 'help-promises' }, PROMISES.map((p) => el('li', { text: p }))),
    ),
    el(
      'section',
      { class: 'card', attrs: { 'aria-labelledby': 'help-keys' } },
      el('h2', { id: 'help-keys', text: 'The keyboard' }),
      el('dl', { class: 'help-keys' }, KEYS.map(([key, does]) => el('div', {}, el('dt', {}, el('kbd', { text: key })), el('dd', { text: does })))),
      el('p', { class: 'field-help', text: 'The trine command does everything from a terminal, too: run trine --help.' }),
    ),
  );
  return {};
}
