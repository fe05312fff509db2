// Check-in: the nine components of the triangle, in their three sides, each
// with a 1 to 5 answer to "how much do I still need to work on this?",
// starting from the last check-in; the triangle picture they draw; and each
// component's history across check-ins, with what the scores mean.
// The first-run introduction uses the same form (`checkinForm`).

import { call } from '../lib/api.js';
import { chartFigure } from '../lib/chart.js';
import { el, longDate } from '../lib/dom.js';
import { clearError, showError, toast } from '../lib/notify.js';

const SCALE = [
  [1, 'fine as it is'],
  [2, 'mostly fine'],
  [3, 'some work'],
  [4, 'more work'],
  [5, 'needs most work'],
];

/**
 * The form: a fieldset per side, a radio group per component. Calls
 * `onSaved(view)` with the new Check-in view after saving.
 */
export function checkinForm(view, { saveLabel = 'Save the check-in', onSaved } = {}) {
  const scores = { ...(view.latest?.scores || {}) };
  const groups = view.sides.map((side) => {
    const components = view.components.filter((c) => c.side === side.key);
    return el(
      'fieldset',
      { class: ['card', 'side-card', 'checkin-side', `side-${side.key}`] },
      el('legend', { class: 'side-line' }, el('span', { class: 'side-dot', attrs: { 'aria-hidden': 'true' } }), el('span', { class: 'side-name', text: side.name })),
      el('p', { class: 'hint', text: side.description }),
      components.map((component) => {
        const name = `checkin-${component.key}`;
        const labelId = `${name}-label`;
        return el(
          'div',
          { class: 'component-row', attrs: { role: 'radiogroup', 'aria-labelledby': labelId }, data: { component: component.key } },
          el('div', { class: 'component-words' }, el('span', { class: 'component-name', id: labelId, text: component.name }), el('span', { class: 'component-desc', text: component.description })),
          el(
            'div',
            { class: 'scale' },
            SCALE.map(([value, words]) =>
              el(
                'label',
                { class: 'scale-option', title: words },
                el('input', {
                  type: 'radio',
                  name,
                  value,
                  checked: scores[component.key] === value,
                  attrs: { 'aria-label': `${value}: ${words}` },
                  on: { change: () => (scores[component.key] = value) },
                }),
                el('span', { text: String(value), attrs: { 'aria-hidden': 'true' } }),
              ),
            ),
          ),
        );
      }),
    );
  });
  const note = el('textarea', { class: 'editor-text note-text', rows: 2, id: 'checkin-note', placeholder: 'A note for yourself (optional)', attrs: { 'aria-label': 'A note about this check-in (optional)' } });
  const saveButton = el('button', { type: 'submit', class: 'button primary', id: 'checkin-save', text: saveLabel });
  const form = el(
    'form',
    {
      class: 'checkin-form',
      attrs: { 'aria-label': 'Check-in' },
      on: {
        submit: async (event) => {
          event.preventDefault();
          saveButton.disabled = true;
          try {
            const next = await call('record_checkin', { scores, note: note.value });
            clearError();
            if (onSaved) onSaved(next);
          } catch (error) {
            showError(error);
          } finally {
            saveButton.disabled = false;
          }
        },
      },
    },
    el('p', { class: 'scale-key', text: '1 = fine as it is · 5 = needs the most work' }),
    el('div', { class: 'checkin-sides' }, groups),
    note,
    el('div', { class: 'form-foot' }, saveButton),
  );
  return { form, save: () => form.requestSubmit() };
}

export async function mount(root) {
  let view;
  try {
    view = await call('checkin_view');
  } catch (error) {
    showError(error);
    root.append(el('div', { class: 'empty' }, el('h1', { text: 'Check-in' }), el('p', { text: 'The check-in could not be opened. The message above says why.' })));
    return {};
  }
  const picture = el('section', { class: 'card triangle-card', attrs: { 'aria-labelledby': 'triangle-title' } });
  const when = el('p', { class: 'hint', id: 'checkin-when' });
  const nudge = el('p', { class: 'nudge', id: 'checkin-nudge', attrs: { role: 'status' } });
  const history = el('section', { class: 'card', id: 'checkin-history', attrs: { 'aria-labelledby': 'checkin-history-title' } });
  function drawPicture(v) {
    when.textContent = v.latest ? `Your last check-in was on ${longDate(v.latest.taken.slice(0, 10))}.` : 'No check-in yet: this will be your first.';
    nudge.textContent = v.nudge || '';
    nudge.hidden = !v.nudge;
    picture.replaceChildren(el('h2', { id: 'triangle-title', class: 'visually-hidden', text: v.triangle.title }), chartFigure(v.triangle, 'chart-triangle'));
    history.replaceChildren(
      el('h2', { id: 'checkin-history-title', text: 'How each component has moved' }),
      el('p', { class: 'hint', text: 'Each row is one component, check-in by check-in. Higher in a row is better: 1 at the top, 5 at the bottom.' }),
      el(
        'dl',
        { class: 'scale-meanings', attrs: { 'aria-label': 'What the scores mean' } },
        v.scale.map((step) => el('div', {}, el('dt', { text: String(step.score) }), el('dd', { text: step.words }))),
      ),
      chartFigure(v.history, 'chart-checkin-history'),
    );
  }
  drawPicture(view);
  const { form, save } = checkinForm(view, {
    onSaved: (next) => {
      drawPicture(next);
      toast('Check-in saved. The triangle shows it now.');
    },
  });
  root.append(
    el(
      'header',
      { class: 'screen-head' },
      el('div', {}, el('p', { class: 'eyebrow', text: 'Check-in' }), el('h1', { text: 'Which of the nine do you still want to work on?' }), when, nudge),
    ),
    el('div', { class: 'checkin-layout' }, picture, form),
    history,
  );
  return { save };
}
