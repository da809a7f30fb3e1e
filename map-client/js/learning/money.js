// Where the money and the works went, per resident: per area, the budgets of the works located
// there and the costs of funded items not yet a work, over the area's population.
import { h } from '../dom.js';
import { euros, eurosAndCents } from '../format.js';
import { figureTable, figureList } from './table.js';

export function moneySection(ctx, report) {
  const { t } = ctx.i18n;
  const money = report.money;
  if (!money.euros) return [h('p', { class: 'empty', text: t('learning.money.none') })];
  return [
    figureList([
      [t('learning.money.total'), euros(ctx.i18n, money.euros)],
      [t('learning.money.inNoArea'), euros(ctx.i18n, money.eurosInNoArea)],
    ]),
    figureTable({
      id: 'learning-money-caption',
      caption: t('learning.money.caption'),
      empty: t('learning.noAreas'),
      rows: money.areas,
      columns: [
        { label: t('learning.area'), text: (a) => a.name },
        {
          label: t('learning.population'), numeric: true,
          text: (a) => (typeof a.population === 'number' ? ctx.i18n.formatNumber(a.population) : t('learning.unknown')),
        },
        { label: t('learning.money.works'), numeric: true, text: (a) => ctx.i18n.formatNumber(a.works) },
        { label: t('learning.money.items'), numeric: true, text: (a) => ctx.i18n.formatNumber(a.items) },
        { label: t('learning.money.euros'), numeric: true, text: (a) => euros(ctx.i18n, a.euros) },
        { label: t('learning.money.perResident'), numeric: true, text: (a) => eurosAndCents(ctx.i18n, a.eurosPerResident) },
      ],
    }),
    h('p', { class: 'note', text: t('learning.money.method') }),
  ];
}
