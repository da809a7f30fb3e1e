// The list of a project's works, beside or below the realisation map: each with its status in
// words, its flags, planned dates, money, team and where it stands on the map (or that it has no
// place there). Works without a place are listed like every other.
import { h } from '../dom.js';
import { euros } from '../format.js';
import { workStatusBadge, flagBadges, plannedDates, money } from './status.js';

function placeNote(ctx, work) {
  const { t } = ctx.i18n;
  if (work.asBuilt) return t('works.list.built');
  return work.proposedGeometry ? t('works.list.proposed') : t('works.list.noPlace');
}

export function worksList({ ctx, works }) {
  const { t } = ctx.i18n;
  if (works.length === 0) return h('p', { id: 'works-empty', text: t('works.list.empty') });
  return h('ul', { class: 'work-list', id: 'works-list' }, works.map((work) => h('li', { class: 'work-card', dataset: { workId: work.id } },
    h('a', { href: `#/works/${work.id}`, class: 'work-link', text: work.title }),
    h('p', { class: 'meta' }, workStatusBadge(ctx.i18n, work), ' ', flagBadges(ctx.i18n, work)),
    h('p', { class: 'meta', text: plannedDates(ctx.i18n, work) }),
    h('p', { class: 'meta', text: money(ctx.i18n, work) }),
    h('p', { class: 'meta', text: t('works.team', { team: work.team }) }),
    h('p', { class: 'hint', text: placeNote(ctx, work) }))));
}

/** The project's figures in one sentence each: how many, by status, on time, delayed, money. */
export function figuresBlock({ ctx, figures }) {
  const { t } = ctx.i18n;
  const statuses = Object.entries(figures.byStatus).filter(([, n]) => n > 0)
    .map(([status, n]) => t('works.figures.status', { status: t(`works.status.${status}`), count: n }));
  return h('ul', { class: 'work-figures', id: 'works-figures' },
    h('li', { text: t('works.figures.total', { count: figures.works }) }),
    statuses.length ? h('li', { text: statuses.join(', ') }) : null,
    h('li', { text: t('works.figures.time', { onTime: figures.onTime, delayed: figures.delayed }) }),
    h('li', { text: t('works.figures.budget', { onBudget: figures.onBudget, overBudget: figures.overBudget }) }),
    h('li', { text: t('works.money', { spent: euros(ctx.i18n, figures.spent), budget: euros(ctx.i18n, figures.budget) }) }));
}
