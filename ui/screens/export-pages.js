// The report's first pages as they will look, drawn by the core (SVG, the
// same layout as the PDF), shown before saving.

import { el, setTrustedHtml } from '../lib/dom.js';

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
    el('h2', { id: 'report-preview-title', text: 'How the report will look' }),
    caption,
    pages,
  );
  return {
    node,
    show(view) {
      const shown = view.pages.length;
      caption.textContent = shown < view.page_count
        ? `Its first ${shown} pages of ${view.page_count}, as the PDF lays them out (the HTML report holds the same, as one page).`
        : `All ${view.page_count} pages, as the PDF lays them out (the HTML report holds the same, as one page).`;
      pages.replaceChildren(
        ...view.pages.map((svg, i) => {
          const page = el('figure', { class: 'report-page-box', data: { page: String(i + 1) } });
          setTrustedHtml(page, svg);
          page.append(el('figcaption', { class: 'visually-hidden', text: `Page ${i + 1} of ${view.page_count}` }));
          return page;
        }),
      );
      node.hidden = false;
      onShown(true);
    },
    hide() {
      node.hidden = true;
      onShown(false);
      pages.replaceChildren();
    },
  };
}
