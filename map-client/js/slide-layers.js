// A slide's saved map view drawn with Leaflet from the public endpoints: proposals by status,
// chosen proposals (and their variants), DBSCAN clusters, Gi* hot spots and the participation
// choropleth, each with its legend. A layer that cannot be had is named, not drawn; the others
// still are. Labels and tooltips are DOM nodes: titles are what residents wrote.
import L from './leaflet.js';
import { h } from './dom.js';
import { COLOURS } from './map.js';
import {
  clusterLayer, hotspotLayer, clusterLegend, hotspotLegend, legendFigure,
} from './analysis-layers.js';
import { choroplethLayer, legend as choroplethLegend, paletteFor } from './choropleth.js';
import { quantileBreaks } from './classify.js';
import { measureOf } from './measures.js';
import { countText } from './format.js';
import { isAbort } from './api.js';
import { itemLayer, itemLegend } from './vote-results/map.js';
import { statusOf } from './vote-admin/common.js';

/** Statuses a slide may show (submitted ones are for staff only) and their colours (3:1 on white). */
export const PUBLIC_STATUSES = ['published', 'under_consideration', 'accepted', 'rejected', 'realised'];
const STATUS_COLOURS = {
  published: '#0b5cad', under_consideration: '#8a4b00', accepted: '#00755e', rejected: '#4a5563', realised: '#6a1b9a',
};
export const LAYER_NAMES = ['proposals', 'chosen', 'clusters', 'hotspots', 'participation', 'vote'];
const MAX_PROPOSALS = 1000;

/** [[south, west], [north, east]] of a view's bbox, as Leaflet takes bounds. */
export function viewBounds(view) {
  const [minLon, minLat, maxLon, maxLat] = view.bbox;
  return L.latLngBounds([minLat, minLon], [maxLat, maxLon]);
}

function shapes(features, style) {
  return L.geoJSON({ type: 'FeatureCollection', features }, {
    style: () => style,
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...style, radius: style.radius ?? 9, fillOpacity: 0.6 }),
    onEachFeature: (f, layer) => layer.bindTooltip(h('span', { text: f.properties?.title ?? '' }), { sticky: true }),
  });
}

const DRAW = {
  async proposals({ ctx, map, projectId, view, params, signal }) {
    const { t } = ctx.i18n;
    const statuses = params.statuses ?? PUBLIC_STATUSES;
    const bbox = view.bbox.join(',');
    const answers = await Promise.all(statuses.map((status) => ctx.api.get('/api/proposals', {
      query: { project: projectId, status, bbox, limit: MAX_PROPOSALS }, signal,
    })));
    statuses.forEach((status, i) => {
      const colour = STATUS_COLOURS[status];
      shapes(answers[i].features, { color: colour, fillColor: colour, weight: 4, fillOpacity: 0.25 }).addTo(map);
    });
    return legendFigure('slide-legend-proposals', t('present.layer.proposals'),
      statuses.map((status, i) => ({ fill: STATUS_COLOURS[status], text: `${t(`status.${status}`)} (${ctx.i18n.formatNumber(answers[i].features.length)})` })));
  },

  async chosen({ ctx, map, params, signal }) {
    const { t } = ctx.i18n;
    // A proposal hidden or withdrawn since the slide was made is left out, not an error.
    const settled = await Promise.allSettled((params.proposalIds ?? []).map((id) => ctx.api.get(`/api/proposals/${id}`, { signal })));
    if (signal.aborted) throw new DOMException('left the slide', 'AbortError');
    const proposals = settled.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    const ids = proposals.map((p) => p.id);
    const variants = params.variants
      ? (await Promise.all(ids.map((id) => ctx.api.get(`/api/proposals/${id}/variants`, { signal })))).flatMap((c) => c.features)
      : [];
    if (variants.length) {
      shapes(variants, { color: COLOURS.variant, fillColor: COLOURS.variant, weight: 4, dashArray: '10 6', fillOpacity: 0.1 }).addTo(map);
    }
    shapes(proposals, { color: COLOURS.highlight, fillColor: COLOURS.highlight, weight: 7, fillOpacity: 0.3, radius: 12 }).addTo(map);
    const items = [{ fill: COLOURS.highlight, text: t('present.legend.chosen', { count: proposals.length }) }];
    if (params.variants) items.push({ fill: COLOURS.variant, opacity: 0.4, text: t('present.legend.variants', { count: variants.length }) });
    return legendFigure('slide-legend-chosen', t('present.layer.chosen'), items,
      proposals.map((p) => p.properties.title).join(' · '));
  },

  async clusters({ ctx, map, projectId, params, signal }) {
    const { t } = ctx.i18n;
    const answer = await ctx.api.get(`/api/projects/${projectId}/analysis/clusters`, {
      query: { eps: params.eps, minPoints: params.minPoints }, signal,
    });
    clusterLayer({
      map,
      clusters: answer.features,
      label: (f) => t('present.clusterLabel', { number: f.properties.cluster, members: countText(ctx.i18n, f.properties.members) }),
    });
    return clusterLegend(t);
  },

  async hotspots({ ctx, map, projectId, params, signal }) {
    const { t } = ctx.i18n;
    const answer = await ctx.api.get(`/api/projects/${projectId}/analysis/hotspots`, {
      query: { size: params.size }, signal,
    });
    hotspotLayer({ map, features: answer.features, tooltip: (f) => t(`analysis.hotspots.class.${f.properties.class ?? 0}`) });
    return hotspotLegend(t);
  },

  async participation({ ctx, map, projectId, params, signal }) {
    const { t } = ctx.i18n;
    const answer = await ctx.api.get(`/api/projects/${projectId}/participation.geojson`, {
      query: { set: params.set }, signal,
    });
    const format = (v) => ctx.i18n.formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const entries = answer.features.map((feature) => {
      const { value, state } = measureOf(feature.properties, 'ratePer1000');
      const shown = state === 'value' ? format(value) : t(state === 'hidden' ? 'present.legend.hidden' : 'part.legend.unknown');
      return { feature, value, state, tooltip: `${feature.properties.name}: ${shown}` };
    });
    const breaks = quantileBreaks(entries.filter((e) => e.state === 'value').map((e) => e.value), 5);
    const palette = paletteFor(Math.max(1, breaks.length - 1), false);
    choroplethLayer({ map, entries, breaks, palette, fit: false });
    // The shared legend names the threshold, which the public GeoJSON does not carry: a slide
    // says "hidden" without the number.
    const legendT = (key, p) => (key === 'part.legend.hidden' ? t('present.legend.hidden') : t(key, p));
    return choroplethLegend({
      id: 'slide-legend-participation', title: t('present.layer.participation'), breaks, palette, format, t: legendT,
      showHidden: entries.some((e) => e.state === 'hidden'), showUnknown: entries.some((e) => e.state === 'unknown'),
    });
  },

  // A vote's items coloured by pot: once closed, filled where the vote's own rule funds them and
  // dashed where not (as the meeting record draws them); before that, the items on the ballot.
  async vote({ ctx, map, params, signal }) {
    const { t } = ctx.i18n;
    const vote = await ctx.api.get(`/api/votes/${params.voteId}`, { signal });
    if (['upcoming', 'open'].includes(statusOf(vote))) {
      const items = await ctx.api.get(`/api/votes/${params.voteId}/items`, { signal });
      itemLayer({ ctx, vote, features: items.features ?? [], rule: vote.rule, onBallot: true }).addTo(map);
      return itemLegend({ ctx, vote, id: 'slide-legend-vote', caption: t('voteResults.slide.ballotTitle', { title: vote.title }) });
    }
    const items = await ctx.api.get(`/api/votes/${params.voteId}/results/items`, { signal });
    itemLayer({ ctx, vote, features: items.features ?? [], rule: vote.rule }).addTo(map);
    return itemLegend({ ctx, vote, id: 'slide-legend-vote', caption: t('voteResults.slide.legendTitle', { title: vote.title }), withUnfunded: true });
  },
};

/**
 * Draws every layer of the view on the map (the choropleth first, so shapes lie on top) and
 * returns { legends, failed }: a legend per layer drawn and the names of the layers that failed.
 */
export async function drawView({ ctx, map, projectId, view, signal }) {
  const order = ['participation', 'hotspots', 'clusters', 'vote', 'proposals', 'chosen'];
  const names = order.filter((name) => view.layers?.[name]);
  const results = await Promise.all(names.map(async (name) => {
    try {
      return { name, legend: await DRAW[name]({ ctx, map, projectId, view, params: view.layers[name], signal }) };
    } catch (error) {
      if (isAbort(error)) throw error;
      return { name, failed: true };
    }
  }));
  const byName = new Map(results.map((r) => [r.name, r]));
  const shown = LAYER_NAMES.filter((name) => byName.has(name)).map((name) => byName.get(name));
  return { legends: shown.filter((r) => r.legend).map((r) => r.legend), failed: shown.filter((r) => r.failed).map((r) => r.name) };
}
