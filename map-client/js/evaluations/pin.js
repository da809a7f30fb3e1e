// An evaluation's optional pin: where the place is used, or where it is not. Placed with a click or
// tap on a small map of the project's area, or with the keyboard location picker (crosshair, arrow
// keys, Enter), and removed; then "used" or "not used" says what it marks.
import L from '../leaflet.js';
import { h } from '../dom.js';
import { createMap, destroyMap, addProjectArea, COLOURS } from '../map.js';
import { createKeyboardDrawing } from '../keyboard-draw.js';
import { insideArea } from '../geometry.js';
import { errorSlot } from '../forms.js';

/** Builds the fieldset inside `parent` (already in the document, so the map can measure itself). */
export function createEvaluationPin({ ctx, project, parent, initial }) {
  const { t } = ctx.i18n;
  let pin = null;
  const status = h('p', { class: 'hint', id: 'evaluation-pin-status', role: 'status' });
  const mapElement = h('div', { id: 'evaluation-map', class: 'evaluation-map' });
  const remove = h('button', { type: 'button', id: 'evaluation-pin-remove', hidden: true, text: t('evaluations.pinRemove') });
  const used = usedChoice(t);
  const fieldset = h('fieldset', { id: 'evaluation-pin', 'aria-describedby': 'evaluation-pin-status evaluation-pin-error' },
    h('legend', { text: t('evaluations.pinLegend') }),
    h('p', { class: 'hint', text: t('evaluations.pinHint') }),
    h('div', { class: 'map-wrap' }, mapElement),
    status, remove, used.element, errorSlot('evaluation-pin'));
  parent.append(fieldset);
  const map = createMap({ element: mapElement, ctx, label: t('evaluations.mapLabel') });
  addProjectArea({ map, project });
  const layer = L.featureGroup().addTo(map);

  function set(point, { announce = true } = {}) {
    layer.clearLayers();
    pin = point;
    if (point) {
      const [lon, lat] = point.coordinates;
      layer.addLayer(L.circleMarker([lat, lon], { radius: 9, color: COLOURS.pin, weight: 3, fillOpacity: 0.6 }));
    }
    remove.hidden = !point;
    used.enable(Boolean(point));
    status.textContent = describe();
    if (announce) ctx.announce(status.textContent);
  }
  const describe = () => {
    if (!pin) return t('evaluations.pinNone');
    return insideArea(pin, project.geometry) ? t('evaluations.pinSet') : `${t('evaluations.pinSet')} ${t('location.outside')}`;
  };
  const onClick = (event) => set({ type: 'Point', coordinates: [Number(event.latlng.lng.toFixed(7)), Number(event.latlng.lat.toFixed(7))] });
  map.on('click', onClick);
  remove.addEventListener('click', () => set(null));
  const keyboard = createKeyboardDrawing({ ctx, map, kinds: ['point'], area: project.geometry, onFinish: (geometry) => set(geometry) });
  fieldset.insertBefore(keyboard.element, status);
  set(initial?.pin ?? null, { announce: false });
  used.set(initial?.pinUsed ?? true);
  return {
    /** The pin and what it marks, as the server takes them: {} without a pin. */
    value: () => (pin ? { pin, pinUsed: used.value() } : {}),
    destroy() {
      keyboard.destroy();
      map.off('click', onClick);
      destroyMap(map);
    },
  };
}

/** "Used here" or "not used here", as two radio buttons, chosen only with a pin. */
function usedChoice(t) {
  const radio = (value, label) => {
    const input = h('input', { type: 'radio', name: 'evaluation-pin-used', id: `evaluation-pin-${value}`, value });
    return { input, element: h('div', { class: 'radio' }, input, h('label', { for: input.id, text: label })) };
  };
  const yes = radio('used', t('evaluations.pinUsed'));
  const no = radio('unused', t('evaluations.pinNotUsed'));
  const element = h('fieldset', { id: 'evaluation-pin-marks', class: 'choices' },
    h('legend', { text: t('evaluations.pinUsedLegend') }), yes.element, no.element);
  return {
    element,
    enable(on) {
      element.disabled = !on;
    },
    set(value) {
      yes.input.checked = value;
      no.input.checked = !value;
    },
    value: () => yes.input.checked,
  };
}
