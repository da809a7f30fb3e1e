// The participation page's home → proposal flows: the largest as a table, and as lines for the map.
import { h } from '../dom.js';
import { countNumber, countText } from '../format.js';
import { centreOf } from '../choropleth.js';
import { scroller } from '../blocks.js';

/** How many of the largest flows are listed and drawn. */
export const TOP_FLOWS = 50;

/** The largest flows with a count to draw (hidden ones are left off the map), as map lines. */
export function flowLinesOf(ctx, data, features) {
  const centres = new Map(features.map((f) => [f.id ?? f.properties?.id, centreOf(f)]));
  return (data.flows ?? []).slice(0, TOP_FLOWS).flatMap((f) => {
    const count = countNumber(f.proposals);
    const from = centres.get(f.homeAreaId);
    const to = centres.get(f.proposalAreaId);
    if (!count || !from || !to) return [];
    return [{ from, to, count, label: ctx.i18n.t('part.flows.line', { home: f.homeName ?? '', area: f.proposalName ?? '', count }) }];
  });
}

export function flowsSection(ctx, data) {
  const { t } = ctx.i18n;
  const flows = data.flows ?? [];
  if (!flows.length) return [h('p', { id: 'flow-table', text: t('part.flows.none') })];
  const shown = flows.slice(0, TOP_FLOWS);
  const table = h('table', { class: 'data', id: 'flow-table' },
    h('caption', { id: 'flow-table-caption', text: t('part.flows.caption') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('part.flows.home') }),
      h('th', { scope: 'col', text: t('part.flows.proposalArea') }),
      h('th', { scope: 'col', class: 'num', text: t('part.measure.proposals') }))),
    h('tbody', {}, shown.map((f) => h('tr', {},
      h('td', { text: f.homeName ?? '' }),
      h('td', { text: f.proposalName ?? '' }),
      h('td', { class: 'num', text: countText(ctx.i18n, f.proposals, '') })))));
  const note = h('p', { class: 'hint', id: 'flow-note', text: flows.length > TOP_FLOWS
    ? t('part.flows.top', { shown: TOP_FLOWS, count: flows.length })
    : t('part.flows.all', { count: flows.length }) });
  return [note, scroller('flow-table-caption', table)];
}
