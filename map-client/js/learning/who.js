// Who took part and who voted, per area: the participation analysis against the population and
// each closed budget vote's turnout, in the public form the server gives (small counts hidden).
import { h } from '../dom.js';
import { countText, decimal } from '../format.js';
import { figureTable, figureList } from './table.js';

function population(ctx, area) {
  return typeof area.population === 'number' ? ctx.i18n.formatNumber(area.population) : ctx.i18n.t('learning.unknown');
}

/** Participants per area with their rate, ratio to the city and the analysis's mark. */
export function participationSection(ctx, report) {
  const { t } = ctx.i18n;
  const p = report.participation;
  if (!p) return [h('p', { class: 'empty', text: t('learning.noAreas') })];
  const set = report.areaSet.year ? `${report.areaSet.name} (${report.areaSet.year})` : report.areaSet.name;
  return [
    figureList([
      [t('learning.participants'), countText(ctx.i18n, p.participants)],
      [t('learning.population'), ctx.i18n.formatNumber(p.population)],
      [t('learning.rate'), decimal(ctx.i18n, p.ratePer1000, 1)],
    ]),
    figureTable({
      id: 'learning-participation-caption',
      caption: t('learning.participation.caption', { set }),
      empty: t('learning.participation.none'),
      rows: p.areas,
      columns: [
        { label: t('learning.area'), text: (a) => a.name },
        { label: t('learning.population'), numeric: true, text: (a) => population(ctx, a) },
        { label: t('learning.participantsShort'), numeric: true, text: (a) => countText(ctx.i18n, a.participants) },
        { label: t('learning.rate'), numeric: true, text: (a) => decimal(ctx.i18n, a.ratePer1000, 1) },
        { label: t('learning.ratio'), numeric: true, text: (a) => decimal(ctx.i18n, a.ratio, 2) },
        { label: t('learning.representation'), text: (a) => t(`learning.rep.${a.representation}`) },
      ],
    }),
  ];
}

/** Voters per area for each budget vote of the round that has closed. */
export function turnoutSection(ctx, report) {
  const { t } = ctx.i18n;
  if (!report.turnout) return [h('p', { class: 'empty', text: t('learning.noAreas') })];
  const votes = report.turnout.votes;
  if (!votes.length) return [h('p', { class: 'empty', text: t('learning.turnout.none') })];
  return votes.map((vote) => figureTable({
    caption: t('learning.turnout.caption', { title: vote.title, voters: countText(ctx.i18n, vote.voters) }),
    empty: t('learning.turnout.none'),
    rows: vote.areas,
    columns: [
      { label: t('learning.area'), text: (a) => a.name },
      { label: t('learning.population'), numeric: true, text: (a) => population(ctx, a) },
      { label: t('learning.voters'), numeric: true, text: (a) => countText(ctx.i18n, a.voters) },
      { label: t('learning.ratio'), numeric: true, text: (a) => decimal(ctx.i18n, a.ratio, 2) },
    ],
  }));
}
