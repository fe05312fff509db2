// Trends: how seen, known and valued felt over the weeks, the reflection
// calendar, each component's check-in history and, in words, which ratings
// really moved (not slopes) and which tags stand out, for a range of dates, with tag
// markers and a rolling average. Every chart's numbers are one click away
// as a table.

import { call } from '../lib/api.js';
import { chartFigure } from '../lib/chart.js';
import { dateField, rangePresets } from '../lib/dates.js';
import { el } from '../lib/dom.js';
import { clearError, showError } from '../lib/notify.js';
import { go } from '../lib/router.js';
import { exploreWeeks } from '../lib/week-explorer.js';

// The choices, kept while the app runs.
const chosen = { from: '', to: '', tag: '', rolling: false };

function figureText(figure, decimals = 1) {
  if (figure.status === 'value') return figure.value.toFixed(decimals);
  return 'not enough weeks yet';
}

/** What the numbers say, in the sentences the core wrote: whether each
 * rating really moved and since when, the best and hardest weeks, and
 * tags only where they stand out from the noise. */
function insightsSection(insights) {
  if (insights.rated_weeks === 0) {
    return el('p', { class: 'muted', text: 'No rated weeks in this range yet. Rate a week on This week, and what you notice will show here.' });
  }
  const items = insights.summary.map((line) => el('li', { text: line }));
  const themes = themesList(insights.themes);
  const quarters = insights.quarters.length
    ? el(
        'details',
        { class: 'numbers-box' },
        el('summary', { text: 'Show the numbers (averages by quarter)' }),
        el(
          'table',
          { class: 'numbers' },
          el('thead', {}, el('tr', {}, ['Quarter', 'Seen', 'Known', 'Valued'].map((c) => el('th', { scope: 'col', text: c })))),
          el(
            'tbody',
            {},
            insights.quarters.map((q) => el('tr', {}, el('th', { scope: 'row', text: q.label }), ['seen', 'known', 'valued'].map((k) => el('td', { text: figureText(q.averages[k]) })))),
          ),
        ),
      )
    : null;
  return el('div', {}, el('ul', { class: 'insights' }, items), themes, quarters);
}

/** The themes, each with the weeks it came from, every week a link that
 * opens it. */
function themesList(themes) {
  if (!themes || (!themes.higher.length && !themes.lower.length)) return null;
  const side = (found, words, id) =>
    found.length
      ? el(
          'div',
          { class: 'theme-side', id },
          el('h3', { text: words }),
          el(
            'ul',
            { class: 'themes' },
            found.map((theme) =>
              el(
                'li',
                { class: 'theme' },
                el('span', { class: 'theme-term', text: theme.term }),
                ` (${theme.weeks.length} weeks): `,
                theme.weeks.flatMap((week, i) => [i ? ', ' : '', el('a', { href: `#/week?week=${week}`, text: weekWords(week) })]),
              ),
            ),
          ),
        )
      : null;
  return el('div', { class: 'theme-sides' }, side(themes.higher, 'With your higher weeks', 'themes-higher'), side(themes.lower, 'With your lower weeks', 'themes-lower'));
}

/** "9 Mar 2026" for a week's first day. */
function weekWords(iso) {
  return new Date(`${iso}T12:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export async function mount(root) {
  const from = dateField({ id: 'trends-from', value: chosen.from, attrs: { 'aria-label': 'From this date' } });
  const to = dateField({ id: 'trends-to', value: chosen.to, attrs: { 'aria-label': 'Up to this date' } });
  const tag = el('select', { id: 'trends-tag', attrs: { 'aria-label': 'Mark weeks with this tag' } }, el('option', { value: '', text: 'No tag markers' }));
  const rolling = el('input', { type: 'checkbox', id: 'trends-rolling', checked: chosen.rolling });
  const body = el('div', { class: 'trends-body', attrs: { 'aria-live': 'polite', 'aria-busy': 'true' } });

  async function draw() {
    Object.assign(chosen, { from: from.value, to: to.value, tag: tag.value, rolling: rolling.checked });
    body.setAttribute('aria-busy', 'true');
    const started = performance.now();
    try {
      drawnWidth = chartWidth();
      const view = await call('trends', {
        from: from.value || null,
        to: to.value || null,
        tag: tag.value || null,
        rolling: rolling.checked ? 4 : null,
        width: drawnWidth,
      });
      const ratingsFigure = chartFigure(view.ratings, 'chart-ratings');
      exploreWeeks(ratingsFigure, (week) => go(`#/week?week=${week}`));
      body.replaceChildren(
        el('section', { class: 'card', attrs: { 'aria-labelledby': 'trends-ratings' } }, el('h2', { id: 'trends-ratings', class: 'visually-hidden', text: view.ratings.title }), ratingsFigure),
        el('section', { class: 'card', attrs: { 'aria-labelledby': 'trends-insights' } }, el('h2', { id: 'trends-insights', text: 'What the numbers say' }), insightsSection(view.insights)),
        el('section', { class: 'card', attrs: { 'aria-labelledby': 'trends-calendar' } }, el('h2', { id: 'trends-calendar', class: 'visually-hidden', text: view.calendar.title }), chartFigure(view.calendar, 'chart-calendar')),
        el(
          'section',
          { class: 'card', id: 'trends-checkins', attrs: { 'aria-labelledby': 'trends-checkins-title' } },
          el('h2', { id: 'trends-checkins-title', text: 'Your check-ins over time' }),
          view.checkin_nudge ? el('p', { class: 'nudge' }, view.checkin_nudge, ' ', el('a', { href: '#/checkin', text: 'Check in now' })) : null,
          chartFigure(view.checkin_history, 'chart-checkin-history'),
        ),
      );
      clearError();
      // How long the screen took, from asking to painted (for the
      // benchmark in tests/desktop/trends_and_checkin.rs).
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          body.dataset.drawnInMs = String(Math.round(performance.now() - started));
        }),
      );
    } catch (error) {
      showError(error);
    } finally {
      body.setAttribute('aria-busy', 'false');
    }
  }

  for (const control of [from, to, tag, rolling]) control.addEventListener('change', draw);

  // The charts are drawn at the width they are shown at, so their text
  // keeps its size; a window made much wider or narrower draws them again.
  let drawnWidth = 0;
  function chartWidth() {
    const room = body.getBoundingClientRect().width || root.getBoundingClientRect().width || 900;
    return Math.max(360, Math.round(room - 56));
  }
  let resizing = null;
  const onResize = () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      if (root.isConnected && Math.abs(chartWidth() - drawnWidth) > 60) draw();
    }, 250);
  };
  window.addEventListener('resize', onResize);

  root.append(
    el('header', { class: 'screen-head' }, el('div', {}, el('p', { class: 'eyebrow', text: 'Trends' }), el('h1', { text: 'How your weeks have felt' }))),
    el(
      'div',
      { class: 'filters', attrs: { role: 'group', 'aria-label': 'What to show' } },
      rangePresets(from, to, { id: 'trends-range', label: 'Which weeks' }),
      el('label', { class: 'date-field' }, el('span', { text: 'From' }), from),
      el('label', { class: 'date-field' }, el('span', { text: 'To' }), to),
      tag,
      el('label', { class: 'check' }, rolling, el('span', { text: 'Rolling average (4 weeks)' })),
    ),
    body,
  );

  try {
    for (const [name] of await call('tags')) tag.append(el('option', { value: name, text: `Mark “${name}” weeks` }));
    tag.value = chosen.tag;
  } catch {
    // The tag list is a nicety; the charts below say if the journal is closed.
  }
  await draw();
  return { leave: () => window.removeEventListener('resize', onResize) };
}
