// Leaflet map factory: the basemap the server configures (same-origin tiles) or none, translated
// controls, and the project area outline. Shapes use colours with at least 3:1 contrast against
// the light map background.
import L from './leaflet.js';

export const COLOURS = {
  area: '#1b1f24',
  proposal: '#0b5cad',
  highlight: '#b3261e',
  variant: '#6a1b9a',
  pin: '#8a4b00',
};

/**
 * interactive: false gives a picture of a map (the projector's): no panning, zooming or keys, so
 * the presenter's keys move between slides. basemap: false draws no tiles at all.
 */
export function createMap({ element, ctx, label, interactive = true, basemap: withBasemap = true }) {
  const { t } = ctx.i18n;
  element.classList.add('map');
  element.setAttribute('aria-label', label ?? t('map.label'));
  element.setAttribute('role', 'region');
  const still = interactive ? {} : {
    dragging: false, keyboard: false, scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false,
    touchZoom: false, zoomSnap: 0.25,
  };
  const map = L.map(element, { zoomControl: false, attributionControl: true, ...still });
  if (interactive) L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
  map.attributionControl.setPrefix(false);
  // Chromium puts every SVG shape in the Tab order, so a map with hundreds of proposals took
  // hundreds of presses to leave. Shapes are reached through the list instead; markers (the
  // clusters and pins) keep their own keyboard access.
  map.on('layeradd', ({ layer }) => {
    if (layer instanceof L.Path) layer.getElement()?.setAttribute('tabindex', '-1');
  });
  const basemap = ctx.config?.basemap;
  if (withBasemap && basemap?.tiles && isSameOrigin(basemap.tiles)) {
    L.tileLayer(basemap.tiles, {
      maxZoom: basemap.maxZoom ?? 19,
      attribution: basemap.attribution ? escapeText(basemap.attribution) : undefined,
    }).addTo(map);
  }
  return map;
}

export function addProjectArea({ map, project, fit = true }) {
  const layer = L.geoJSON(project.geometry, {
    interactive: false,
    style: { color: COLOURS.area, weight: 3, dashArray: '8 6', fill: false },
  }).addTo(map);
  if (fit) map.fitBounds(layer.getBounds(), { padding: [16, 16] });
  return layer;
}

/**
 * Removes a map when the page goes away. Leaflet fails (reading _leaflet_pos) when a map is
 * removed during a zoom animation, so removal waits for the animation to end.
 */
export function destroyMap(map) {
  map.stop();
  if (map.getPane('mapPane')?.classList.contains('leaflet-zoom-anim')) map.once('zoomend', () => map.remove());
  else map.remove();
}

/** A GeoJSON layer for proposal-like features; points become circle markers. */
export function shapeLayer({ data, colour, weight = 3, dashArray, fillOpacity = 0.15 }) {
  const style = { color: colour, weight, dashArray, fillColor: colour, fillOpacity };
  return L.geoJSON(data, {
    style: () => style,
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { ...style, radius: 8, fillOpacity: 0.5 }),
  });
}

function isSameOrigin(template) {
  return template.startsWith('/') && !template.startsWith('//');
}

// Leaflet puts attribution in as HTML; the configured text is escaped so it stays text.
function escapeText(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}
