// Your questions: every component of the triangle with its prompts. Add
// questions of your own (with the situations they fit), rewrite them,
// archive any prompt so it is no longer offered (and bring it back), and
// rename a component or rewrite its description. Each change redraws the
// screen from what the journal holds, keeping open what was open.

import { call } from '../lib/api.js';
import { el } from '../lib/dom.js';
import { clearError, showError, toast } from '../lib/notify.js';

const ANGLES = {
  moment: 'a moment',
  pattern: 'a pattern',
  person: 'a person',
  win: 'a win',
  'next-step': 'a next step',
};

/** "Fits everyone" or "Fits: looking for work, between roles". */
function fitsWords(prompt, choices) {
  if (prompt.situations.length === choices.length) return 'Fits every situation';
  const labels = prompt.situations.map((key) => choices.find((c) => c.key === key)?.label || key);
  return `Fits: ${labels.join(', ')}`;
}

/** The form for an own prompt: text, hint and the situations it fits. */
function promptForm({ idBase, prompt, choices, submitLabel, onSubmit, onCancel }) {
  const text = el('textarea', { id: `${idBase}-text`, class: 'editor-text note-text', rows: 2, value: prompt?.text || '', required: true });
  const hint = el('input', { type: 'text', id: `${idBase}-hint`, value: prompt?.hint || '' });
  const fits = choices.map((choice) =>
    el(
      'label',
      { class: 'check' },
      el('input', {
        type: 'checkbox',
        value: choice.key,
        class: 'fits-choice',
        checked: prompt ? prompt.situations.includes(choice.key) && prompt.situations.length < choices.length : false,
      }),
      el('span', { text: choice.label[0].toUpperCase() + choice.label.slice(1) }),
    ),
  );
  const save = el('button', { type: 'submit', class: 'button primary', id: `${idBase}-save`, text: submitLabel });
  const form = el(
    'form',
    {
      class: 'prompt-form',
      on: {
        submit: async (event) => {
          event.preventDefault();
          if (!text.value.trim()) {
            text.focus();
            showError('Write the question first: a question cannot be empty.');
            return;
          }
          save.disabled = true;
          try {
            await onSubmit({
              text: text.value,
              hint: hint.value,
              situations: [...form.querySelectorAll('.fits-choice:checked')].map((c) => c.value),
            });
          } finally {
            save.disabled = false;
          }
        },
        keydown: (event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        },
      },
    },
    el('label', { class: 'field' }, el('span', { text: 'The question' }), text),
    el('label', { class: 'field' }, el('span', { text: 'A nudge below it (optional)' }), hint),
    el(
      'fieldset',
      { class: 'fits' },
      el('legend', { text: 'Ask it when I am… (none ticked: always)' }),
      fits,
    ),
    el('div', { class: 'form-foot' }, save, el('button', { type: 'button', class: 'button subtle', text: 'Cancel', on: { click: onCancel } })),
  );
  return { form, focus: () => text.focus() };
}

export async function mount(root) {
  let view;
  try {
    view = await call('library_view');
  } catch (error) {
    showError(error);
    root.append(el('div', { class: 'empty' }, el('h1', { text: 'Your questions' }), el('p', { text: 'The questions live in your journal, which could not be opened. The message above says why.' })));
    return {};
  }
  // Which components are open, kept across redraws.
  const open = new Set();
  const body = el('div', { class: 'library' });

  async function change(action, done) {
    try {
      view = await action();
      clearError();
      draw();
      if (done) toast(done);
    } catch (error) {
      showError(error);
    }
  }

  function promptItem(prompt) {
    const own = prompt.origin === 'user';
    const idBase = `prompt-${prompt.id}`;
    const item = el('li', { class: ['library-prompt', prompt.archived && 'is-archived'], id: idBase, data: { prompt: prompt.id } });
    const words = el(
      'div',
      { class: 'prompt-words' },
      el('p', { class: 'prompt-text', text: prompt.text }),
      prompt.hint ? el('p', { class: 'hint', text: prompt.hint }) : null,
      el(
        'p',
        { class: 'prompt-meta' },
        [own ? 'Your own' : prompt.angle ? `Built in · ${ANGLES[prompt.angle] || prompt.angle}` : 'Built in', fitsWords(prompt, view.situations), prompt.archived ? 'Archived: not offered' : null].filter(Boolean).join(' · '),
      ),
    );
    const archive = el('button', {
      type: 'button',
      class: 'button subtle',
      text: prompt.archived ? 'Bring back' : 'Archive',
      attrs: { 'aria-label': `${prompt.archived ? 'Bring back' : 'Archive'}: ${prompt.text}` },
      on: {
        click: () =>
          change(
            () => call('set_prompt_archived', { id: prompt.id, archived: !prompt.archived }),
            prompt.archived ? 'Brought back: it can be offered again.' : 'Archived: it will not be offered.',
          ),
      },
    });
    const edit = own
      ? el('button', {
          type: 'button',
          class: 'button subtle',
          text: 'Edit',
          attrs: { 'aria-label': `Edit: ${prompt.text}` },
          on: {
            click: () => {
              const { form, focus } = promptForm({
                idBase: `${idBase}-edit`,
                prompt,
                choices: view.situations,
                submitLabel: 'Save the question',
                onSubmit: (changed) => change(() => call('edit_own_prompt', { id: prompt.id, prompt: changed }), 'Saved.'),
                onCancel: () => {
                  form.replaceWith(words, actions);
                  edit.focus();
                },
              });
              words.replaceWith(form);
              actions.remove();
              focus();
            },
          },
        })
      : null;
    const actions = el('div', { class: 'prompt-actions' }, edit, archive);
    item.append(words, actions);
    return item;
  }

  function componentCard(entry) {
    const { component } = entry;
    const key = component.key;
    const adding = el('div', { class: 'adding' });
    const addButton = el('button', {
      type: 'button',
      class: 'button',
      id: `add-prompt-${key}`,
      text: 'Add a question of my own',
      on: {
        click: () => {
          const { form, focus } = promptForm({
            idBase: `new-prompt-${key}`,
            choices: view.situations,
            submitLabel: 'Add the question',
            onSubmit: (prompt) => change(() => call('add_own_prompt', { component: key, prompt }), 'Added. It takes its turn with the others.'),
            onCancel: () => {
              adding.replaceChildren();
              addButton.hidden = false;
              addButton.focus();
            },
          });
          adding.replaceChildren(form);
          addButton.hidden = true;
          focus();
        },
      },
    });
    const nameLine = el('div', { class: 'component-head' }, el('p', { class: 'component-desc', text: component.description }));
    const rename = el('button', {
      type: 'button',
      class: 'button subtle',
      id: `rename-${key}`,
      text: 'Rename or describe',
      on: {
        click: () => {
          const name = el('input', { type: 'text', id: `component-name-${key}`, value: component.name });
          const description = el('textarea', { id: `component-desc-${key}`, class: 'editor-text note-text', rows: 2, value: component.description });
          const form = el(
            'form',
            {
              class: 'component-form',
              on: {
                submit: (event) => {
                  event.preventDefault();
                  change(() => call('describe_component', { key, name: name.value, description: description.value }), 'Saved. Every screen and report uses the new words.');
                },
                keydown: (event) => {
                  if (event.key === 'Escape') {
                    event.preventDefault();
                    event.stopPropagation();
                    form.replaceWith(nameLine);
                    rename.focus();
                  }
                },
              },
            },
            el('label', { class: 'field' }, el('span', { text: 'Name' }), name),
            el('label', { class: 'field' }, el('span', { text: 'What it is about' }), description),
            el('div', { class: 'form-foot' }, el('button', { type: 'submit', class: 'button primary', id: `component-save-${key}`, text: 'Save' })),
          );
          nameLine.replaceWith(form);
          name.focus();
        },
      },
    });
    const details = el(
      'details',
      {
        class: ['card', 'side-card', 'library-component', `side-${component.side}`],
        id: `library-${key}`,
        open: open.has(key),
        on: { toggle: () => (details.open ? open.add(key) : open.delete(key)) },
      },
      el(
        'summary',
        {},
        el('span', { class: 'component-name', text: component.name }),
        el('span', { class: 'count', text: ` · ${entry.offered} offered${entry.prompts.length > entry.offered ? `, ${entry.prompts.length - entry.offered} archived` : ''}` }),
      ),
      nameLine,
      el('div', { class: 'component-actions' }, rename),
      el('ul', { class: 'library-prompts' }, entry.prompts.map((p) => promptItem(p))),
      adding,
      addButton,
    );
    return details;
  }

  function draw() {
    const focused = document.activeElement?.id;
    body.replaceChildren(
      ...view.sides.map((side) =>
        el(
          'section',
          { class: 'library-side', attrs: { 'aria-labelledby': `library-side-${side.key}` } },
          el('h2', { id: `library-side-${side.key}`, text: side.name }),
          view.components.filter((c) => c.component.side === side.key).map(componentCard),
        ),
      ),
    );
    if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  }
  draw();

  root.append(
    el(
      'header',
      { class: 'screen-head' },
      el(
        'div',
        {},
        el('p', { class: 'eyebrow', text: 'Settings' }),
        el('h1', { text: 'Your questions' }),
        el('p', { class: 'hint', text: 'Each week Trine offers one question per side, taking turns between the components. Archive a question you would rather not be asked; add your own, and say when it fits. Renamed components keep their new names everywhere.' }),
      ),
      el('a', { href: '#/settings', class: 'button subtle', text: 'Back to Settings' }),
    ),
    body,
  );
  return {};
}
