// The mark on "This week" in the bar while the week's reflection is due:
// its reminder time has passed and it is not done yet. Asked again on
// every screen change, after the reflection is saved, and when the shell
// sees the reminder time pass (src-tauri/src/reminders.rs calls
// window.__trineRefreshDue).

import { call } from './api.js';

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

/** Shows the mark now and lets the shell ask for it again. */
export function watchDue() {
  window.__trineRefreshDue = refreshDue;
  refreshDue();
}
