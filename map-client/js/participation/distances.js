// The participation page's distances from home to proposal: quartiles, mean and 90th percentile,
// and the proposals in each distance band.
import { h } from '../dom.js';
import { countText, metres } from '../format.js';
import { scroller } from '../blocks.js';

export function distancesSection(ctx, data) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const d = data.distances;
  if (!d) return [h('p', { text: t('part.distances.none') })];
  const row = (label, value) => h('tr', {}, h('th', { scope: 'row', text: label }), h('td', { class: 'num', text: value }));
  const summary = h('table', { class: 'data compact', id: 'distance-table' },
    h('caption', { id: 'distance-table-caption', text: t('part.distances.caption') }),
    h('tbody', {},
      row(t('part.measure.proposals'), countText(i18n, d.proposals, '')),
      row(t('part.distances.p25'), metres(i18n, d.p25Metres)),
      row(t('part.distances.median'), metres(i18n, d.medianMetres)),
      row(t('part.distances.mean'), metres(i18n, d.meanMetres)),
      row(t('part.distances.p75'), metres(i18n, d.p75Metres)),
      row(t('part.distances.p90'), metres(i18n, d.p90Metres))));
  const bins = h('table', { class: 'data compact', id: 'distance-bins' },
    h('caption', { id: 'distance-bins-caption', text: t('part.distances.binsCaption') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('part.distances.range') }),
      h('th', { scope: 'col', class: 'num', text: t('part.measure.proposals') }))),
    h('tbody', {}, (d.bins ?? []).map((b) => h('tr', {},
      h('th', { scope: 'row', text: b.toMetres === null || b.toMetres === undefined
        ? t('part.distances.from', { from: metres(i18n, b.fromMetres) })
        : t('part.distances.between', { from: i18n.formatNumber(b.fromMetres), to: metres(i18n, b.toMetres) }) }),
      h('td', { class: 'num', text: countText(i18n, b.proposals, '') })))));
  return [h('div', { class: 'side-by-side' }, scroller('distance-table-caption', summary), scroller('distance-bins-caption', bins))];
}
