// The line at the foot of the window: how many entries the journal holds.

import { call } from './api.js';

function countWords(count) {
  if (count === 0) return ['No entries yet: your journal holds ', ' entries.'];
  if (count === 1) return ['Your journal holds ', ' entry.'];
  return ['Your journal holds ', ' entries.'];
}

/** Asks the journal for its count and shows it; hides the line on failure. */
export async function refreshCount() {
  const line = document.getElementById('count-line');
  try {
    const count = await call('entry_count');
    const [before, after] = countWords(count);
    const number = document.createElement('strong');
    number.id = 'entry-count';
    number.textContent = count.toLocaleString('en-GB');
    line.replaceChildren(before, number, after);
    line.hidden = false;
  } catch {
    line.replaceChildren();
    line.hidden = true;
  }
}
