// The analysis page's map layers and legends: DBSCAN cluster outlines with labels, Gi* hot-spot
// hexagons in a diverging red–blue palette, local Moran (LISA) classes, and the kernel-density
// heatmap drawn from its grid on a canvas. Labels and tooltips are DOM nodes (Leaflet reads a
// string as HTML, and titles are what residents wrote); colours are attributes, never style.
import L from './leaflet.js';
import { h } from './dom.js';
import { svg } from './charts.js';

const OUTLINE = '#1b1f24';
const CLUSTER = '#0b5cad';

/** Gi* classes −3…3 (99/95/90 % cold, not significant, 90/95/99 % hot): ColorBrewer RdBu, 7 classes. */
export const HOTSPOT_COLOURS = {
  '-3': '#2166ac', '-2': '#67a9cf', '-1': '#d1e5f0', 0: '#f7f7f7', 1: '#fddbc7', 2: '#ef8a62', 3: '#b2182b',
};
/** Legend order: hot first, as ArcGIS and GeoDa show it. */
export const HOTSPOT_CLASSES = [3, 2, 1, 0, -1, -2, -3];

/** LISA types in the usual GeoDa colours (red high, blue low, pale for the outliers). */
export const LISA_COLOURS = {
  HH: '#b2182b', LL: '#2166ac', HL: '#ef8a62', LH: '#67a9cf', NOT_SIGNIFICANT: '#f7f7f7', UNKNOWN: '#bdbdbd',
};
export const LISA_CLASSES = ['HH', 'LL', 'HL', 'LH', 'NOT_SIGNIFICANT'];

/** The heatmap's ramp, light to dark (viridis, read from the high end): colour-blind safe. */
const RAMP = [[253, 231, 37], [94, 201, 98], [33, 145, 140], [59, 82, 139], [68, 1, 84]];

/**
 * Cluster outlines, each with a permanent label: number, member count and top words.
 * clusters: the GeoJSON features of /analysis/clusters.
 */
export function clusterLayer({ map, clusters, label }) {
  const group = L.featureGroup();
  for (const feature of clusters) {
    const layer = L.geoJSON(feature, {
      style: { color: CLUSTER, weight: 3, fillColor: CLUSTER, fillOpacity: 0.15 },
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { color: CLUSTER, weight: 3, radius: 10, fillOpacity: 0.15 }),
    });
    layer.bindTooltip(h('span', { text: label(feature) }), {
      permanent: true, direction: 'center', className: 'cluster-label', opacity: 1,
    });
    group.addLayer(layer);
  }
  return group.addTo(map);
}

/** Hexagons (or areas) coloured by their Gi* class, each with a tooltip. */
export function hotspotLayer({ map, features, tooltip }) {
  return L.geoJSON({ type: 'FeatureCollection', features }, {
    style: (f) => {
      const c = f.properties?.class ?? 0;
      return { color: OUTLINE, weight: 0.5, opacity: 0.5, fillColor: HOTSPOT_COLOURS[c] ?? HOTSPOT_COLOURS[0], fillOpacity: c === 0 ? 0.35 : 0.75 };
    },
    onEachFeature: (f, layer) => layer.bindTooltip(h('span', { text: tooltip(f) }), { sticky: true }),
  }).addTo(map);
}

/** Hexagons (or areas) coloured by their LISA type. */
export function lisaLayer({ map, features, tooltip }) {
  return L.geoJSON({ type: 'FeatureCollection', features }, {
    style: (f) => {
      const type = f.properties?.cluster ?? 'UNKNOWN';
      const quiet = type === 'NOT_SIGNIFICANT' || type === 'UNKNOWN';
      return { color: OUTLINE, weight: 0.5, opacity: 0.5, fillColor: LISA_COLOURS[type] ?? LISA_COLOURS.UNKNOWN, fillOpacity: quiet ? 0.35 : 0.75 };
    },
    onEachFeature: (f, layer) => layer.bindTooltip(h('span', { text: tooltip(f) }), { sticky: true }),
  }).addTo(map);
}

/** The ramp's colour for a share 0…1 of the largest value. */
export function rampColour(share) {
  const x = Math.min(1, Math.max(0, share)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  return RAMP[i].map((c, k) => Math.round(c + (RAMP[i + 1][k] - c) * f));
}

function hex(rgb) {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The density grid as an image: one pixel per cell, transparent where the density is 0.
 * values run row by row from the south-west, so the canvas (whose rows run from the top) is
 * filled upside down.
 */
export function gridImage(grid) {
  const { columns, rows, values, maxValue } = grid;
  const canvas = document.createElement('canvas');
  canvas.width = columns;
  canvas.height = rows;
  const context = canvas.getContext('2d');
  const image = context.createImageData(columns, rows);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < columns; col++) {
      const v = values[row * columns + col] ?? 0;
      if (!(v > 0) || !(maxValue > 0)) continue;
      const [r, g, b] = rampColour(v / maxValue);
      const at = ((rows - 1 - row) * columns + col) * 4;
      image.data[at] = r;
      image.data[at + 1] = g;
      image.data[at + 2] = b;
      image.data[at + 3] = 200;
    }
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}

/**
 * The heatmap on the map. The grid is square in the project's metric CRS; its outline, in
 * WGS 84, is a slightly skewed quadrilateral. The image is stretched over that outline's lat/lng
 * bounding box, in Web Mercator: over a project's extent (a few km) the skew between the metric
 * CRS (RD New or UTM) and Web Mercator is a fraction of a degree, well under a cell at the edges,
 * which a density surface smoothed over a bandwidth of tens of metres does not show. Cells are
 * not to be read one by one from the picture; the legend gives classes, not cell values.
 */
export function heatmapLayer({ map, grid, alt }) {
  const bounds = L.geoJSON(grid.outline).getBounds();
  return L.imageOverlay(gridImage(grid), bounds, { opacity: 0.85, alt, className: 'heatmap-image', interactive: false }).addTo(map);
}

// ——— legends ———

function swatch(fill, opacity = 1) {
  const root = svg('svg', { width: 24, height: 16, viewBox: '0 0 24 16', 'aria-hidden': 'true', focusable: 'false', class: 'swatch' });
  root.append(svg('rect', { x: 0.5, y: 0.5, width: 23, height: 15, fill, 'fill-opacity': opacity, stroke: OUTLINE }));
  return root;
}

/** A legend: a caption and one swatch per item ({fill, opacity, text, key}), and an optional note. */
export function legendFigure(id, title, items, note) {
  return h('figure', { class: 'legend', id },
    h('figcaption', { text: title }),
    h('ul', {}, items.map(({ fill, opacity, text, key }) => h('li', { dataset: key === undefined ? {} : { key: String(key) } },
      swatch(fill, opacity), h('span', { text })))),
    note ? h('p', { class: 'hint', text: note }) : null);
}

export function hotspotLegend(t) {
  return legendFigure('hotspot-legend', t('analysis.hotspots.legend'),
    HOTSPOT_CLASSES.map((c) => ({ key: c, fill: HOTSPOT_COLOURS[c], opacity: c === 0 ? 0.35 : 1, text: t(`analysis.hotspots.class.${c}`) })));
}

export function lisaLegend(t) {
  return legendFigure('lisa-legend', t('analysis.moran.legend'),
    [...LISA_CLASSES, 'UNKNOWN'].map((c) => ({ key: c, fill: LISA_COLOURS[c], opacity: c === 'NOT_SIGNIFICANT' || c === 'UNKNOWN' ? 0.35 : 1, text: t(`analysis.moran.class.${c}`) })));
}

export function clusterLegend(t) {
  return legendFigure('cluster-legend', t('analysis.clusters.legend'),
    [{ fill: CLUSTER, opacity: 0.3, text: t('analysis.clusters.legendItem') }]);
}

/** Five steps of the ramp with the density each stands for, and the unit. */
export function heatmapLegend({ t, maxValue, format }) {
  const items = [{ fill: '#ffffff', opacity: 0, text: t('analysis.heatmap.none') }];
  if (maxValue > 0) {
    for (const share of [0.2, 0.4, 0.6, 0.8, 1]) {
      items.push({ fill: hex(rampColour(share)), opacity: 0.85, text: t('analysis.heatmap.step', { value: format(share * maxValue) }) });
    }
  }
  return legendFigure('heatmap-legend', t('analysis.heatmap.legend'), items, t('analysis.heatmap.unitNote'));
}
