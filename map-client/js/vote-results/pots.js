// The results per pot as tables: every item with its votes (points and supporters for a cumulative
// ballot), cost, whether the rule funded it and in which order; with "what if" on, the other rule's
// columns beside them, and the items that only one of the two rules funds marked in words. The
// tables are the results map's equivalent. Tallies are shown as the server sends them: for the
// public "<5", "x" and rounded figures, which a note under the tables explains.
import { h } from '../dom.js';
import { scroller } from '../blocks.js';
import { countText, euros } from '../format.js';
import { ruleName } from '../vote-admin/common.js';

function potName(ctx, vote, pot) {
  const found = vote.pots.find((p) => p.id === pot.potId);
  const name = found && (found.areaId === null || found.areaId === undefined) ? ctx.i18n.t('voteAdmin.pot.city') : pot.name;
  return name ?? '';
}

function potHeading(ctx, vote, pot) {
  return ctx.i18n.t('voteResults.pot.heading', { pot: potName(ctx, vote, pot) });
}

function fundedText(t, item) {
  return item ? t(item.funded ? 'voteResults.table.yes' : 'voteResults.table.no') : '–';
}

function orderText(i18n, item) {
  return item?.funded && item.fundedOrder ? i18n.formatNumber(item.fundedOrder) : '–';
}

function isCumulative(vote) {
  return vote.ballotType === 'cumulative';
}

function potTable({ ctx, vote, pot, other, rule, otherRule }) {
  const { t } = ctx.i18n;
  const captionId = `results-caption-${pot.potId}`;
  const byId = new Map((other?.items ?? []).map((i) => [i.itemId, i]));
  const cumulative = isCumulative(vote);
  const cols = cumulative ? ['item', 'points', 'supporters', 'cost', 'funded', 'order'] : ['item', 'votes', 'cost', 'funded', 'order'];
  const head = h('tr', {}, cols.map((c) => h('th', { scope: 'col', class: c === 'item' ? null : 'num', text: t(`voteResults.table.${c}`, { rule: ruleName(ctx.i18n, rule) }) })),
    other ? ['funded', 'order'].map((c) => h('th', { scope: 'col', class: 'num whatif', text: t(`voteResults.table.${c}`, { rule: ruleName(ctx.i18n, otherRule) }) })) : null,
    other ? h('th', { scope: 'col', class: 'whatif', text: t('voteResults.table.difference') }) : null);
  const rows = pot.items.map((item) => {
    const alt = byId.get(item.itemId);
    const differs = other && alt && alt.funded !== item.funded;
    return h('tr', { dataset: { itemId: item.itemId, funded: String(item.funded), ...(other ? { otherFunded: String(Boolean(alt?.funded)) } : {}) }, class: item.funded ? 'funded' : null },
      h('th', { scope: 'row', text: item.title }),
      h('td', { class: 'num', dataset: { col: 'votes' }, text: countText(ctx.i18n, item.votes) }),
      cumulative ? h('td', { class: 'num', dataset: { col: 'supporters' }, text: countText(ctx.i18n, item.supporters) }) : null,
      h('td', { class: 'num', dataset: { col: 'cost' }, text: euros(ctx.i18n, item.cost) }),
      h('td', { class: 'num', dataset: { col: 'funded' }, text: fundedText(t, item) }),
      h('td', { class: 'num', dataset: { col: 'order' }, text: orderText(ctx.i18n, item) }),
      other ? h('td', { class: 'num whatif', dataset: { col: 'otherFunded' }, text: fundedText(t, alt) }) : null,
      other ? h('td', { class: 'num whatif', text: orderText(ctx.i18n, alt) }) : null,
      other ? h('td', { class: 'whatif', dataset: { col: 'difference' }, text: differs ? t(item.funded ? 'voteResults.table.onlyThis' : 'voteResults.table.onlyOther', { rule: ruleName(ctx.i18n, item.funded ? rule : otherRule) }) : '' }) : null);
  });
  const summary = t('voteResults.pot.summary', {
    spent: euros(ctx.i18n, pot.spent), budget: euros(ctx.i18n, pot.budget), voters: countText(ctx.i18n, pot.voters),
    count: pot.items.filter((i) => i.funded).length, rule: ruleName(ctx.i18n, rule),
  });
  const otherSummary = other ? t('voteResults.pot.summary', {
    spent: euros(ctx.i18n, other.spent), budget: euros(ctx.i18n, other.budget), voters: countText(ctx.i18n, other.voters),
    count: other.items.filter((i) => i.funded).length, rule: ruleName(ctx.i18n, otherRule),
  }) : null;
  return h('section', { class: 'results-pot', dataset: { potId: pot.potId }, 'aria-labelledby': `results-pot-${pot.potId}` },
    h('h3', { id: `results-pot-${pot.potId}`, text: potHeading(ctx, vote, pot) }),
    h('p', { class: 'meta', text: summary }), otherSummary ? h('p', { class: 'meta whatif', text: otherSummary }) : null,
    scroller(captionId, h('table', { class: 'data results-table', id: `results-table-${pot.potId}` },
      h('caption', { id: captionId, text: t('voteResults.table.caption', { pot: potName(ctx, vote, pot) }) }),
      h('thead', {}, head), h('tbody', {}, rows))));
}

/** The threshold a public figure names ("<5" → 5); 5 when none does. */
function thresholdOf(figures) {
  const small = figures.find((f) => typeof f === 'string' && f.startsWith('<'));
  return small ? Number(small.slice(1)) : 5;
}

/** Under public figures (written as text by the server), what "<5", "x" and rounding mean; else null. */
function publicNote(ctx, vote, pots) {
  const figures = pots.flatMap((pot) => [pot.voters, ...(pot.items ?? []).flatMap((i) => [i.votes, i.supporters])]);
  if (!pots.some((pot) => typeof pot.voters === 'string')) return null;
  const threshold = thresholdOf(figures);
  const { t } = ctx.i18n;
  const key = isCumulative(vote) ? 'voteResults.table.publicNoteCumulative' : 'voteResults.table.publicNote';
  const secondary = pots.some((pot) => (pot.items ?? []).some((i) => i.supporters === 'x'));
  const text = [t(key, { threshold }), secondary ? t('voteResults.table.publicNoteSecondary', { threshold }) : null];
  return h('p', { id: 'results-public-note', class: 'hint', text: text.filter(Boolean).join(' ') });
}

/** Every pot's table, and the note on public figures; other: the other rule's answer ("what if") or null. */
export function potTables({ ctx, vote, results, other, rule, otherRule }) {
  const otherPots = new Map((other?.pots ?? []).map((p) => [p.potId, p]));
  const pots = results.pots ?? [];
  return [...pots.map((pot) => potTable({ ctx, vote, pot, other: other ? otherPots.get(pot.potId) ?? { items: [] } : null, rule, otherRule })),
    publicNote(ctx, vote, pots)].filter(Boolean);
}

/** An imported vote: whether the rule selects exactly what the instance records as selected. */
export function recordedNote(ctx, recorded) {
  const { t } = ctx.i18n;
  if (!recorded) return null;
  const list = (names) => names.join(' · ');
  let text;
  if (!recorded.selectionKnown) text = t('voteResults.recorded.unknown');
  else if (recorded.reproduced) text = t('voteResults.recorded.same');
  else {
    text = t('voteResults.recorded.differs', {
      onlyRecorded: recorded.onlyRecorded?.length ? list(recorded.onlyRecorded) : '–',
      onlyComputed: recorded.onlyComputed?.length ? list(recorded.onlyComputed) : '–',
    });
  }
  return h('p', { id: 'results-recorded', class: 'figure', dataset: { reproduced: String(recorded.reproduced) } },
    recorded.recordedRule ? `${t('voteResults.recorded.rule', { rule: recorded.recordedRule })} ` : '', text);
}
