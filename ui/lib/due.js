// The mark on "This week" in the bar while the week's reflection is due:
// its reminder time has passed and it is not done yet. Asked again on
// every screen change, after the reflection is saved, and once a minute.

import { call } from './api.js';

const EVERY = 60_000;
let timer = null;

/** Asks whether the week is due and marks the bar's "This week" link. */
export async function refreshDue() {
  const link = document.querySelector('.nav a[data-screen="week"]');
  if (!link) return;
  let due = false;
  try {
    due = await call('week_due');
  } catch {
    due = false; // locked or unopened: the screen itself says why
  }
  link.classList.toggle('is-due', due);
  let mark = link.querySelector('.due-mark');
  if (due && !mark) {
    mark = document.createElement('span');
    mark.className = 'due-mark visually-hidden';
    mark.textContent = ', due';
    link.append(mark);
  } else if (!due && mark) {
    mark.remove();
  }
}

/** Starts asking once a minute (a reminder time can pass while the app is open). */
export function watchDue() {
  refreshDue();
  if (timer === null) timer = setInterval(refreshDue, EVERY);
}
