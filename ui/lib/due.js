// The mark on "This week" in the bar while the week's reflection is due:
// its reminder time has passed and it is not done yet. Asked again on
// every screen change, when the week's status changes as it is written,
// and when the shell sees the reminder time pass (src-tauri/src/reminders.rs
// calls window.__trineRefreshDue).

import { call } from './api.js';

// Answers can arrive out of order; only the latest question's counts.
let asked = 0;

/** Asks whether the week is due and marks the bar's "This week" link. */
export async function refreshDue() {
  const link = document.querySelector('.nav a[data-screen="week"]');
  if (!link) return;
  const mine = ++asked;
  let due = false;
  try {
    due = await call('week_due');
  } catch {
    due = false; // locked or unopened: the screen itself says why
  }
  if (mine !== asked) return;
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

/** Shows the mark now and lets the shell ask for it again. */
export function watchDue() {
  window.__trineRefreshDue = refreshDue;
  refreshDue();
}
