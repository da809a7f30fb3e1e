// The participation page's map: a choropleth of the chosen measure in 5 classes (quantiles or
// Jenks; the representation ratio in fixed classes around 1) with its legend, hidden figures and
// unknown populations hatched, and on request the largest home → proposal flows drawn over it.
import { h } from '../dom.js';
import { createMap, destroyMap } from '../map.js';
import { quantileBreaks, jenksBreaks, RATIO_BREAKS } from '../classify.js';
import { choroplethLayer, flowLayer, legend, paletteFor } from '../choropleth.js';
import { measureOf, formatMeasure, hiddenText, POPULATION_MEASURES } from '../measures.js';
import { TOP_FLOWS, flowLinesOf } from './flows.js';

const CLASSES = 5;

/**
 * The map section: `body` goes in the page; `mount()` once it is in the document, `draw(data,
 * features)` with each answer or change of measure, `destroy()` when the page goes.
 */
export function mapSection({ ctx, state, onToggle }) {
  const { t } = ctx.i18n;
  const element = h('div', { id: 'participation-map', class: 'part-map' });
  const legendSlot = h('div', { class: 'legend-slot' });
  const flowCheckbox = h('input', { type: 'checkbox', id: 'part-show-flows', checked: state.showFlows });
  const flowToggle = h('div', { class: 'checkbox' }, flowCheckbox,
    h('label', { for: 'part-show-flows', text: t('part.map.showFlows', { count: TOP_FLOWS }) }));
  flowCheckbox.addEventListener('change', () => { state.showFlows = flowCheckbox.checked; onToggle(); });
  let map = null;
  let layer = null;
  let flowLines = null;
  let fitted = null;
  return {
    body: [flowToggle, h('div', { class: 'map-with-legend' }, element, legendSlot)],
    mount() {
      map = createMap({ element, ctx, label: t('part.map.heading') }); // labelled fully once drawn
    },
    draw(data, features) {
      const entries = entriesOf(ctx, data, state.measure, features);
      const breaks = breaksOf(state, entries);
      const palette = paletteFor(Math.max(1, breaks.length - 1), state.measure === 'ratio');
      layer?.remove();
      const fit = fitted !== data.areaSet?.id;
      layer = choroplethLayer({ map, entries, breaks, palette, fit });
      if (fit && entries.length) fitted = data.areaSet?.id;
      flowLines?.remove();
      flowLines = state.showFlows ? flowLayer({ map, flows: flowLinesOf(ctx, data, features) }) : null;
      const measureName = t(`part.measure.${state.measure}`);
      element.setAttribute('aria-label', t(state.showFlows ? 'part.map.labelFlows' : 'part.map.label', { measure: measureName, set: data.areaSet?.name ?? '' }));
      legendSlot.replaceChildren(legendOf({ ctx, state, data, entries, breaks, palette }));
    },
    destroy() {
      destroyMap(map);
    },
  };
}

/** Each area with its figure for the measure, its state and its tooltip. */
function entriesOf(ctx, data, measure, features) {
  const { t } = ctx.i18n;
  const byId = new Map((data.areas ?? []).map((a) => [a.areaId, a]));
  const entries = [];
  for (const feature of features) {
    const area = byId.get(feature.id ?? feature.properties?.id);
    if (!area) continue;
    const { value, state: kind } = measureOf(area, measure);
    const valueText = kind === 'hidden' ? hiddenText(ctx.i18n, area, measure, data.threshold ?? 5)
      : kind === 'unknown' ? t('part.legend.unknown') : formatMeasure(ctx.i18n, measure, value);
    entries.push({ feature, value, state: kind, tooltip: `${area.name}: ${valueText}` });
  }
  return entries;
}

function breaksOf(state, entries) {
  const values = entries.filter((e) => e.state === 'value').map((e) => e.value);
  if (state.measure === 'ratio') return RATIO_BREAKS;
  return state.classification === 'jenks' ? jenksBreaks(values, CLASSES) : quantileBreaks(values, CLASSES);
}

function legendOf({ ctx, state, data, entries, breaks, palette }) {
  const { t } = ctx.i18n;
  const measureName = t(`part.measure.${state.measure}`);
  return legend({
    id: 'part-legend',
    title: state.measure === 'ratio' ? t('part.legend.ratioTitle') : t('part.legend.title', {
      measure: measureName, method: t(`part.classification.${state.classification}`),
    }),
    breaks,
    palette,
    format: (v) => formatMeasure(ctx.i18n, state.measure, v),
    threshold: data.threshold ?? 5,
    integer: !POPULATION_MEASURES.has(state.measure) && breaks.every((b) => Number.isInteger(b)),
    t,
    showHidden: data.view !== 'raw' || entries.some((e) => e.state === 'hidden'),
    showUnknown: POPULATION_MEASURES.has(state.measure) || entries.some((e) => e.state === 'unknown'),
  });
}
