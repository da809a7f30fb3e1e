// The learning page's tables: a caption, column headings and one row per entry, in a region that
// scrolls sideways on a phone (blocks.js scroller) so no figure is squeezed out of reading.
import { h, uid } from '../dom.js';
import { scroller } from '../blocks.js';

/**
 * A table of `rows`; each column is { label, text(row), numeric }. The first column heads its row.
 * With no rows, `empty` (a sentence) is shown instead.
 */
export function figureTable({ caption, columns, rows, empty, id }) {
  if (!rows.length) return h('p', { class: 'empty', text: empty });
  const captionId = id ?? uid('learning-caption');
  const head = h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'number' : null, text: c.label })));
  const body = rows.map((row) => h('tr', {}, ...columns.map((c, i) => h(i === 0 ? 'th' : 'td', {
    scope: i === 0 ? 'row' : null, class: c.numeric ? 'number' : null, text: c.text(row),
  }))));
  const table = h('table', { class: 'learning-table' }, h('caption', { id: captionId, text: caption }),
    h('thead', {}, head), h('tbody', {}, ...body));
  return scroller(captionId, table);
}

/** A list of figures (term and value), as the participation totals show them. */
export function figureList(entries) {
  return h('dl', { class: 'learning-figures' }, ...entries.map(([term, value]) =>
    h('div', {}, h('dt', { text: term }), h('dd', { text: value }))));
}
