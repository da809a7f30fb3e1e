// What a work is, in a description list: the team that answers for it, the planned dates and
// when it was finished, budget against spent, and what it carries out (proposal, ballot item, vote).
import { h } from '../dom.js';
import { euros, calendarDate } from '../format.js';

function row(term, ...details) {
  return [h('dt', { text: term }), h('dd', {}, ...details)];
}

function source(ctx, work) {
  const { t } = ctx.i18n;
  const proposals = work.proposalIds.map((id, i) => [i > 0 ? ', ' : null,
    h('a', { href: `#/proposals/${id}`, class: 'work-proposal-link', text: t('works.facts.proposal', { id }) })]);
  const vote = work.voteId ? [proposals.length ? ' · ' : null,
    h('a', { href: `#/votes/${work.voteId}/results`, id: 'work-vote-link', text: t('works.facts.vote', { title: work.voteTitle }) })] : [];
  return [...proposals.flat(), ...vote];
}

export function workFacts({ ctx, work }) {
  const { t } = ctx.i18n;
  const budgetLine = t('works.facts.spentOf', { spent: euros(ctx.i18n, work.spent), budget: euros(ctx.i18n, work.budget) });
  // Past the budget ("high") the meter takes the browser's warning colour; the words say it too.
  const meter = h('meter', { min: '0', max: String(Math.max(work.budget, work.spent, 1)), high: String(work.budget), optimum: '0',
    value: String(work.spent), 'aria-label': budgetLine });
  return h('dl', { class: 'work-facts', id: 'work-facts' },
    row(t('works.facts.team'), work.team),
    row(t('works.facts.planned'), t('works.facts.dates', { start: calendarDate(ctx.i18n, work.plannedStart), end: calendarDate(ctx.i18n, work.plannedEnd) })),
    row(t('works.facts.finished'), work.finishedOn ? calendarDate(ctx.i18n, work.finishedOn) : t('works.facts.notFinished')),
    row(t('works.facts.money'), budgetLine, ' ', meter),
    row(t('works.facts.from'), ...source(ctx, work)));
}
