// How the works went: on time or delayed, within or over budget, and how residents rated them
// (a mean only from enough evaluations on), by the definitions the works pages share.
import { h } from '../dom.js';
import { countText, decimal, euros, calendarDate } from '../format.js';
import { figureTable, figureList } from './table.js';

export function worksSection(ctx, report) {
  const { t } = ctx.i18n;
  const r = report.realisation;
  if (!r.totals.works) return [h('p', { class: 'empty', text: t('learning.works.none') })];
  const keys = ['works', 'onTime', 'delayed', 'running', 'cancelled', 'withinBudget', 'overBudget'];
  return [
    figureList(keys.map((key) => [t(`learning.works.${key}`), ctx.i18n.formatNumber(r.totals[key])])),
    figureTable({
      id: 'learning-works-caption',
      caption: t('learning.works.caption'),
      empty: t('learning.works.none'),
      rows: r.works,
      columns: [
        { label: t('learning.work'), text: (w) => w.title },
        { label: t('learning.work.status'), text: (w) => t(`learning.status.${w.status}`) },
        { label: t('learning.work.plannedEnd'), text: (w) => calendarDate(ctx.i18n, w.plannedEnd) },
        { label: t('learning.work.timing'), text: (w) => t(`learning.timing.${w.timing}`) },
        { label: t('learning.work.budget'), numeric: true, text: (w) => euros(ctx.i18n, w.budget) },
        {
          label: t('learning.work.spent'), numeric: true,
          text: (w) => (w.overBudget ? t('learning.work.over', { amount: euros(ctx.i18n, w.spent) }) : euros(ctx.i18n, w.spent)),
        },
        { label: t('learning.work.evaluations'), numeric: true, text: (w) => countText(ctx.i18n, w.evaluations) },
        { label: t('learning.work.rating'), numeric: true, text: (w) => decimal(ctx.i18n, w.meanRating, 1) },
      ],
    }),
    h('p', { class: 'note', text: t('learning.works.method', { n: r.minForMean }) }),
  ];
}
