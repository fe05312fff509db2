// Trends: how seen, known and valued felt over the weeks, the reflection
// calendar, each component's check-in history and the insights in words, for a range of dates, with tag
// markers and a rolling average. Every chart's numbers are one click away
// as a table.

import { call } from '../lib/api.js';
import { chartFigure } from '../lib/chart.js';
import { dateField, rangePresets } from '../lib/dates.js';
import { el, longDate } from '../lib/dom.js';
import { clearError, showError } from '../lib/notify.js';

const NAMES = { seen: 'seen', known: 'known', valued: 'valued' };

// The choices, kept while the app runs.
const chosen = { from: '', to: '', tag: '', rolling: false };

function figureText(figure, decimals = 1) {
  if (figure.status === 'value') return figure.value.toFixed(decimals);
  return 'not enough weeks yet';
}

function trendText(name, figure) {
  if (figure.status !== 'value') return `How ${name} you felt: not enough weeks yet to see a trend (${figure.weeks} so far).`;
  const v = figure.value;
  if (Math.abs(v) < 0.05) return `How ${name} you felt has held steady (over ${figure.weeks} weeks).`;
  const dir = v > 0 ? 'up' : 'down';
  return `How ${name} you felt has gone ${dir} by about ${Math.abs(v).toFixed(1)} a month (over ${figure.weeks} weeks).`;
}

function insightsSection(insights) {
  const items = [];
  if (insights.rated_weeks === 0) {
    return el('p', { class: 'muted', text: 'No rated weeks in this range yet. Rate a week on This week, and what you notice will show here.' });
  }
  items.push(el('li', { text: `${insights.rated_weeks} rated ${insights.rated_weeks === 1 ? 'week' : 'weeks'} in this range.` }));
  for (const key of Object.keys(NAMES)) items.push(el('li', { text: trendText(NAMES[key], insights.trend_per_month[key]) }));
  if (insights.best_weeks.length) {
    items.push(el('li', { text: `Best weeks: ${insights.best_weeks.map((w) => `${longDate(w.week_start)} (${w.score.toFixed(1)})`).join('; ')}.` }));
  }
  if (insights.worst_weeks.length) {
    items.push(el('li', { text: `Hardest weeks: ${insights.worst_weeks.map((w) => `${longDate(w.week_start)} (${w.score.toFixed(1)})`).join('; ')}.` }));
  }
  for (const t of insights.tags) {
    const parts = Object.keys(NAMES).map((k) => `${k} ${figureText(t.with[k])} with, ${figureText(t.without[k])} without`);
    items.push(el('li', { text: `Weeks tagged “${t.tag}”: ${parts.join('; ')}.` }));
  }
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
  return el('div', {}, el('ul', { class: 'insights' }, items), quarters);
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
    try {
      const view = await call('trends', {
        from: from.value || null,
        to: to.value || null,
        tag: tag.value || null,
        rolling: rolling.checked ? 4 : null,
      });
      body.replaceChildren(
        el('section', { class: 'card', attrs: { 'aria-labelledby': 'trends-ratings' } }, el('h2', { id: 'trends-ratings', class: 'visually-hidden', text: view.ratings.title }), chartFigure(view.ratings, 'chart-ratings')),
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
    } catch (error) {
      showError(error);
    } finally {
      body.setAttribute('aria-busy', 'false');
    }
  }

  for (const control of [from, to, tag, rolling]) control.addEventListener('change', draw);

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
  return {};
}
