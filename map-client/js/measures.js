// The participation measures: which are counts and which need a population, how an area's figure
// is read (a value, hidden by the small-count rule, or unknown for want of a population) and how
// it is written. The participation page and a slide's participation layer read areas the same way.
import { countNumber } from './format.js';

/** The counts of what people did, each a measure of its own. */
export const COUNTS = ['proposals', 'variants', 'comments', 'supports'];
export const MEASURES = ['participants', 'ratePer1000', 'ratio', ...COUNTS];
/** The measures that divide by residents: unknown where the population is. */
export const POPULATION_MEASURES = new Set(['ratePer1000', 'ratio']);

/** An area's figure for a measure: { value, state: 'value' | 'hidden' | 'unknown' }. */
export function measureOf(area, measure) {
  if (POPULATION_MEASURES.has(measure)) {
    if (area.populationKnown === false || area.population === null) return { value: null, state: 'unknown' };
    if (area.hidden && area.hidden !== 'NO') return { value: null, state: 'hidden' };
    const value = area[measure];
    return typeof value === 'number' ? { value, state: 'value' } : { value: null, state: 'hidden' };
  }
  const value = countNumber(area[measure]);
  if (measure === 'participants' && area.hidden && area.hidden !== 'NO') return { value: null, state: 'hidden' };
  return value === null ? { value: null, state: 'hidden' } : { value, state: 'value' };
}

/** A measure's value: rates with one decimal, ratios with two, counts as they are. */
export function formatMeasure(i18n, measure, value) {
  if (value === null || value === undefined) return '';
  if (measure === 'ratePer1000') return i18n.formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (measure === 'ratio') return i18n.formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return i18n.formatNumber(value, { maximumFractionDigits: 1 });
}

/** Why an area's figure is hidden, for its tooltip. */
export function hiddenText(i18n, area, measure, threshold) {
  const raw = POPULATION_MEASURES.has(measure) ? area.participants : area[measure];
  const secondary = raw === 'x' || (measure === 'participants' && area.hidden === 'SECONDARY');
  return i18n.t(secondary ? 'part.hidden.secondary' : 'part.hidden.small', { threshold });
}
