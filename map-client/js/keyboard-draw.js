// Drawing without a pointer: a crosshair marks the map centre, arrow keys pan, Enter adds a vertex at the centre, Backspace removes the last, F or the
// Finish button finishes, Escape cancels. Every step is announced in the live region, and so is
// where the crosshair is while the map moves (at most once a second): how far and in which
// direction from the project area's centre, inside or outside the area, and how many points are
// set. A point outside the project area is refused when it is added, not only at the end.
import L from './leaflet.js';
import { h } from './dom.js';
import { COLOURS } from './map.js';
import { insideArea } from './geometry.js';

const MIN_VERTICES = { point: 1, line: 2, polygon: 3 };
const PAN_PX = 60;
// Leaflet ignores arrow keys while a pan animation runs; panning here without animation makes
// every press (and a held key) move the map.
const PANS = { ArrowLeft: [-PAN_PX, 0], ArrowRight: [PAN_PX, 0], ArrowUp: [0, -PAN_PX], ArrowDown: [0, PAN_PX] };
// Position messages wait this long after the previous one, so a held arrow key does not flood
// the screen reader; the last position is always told.
const POSITION_EVERY_MS = 1000;
const DIRECTIONS = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'];

/** area: the project's area (GeoJSON); with it, positions are told and points outside it refused. */
export function createKeyboardDrawing({ ctx, map, kinds, area = null, onFinish }) {
  const { t } = ctx.i18n;
  const container = map.getContainer();
  const wrapper = container.parentElement;
  const crosshair = h('div', { class: 'crosshair', hidden: true, 'aria-hidden': 'true' });
  wrapper.append(crosshair);
  const preview = L.layerGroup().addTo(map);
  const ui = drawingControls(t, kinds);
  const here = () => {
    const c = map.getCenter();
    return [Number(c.lng.toFixed(7)), Number(c.lat.toFixed(7))];
  };
  const inside = (point) => !area || insideArea({ type: 'Point', coordinates: point }, area);
  const editor = vertexEditor({ ctx, preview, inside, onComplete: (geometry) => { stop(); onFinish(geometry); } });
  const describe = positionDescriber({ ctx, map, area, inside });
  const position = positionTeller({ ctx, area, describe: () => describe(here(), editor.kind(), editor.count()) });

  function begin() {
    editor.reset(ui.kindSelect.value);
    crosshair.hidden = false;
    ui.active.hidden = false;
    wrapper.addEventListener('keydown', onKey, true);
    container.setAttribute('aria-describedby', 'keyboard-help');
    container.focus();
    ctx.announce(t('keyboard.started', { kind: t(`kind.${editor.kind()}`) }));
    position.hold();
  }

  function stop() {
    editor.reset(null, false);
    position.cancel();
    crosshair.hidden = true;
    ui.active.hidden = true;
    preview.clearLayers();
    wrapper.removeEventListener('keydown', onKey, true);
    container.removeAttribute('aria-describedby');
  }

  function addVertex() {
    const point = here();
    position.hold();
    editor.add(point);
  }

  function abort() {
    stop();
    ctx.announce(t('keyboard.cancelled'));
    ui.start.focus();
  }

  // Listens in the capture phase on the map's wrapper, so it acts before Leaflet's own handler.
  function onKey(event) {
    if (event.target !== container) return;
    if (PANS[event.key]) {
      event.preventDefault();
      event.stopPropagation();
      map.panBy(PANS[event.key], { animate: false });
      position.moved();
      return;
    }
    const actions = { Enter: addVertex, Backspace: editor.remove, Escape: abort, f: editor.finish, F: editor.finish };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }

  ui.start.addEventListener('click', begin);
  ui.add.addEventListener('click', () => { addVertex(); });
  ui.undo.addEventListener('click', editor.remove);
  ui.finish.addEventListener('click', editor.finish);
  ui.cancel.addEventListener('click', abort);
  return { element: ui.element, destroy: stop };
}

/** The kind chooser, the start button, and the buttons that stand in for the keys while drawing. */
function drawingControls(t, kinds) {
  const kindSelect = h('select', { id: 'keyboard-kind' },
    kinds.map((k) => h('option', { value: k, text: t(`kind.${k}`) })));
  const start = h('button', { type: 'button', id: 'keyboard-start', text: t('keyboard.start') });
  const add = h('button', { type: 'button', id: 'keyboard-add-vertex', text: t('keyboard.add') });
  const undo = h('button', { type: 'button', id: 'keyboard-undo', text: t('keyboard.undo') });
  const finish = h('button', { type: 'button', id: 'keyboard-finish', class: 'primary', text: t('keyboard.finish') });
  const cancel = h('button', { type: 'button', id: 'keyboard-cancel', text: t('keyboard.cancel') });
  const active = h('div', { class: 'keyboard-active', hidden: true },
    h('p', { class: 'hint', id: 'keyboard-help', text: t('keyboard.help') }),
    h('div', { class: 'actions' }, add, undo, finish, cancel));
  const element = h('div', { class: 'keyboard-drawing' },
    h('h3', { text: t('keyboard.heading') }),
    h('div', { class: 'field' }, h('label', { for: 'keyboard-kind', text: t('keyboard.kind') }), kindSelect),
    start, active);
  return { kindSelect, start, add, undo, finish, cancel, active, element };
}

/**
 * The vertices of the shape being drawn, shown as a dashed preview: a point outside the area is
 * refused, a point shape is complete with its one vertex, the others when finished with enough.
 */
function vertexEditor({ ctx, preview, inside, onComplete }) {
  const { t } = ctx.i18n;
  let kind = null;
  let points = [];
  const finish = () => {
    const needed = MIN_VERTICES[kind];
    if (points.length < needed) {
      ctx.announce(t('keyboard.needMore', { count: needed }));
      return;
    }
    onComplete(geometryOf(kind, points));
  };
  return {
    kind: () => kind,
    count: () => points.length,
    /** A new shape of this kind, or (next null, clear false) drawing stopped with the points left as they are. */
    reset(next, clear = true) {
      kind = next;
      if (clear) points = [];
    },
    add(point) {
      if (!inside(point)) {
        ctx.announce(t('keyboard.refusedOutside'));
        return;
      }
      points.push(point);
      drawPreview(preview, kind, points);
      if (kind === 'point') {
        finish();
        return;
      }
      ctx.announce(t('keyboard.added', { count: points.length }));
    },
    remove: () => {
      if (points.length === 0) {
        ctx.announce(t('keyboard.nothingToRemove'));
        return;
      }
      points.pop();
      drawPreview(preview, kind, points);
      ctx.announce(t('keyboard.removed', { count: points.length }));
    },
    finish,
  };
}

function drawPreview(preview, kind, points) {
  preview.clearLayers();
  const latlngs = points.map(([lon, lat]) => [lat, lon]);
  const style = { color: COLOURS.highlight, weight: 4, dashArray: '6 4' };
  latlngs.forEach((ll) => L.circleMarker(ll, { ...style, radius: 5, dashArray: null }).addTo(preview));
  if (kind === 'line' && latlngs.length > 1) L.polyline(latlngs, style).addTo(preview);
  if (kind === 'polygon' && latlngs.length > 1) L.polygon(latlngs, style).addTo(preview);
}

function geometryOf(kind, points) {
  if (kind === 'point') return { type: 'Point', coordinates: points[0] };
  if (kind === 'line') return { type: 'LineString', coordinates: points };
  return { type: 'Polygon', coordinates: [[...points, points[0]]] };
}

/** Where a point is, told from the area's centre: distance, compass direction, inside or not, points set. */
function positionDescriber({ ctx, map, area, inside }) {
  const { t } = ctx.i18n;
  let centre = null;
  return (point, kind, count) => {
    const where = t(inside(point) ? 'keyboard.insideArea' : 'keyboard.outsideArea');
    const set = kind === 'point' ? '' : ` ${t('keyboard.pointsSet', { count })}`;
    centre ??= L.geoJSON(area).getBounds().getCenter();
    const at = L.latLng(point[1], point[0]);
    const metres = map.distance(centre, at);
    if (metres < 5) return `${t('keyboard.atCentre', { where })}${set}`;
    const distance = metres < 1000
      ? ctx.i18n.formatNumber(Math.round(metres / 5) * 5, { style: 'unit', unit: 'meter' })
      : ctx.i18n.formatNumber(metres / 1000, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
    const direction = t(`keyboard.direction.${DIRECTIONS[compassSector(centre, at)]}`);
    return `${t('keyboard.position', { distance, direction, where })}${set}`;
  };
}

/** The compass sector (0 = north, clockwise in eighths) of `to` seen from `from`, both LatLngs. */
function compassSector(from, to) {
  const north = to.lat - from.lat;
  const east = (to.lng - from.lng) * Math.cos((from.lat * Math.PI) / 180);
  const degrees = (Math.atan2(east, north) * 180) / Math.PI;
  return Math.round(((degrees + 360) % 360) / 45) % 8;
}

/**
 * Tells the position after the map moved: at once when the last message is a second old, else
 * once that second is over, with the position as it is then. Without a project area, nothing.
 */
function positionTeller({ ctx, area, describe }) {
  let last = 0;
  let timer = null;
  const tell = () => {
    timer = null;
    last = Date.now();
    ctx.announce(describe());
  };
  return {
    moved() {
      if (!area || timer) return;
      const wait = last + POSITION_EVERY_MS - Date.now();
      if (wait <= 0) tell();
      else timer = setTimeout(tell, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = null;
    },
    /** Another message was just told: the next position waits its second after it. */
    hold() {
      this.cancel();
      last = Date.now();
    },
  };
}
