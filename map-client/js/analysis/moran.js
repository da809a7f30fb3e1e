// The analysis page's Moran: local (LISA) classes on the map and the global I with its verdict,
// for proposals or (over areas) participation per 1,000 residents.
import { h } from '../dom.js';
import { countText, decimal } from '../format.js';
import { lisaLayer, lisaLegend } from '../analysis-layers.js';

/** Draws the answer into the view; `areas`: the units are a boundary set's areas, not hexagons. */
export function drawMoran(ctx, view, answer, areas) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const features = answer.features ?? [];
  view.layer = lisaLayer({
    map: view.map,
    features,
    tooltip: (f) => t('analysis.moran.tooltip', {
      proposals: countText(i18n, f.properties.proposals),
      class: t(`analysis.moran.class.${f.properties.cluster ?? 'UNKNOWN'}`),
    }),
  });
  view.legend.replaceChildren(lisaLegend(t));
  view.global.replaceChildren(globalSection(ctx, answer));
  const counts = Object.fromEntries(['HH', 'LL', 'HL', 'LH'].map((c) => [c, features.filter((f) => f.properties.cluster === c).length]));
  view.status.textContent = t(areas ? 'analysis.moran.loadedAreas' : 'analysis.moran.loaded', { count: features.length, ...counts });
  view.mapElement.setAttribute('aria-label', t(areas ? 'analysis.map.moranAreas' : 'analysis.map.moran', counts));
}

function globalSection(ctx, answer) {
  const { t } = ctx.i18n;
  const number = (v, digits) => decimal(ctx.i18n, v, digits);
  const g = answer.global ?? {};
  return h('section', { class: 'part-section', 'aria-labelledby': 'moran-global-heading' },
    h('h2', { id: 'moran-global-heading', text: t('analysis.moran.globalHeading') }),
    h('p', { id: 'moran-global', text: t('analysis.moran.global', {
      i: number(g.i, 3), expected: number(g.expected, 3), z: number(g.z), p: number(g.permutationP ?? g.p, 3),
    }) }),
    // The verdict names what was measured: proposals, or participation per 1,000 residents.
    h('p', { class: 'hint', text: t(typeof g.p === 'number' && (g.permutationP ?? g.p) < 0.05
      ? `analysis.moran.${g.i > (g.expected ?? 0) ? 'clustered' : 'dispersed'}${
        answer.parameters?.measure === 'participation' ? 'Participation' : ''}`
      : 'analysis.moran.random') }));
}
