// How a vote's states are written: pot names (the city-wide pot in the reader's language), the
// rules of the ballot type, each pot's "€ left" line, and why a choice was refused. Euros are
// written by format.js.
import { euros } from '../format.js';

export function isCityPot(pot) {
  return pot.areaId === null || pot.areaId === undefined;
}

/** The city-wide pot in the reader's language; an area's pot by its area's name. */
export function potName(i18n, pot) {
  return isCityPot(pot) ? i18n.t('vote.pot.city') : i18n.t('vote.pot.area', { name: pot.name });
}

/** What the ballot asks, as one sentence. */
export function rulesText(i18n, vote) {
  const { t } = i18n;
  if (vote.ballotType === 'cumulative') {
    return vote.maxPointsPerItem
      ? t('vote.rules.cumulativeMax', { points: vote.points, max: vote.maxPointsPerItem })
      : t('vote.rules.cumulative', { points: vote.points });
  }
  const base = t(`vote.rules.${vote.ballotType}`);
  const hasMax = vote.maxItems !== null && vote.maxItems !== undefined;
  const min = vote.minItems ?? 0;
  if (hasMax && min > 0) return `${base} ${t('vote.rules.between', { min, max: vote.maxItems })}`;
  if (hasMax) return `${base} ${t('vote.rules.atMost', { max: vote.maxItems })}`;
  if (min > 0) return `${base} ${t('vote.rules.atLeast', { min })}`;
  return base;
}

/** One pot's line of the running meter: what is left, or what is wrong, in words. */
export function meterLine(i18n, vote, state) {
  const { t } = i18n;
  const pot = potName(i18n, state.pot);
  if (vote.ballotType === 'cumulative') {
    return t('vote.meter.points', { pot, count: state.pointsLeft, points: vote.points });
  }
  if (vote.ballotType === 'knapsack') {
    if (state.left < 0) {
      return t('vote.meter.over', { pot, over: euros(i18n, -state.left), budget: euros(i18n, state.pot.budget) });
    }
    return t('vote.meter.left', { pot, left: euros(i18n, state.left), budget: euros(i18n, state.pot.budget), count: state.count });
  }
  return t('vote.meter.items', { pot, count: state.count, spent: euros(i18n, state.spent) });
}

/** Why a choice was refused, naming the item. */
export function refusalText(i18n, item, refused) {
  const { t } = i18n;
  const pot = potName(i18n, refused.state.pot);
  switch (refused.reason) {
    case 'fit':
      return t('vote.refused.fit', { title: item.title, cost: euros(i18n, item.cost), left: euros(i18n, refused.state.left), pot });
    case 'maxItems':
      return t('vote.refused.maxItems', { title: item.title, count: refused.max, pot });
    case 'points':
      return t('vote.refused.points', { title: item.title, pot });
    case 'perItem':
      return t('vote.refused.perItem', { title: item.title, count: refused.max });
    default:
      return t('error.generic');
  }
}

/** What stops the ballot from being sent, in words. */
export function problemText(i18n, problem) {
  const { t } = i18n;
  if (problem.kind === 'empty') return t('vote.problem.empty');
  const pot = potName(i18n, problem.state.pot);
  switch (problem.kind) {
    case 'over': return t('vote.problem.over', { pot, over: euros(i18n, -problem.state.left) });
    case 'tooFew': return t('vote.problem.tooFew', { pot, count: problem.min });
    case 'tooMany': return t('vote.problem.tooMany', { pot, count: problem.max });
    default: return t('vote.problem.points', { pot });
  }
}

/** A date and time in the reader's language. */
export function dateTime(i18n, iso) {
  return iso ? i18n.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}
