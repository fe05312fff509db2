// Small helpers to build the page from plain text.
//
// `el` never parses HTML: strings become text nodes and `text` sets
// textContent, so user text cannot turn into markup. The only places where
// HTML goes into the page are `setTrustedHtml` calls, for HTML made and
// sanitised by the core (rendered Markdown, search snippets, chart SVG).

/**
 * Creates an element. `props` may hold:
 *   class, id, text (textContent), attrs (attributes), data (dataset),
 *   on (event listeners), and any element property (type, value, hidden…).
 * Children are nodes or strings (added as text) and may be null.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'attrs') {
      for (const [name, attr] of Object.entries(value)) {
        if (attr === false || attr === null || attr === undefined) continue;
        node.setAttribute(name, attr === true ? '' : String(attr));
      }
    } else if (key === 'data') Object.assign(node.dataset, value);
    else if (key === 'on') {
      for (const [type, handler] of Object.entries(value)) node.addEventListener(type, handler);
    } else node[key] = value;
  }
  append(node, children);
  return node;
}

/** Appends children to `node`, skipping null, undefined and false. */
export function fill(node, ...children) {
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
}

/**
 * Puts HTML that the core made and sanitised into `node`: rendered
 * Markdown, search snippets and chart SVG. Never pass text from the page.
 */
export function setTrustedHtml(node, html) {
  node.innerHTML = html;
  return node;
}

/** A counter for ids that label controls. */
let nextId = 0;
export function uid(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** "the week of 23 November 2026" → "The week of 23 November 2026". */
export function capitalise(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** A date (YYYY-MM-DD) in words: "24 November 2026". */
export function longDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Runs `fn` once `wait` ms have passed without another call. */
export function debounce(fn, wait) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, wait);
  };
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = null;
  };
  return debounced;
}
