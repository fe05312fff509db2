// Settings: the first day of the week, the reminder and starting at login,
// the theme, and where the journal lives. Each change saves at once.

import { call } from '../lib/api.js';
import { el } from '../lib/dom.js';
import { clearError, showError } from '../lib/notify.js';
import { applyTheme } from '../lib/theme.js';
import { privacyCard } from './privacy-card.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const dayName = (d) => d.charAt(0).toUpperCase() + d.slice(1);

export async function mount(root) {
  let settings;
  let path;
  try {
    [settings, path] = await call('app_settings');
  } catch (error) {
    showError(error);
    root.append(el('div', { class: 'empty' }, el('h1', { text: 'Settings' }), el('p', { text: 'The settings live in your journal, which could not be opened. The message above says why.' })));
    return {};
  }
  const indicator = el('span', { class: 'save-state', id: 'settings-save-state', attrs: { 'aria-live': 'polite' } });

  // Where the person is in their working life; a change is kept with its date.
  const situation = el('select', { id: 'setting-situation', attrs: { 'aria-describedby': 'situation-help' } }, el('option', { value: '', text: 'I would rather not say' }));
  const situationHelp = el('p', { class: 'field-help', id: 'situation-help' });
  function saySince() {
    const since = settings.situation_since ? new Date(`${settings.situation_since}T12:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) : null;
    situationHelp.textContent = since
      ? `Since ${since}. When it changes, Trine keeps the day it changed.`
      : 'Trine asks questions that fit where you are. When it changes, Trine keeps the day it changed.';
  }
  call('situation_choices').then(
    (choices) => {
      situation.append(...choices.map((c) => el('option', { value: c.key, text: c.label[0].toUpperCase() + c.label.slice(1), title: c.hint })));
      // Once said, a situation is changed, not taken back.
      if (settings.situation) situation.querySelector('option[value=""]').remove();
      situation.value = settings.situation || '';
    },
    (error) => showError(error),
  );
  saySince();
  const firstDay = el('select', { id: 'setting-first-day' }, DAYS.map((d) => el('option', { value: d, text: dayName(d) })));
  const reminderDay = el('select', { id: 'setting-reminder-day' }, DAYS.map((d) => el('option', { value: d, text: dayName(d) })));
  const reminderTime = el('input', { type: 'time', id: 'setting-reminder-time', value: settings.reminder_time });
  const remind = el('input', { type: 'checkbox', id: 'setting-reminder-on', checked: settings.reminder_enabled });
  const confident = el('input', { type: 'checkbox', id: 'setting-confident', checked: settings.confident_rating, attrs: { 'aria-describedby': 'confident-help' } });
  // Starting at login is the system's, not the journal's: asked of the shell.
  const atLogin = el('input', { type: 'checkbox', id: 'setting-autostart' });
  const atLoginState = el('span', { class: 'save-state', attrs: { 'aria-live': 'polite' } });
  // How the reminder reaches the person, said plainly: Trine has no
  // service running in the background.
  const reminderHow = el('p', { class: 'field-help', id: 'reminder-how' });
  function sayHow() {
    reminderHow.textContent = atLogin.checked
      ? 'Reminders come only while Trine is running. It starts when you log in (minimised), so the reminder reaches you on the day and time above, once a week, if the week is not done yet.'
      : 'Reminders come only while Trine is running: it has nothing running in the background. Tick “Start Trine when I log in” below, or the reminder reaches you only if Trine is open at that time.';
  }
  sayHow();
  call('autostart_enabled').then(
    (on) => {
      atLogin.checked = on;
      sayHow();
    },
    () => (atLogin.disabled = true),
  );
  atLogin.addEventListener('change', async () => {
    try {
      atLogin.checked = await call('set_autostart', { enabled: atLogin.checked });
      atLoginState.textContent = atLogin.checked ? 'Trine will start when you log in' : 'Trine will not start by itself';
    } catch (error) {
      atLogin.checked = !atLogin.checked;
      showError(error);
    }
    sayHow();
  });
  firstDay.value = settings.first_day;
  reminderDay.value = settings.reminder_day;
  const themes = [
    ['system', 'Follow the system'],
    ['light', 'Light'],
    ['dark', 'Dark'],
  ].map(([value, words]) =>
    el('label', { class: 'check' }, el('input', { type: 'radio', name: 'theme', value, checked: settings.theme === value, id: `setting-theme-${value}` }), el('span', { text: words })),
  );

  /** Saves `next` and says so; returns the settings as saved (or as they were). */
  async function store(next) {
    indicator.textContent = 'Saving…';
    try {
      settings = await call('save_app_settings', { settings: next });
      indicator.textContent = 'Saved';
      clearError();
    } catch (error) {
      indicator.textContent = 'Not saved';
      showError(error);
    }
    return settings;
  }

  async function save() {
    const next = {
      ...settings,
      first_day: firstDay.value,
      reminder_day: reminderDay.value,
      reminder_time: reminderTime.value || settings.reminder_time,
      reminder_enabled: remind.checked,
      theme: root.querySelector('input[name="theme"]:checked')?.value || 'system',
      situation: situation.value || settings.situation || null,
      confident_rating: confident.checked,
    };
    applyTheme(next.theme);
    await store(next);
    saySince();
  }
  for (const control of [situation, firstDay, reminderDay, reminderTime, remind, confident]) control.addEventListener('change', save);
  for (const label of themes) label.querySelector('input').addEventListener('change', save);

  const pathField = el('input', { type: 'text', id: 'setting-path', class: 'path', readOnly: true, value: path, attrs: { 'aria-label': 'Where your journal lives' } });
  const copyState = el('span', { class: 'save-state', attrs: { 'aria-live': 'polite' } });
  const copy = el('button', {
    type: 'button',
    class: 'button',
    text: 'Copy',
    attrs: { 'aria-label': 'Copy where your journal lives' },
    on: {
      click: async () => {
        try {
          await navigator.clipboard.writeText(path);
        } catch {
          pathField.select();
          document.execCommand('copy');
        }
        copyState.textContent = 'Copied';
      },
    },
  });

  const openFolder = el('button', {
    type: 'button',
    class: 'button',
    id: 'open-data-folder',
    text: 'Open folder',
    attrs: { 'aria-label': 'Open folder where your journal lives' },
    on: {
      click: async () => {
        try {
          await call('open_data_folder');
          copyState.textContent = 'Opened';
        } catch (error) {
          copyState.textContent = error && error.message ? error.message : 'Trine could not open the folder; copy the path instead.';
        }
      },
    },
  });

  root.append(
    el('header', { class: 'screen-head' }, el('div', {}, el('p', { class: 'eyebrow', text: 'Settings' }), el('h1', { text: 'Make Trine yours' })), indicator),
    el(
      'section',
      { class: 'card settings-card', attrs: { 'aria-labelledby': 'settings-week' } },
      el('h2', { id: 'settings-week', text: 'Your week' }),
      el('label', { class: 'field' }, el('span', { text: 'Where I am now' }), situation),
      situationHelp,
      el('label', { class: 'check' }, confident, el('span', { text: 'Also rate each week how confident I feel in my direction' })),
      el('p', { class: 'field-help', id: 'confident-help', text: 'A fourth rating beside seen, known and valued, charted with them. Useful while looking for work, between roles, new in one or changing fields. Turning it off keeps the ratings already given.' }),
      el('p', { class: 'field-help' }, 'The weekly questions, your own among them, and the names of the nine components: ', el('a', { href: '#/library', id: 'open-library', text: 'Your questions' }), '.'),
      el('label', { class: 'field' }, el('span', { text: 'My week starts on' }), firstDay),
      el('p', { class: 'field-help', text: 'Reflections you have written stay with the week they were written for.' }),
      el('label', { class: 'check' }, remind, el('span', { text: 'Remind me with a desktop notification when the week is due' })),
      el('div', { class: 'field-pair' }, el('label', { class: 'field' }, el('span', { text: 'Remind me on' }), reminderDay), el('label', { class: 'field' }, el('span', { text: 'at' }), reminderTime)),
      reminderHow,
      el('label', { class: 'check' }, atLogin, el('span', { text: 'Start Trine when I log in, minimised, so the reminder can reach me' }), atLoginState),
    ),
    el('section', { class: 'card settings-card', attrs: { 'aria-labelledby': 'settings-look' } }, el('h2', { id: 'settings-look', text: 'Look' }), el('div', { class: 'choices', attrs: { role: 'radiogroup', 'aria-labelledby': 'settings-look' } }, themes)),
    el(
      'section',
      { class: 'card settings-card', attrs: { 'aria-labelledby': 'settings-data' } },
      el('h2', { id: 'settings-data', text: 'Your journal' }),
      el('p', { text: 'Everything you write stays in one file on this computer:' }),
      el('div', { class: 'path-row' }, pathField, copy, openFolder, copyState),
      el('p', { class: 'field-help', text: 'Open the folder in your file manager, or copy its path to back it up.' }),
    ),
    privacyCard(settings, store),
  );
  return {};
}
