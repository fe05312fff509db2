// Long work with a progress bar: a command that takes a Tauri channel
// (`progress`) and reports `{ stage, done, total }` on it as it goes.
//
// The bar appears only once the work has run for a second, so quick jobs
// do not flash it. Before the first report (while a file dialog is open)
// nothing is shown at all.

import { call } from './api.js';
import { el } from './dom.js';

/** How long work runs before its progress bar is shown. */
export const SHOW_AFTER_MS = 1000;

/**
 * Calls `command` with `args` plus a progress channel, drawing progress in
 * `place` (emptied when done). `words(report)` turns a report into the
 * bar's label. With `stop`, the bar has a Stop button that calls it.
 * Resolves or rejects as the command does.
 */
export async function callWithProgress(command, args, place, words, stop) {
  const Channel = window.__TAURI__?.core?.Channel;
  const bar = el('progress', { class: 'work-bar', attrs: { 'aria-describedby': 'work-label' } });
  const label = el('span', { class: 'work-label', id: 'work-label' });
  const stopButton = stop
    ? el('button', {
        type: 'button',
        class: 'button subtle',
        id: 'work-stop',
        text: 'Stop',
        on: {
          click: () => {
            stopButton.disabled = true;
            label.textContent = 'Stopping…';
            stop();
          },
        },
      })
    : null;
  const box = el('div', { class: 'work', attrs: { role: 'status' } }, label, bar, stopButton);
  let timer = null;
  let last = null;
  const draw = () => {
    if (!last) return;
    label.textContent = words(last);
    if (last.total) {
      bar.max = last.total;
      bar.value = last.done;
    } else {
      bar.removeAttribute('value'); // an indeterminate bar
    }
  };
  const progress = Channel ? new Channel() : null;
  if (progress) {
    progress.onmessage = (report) => {
      if (!last) {
        timer = setTimeout(() => {
          place.replaceChildren(box);
          place.hidden = false;
        }, SHOW_AFTER_MS);
      }
      last = report;
      draw();
    };
  }
  try {
    return await call(command, { ...args, progress });
  } finally {
    clearTimeout(timer);
    place.replaceChildren();
    place.hidden = true;
  }
}
