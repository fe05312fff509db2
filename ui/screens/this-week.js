// This week: three cards, one per side of the triangle, each with its
// prompt, a Markdown editor, "Skip this side" and "Another question"; then
// the three ratings and the optional note. Everything saves by itself
// (lib/autosave.js); what is on screen is never replaced by what a save
// returns, so typing is never interrupted or lost.

import { call } from '../lib/api.js';
import { Autosaver, saveIndicator } from '../lib/autosave.js';
import { refreshCount } from '../lib/count.js';
import { refreshDue } from '../lib/due.js';
import { capitalise, el, fill, setTrustedHtml } from '../lib/dom.js';
import { markdownEditor } from '../lib/editor.js';
import { clearError, showError } from '../lib/notify.js';
import { go } from '../lib/router.js';

const STATUS_WORDS = {
  upcoming: 'Still to come',
  due: 'Due',
  'partly-done': 'Partly done',
  done: 'Done',
  missed: 'Missed',
};

const RATINGS = [
  { key: 'seen', word: 'Seen', question: 'This week, how seen did I feel?' },
  { key: 'known', word: 'Known', question: 'This week, how known did I feel?' },
  { key: 'valued', word: 'Valued', question: 'This week, how valued did I feel?' },
];
// The optional fourth rating, asked when the person turned it on.
const CONFIDENT = { key: 'confident', word: 'Confident', question: 'This week, how confident did I feel in my direction?' };

/** A date (YYYY-MM-DD) moved by `days`, computed in UTC so no zone shifts it. */
function shiftWeek(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function streakWords(streak) {
  if (!streak) return 'No streak yet';
  return streak === 1 ? '1 week in a row' : `${streak} weeks in a row`;
}

function ratingWords(ratings) {
  const given = [...RATINGS, CONFIDENT].filter(({ key }) => ratings[key] != null);
  return given.length ? given.map(({ key, word }) => `${word} ${ratings[key]}`).join(' · ') : 'No ratings';
}

/** What was written a year and a quarter ago this week, when there is any. */
function lookingBack(looks) {
  if (!looks.length) return null;
  return el(
    'section',
    { class: 'looking-back', id: 'looking-back', attrs: { 'aria-labelledby': 'looking-back-title' } },
    el('h2', { id: 'looking-back-title', text: 'Looking back' }),
    looks.map((look, i) =>
      el(
        'article',
        { class: 'card look', attrs: { 'aria-labelledby': `look-${i}` } },
        el('h3', { id: `look-${i}` }, look.heading, el('span', { class: 'look-week', text: ` · ${look.label}` })),
        el('p', { class: 'look-ratings', text: ratingWords(look.ratings) }),
        look.answers.map((answer) =>
          el(
            'div',
            { class: `look-answer side-${answer.side}` },
            el('p', { class: 'component', text: answer.side_name }),
            answer.prompt ? el('p', { class: 'look-prompt', text: answer.prompt }) : null,
            setTrustedHtml(el('div', { class: 'rendered' }), answer.html),
          ),
        ),
        el('a', { href: `#/entry/${look.entry_id}`, class: 'button subtle', text: 'Open that reflection' }),
      ),
    ),
  );
}

export async function mount(root, route) {
  let view;
  try {
    view = await call('week_view', route.query.get('week') ? { week: route.query.get('week') } : {});
  } catch (error) {
    showError(error);
    root.append(
      el('div', { class: 'empty' }, el('h1', { text: 'This week' }), el('p', { text: 'Your week could not be opened. The message above says why.' })),
    );
    return {};
  }

  const week = view.week_start;
  // What the page holds; sent whole on every save.
  const state = {
    // `stored`: the journal holds an answer or a skip for this side.
    sides: new Map(view.sides.map((s) => [s.side, { text: s.answer, skipped: s.skipped, stored: s.answer !== '' || s.skipped }])),
    ratings: { ...view.ratings },
    note: view.note,
    followUp: view.follow_up ? view.follow_up.answer : null,
  };

  const indicator = el('span', { class: 'save-state', attrs: { 'aria-live': 'polite' } });
  const statusPill = el('span', { class: 'pill', id: 'week-status' });
  const streakLine = el('span', { class: 'streak', id: 'week-streak' });
  let showStatus = function (v) {
    statusPill.textContent = STATUS_WORDS[v.status] || v.status;
    statusPill.dataset.status = v.status;
    streakLine.textContent = streakWords(v.streak);
  };
  showStatus(view);

  async function save() {
    const answers = [];
    for (const [side, s] of state.sides) {
      // Words or a skip are sent as they are; a side whose saved words were
      // all erased is sent empty, which leaves it unanswered again.
      if (s.skipped) answers.push({ side, text: '', skipped: true });
      else if (s.text.trim() !== '') answers.push({ side, text: s.text, skipped: false });
      else if (s.stored) answers.push({ side, text: '', skipped: false });
      s.stored = s.skipped || s.text.trim() !== '';
    }
    const saved = await call('save_reflection', {
      week,
      answers,
      ratings: state.ratings,
      note: state.note,
      followUp: state.followUp,
    });
    clearError();
    showStatus(saved);
    if (!view.entry_id && saved.entry_id) refreshCount();
    view.entry_id = saved.entry_id;
  }
  const saver = new Autosaver(save, saveIndicator(indicator, (error) => showError(error)));

  const otherWeek = route.query.get('week');
  const weekLinks = el(
    'nav',
    { class: 'week-links', attrs: { 'aria-label': 'Other weeks' } },
    el('a', { href: `#/week?week=${shiftWeek(week, -7)}`, text: '‹ The week before' }),
    otherWeek ? el('a', { href: `#/week?week=${shiftWeek(week, 7)}`, text: 'The week after ›' }) : null,
    otherWeek ? el('a', { href: '#/week', text: 'Back to this week' }) : null,
  );
  const header = el(
    'header',
    { class: 'screen-head week-head' },
    el(
      'div',
      {},
      el('p', { class: 'eyebrow', text: otherWeek ? 'Another week' : 'This week' }),
      el('h1', { id: 'week-label', text: capitalise(view.label) }),
      el('div', { class: 'week-meta' }, statusPill, streakLine, indicator),
    ),
    weekLinks,
  );

  const cards = view.sides.map((side) => sideCard(side));

  function sideCard(side) {
    const s = state.sides.get(side.side);
    // An answer kept without its question (an imported week) shows none
    // rather than a question drawn today.
    const componentLine = el('span', { class: 'component', text: side.component ? side.component.name : 'no question recorded' });
    const promptLine = el('h2', {
      class: ['prompt', !side.prompt && 'no-prompt'],
      text: side.prompt ? side.prompt.text : 'This answer was kept without its question.',
    });
    const hintLine = el('p', { class: 'hint', text: side.prompt?.hint || '', hidden: !side.prompt?.hint });
    // Skip and Another question sit in the editor's toolbar, so that the
    // whole row is one tab stop and Tab goes from answer to answer.
    const skip = el('button', {
      type: 'button',
      class: 'tool skip-toggle',
      text: 'Skip',
      title: 'Skip this side this week',
      attrs: { 'aria-pressed': String(s.skipped), 'aria-label': `Skip ${side.side_name} this week` },
      on: {
        click: () => {
          s.skipped = !s.skipped;
          skip.setAttribute('aria-pressed', String(s.skipped));
          card.classList.toggle('is-skipped', s.skipped);
          saver.touch();
          saver.flush();
        },
      },
    });
    const another = el('button', {
      type: 'button',
      class: 'tool another-prompt',
      text: 'Another question',
      hidden: !side.prompt,
      attrs: { 'aria-label': `Another question for ${side.side_name}` },
      on: {
        click: async () => {
          another.disabled = true;
          try {
            await saver.flush();
            const next = await call('another_prompt', { week, side: side.side });
            const fresh = next.sides.find((x) => x.side === side.side);
            componentLine.textContent = fresh.component.name;
            promptLine.textContent = fresh.prompt.text;
            promptLine.classList.remove('no-prompt');
            hintLine.textContent = fresh.prompt.hint || '';
            hintLine.hidden = !fresh.prompt.hint;
            showStatus(next);
          } catch (error) {
            showError(error);
          } finally {
            another.disabled = false;
          }
        },
      },
    });
    const editor = markdownEditor({
      label: `Your answer for ${side.side_name}`,
      value: s.text,
      placeholder: 'Write a few lines…',
      extraTools: [another, skip],
      onInput: () => {
        s.text = editor.textarea.value;
        if (s.text.trim() !== '' && s.skipped) {
          s.skipped = false;
          skip.setAttribute('aria-pressed', 'false');
          card.classList.remove('is-skipped');
        }
        saver.touch();
      },
      onBlur: () => saver.flush(),
    });
    editor.textarea.dataset.side = side.side;
    const card = el(
      'section',
      {
        class: ['card', 'side-card', `side-${side.side}`, s.skipped && 'is-skipped'],
        attrs: { 'aria-label': side.component ? `${side.side_name}: ${side.component.name}` : side.side_name },
        data: { side: side.side },
      },
      el('p', { class: 'side-line' }, el('span', { class: 'side-dot', attrs: { 'aria-hidden': 'true' } }), el('span', { class: 'side-name', text: side.side_name }), ' · ', componentLine),
      promptLine,
      hintLine,
      editor.node,
    );
    return card;
  }

  const asked = view.confident_rating ? [...RATINGS, CONFIDENT] : RATINGS;
  const ratingRows = asked.map(({ key, word, question }) => {
    const value = state.ratings[key];
    const output = el('output', { class: 'rating-value', id: `rating-${key}-value` });
    const slider = el('input', {
      type: 'range',
      min: 1,
      max: 10,
      step: 1,
      id: `rating-${key}`,
      class: `rating-slider rating-${key}`,
      value: value ?? 5,
      attrs: { 'aria-describedby': `rating-${key}-last`, 'aria-label': question },
    });
    function show() {
      const v = state.ratings[key];
      slider.classList.toggle('is-unset', v == null);
      output.classList.toggle('is-unset', v == null);
      output.textContent = v == null ? 'Not rated' : String(v);
      // Hidden, not removed, so the row keeps its shape.
      clear.classList.toggle('is-hidden', v == null);
      slider.setAttribute('aria-valuetext', v == null ? 'not rated' : `${v} of 10`);
    }
    function set() {
      state.ratings[key] = Number(slider.value);
      show();
      saver.touch();
    }
    slider.addEventListener('input', set);
    slider.addEventListener('change', set);
    // Number keys rate at once: 1 to 9, and 0 for 10.
    slider.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.altKey || event.metaKey || !/^[0-9]$/.test(event.key)) return;
      event.preventDefault();
      slider.value = event.key === '0' ? 10 : Number(event.key);
      set();
    });
    slider.addEventListener('click', () => {
      if (state.ratings[key] == null) set();
    });
    slider.addEventListener('blur', () => saver.flush());
    const clear = el('button', {
      type: 'button',
      class: 'button subtle rating-clear',
      id: `rating-${key}-clear`,
      text: 'Clear',
      attrs: { 'aria-label': `Set ${word} back to not rated` },
      on: {
        click: () => {
          state.ratings[key] = null;
          show();
          saver.touch();
          saver.flush();
        },
      },
    });
    show();
    const last = view.last_week[key];
    return el(
      'div',
      { class: 'rating-row' },
      el('label', { for: slider.id, class: 'rating-label', text: word }),
      el('div', { class: 'rating-control' }, el('span', { class: 'scale-end', text: '1', attrs: { 'aria-hidden': 'true' } }), slider, el('span', { class: 'scale-end', text: '10', attrs: { 'aria-hidden': 'true' } })),
      output,
      el('span', { class: 'rating-last', id: `rating-${key}-last`, text: last == null ? 'last week: not rated' : `last week: ${last}` }),
      clear,
    );
  });

  const note = el('textarea', {
    id: 'week-note',
    class: 'editor-text note-text',
    rows: 3,
    value: state.note,
    placeholder: 'Anything else about this week (optional)',
    attrs: { 'aria-label': 'A note about this week (optional)' },
    on: {
      input: () => {
        state.note = note.value;
        saver.touch();
      },
      blur: () => saver.flush(),
    },
  });

  // Follow-through: last week's planned step, and how it went.
  let followUpCard = null;
  if (view.follow_up) {
    const answer = el('textarea', {
      id: 'follow-up-answer',
      class: 'editor-text note-text',
      rows: 2,
      value: state.followUp,
      placeholder: 'A line or two: done, half done, changed, dropped…',
      attrs: { 'aria-labelledby': 'follow-up-question' },
      on: {
        input: () => {
          state.followUp = answer.value;
          saver.touch();
        },
        blur: () => saver.flush(),
      },
    });
    followUpCard = el(
      'section',
      { class: 'card follow-up', id: 'follow-up', attrs: { 'aria-labelledby': 'follow-up-title' } },
      el('h2', { id: 'follow-up-title', text: 'Last week you planned' }),
      setTrustedHtml(el('div', { class: 'planned rendered', id: 'follow-up-planned' }), view.follow_up.planned_html),
      el('p', { class: 'follow-up-question', id: 'follow-up-question', text: 'How did it go?' }),
      answer,
    );
  }

  // For a person in transition: the offer of a fourth rating, until chosen.
  let confidentOffer = null;
  if (view.offer_confident_rating) {
    const choose = async (on) => {
      try {
        await saver.flush();
        await call('set_confident_rating', otherWeek ? { on, week } : { on });
        clearError();
        go(location.hash || '#/week');
      } catch (error) {
        showError(error);
      }
    };
    confidentOffer = el(
      'div',
      { class: 'confident-offer', id: 'confident-offer', attrs: { role: 'group', 'aria-labelledby': 'confident-offer-words' } },
      el('p', { id: 'confident-offer-words', text: 'In a time of change, it can help to track how confident you feel in your direction. Add it as a fourth rating each week? You can change this in Settings.' }),
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'button', class: 'button', id: 'confident-offer-yes', text: 'Add a confidence rating', on: { click: () => choose(true) } }),
        el('button', { type: 'button', class: 'button subtle', id: 'confident-offer-no', text: 'Not now', on: { click: () => choose(false) } }),
      ),
    );
  }

  // "This week is due": the reminder time has passed with the week not
  // done. It goes as soon as the week is done.
  const dueBanner = el(
    'p',
    { class: 'due-banner', id: 'week-due', attrs: { role: 'status' } },
    el('strong', { text: 'This week is due. ' }),
    'A few lines for each side and three ratings finish it; a side you would rather leave can be skipped.',
  );
  dueBanner.hidden = !view.overdue || otherWeek !== null;
  const showStatusBefore = showStatus;
  let shownStatus = view.status;
  showStatus = (v) => {
    showStatusBefore(v);
    if (v.status === 'done') dueBanner.hidden = true;
    if (v.status !== shownStatus) {
      shownStatus = v.status;
      refreshDue(); // the mark in the bar follows the week's status
    }
  };

  const nudge = view.checkin_nudge && !otherWeek ? el('p', { class: 'nudge', id: 'week-checkin-nudge' }, view.checkin_nudge, ' ', el('a', { href: '#/checkin', text: 'Check in' })) : null;

  fill(
    root,
    header,
    dueBanner,
    nudge,
    followUpCard,
    el('div', { class: 'cards' }, cards),
    el(
      'section',
      { class: 'card ratings', attrs: { 'aria-labelledby': 'ratings-title' } },
      el('h2', { id: 'ratings-title', text: view.ratings_heading || 'This week, how much did I feel…' }),
      el('p', { class: 'hint', text: '1 is not at all, 10 is completely. Leave a rating untouched if you would rather not say. On a slider, the keys 1 to 9 and 0 (for 10) rate at once.' }),
      ratingRows,
      confidentOffer,
    ),
    el(
      'section',
      { class: 'card note', attrs: { 'aria-labelledby': 'note-title' } },
      el('h2', { id: 'note-title', text: 'A note' }),
      note,
    ),
    lookingBack(view.looking_back),
  );

  return {
    ready() {
      const first = root.querySelector('textarea:not([disabled])');
      if (first && route.query.get('focus') !== 'none') first.focus({ preventScroll: true });
    },
    save: () => saver.flush(),
    leave: () => saver.close(),
  };
}
