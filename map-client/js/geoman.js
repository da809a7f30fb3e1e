// Geoman drawing and editing with a toolbar limited to what the project allows. Its buttons are
// links named only by their wrapper's title, so each gets that title as aria-label and a stable id.
// The toolbar stands in a bar of its own above the map, not on it: on a phone, Geoman's action
// strip (finish, remove the last point, cancel) covered the middle of the map and took the taps
// meant for the drawing.
import L from './leaflet.js';
import { h } from './dom.js';

const DRAW_BUTTON = { point: 'drawMarker', line: 'drawPolyline', polygon: 'drawPolygon' };

export function addDrawingToolbar({ ctx, map, kinds, edit = true }) {
  map.pm.setLang(ctx.i18n.language);
  const controls = {
    position: 'topleft',
    drawMarker: false, drawPolyline: false, drawPolygon: false, drawCircleMarker: false,
    drawRectangle: false, drawCircle: false, drawText: false, cutPolygon: false, rotateMode: false,
    dragMode: false, editMode: edit, removalMode: edit,
  };
  for (const kind of kinds) controls[DRAW_BUTTON[kind]] = true;
  map.pm.addControls(controls);
  const bar = h('div', { class: 'draw-bar', role: 'group', 'aria-label': ctx.i18n.t('draw.tools') });
  const wrapper = map.getContainer().parentElement;
  (wrapper.classList.contains('map-wrap') ? wrapper : map.getContainer()).before(bar);
  const moveToBar = () => {
    bar.replaceChildren(...map.getContainer().querySelectorAll('.leaflet-pm-toolbar'));
    bar.hidden = !bar.querySelector('.button-container');
    nameButtons(bar);
  };
  moveToBar();
  map.on('pm:langchange', moveToBar);
  map.on('unload', () => bar.remove());
  nameVertexHandles({ ctx, map });
}

// Geoman's vertex handles are role=button elements without a name; name each as it appears.
function nameVertexHandles({ ctx, map }) {
  const pane = map.getPane('markerPane');
  const name = (element) => {
    if (!element.classList?.contains('marker-icon') || element.hasAttribute('aria-label')) return;
    const middle = element.classList.contains('marker-icon-middle');
    element.setAttribute('aria-label', ctx.i18n.t(middle ? 'draw.midpoint' : 'draw.vertex'));
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(name);
  });
  observer.observe(pane, { childList: true });
  pane.childNodes.forEach(name);
  map.on('unload', () => observer.disconnect());
}

export function nameButtons(element) {
  for (const container of element.querySelectorAll('.button-container')) {
    const button = container.querySelector('a.leaflet-buttons-control-button');
    const title = container.getAttribute('title');
    if (!button || !title) continue;
    button.setAttribute('aria-label', title);
    const icon = container.querySelector('.control-icon');
    const name = [...(icon?.classList ?? [])].find((c) => c.startsWith('leaflet-pm-icon-'));
    if (name) button.id = `draw-${name.slice('leaflet-pm-icon-'.length)}`;
  }
}

/** A layer from a GeoJSON geometry that Geoman can edit (points become draggable markers). */
export function editableLayer(geometry, style) {
  let layer = null;
  L.geoJSON(geometry, { style: () => style }).eachLayer((l) => { layer = l; });
  return layer;
}
