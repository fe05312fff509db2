// Help: what the triangle is (its sides and parts in the journal's own
// words, as the Check-in shows them), how a week works, where the framework
// comes from and which parts are Trine's own reading, using Trine with a
// coach, what Trine promises about privacy, and the keyboard.

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
          text: 'A career feels like your own when three kinds of need are met together. Trine pictures them as the sides of a triangle, each with three parts, nine in all. The Check-in asks which of the nine you still want to work on and draws your answers on the triangle; the weekly questions take turns around all three sides.',
        }),
      ),
    ),
    sides,
    el(
      'section',
      { class: 'card', attrs: { 'aria-labelledby': 'help-week' } },
      el('h2', { id: 'help-week', text: 'Your week' }),
      el('p', {
        text: 'Each week, This week asks one question for each side and how seen, known and valued you felt, from 1 to 10 (and, if you turn it on in Settings, how confident you felt in your direction). Answer what you like and skip the rest; a week counts as done when every side is answered or skipped and the three ratings are given. When last week you planned a next step, this week asks how it went. Trends shows how the ratings move over the months, and Check-in scores all nine parts whenever you want a fuller picture, about once a month, with their history beside it.',
      }),
      el('p', {
        text: 'Trine can remind you with a desktop notification on the day and time you choose in Settings, while it is running. From that time until the week is done, a dot beside This week in the bar shows it is due. Notes are for anything else, any day.',
      }),
    ),
    el(
      'section',
      { class: 'card', id: 'help-framework-card', attrs: { 'aria-labelledby': 'help-framework' } },
      el('h2', { id: 'help-framework', text: 'The framework' }),
      el('p', {
        text: 'The triangle comes from Sara Beth Berk\u2019s “A Framework of Career Belonging” (2023). Trine follows its ideas in its own words; nothing here is quoted from it.',
      }),
      el('p', {
        text: 'Career belonging is the sense that your career is yours: you define it, it follows what you value, and you judge it by your own measure of success. Workplace belonging is something else: being accepted by one employer and the people there. You can have either without the other, and career belonging goes with you between jobs.',
      }),
      el('p', {
        text: 'The developmental side looks inward: how you see yourself as a professional, your patience while things unfold, and your confidence. The emotional side is about feeling seen, known and valued, and each of those starts with you: how you see, know and value yourself, before anyone else does.',
      }),
      el('p', {}, 'The framework calls the integration side the glue between the other two but does not name its parts. Its three components here, values alignment, voice and community, are Trine\u2019s own reading, and you can rename them or any other component, or add questions of your own, in ', el('a', { href: '#/library', text: 'Your questions' }), '.'),
    ),
    el(
      'section',
      { class: 'card', id: 'help-coach-card', attrs: { 'aria-labelledby': 'help-coach' } },
      el('h2', { id: 'help-coach', text: 'Using Trine with a coach' }),
      el('p', {
        text: 'Before a session, open Export, choose the weeks since you last met, and save a PDF (to print or send) or an HTML report (to open in any browser). Both start with charts of your ratings, then the entries you chose. Private entries stay out unless you ask for them. A CSV of the weekly ratings suits a coach who likes to look at the numbers themselves.',
      }),
      el('p', {
        text: 'Reading the ratings together: a single week says little, since every week is noisy. Look for where the line settles over a month or more, for weeks that stand apart, and for what you wrote in them. In the check-in, 1 means a part is fine as it is and 5 that it needs the most work; a part moving from 4 to 2 over a few months is worth talking about.',
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
