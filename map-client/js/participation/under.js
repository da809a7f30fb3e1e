// The participation page's under-represented areas, the lowest ratio first.
import { h } from '../dom.js';
import { formatMeasure } from '../measures.js';

export function underList(ctx, data) {
  const { t } = ctx.i18n;
  const under = (data.areas ?? []).filter((a) => a.representation === 'UNDER')
    .sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0));
  if (!under.length) return h('p', { id: 'under-list', text: t('part.under.none') });
  return h('ul', { id: 'under-list', class: 'under-list' }, under.map((a) => h('li', {},
    h('strong', { text: a.name }), ' ',
    t('part.under.item', {
      rate: typeof a.ratePer1000 === 'number' ? formatMeasure(ctx.i18n, 'ratePer1000', a.ratePer1000) : '–',
      ratio: typeof a.ratio === 'number' ? formatMeasure(ctx.i18n, 'ratio', a.ratio) : '–',
    }))));
}
