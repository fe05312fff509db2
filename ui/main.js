// The home screen, for now: how many entries the journal holds.
//
// Talks to the shell through `window.__TAURI__` (withGlobalTauri; no
// bundler). Text from the journal or from errors is only ever set with
// textContent, never parsed as HTML.

const countLine = document.getElementById('count-line');
const status = document.getElementById('status');

/** The words around the number: "Your journal holds 3 entries." */
function countWords(count) {
  if (count === 0) return ['No entries yet: your journal holds ', ' entries.'];
  if (count === 1) return ['Your journal holds ', ' entry.'];
  return ['Your journal holds ', ' entries.'];
}

function showCount(count) {
  const [before, after] = countWords(count);
  const number = document.createElement('strong');
  number.id = 'entry-count';
  number.textContent = String(count);
  countLine.replaceChildren(before, number, after);
}

/** Commands fail with `{ code, message }`; anything else is shown as text. */
function messageOf(error) {
  if (error && typeof error.message === 'string') return error.message;
  if (typeof error === 'string') return error;
  return 'Trine could not reach your journal. Close Trine and open it again.';
}

/** Core messages are sentence fragments: start them big, end them with a stop. */
function asSentence(text) {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function showError(error) {
  countLine.textContent = 'Trine could not read your journal.';
  status.textContent = asSentence(messageOf(error));
  status.hidden = false;
}

async function start() {
  const invoke = window.__TAURI__?.core?.invoke;
  if (typeof invoke !== 'function') {
    showError('This page works only inside the Trine app. Open Trine to see your journal.');
    return;
  }
  try {
    showCount(await invoke('entry_count'));
  } catch (error) {
    showError(error);
  }
}

start();
