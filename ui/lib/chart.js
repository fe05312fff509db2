// A chart from the core: its SVG (made and escaped by the core), and its
// numbers as a table behind a "Show the numbers" disclosure, built from
// text only.

import { el, setTrustedHtml, uid } from './dom.js';

/** The table of a chart's numbers. */
export function numbersTable(table, caption) {
  return el(
    'table',
    { class: 'numbers' },
    el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, table.columns.map((c) => el('th', { scope: 'col', text: c })))),
    el('tbody', {}, table.rows.map((row) => el('tr', {}, row.map((cell, i) => (i === 0 ? el('th', { scope: 'row', text: cell }) : el('td', { text: cell })))))),
  );
}

/** A figure with the chart and its numbers. */
export function chartFigure(chart, className) {
  const picture = el('div', { class: 'chart-svg' });
  setTrustedHtml(picture, chart.svg);
  // Each chart's SVG names its title and description with the same ids;
  // make them unique on this page so that each chart is labelled by its own.
  const title = uid('chart-title');
  const desc = uid('chart-desc');
  const svg = picture.querySelector('svg');
  if (svg) {
    svg.querySelector('title')?.setAttribute('id', title);
    svg.querySelector('desc')?.setAttribute('id', desc);
    svg.setAttribute('aria-labelledby', `${title} ${desc}`);
    svg.removeAttribute('width');
    svg.removeAttribute('height');
  }
  const rows = chart.table.rows.length;
  return el(
    'figure',
    { class: ['chart', className] },
    picture,
    el('figcaption', { class: 'chart-caption', text: chart.description }),
    el(
      'details',
      { class: 'numbers-box' },
      el('summary', { text: rows ? `Show the numbers (${rows} ${rows === 1 ? 'row' : 'rows'})` : 'Show the numbers' }),
      rows ? numbersTable(chart.table, chart.title) : el('p', { class: 'muted', text: 'No numbers yet.' }),
    ),
  );
}
