// The report's first pages as they will look, drawn by the core (SVG, the
// same layout as the PDF), shown before saving.

import { el, setTrustedHtml, uid } from '../lib/dom.js';

/**
 * The preview area: `show(view)` draws the pages of a `report_preview`
 * reply; `onShown(shown)` hears when it appears or goes.
 */
export function reportPages(onShown = () => {}) {
  const pages = el('div', { class: 'report-pages', id: 'report-pages' });
  const caption = el('p', { class: 'muted report-pages-caption', id: 'report-pages-caption', attrs: { 'aria-live': 'polite' } });
  const node = el(
    'section',
    { class: 'card report-preview', attrs: { 'aria-labelledby': 'report-preview-title' } },
    el('h2', { id: 'report-preview-title', text: 'How the report will look', attrs: { tabindex: '-1' } }),
    caption,
    pages,
  );
  return {
    node,
    show(view) {
      const shown = view.pages.length;
      const how = 'as the PDF lays them out (the HTML report holds the same, as one page).';
      if (view.page_count == null) caption.textContent = `The first ${shown} pages, ${how}`;
      else if (shown < view.page_count) caption.textContent = `The first ${shown} of its ${view.page_count} pages, ${how}`;
      else caption.textContent = `All ${view.page_count} of its pages, ${how}`;
      pages.replaceChildren(
        ...view.pages.map((svg, i) => {
          const page = el('figure', { class: 'report-page-box', data: { page: String(i + 1) } });
          setTrustedHtml(page, svg);
          // The charts drawn in a page name their title and description by
          // the same ids as every other chart: make them this page's own.
          for (const chart of page.querySelectorAll('svg svg')) {
            const title = uid('page-chart-title');
            const desc = uid('page-chart-desc');
            chart.querySelector('title')?.setAttribute('id', title);
            chart.querySelector('desc')?.setAttribute('id', desc);
            chart.setAttribute('aria-labelledby', `${title} ${desc}`);
          }
          return page;
        }),
      );
      node.hidden = false;
      onShown(true);
    },
    /** Brings the pages into view, with the focus on their heading. */
    reveal() {
      node.scrollIntoView({ behavior: 'smooth', block: 'start' });
      node.querySelector('#report-preview-title').focus({ preventScroll: true });
    },
    hide() {
      node.hidden = true;
      onShown(false);
      pages.replaceChildren();
    },
  };
}
