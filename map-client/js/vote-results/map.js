// The results map: every ballot item drawn in the colour of its pot, funded ones filled and drawn
// solid, the others as dashed outlines, with a legend that says both in words. The projector's
// vote layer draws the same shapes (and, before the vote closes, the items on the ballot), so the shapes and colours live here.
import L from '../leaflet.js';
import { h } from '../dom.js';
import { createMap, destroyMap, addProjectArea } from '../map.js';
import { legendFigure } from '../analysis-layers.js';
import { euros } from '../format.js';
import { potLabel } from '../vote-admin/common.js';

/** Pot colours: distinct for common colour-vision deficiencies and at least 3:1 on the light map. */
export const POT_COLOURS = ['#0072b2', '#d55e00', '#007a5a', '#6a1b9a', '#8a4b00', '#b3261e', '#1b1f24', '#a0307a'];

export function potColour(vote, potId) {
  const i = vote.pots.findIndex((pot) => pot.id === potId);
  return POT_COLOURS[(i < 0 ? 0 : i) % POT_COLOURS.length];
}

/** Whether the rule funds an item, read from the item's properties in the forms a server may write. */
export function fundedBy(properties, rule) {
  const f = properties.funded;
  if (f && typeof f === 'object') return Boolean(f[rule] ?? f[rule === 'equal_shares' ? 'equalShares' : rule]);
  const camel = rule === 'equal_shares' ? 'fundedEqualShares' : 'fundedGreedy';
  if (camel in properties) return Boolean(properties[camel]);
  if (`funded_${rule}` in properties) return Boolean(properties[`funded_${rule}`]);
  return Boolean(f);
}

/** The items as Leaflet layers, filled where the rule funds them, dashed where not; onBallot: all filled, before counting. */
export function itemLayer({ ctx, vote, features, rule, onBallot = false }) {
  const { t } = ctx.i18n;
  const group = L.featureGroup();
  for (const feature of features) {
    if (!feature.geometry) continue;
    const p = feature.properties;
    const funded = onBallot || fundedBy(p, rule);
    const colour = potColour(vote, p.potId);
    const style = funded
      ? { color: colour, fillColor: colour, weight: 4, fillOpacity: 0.45 }
      : { color: colour, fillColor: colour, weight: 3, fillOpacity: 0, dashArray: '6 6' };
    const layer = L.geoJSON(feature, {
      style: () => style,
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...style, radius: funded ? 10 : 8, fillOpacity: funded ? 0.8 : 0.1 }),
    });
    const key = onBallot ? 'voteResults.map.ballotItem' : funded ? 'voteResults.map.fundedItem' : 'voteResults.map.notFundedItem';
    const label = t(key, { title: p.title, cost: euros(ctx.i18n, p.cost) });
    layer.bindTooltip(h('span', { text: label }), { sticky: true });
    group.addLayer(layer);
  }
  return group;
}

/** The pots' colours; withUnfunded adds the note on filled and dashed items. */
export function itemLegend({ ctx, vote, id, caption = ctx.i18n.t('voteResults.map.legendTitle'), withUnfunded = false }) {
  const { t } = ctx.i18n;
  const items = vote.pots.map((pot) => ({ key: pot.id, fill: potColour(vote, pot.id), text: potLabel(ctx.i18n, pot) }));
  return legendFigure(id, caption, items, withUnfunded ? t('voteResults.map.legendNote') : null);
}

/** The map section of the results page: mount() once in the document, draw(features, rule). */
export function resultsMap({ ctx, vote, project }) {
  const { t } = ctx.i18n;
  const element = h('div', { id: 'results-map', class: 'vote-admin-map' });
  const legendSlot = h('div', { class: 'legend-slot' });
  let map = null;
  let layer = null;
  return {
    element: h('div', { class: 'map-with-legend' }, element, legendSlot),
    mount() {
      map = createMap({ element, ctx, label: t('voteResults.map.label', { title: vote.title }) });
      addProjectArea({ map, project });
    },
    draw(features, rule) {
      layer?.remove();
      layer = itemLayer({ ctx, vote, features, rule }).addTo(map);
      const funded = features.filter((f) => f.geometry && fundedBy(f.properties, rule)).length;
      element.setAttribute('aria-label', t('voteResults.map.labelFull', { title: vote.title, count: funded }));
      legendSlot.replaceChildren(itemLegend({ ctx, vote, id: 'results-legend', withUnfunded: true }));
    },
    destroy() { if (map) destroyMap(map); },
  };
}
