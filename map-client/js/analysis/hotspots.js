// The analysis page's Gi* hot spots: hexagons (or areas) coloured by class, and how many are hot
// and cold.
import { h } from '../dom.js';
import { countText, decimal } from '../format.js';
import { hotspotLayer, hotspotLegend } from '../analysis-layers.js';

/** Draws the answer into the view; `areas`: the units are a boundary set's areas, not hexagons. */
export function drawHotspots(ctx, view, answer, areas) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const features = answer.features ?? [];
  view.layer = hotspotLayer({
    map: view.map,
    features,
    tooltip: (f) => t('analysis.hotspots.tooltip', {
      proposals: countText(i18n, f.properties.proposals), z: decimal(i18n, f.properties.z),
      class: t(`analysis.hotspots.class.${f.properties.class ?? 0}`),
    }),
  });
  view.legend.replaceChildren(hotspotLegend(t));
  const hot = features.filter((f) => f.properties.class > 0).length;
  const cold = features.filter((f) => f.properties.class < 0).length;
  view.status.textContent = t(areas ? 'analysis.hotspots.loadedAreas' : 'analysis.hotspots.loaded', { count: features.length, hot, cold });
  view.list.replaceChildren(h('p', { id: 'hotspot-summary', text: view.status.textContent }));
  view.mapElement.setAttribute('aria-label', t(areas ? 'analysis.map.hotspotsAreas' : 'analysis.map.hotspots', { hot, cold }));
}
