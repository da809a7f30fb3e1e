// "What if": both rules side by side (GET /api/votes/{id}/results/compare): per pot the items only
// one rule funds, and per area the euros each rule funds there, with the areas that gain and lose
// under the other rule said in words.
import { h } from '../dom.js';
import { scroller } from '../blocks.js';
import { euros } from '../format.js';
import { ruleName } from '../vote-admin/common.js';

const CAMEL = { greedy: 'greedy', equal_shares: 'equalShares' };

/** A figure for a rule, in the forms a server may write it ({greedy, equalShares} or {euros: {…}}). */
export function byRule(object, rule, key = 'euros') {
  if (!object) return null;
  const nested = object[key];
  if (nested && typeof nested === 'object') return nested[rule] ?? nested[CAMEL[rule]] ?? null;
  return object[CAMEL[rule]] ?? object[rule] ?? object[`${key}${CAMEL[rule][0].toUpperCase()}${CAMEL[rule].slice(1)}`] ?? null;
}

function itemNames(items) {
  return (items ?? []).map((i) => (typeof i === 'string' ? i : i.title ?? `#${i.itemId ?? i.id}`));
}

function potDifferences(ctx, pot, rule, other) {
  const { t } = ctx.i18n;
  const only = (r) => itemNames(pot[`only${CAMEL[r][0].toUpperCase()}${CAMEL[r].slice(1)}`] ?? pot.only?.[r] ?? pot.only?.[CAMEL[r]]);
  const mine = only(rule);
  const theirs = only(other);
  const line = (r, names) => h('li', { dataset: { rule: r } }, names.length
    ? t('voteResults.compare.only', { rule: ruleName(ctx.i18n, r), items: names.join(' · ') })
    : t('voteResults.compare.onlyNone', { rule: ruleName(ctx.i18n, r) }));
  return h('li', { class: 'compare-pot', dataset: { potId: pot.potId } },
    h('span', { class: 'label', text: pot.name ?? '' }), h('ul', {}, line(rule, mine), line(other, theirs)));
}

function areaRows(ctx, areas, rule, other) {
  const { t } = ctx.i18n;
  return areas.map((area) => {
    const a = Number(byRule(area, rule) ?? 0);
    const b = Number(byRule(area, other) ?? 0);
    const change = b - a;
    const word = change > 0 ? 'gains' : change < 0 ? 'loses' : 'same';
    return h('tr', { dataset: { areaId: area.areaId, change: word } },
      h('th', { scope: 'row', text: area.name ?? '' }),
      h('td', { class: 'num', text: euros(ctx.i18n, a) }),
      h('td', { class: 'num', text: euros(ctx.i18n, b) }),
      h('td', { dataset: { col: 'change' }, text: t(`voteResults.compare.${word}`, { amount: euros(ctx.i18n, Math.abs(change)) }) }));
  });
}

export function compareSection({ ctx, data, rule, other }) {
  const { t } = ctx.i18n;
  const pots = data?.pots ?? [];
  const areas = data?.areas ?? [];
  const head = h('tr', {},
    h('th', { scope: 'col', text: t('voteResults.compare.area') }),
    h('th', { scope: 'col', class: 'num', text: ruleName(ctx.i18n, rule) }),
    h('th', { scope: 'col', class: 'num', text: ruleName(ctx.i18n, other) }),
    h('th', { scope: 'col', text: t('voteResults.compare.change', { rule: ruleName(ctx.i18n, other) }) }));
  return h('div', { id: 'compare', class: 'compare' },
    h('h3', { text: t('voteResults.compare.itemsHeading') }),
    pots.length ? h('ul', { class: 'compare-pots', id: 'compare-pots' }, pots.map((pot) => potDifferences(ctx, pot, rule, other)))
      : h('p', { class: 'hint', text: t('voteResults.compare.noPots') }),
    h('h3', { id: 'compare-areas-caption', text: t('voteResults.compare.areasHeading') }),
    areas.length ? scroller('compare-areas-caption', h('table', { class: 'data', id: 'compare-areas' },
      h('thead', {}, head), h('tbody', {}, areaRows(ctx, areas, rule, other))))
      : h('p', { class: 'hint', text: t('voteResults.compare.noAreas') }));
}
