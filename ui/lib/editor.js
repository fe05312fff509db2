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

const TOOLS = [
  { name: 'Bold', label: 'B', cls: 'tool-bold', run: (t) => wrap(t, '**', '**', 'bold words') },
  { name: 'Italic', label: 'I', cls: 'tool-italic', run: (t) => wrap(t, '*', '*', 'italic words') },
  { name: 'List', label: '• List', cls: '', run: (t) => prefixLines(t, '- ') },
  { name: 'Quote', label: '“ Quote', cls: '', run: (t) => prefixLines(t, '> ') },
];

/**
 * Builds an editor. `label` names the textarea for screen readers;
 * `onInput` hears every change; `onBlur` hears the textarea losing focus.
 * Returns { node, textarea, setDisabled(bool) }.
 */
export function markdownEditor({ label, value = '', rows = 6, onInput, onBlur, placeholder = '' }) {
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
  });
  const toolbar = el(
    'div',
    { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': `Formatting: ${label}` } },
    tools,
    el('span', { class: 'toolbar-gap' }),
    previewButton,
  );
  const node = el('div', { class: 'editor' }, toolbar, textarea, preview);
  return {
    node,
    textarea,
    setDisabled(disabled) {
      textarea.disabled = disabled;
      for (const tool of tools) tool.disabled = disabled;
    },
  };
}
