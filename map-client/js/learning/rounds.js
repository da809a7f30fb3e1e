// The comparison of rounds: per area, how it fared in each earlier round of the series and in this
// one, and whether an area missing before (marked under-represented) took part this time.
import { h } from '../dom.js';
import { countText } from '../format.js';
import { figureTable } from './table.js';

function cell(ctx, c) {
  const count = countText(ctx.i18n, c.participants);
  return c.missing ? ctx.i18n.t('learning.rounds.missingCell', { count }) : count;
}

export function roundsSection(ctx, report) {
  const { t } = ctx.i18n;
  const c = report.comparison;
  if (!c) return [h('p', { class: 'empty', text: t('learning.rounds.none') })];
  const earlier = c.rounds.map((round, i) => ({ label: round.label, numeric: true, text: (a) => cell(ctx, a.earlier[i]) }));
  return [
    figureTable({
      id: 'learning-rounds-caption',
      caption: t('learning.rounds.caption'),
      empty: t('learning.rounds.none'),
      rows: c.areas,
      columns: [
        { label: t('learning.area'), text: (a) => a.name },
        ...earlier,
        { label: t('learning.rounds.now'), numeric: true, text: (a) => cell(ctx, a.now) },
        { label: t('learning.rounds.outcome'), text: (a) => t(`learning.outcome.${a.outcome}`) },
      ],
    }),
    h('p', { class: 'note', text: t('learning.rounds.method') }),
  ];
}

/** "Round 2026 of the series Park de Heuvel", or nothing when the project is in no series. */
export function seriesNote(ctx, report) {
  const series = report.series;
  if (!series) return null;
  const round = series.rounds.find((r) => r.projectId === report.projectId);
  return h('p', { class: 'lead', id: 'learning-series', text: ctx.i18n.t('learning.series', { round: round?.label ?? '', series: series.name }) });
}
