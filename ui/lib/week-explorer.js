// Exploring a ratings chart week by week. The core draws one transparent
// column per week over the panels (`.week-column`, with `data-week`,
// `data-x` and `data-label`: a date and numbers, never user text). Here
// the mouse or the arrow keys pick a week: a line marks it and a line of
// text under the chart says its date, values and entries (and is read
// out); a click, or Enter, opens that week.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Makes the chart in `figure` explorable; `open(week)` opens a week
 * (YYYY-MM-DD).
 */
export function exploreWeeks(figure, open) {
  const picture = figure.querySelector('.chart-svg');
  const svg = picture?.querySelector('svg');
  const columns = svg ? [...svg.querySelectorAll('.week-column')] : [];
  if (!columns.length) return;

  const tip = document.createElement('p');
  tip.className = 'week-tip';
  tip.id = 'week-tip';
  tip.setAttribute('aria-live', 'polite');
  tip.textContent = 'Point at a week, or focus the chart and use the arrow keys, to see it; click or press Enter to open it.';
  picture.after(tip);

  const marker = document.createElementNS(SVG_NS, 'line');
  marker.setAttribute('class', 'week-marker');
  marker.setAttribute('stroke', 'currentColor');
  marker.setAttribute('stroke-width', '2');
  marker.setAttribute('stroke-opacity', '0.5');
  marker.setAttribute('visibility', 'hidden');
  marker.setAttribute('pointer-events', 'none');
  svg.append(marker);

  let current = -1;
  function show(i) {
    current = Math.max(0, Math.min(columns.length - 1, i));
    const column = columns[current];
    const x = column.dataset.x;
    const top = Number(column.getAttribute('y'));
    marker.setAttribute('x1', x);
    marker.setAttribute('x2', x);
    marker.setAttribute('y1', String(top));
    marker.setAttribute('y2', String(top + Number(column.getAttribute('height'))));
    marker.setAttribute('visibility', 'visible');
    tip.textContent = column.dataset.label;
    figure.dataset.week = column.dataset.week;
  }

  picture.tabIndex = 0;
  picture.setAttribute('role', 'group');
  picture.setAttribute('aria-label', 'The weeks of the chart: the left and right arrows move from week to week, Home and End go to the first and the last, Enter opens the week');
  picture.setAttribute('aria-describedby', tip.id);
  picture.classList.add('explorable');

  columns.forEach((column, i) => {
    column.addEventListener('mouseenter', () => show(i));
    column.addEventListener('click', () => open(column.dataset.week));
  });
  picture.addEventListener('focus', () => {
    if (current < 0) show(columns.length - 1);
  });
  picture.addEventListener('keydown', (event) => {
    const moves = { ArrowLeft: -1, ArrowRight: 1, PageUp: -4, PageDown: 4 };
    if (event.key in moves) show((current < 0 ? columns.length : current) + moves[event.key]);
    else if (event.key === 'Home') show(0);
    else if (event.key === 'End') show(columns.length - 1);
    else if (event.key === 'Enter' && current >= 0) open(columns[current].dataset.week);
    else return;
    event.preventDefault();
  });
}
