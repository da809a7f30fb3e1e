// The participation page's weeks: participants per week as bars, and every count per week as a table.
import { h } from '../dom.js';
import { countNumber, countText, calendarDate } from '../format.js';
import { COUNTS } from '../measures.js';
import { barChart } from '../charts.js';
import { scroller } from '../blocks.js';

export function weeklySection(ctx, data) {
  const { t } = ctx.i18n;
  const weeks = data.weekly ?? [];
  if (!weeks.length) return [h('p', { id: 'weekly-table', text: t('part.weekly.none') })];
  const keys = ['participants', 'newParticipants', ...COUNTS];
  const chart = barChart({
    id: 'weekly-chart',
    values: weeks.map((w) => countNumber(w.participants)),
    title: t('part.weekly.chartTitle'),
    description: t('part.weekly.chartDesc', { count: weeks.length }),
  });
  const table = h('table', { class: 'data', id: 'weekly-table' },
    h('caption', { id: 'weekly-table-caption', text: t('part.weekly.caption') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('part.weekly.week') }),
      keys.map((k) => h('th', { scope: 'col', class: 'num', text: t(`part.weekly.${k}`) })))),
    h('tbody', {}, weeks.map((w) => h('tr', {},
      h('th', { scope: 'row', text: t('part.weekly.weekOf', { week: w.week ?? '', date: calendarDate(ctx.i18n, w.weekStart) }) }),
      keys.map((k) => h('td', { class: 'num', text: countText(ctx.i18n, w[k], '') }))))));
  return [h('figure', { class: 'chart-figure wide' }, chart), scroller('weekly-table-caption', table)];
}
