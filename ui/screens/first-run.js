// First run: a short introduction to the triangle (three sides, nine
// components, in the journal's own words), where the person is in their
// working life, then the first check-in, then this week's questions. Finishing (or skipping) marks the journal as
// onboarded, so the introduction is shown once.

import { call } from '../lib/api.js';
import { el } from '../lib/dom.js';
import { showError } from '../lib/notify.js';
import { go } from '../lib/router.js';
import { checkinForm } from './checkin.js';

async function finish() {
  try {
    const [settings] = await call('app_settings');
    await call('save_app_settings', { settings: { ...settings, onboarded: true } });
  } catch (error) {
    showError(error);
  }
  go('#/week');
}

export async function mount(root) {
  let view;
  let week;
  try {
    [view, week] = await Promise.all([call('checkin_view'), call('week_view')]);
  } catch (error) {
    showError(error);
    root.append(el('div', { class: 'empty' }, el('h1', { text: 'Welcome to Trine' }), el('p', { text: 'Your journal could not be opened. The message above says why.' })));
    return {};
  }
  const stepLine = el('p', { class: 'eyebrow', id: 'welcome-step', attrs: { 'aria-live': 'polite' } });
  const stage = el('div', { class: 'welcome-stage' });
  const skip = el('button', { type: 'button', class: 'button subtle', id: 'welcome-skip', text: 'Skip the introduction', on: { click: finish } });

  function step(n, title, ...content) {
    stepLine.textContent = `Step ${n} of 4`;
    const heading = el('h1', { tabIndex: -1, text: title });
    stage.replaceChildren(heading, ...content);
    // Each step starts at its top, its heading in view (the page was
    // scrolled down to the previous step's button).
    window.scrollTo(0, 0);
    heading.focus({ preventScroll: true });
  }

  function intro() {
    step(
      1,
      'Welcome to Trine',
      el('p', { class: 'lede', text: 'Trine is a private journal for making your career your own: defined by you, measured by your own idea of success. It stays on this computer; nothing is sent anywhere.' }),
      el('p', { text: 'It follows the career-belonging triangle. Each side holds three things people need from their work, nine in all. Once a week Trine asks one question per side, and how seen, known and valued you felt. Over the months, it shows you how those feelings move.' }),
      el(
        'div',
        { class: 'intro-sides' },
        view.sides.map((side) =>
          el(
            'section',
            { class: ['card', 'side-card', `side-${side.key}`] },
            el('h2', { class: 'side-line' }, el('span', { class: 'side-dot', attrs: { 'aria-hidden': 'true' } }), el('span', { class: 'side-name', text: side.name })),
            el('p', { class: 'hint', text: side.description }),
            el('ul', { class: 'intro-components' }, view.components.filter((c) => c.side === side.key).map((c) => el('li', { text: c.name }))),
          ),
        ),
      ),
      el('div', { class: 'form-foot' }, skip, el('button', { type: 'button', class: 'button primary', id: 'welcome-next', text: 'Next: where you are now', on: { click: situation } })),
    );
  }

  async function situation() {
    let choices = [];
    try {
      choices = await call('situation_choices');
    } catch (error) {
      showError(error);
      checkin();
      return;
    }
    const options = choices.map((c) =>
      el(
        'label',
        { class: 'check situation-choice' },
        el('input', { type: 'radio', name: 'situation', value: c.key, id: `welcome-situation-${c.key}` }),
        el('span', {}, el('strong', { text: c.label[0].toUpperCase() + c.label.slice(1) }), el('span', { class: 'hint', text: c.hint })),
      ),
    );
    async function next() {
      const chosen = stage.querySelector('input[name="situation"]:checked')?.value;
      if (chosen) {
        try {
          const [settings] = await call('app_settings');
          await call('save_app_settings', { settings: { ...settings, situation: chosen } });
        } catch (error) {
          showError(error);
          return;
        }
      }
      checkin();
    }
    step(
      2,
      'Where are you in your working life?',
      el('p', { class: 'lede', text: 'Trine asks questions that fit where you are. You can change this in Settings whenever it changes; Trine keeps the day it did.' }),
      el('div', { class: 'choices situation-choices', attrs: { role: 'radiogroup', 'aria-label': 'Where you are now' } }, options),
      el('div', { class: 'form-foot' }, el('button', { type: 'button', class: 'button subtle', id: 'welcome-situation-later', text: 'Not now', on: { click: checkin } }), el('button', { type: 'button', class: 'button primary', id: 'welcome-situation-next', text: 'Next: your first check-in', on: { click: next } })),
    );
  }

  function checkin() {
    const { form } = checkinForm(view, { saveLabel: 'Save and go on', onSaved: prompts });
    const later = el('button', { type: 'button', class: 'button subtle', text: 'Not now', on: { click: prompts } });
    form.querySelector('.form-foot').prepend(later);
    step(3, 'Where do you stand today?', el('p', { class: 'lede', text: 'For each of the nine, how much do you still want to work on it? There are no right answers; Trine uses them to choose which questions come up more often.' }), form);
  }

  async function prompts() {
    // This week's questions follow the check-in just saved.
    try {
      week = await call('week_view');
    } catch (error) {
      showError(error);
    }
    step(
      4,
      'This week’s questions',
      el('p', { class: 'lede', text: 'Here is what Trine will ask you this week. Answer a few lines whenever suits you; everything saves by itself.' }),
      el(
        'ol',
        { class: 'intro-prompts' },
        week.sides.map((s) => el('li', { class: ['side-card', `side-${s.side}`] }, el('span', { class: 'side-line' }, el('span', { class: 'side-dot', attrs: { 'aria-hidden': 'true' } }), el('span', { class: 'side-name', text: s.component ? `${s.side_name} · ${s.component.name}` : s.side_name })), el('p', { class: 'prompt', text: s.prompt?.text || '' }))),
      ),
      el('div', { class: 'form-foot' }, el('button', { type: 'button', class: 'button primary', id: 'welcome-finish', text: 'Start writing', on: { click: finish } })),
    );
  }

  root.append(el('img', { class: 'welcome-emblem', src: 'emblem.svg', alt: '', width: 64, height: 64 }), stepLine, stage);
  intro();
  return {};
}
