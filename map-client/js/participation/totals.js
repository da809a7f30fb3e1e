// The participation page's totals: participants (in the set's areas, in all, without an area),
// population, the rate per 1,000 residents, the counts and the period they cover.
import { h } from '../dom.js';
import { countText, calendarDate } from '../format.js';
import { COUNTS, formatMeasure } from '../measures.js';

export function totalsList(ctx, data) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const totals = data.totals ?? {};
  const row = (label, value) => [h('dt', { text: label }), h('dd', { text: value })];
  const rate = typeof totals.ratePer1000 === 'number' ? formatMeasure(i18n, 'ratePer1000', totals.ratePer1000) : '–';
  return h('dl', { class: 'totals', id: 'part-totals' },
    row(t('part.totals.participants'), countText(i18n, totals.participants, '')),
    row(t('part.totals.participantsAllAreas'), countText(i18n, totals.participantsAllAreas, '')),
    row(t('part.totals.participantsWithoutArea'), countText(i18n, totals.participantsWithoutArea, '')),
    row(t('part.totals.population'), typeof totals.population === 'number' ? i18n.formatNumber(totals.population) : '–'),
    row(t('part.measure.ratePer1000'), rate),
    COUNTS.flatMap((key) => row(t(`part.measure.${key}`), countText(i18n, totals[key], ''))),
    row(t('part.period'), period(i18n, data)));
}

function period(i18n, data) {
  const { t } = i18n;
  const date = (iso) => calendarDate(i18n, iso);
  if (data.from && data.to) return t('part.period.between', { from: date(data.from), to: date(data.to) });
  if (data.from) return t('part.period.since', { from: date(data.from) });
  if (data.to) return t('part.period.until', { to: date(data.to) });
  return t('part.period.all');
}
