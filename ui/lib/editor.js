// A Markdown editor: a plain textarea with a small toolbar (bold, italic,
// list, quote) and a preview rendered by the core. The preview takes the
// textarea's place at the same height, so switching never moves the page.

import { call, messageOf } from './api.js';
import { el, setTrustedHtml, uid } from './dom.js';

/** Wraps the selection in `before`/`after`, or inserts them around a placeholder. */
function wrap(textarea, before, after, placeholder) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  const chosen = value.slice(start, end) || placeholder;
  textarea.setRangeText(`${before}${chosen}${after}`, start, end, 'end');
  textarea.setSelectionRange(start + before.length, start + before.length + chosen.length);
}

/** Puts `prefix` at the start of every line the selection touches. */
function prefixLines(textarea, prefix) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const block = value.slice(lineStart, end);
  const changed = block
    .split('\n')
    .map((line) => (line.startsWith(prefix) ? line : prefix + line))
    .join('\n');
  textarea.setRangeText(changed, lineStart, end, 'end');
}

// A list item or quote line: its indent, its marker (with a task box, if
// any) and what follows.
const LIST_LINE = /^(\s*)([-*+]|\d{1,9}[.)]|>)(\s+(?:\[[ xX]\]\s+)?)(.*)$/;

/**
 * Enter in a list item or quote: continues it on the next line with the
 * same marker (numbers count on; a task box starts unticked). Enter on an
 * item with nothing after its marker ends the list with a blank line.
 * Returns whether it handled the key.
 */
export function continueList(textarea) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  if (start !== end) return false;
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = value.indexOf('\n', start) === -1 ? value.length : value.indexOf('\n', start);
  // Only with the caret at the end of the line's words.
  if (value.slice(start, lineEnd).trim() !== '') return false;
  const match = LIST_LINE.exec(value.slice(lineStart, start));
  if (!match) return false;
  const [, indent, marker, gap, rest] = match;
  if (rest.trim() === '') {
    // The empty item becomes a blank line, which ends the list in Markdown,
    // and the caret starts the paragraph after it.
    textarea.setRangeText('\n', lineStart, lineEnd, 'end');
    return true;
  }
  let next = marker;
  const number = /^(\d+)([.)])$/.exec(marker);
  if (number) next = `${Number(number[1]) + 1}${number[2]}`;
  const box = /\[[ xX]\]/.test(gap) ? gap.replace(/\[[ xX]\]/, '[ ]') : gap;
  textarea.setRangeText(`\n${indent}${next}${box}`, start, end, 'end');
  return true;
}

/**
 * Makes a toolbar one tab stop: the arrow keys, Home and End move between
 * its enabled buttons, and Tab leaves it (the button last used is the one
 * Tab comes back to).
 */
function rovingToolbar(toolbar, buttons) {
  let current = 0;
  const enabled = () => buttons.filter((b) => !b.disabled && !b.hidden);
  function settle() {
    const usable = enabled();
    if (!usable.includes(buttons[current])) current = buttons.indexOf(usable[0] ?? buttons[0]);
    buttons.forEach((b, i) => (b.tabIndex = i === current ? 0 : -1));
  }
  toolbar.addEventListener('keydown', (event) => {
    const usable = enabled();
    const at = usable.indexOf(document.activeElement);
    if (at === -1) return;
    let to = null;
    if (event.key === 'ArrowRight') to = (at + 1) % usable.length;
    else if (event.key === 'ArrowLeft') to = (at - 1 + usable.length) % usable.length;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = usable.length - 1;
    if (to === null) return;
    event.preventDefault();
    current = buttons.indexOf(usable[to]);
    settle();
    usable[to].focus();
  });
  toolbar.addEventListener('focusin', (event) => {
    const i = buttons.indexOf(event.target);
    if (i !== -1) {
      current = i;
      settle();
    }
  });
  settle();
  return settle;
}

const TOOLS = [
  { name: 'Bold', label: 'B', cls: 'tool-bold', run: (t) => wrap(t, '**', '**', 'bold words') },
  { name: 'Italic', label: 'I', cls: 'tool-italic', run: (t) => wrap(t, '*', '*', 'italic words') },
  { name: 'List', label: '• List', cls: '', run: (t) => prefixLines(t, '- ') },
  { name: 'Quote', label: '“ Quote', cls: '', run: (t) => prefixLines(t, '> ') },
];

/**
 * Builds an editor. `label` names the textarea for screen readers;
 * `onInput` hears every change; `onBlur` hears the textarea losing focus;
 * `extraTools` are the caller's buttons, placed at the toolbar's end and
 * reached with the arrow keys like its own (the toolbar is one tab stop).
 * Returns { node, textarea, setDisabled(bool) }.
 */
export function markdownEditor({ label, value = '', rows = 6, onInput, onBlur, placeholder = '', extraTools = [] }) {
  const id = uid('editor');
  const textarea = el('textarea', {
    id,
    class: 'editor-text',
    rows,
    value,
    placeholder,
    spellcheck: true,
    attrs: { 'aria-label': label },
    on: {
      input: () => onInput && onInput(),
      blur: () => onBlur && onBlur(),
      keydown: (event) => {
        if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
        if (continueList(textarea)) {
          event.preventDefault();
          if (onInput) onInput();
        }
      },
    },
  });
  const preview = el('div', {
    id: `${id}-preview`,
    class: 'editor-preview prose',
    hidden: true,
    tabIndex: 0,
    attrs: { 'aria-label': `Preview: ${label}`, role: 'region' },
  });
  const previewButton = el('button', {
    type: 'button',
    class: 'tool tool-preview',
    text: 'Preview',
    // It controls the preview, whose id stays put when a screen renames
    // the textarea.
    attrs: { 'aria-pressed': 'false', 'aria-controls': `${id}-preview` },
  });
  const tools = TOOLS.map((tool) =>
    el('button', {
      type: 'button',
      class: ['tool', tool.cls],
      text: tool.label,
      title: tool.name,
      attrs: { 'aria-label': `${tool.name}: ${label}` },
      on: {
        click: () => {
          tool.run(textarea);
          textarea.focus();
          if (onInput) onInput();
        },
      },
    }),
  );
  previewButton.setAttribute('aria-label', `Preview: ${label}`);
  previewButton.addEventListener('click', async () => {
    const showing = previewButton.getAttribute('aria-pressed') === 'true';
    if (showing) {
      preview.hidden = true;
      textarea.hidden = false;
      previewButton.setAttribute('aria-pressed', 'false');
      previewButton.textContent = 'Preview';
      for (const tool of tools) tool.disabled = textarea.disabled;
      settleToolbar();
      textarea.focus();
      return;
    }
    preview.style.minHeight = `${textarea.offsetHeight}px`;
    try {
      const html = await call('preview_markdown', { text: textarea.value });
      if (textarea.value.trim() === '') preview.replaceChildren(el('p', { class: 'muted', text: 'Nothing written yet.' }));
      else setTrustedHtml(preview, html);
    } catch (error) {
      preview.replaceChildren(el('p', { class: 'muted', text: messageOf(error) }));
    }
    textarea.hidden = true;
    preview.hidden = false;
    previewButton.setAttribute('aria-pressed', 'true');
    previewButton.textContent = 'Write';
    for (const tool of tools) tool.disabled = true;
    settleToolbar();
  });
  const toolbar = el(
    'div',
    { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': `Formatting: ${label}` } },
    tools,
    el('span', { class: 'toolbar-gap' }),
    previewButton,
    extraTools.length ? el('span', { class: 'toolbar-rule', attrs: { 'aria-hidden': 'true' } }) : null,
    extraTools,
  );
  const settleToolbar = rovingToolbar(toolbar, [...tools, previewButton, ...extraTools]);
  const node = el('div', { class: 'editor' }, toolbar, textarea, preview);
  return {
    node,
    textarea,
    setDisabled(disabled) {
      textarea.disabled = disabled;
      for (const tool of tools) tool.disabled = disabled;
      settleToolbar();
    },
  };
}
