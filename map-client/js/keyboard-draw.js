// Drawing without a pointer: a crosshair marks the map centre, arrow keys pan, Enter adds a vertex at the centre, Backspace removes the last, F or the
// Finish button finishes, Escape cancels. Every step is announced in the live region.
import L from './leaflet.js';
import { h } from './dom.js';
import { COLOURS } from './map.js';

const MIN_VERTICES = { point: 1, line: 2, polygon: 3 };
const PAN_PX = 60;
// Leaflet ignores arrow keys while a pan animation runs; panning here without animation makes
// every press (and a held key) move the map.
const PANS = { ArrowLeft: [-PAN_PX, 0], ArrowRight: [PAN_PX, 0], ArrowUp: [0, -PAN_PX], ArrowDown: [0, PAN_PX] };

export function createKeyboardDrawing({ ctx, map, kinds, onFinish }) {
  const { t } = ctx.i18n;
  const container = map.getContainer();
  const wrapper = container.parentElement;
  const crosshair = h('div', { class: 'crosshair', hidden: true, 'aria-hidden': 'true' });
  wrapper.append(crosshair);
  const preview = L.layerGroup().addTo(map);
  let kind = null;
  let points = [];

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

  function redraw() {
    preview.clearLayers();
    const latlngs = points.map(([lon, lat]) => [lat, lon]);
    const style = { color: COLOURS.highlight, weight: 4, dashArray: '6 4' };
    latlngs.forEach((ll) => L.circleMarker(ll, { ...style, radius: 5, dashArray: null }).addTo(preview));
    if (kind === 'line' && latlngs.length > 1) L.polyline(latlngs, style).addTo(preview);
    if (kind === 'polygon' && latlngs.length > 1) L.polygon(latlngs, style).addTo(preview);
  }

  function begin() {
    kind = kindSelect.value;
    points = [];
    crosshair.hidden = false;
    active.hidden = false;
    wrapper.addEventListener('keydown', onKey, true);
    container.setAttribute('aria-describedby', 'keyboard-help');
    container.focus();
    ctx.announce(t('keyboard.started', { kind: t(`kind.${kind}`) }));
  }

  function stop() {
    kind = null;
    crosshair.hidden = true;
    active.hidden = true;
    preview.clearLayers();
    wrapper.removeEventListener('keydown', onKey, true);
    container.removeAttribute('aria-describedby');
  }

  function addVertex() {
    const c = map.getCenter();
    points.push([Number(c.lng.toFixed(7)), Number(c.lat.toFixed(7))]);
    redraw();
    if (kind === 'point') {
      done();
      return;
    }
    ctx.announce(t('keyboard.added', { count: points.length }));
  }

  function removeVertex() {
    if (points.length === 0) {
      ctx.announce(t('keyboard.nothingToRemove'));
      return;
    }
    points.pop();
    redraw();
    ctx.announce(t('keyboard.removed', { count: points.length }));
  }

  function done() {
    const needed = MIN_VERTICES[kind];
    if (points.length < needed) {
      ctx.announce(t('keyboard.needMore', { count: needed }));
      return;
    }
    const geometry = kind === 'point'
      ? { type: 'Point', coordinates: points[0] }
      : kind === 'line'
        ? { type: 'LineString', coordinates: points }
        : { type: 'Polygon', coordinates: [[...points, points[0]]] };
    stop();
    onFinish(geometry);
  }

  function abort() {
    stop();
    ctx.announce(t('keyboard.cancelled'));
    start.focus();
  }

  // Listens in the capture phase on the map's wrapper, so it acts before Leaflet's own handler.
  function onKey(event) {
    if (event.target !== container) return;
    if (PANS[event.key]) {
      event.preventDefault();
      event.stopPropagation();
      map.panBy(PANS[event.key], { animate: false });
      return;
    }
    const actions = { Enter: addVertex, Backspace: removeVertex, Escape: abort, f: done, F: done };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }

  start.addEventListener('click', begin);
  add.addEventListener('click', () => { addVertex(); });
  undo.addEventListener('click', removeVertex);
  finish.addEventListener('click', done);
  cancel.addEventListener('click', abort);
  return { element, destroy: stop };
}
