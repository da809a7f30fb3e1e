// The dashboard's choropleth: colour-blind-safe palettes, the hatch patterns for areas whose
// figure is hidden or whose population is unknown, and the legend. Patterns are SVG <pattern>
// elements made with DOM calls and referenced from Leaflet's fill attribute, which the
// Content-Security-Policy allows (no style attributes anywhere).
import L from './leaflet.js';
import { h } from './dom.js';
import { svg } from './charts.js';
import { classOf } from './classify.js';

/** Sequential, light to dark (viridis): readable with every common colour-vision deficiency. */
export const SEQUENTIAL = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];
/** Diverging around 1 (orange under, purple over), also colour-blind safe. */
export const DIVERGING = ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'];
const OUTLINE = '#1b1f24';

export const HATCH = { hidden: 'hatch-hidden', unknown: 'hatch-unknown' };

/** Appends the two hatch patterns to an <svg>, under the given id prefix. */
function addPatterns(root, prefix = '') {
  const defs = svg('defs');
  defs.append(
    svg('pattern', { id: `${prefix}${HATCH.hidden}`, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: 8, height: 8, fill: '#d9dde3' }),
      svg('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#4a5563', 'stroke-width': 3 })),
    svg('pattern', { id: `${prefix}${HATCH.unknown}`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
      svg('rect', { width: 8, height: 8, fill: '#ffffff' }),
      svg('path', { d: 'M0 0L8 8M8 0L0 8', stroke: '#4a5563', 'stroke-width': 1.2 })));
  root.prepend(defs);
}

/**
 * Draws areas on the map. entries: [{feature, value, state: 'value'|'hidden'|'unknown', tooltip}]
 * fit: move the map to the areas first. Returns the Leaflet layer (a feature group), on the map.
 */
export function choroplethLayer({ map, entries, breaks, palette, fit }) {
  const group = L.featureGroup();
  for (const entry of entries) {
    const c = entry.state === 'value' ? classOf(entry.value, breaks) : -1;
    const fill = entry.state === 'hidden' ? `url(#${HATCH.hidden})`
      : entry.state === 'unknown' || c < 0 ? `url(#${HATCH.unknown})`
        : palette[Math.min(c, palette.length - 1)];
    const layer = L.geoJSON(entry.feature, {
      style: { color: OUTLINE, weight: 1, opacity: 0.8, fillColor: fill, fillOpacity: 0.75 },
    });
    // A node, not a string: Leaflet would read a string as HTML, and area names are data.
    layer.bindTooltip(h('span', { text: entry.tooltip }), { sticky: true });
    group.addLayer(layer);
  }
  // Leaflet adds layers only once the map has a view, so the view comes first when it is new.
  if (fit && entries.length) map.fitBounds(group.getBounds(), { padding: [8, 8] });
  group.addTo(map);
  const element = firstPath(group);
  const root = element?.ownerSVGElement;
  if (root && !root.querySelector(`#${HATCH.hidden}`)) addPatterns(root);
  return group;
}

function firstPath(group) {
  let found = null;
  group.eachLayer((geo) => geo.eachLayer?.((layer) => { found = found ?? layer.getElement?.(); }));
  return found;
}

/**
 * Palette colours for the classes actually used: a diverging palette keeps its middle at the
 * middle class, a sequential one spreads from light to dark.
 */
export function paletteFor(classes, diverging) {
  const base = diverging ? DIVERGING : SEQUENTIAL;
  if (classes >= base.length) return base;
  if (classes <= 1) return [base[Math.floor(base.length / 2)]];
  return Array.from({ length: classes }, (_, i) => base[Math.round((i * (base.length - 1)) / (classes - 1))]);
}

/** The legend: one swatch and range per class, then the two hatches. */
export function legend({ id, title, breaks, palette, format, t, showHidden, showUnknown, integer = false, threshold = 5 }) {
  const items = [];
  for (let c = 0; c < breaks.length - 1; c++) {
    // Class c holds values above breaks[c] (except the first, which holds it too): for counts
    // the range starts at the next whole number, so neighbouring classes do not seem to overlap.
    const low = breaks[c] !== null && c > 0 && integer ? breaks[c] + 1 : breaks[c];
    const high = breaks[c + 1];
    const text = low === null ? t('part.legend.upTo', { value: format(high) })
      : high === null ? t('part.legend.above', { value: format(breaks[c]) })
        : low === high ? format(low)
          : t(c > 0 && !integer ? 'part.legend.rangeAbove' : 'part.legend.range', { low: format(low), high: format(high) });
    items.push(legendItem(swatch({ fill: palette[Math.min(c, palette.length - 1)] }), text));
  }
  if (showHidden) items.push(legendItem(swatch({ pattern: HATCH.hidden }), t('part.legend.hidden', { threshold })));
  if (showUnknown) items.push(legendItem(swatch({ pattern: HATCH.unknown }), t('part.legend.unknown')));
  return h('figure', { class: 'legend', id },
    h('figcaption', { text: title }),
    h('ul', {}, items));
}

function legendItem(mark, text) {
  return h('li', {}, mark, h('span', { text }));
}

let swatches = 0;
function swatch({ fill, pattern }) {
  const root = svg('svg', { width: 24, height: 16, viewBox: '0 0 24 16', 'aria-hidden': 'true', focusable: 'false', class: 'swatch' });
  let paint = fill;
  if (pattern) {
    swatches += 1;
    const prefix = `legend-${swatches}-`;
    addPatterns(root, prefix);
    paint = `url(#${prefix}${pattern})`;
  }
  root.append(svg('rect', { x: 0.5, y: 0.5, width: 23, height: 15, fill: paint, stroke: OUTLINE }));
  return root;
}

/** An area's centre for drawing flows: the centroid of its largest outer ring ([lat, lng]). */
export function centreOf(feature) {
  const g = feature.geometry;
  const polygons = g?.type === 'MultiPolygon' ? g.coordinates : g?.type === 'Polygon' ? [g.coordinates] : [];
  let best = null;
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    let area = 0;
    let x = 0;
    let y = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      area += cross;
      x += (ring[j][0] + ring[i][0]) * cross;
      y += (ring[j][1] + ring[i][1]) * cross;
    }
    if (area !== 0 && (!best || Math.abs(area) > best.size)) best = { size: Math.abs(area), at: [y / (3 * area), x / (3 * area)] };
  }
  return best?.at ?? null;
}

/**
 * Flows from home area to proposal area as lines on the map, thicker for more proposals, with a
 * dot where the proposals are; proposals in the home area itself are a ring. flows: [{from,
 * to ([lat, lng]), count (number), label}]. Lines have a white casing so they read on any class.
 */
export function flowLayer({ map, flows }) {
  const group = L.featureGroup();
  const max = Math.max(1, ...flows.map((f) => f.count));
  for (const flow of flows) {
    const weight = 2 + (6 * flow.count) / max;
    // One node per tooltip: a node can be in one place only.
    const tooltip = () => h('span', { text: flow.label });
    if (flow.from[0] === flow.to[0] && flow.from[1] === flow.to[1]) {
      group.addLayer(L.circleMarker(flow.to, { radius: 6 + weight, color: OUTLINE, weight: 2, fill: false }).bindTooltip(tooltip()));
      continue;
    }
    group.addLayer(L.polyline([flow.from, flow.to], { color: '#ffffff', weight: weight + 3, opacity: 0.9, interactive: false }));
    group.addLayer(L.polyline([flow.from, flow.to], { color: OUTLINE, weight, opacity: 0.9 }).bindTooltip(tooltip(), { sticky: true }));
    group.addLayer(L.circleMarker(flow.to, { radius: 3 + weight / 2, color: '#ffffff', weight: 2, fillColor: OUTLINE, fillOpacity: 1 }).bindTooltip(tooltip()));
  }
  return group.addTo(map);
}
