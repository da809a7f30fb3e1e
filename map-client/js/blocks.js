// Building blocks several pages share: a table that scrolls on a
// narrow screen, the server's own account of its method, and the optional parts of a section, the map-or-list switch.
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

/**
 * The "map and list" / "list only" switch of a page with a map beside a list: two toggle buttons
 * ({@code idPrefix}-map and {@code idPrefix}-list); onChange(listOnly) follows each press.
 */
export function viewSwitch({ ctx, onChange, idPrefix = 'view' }) {
  const { t } = ctx.i18n;
  const mapButton = h('button', { type: 'button', id: `${idPrefix}-map`, 'aria-pressed': 'true', text: t('view.mapAndList') });
  const listButton = h('button', { type: 'button', id: `${idPrefix}-list`, 'aria-pressed': 'false', text: t('view.listOnly') });
  const set = (listOnly) => {
    mapButton.setAttribute('aria-pressed', String(!listOnly));
    listButton.setAttribute('aria-pressed', String(listOnly));
    onChange(listOnly);
  };
  mapButton.addEventListener('click', () => set(false));
  listButton.addEventListener('click', () => set(true));
  return h('div', { class: 'view-switch', role: 'group', 'aria-label': t('view.label') }, mapButton, listButton);
}
