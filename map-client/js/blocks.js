// Building blocks the figure pages (participation, analysis) share: a table that scrolls on a
// narrow screen, the server's own account of its method, and the optional parts of a section.
import { h } from './dom.js';

/** A horizontally scrolling, focusable, labelled region: tables stay readable on a phone. */
export function scroller(captionId, table) {
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': captionId }, table);
}

/** The server's method text, in English as it wrote it, folded under a summary. */
export function methodNote(summary, text, open) {
  return h('details', { class: 'method', open }, h('summary', { text: summary }), h('p', { lang: 'en', text }));
}

/** replaceChildren would write null as the text "null": the parts that are there. */
export function present(nodes) {
  return nodes.filter(Boolean);
}
