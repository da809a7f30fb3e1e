// The location fieldset of the proposal form: draw on the map (Geoman), draw with the keyboard,
// or — without the map — pick a neighbourhood or named place, or type an address; or say that the
// proposal is about the whole area, no particular place (no geometry, locationMethod whole_area).
// Whatever was chosen last is the proposal's location, with how it was chosen (locationMethod).
import L from './leaflet.js';
import { h } from './dom.js';
import { createMap, destroyMap, addProjectArea, COLOURS } from './map.js';
import { addDrawingToolbar } from './geoman.js';
import { createKeyboardDrawing } from './keyboard-draw.js';
import { insideArea, KIND_OF_TYPE } from './geometry.js';
import { errorSlot } from './forms.js';

/** Builds the fieldset inside `parent` (already in the document, so the map can measure itself). */
export function createLocationPicker({ ctx, project, parent }) {
  const { t } = ctx.i18n;
  const kinds = project.properties.geometryKinds ?? ['point', 'line', 'polygon'];
  let location = null;
  const status = h('p', { id: 'location-status', class: 'location-status', text: t('location.none') });
  const mapElement = h('div', { id: 'new-proposal-map' });
  // Before the map, so that on a phone it is found without scrolling past the map.
  const wholeArea = h('input', { type: 'checkbox', id: 'whole-area', name: 'wholeArea' });
  const fieldset = h('fieldset', { id: 'location-fieldset', 'aria-describedby': 'location-status location-fieldset-error' },
    h('legend', { text: t('location.legend') }),
    h('div', { class: 'checkbox whole-area' }, wholeArea,
      h('label', { for: 'whole-area', text: t('location.wholeArea') })),
    h('p', { class: 'hint', text: t('location.drawHint', { kinds: kinds.map((k) => t(`kind.${k}`)).join(', ') }) }),
    h('div', { class: 'map-wrap' }, mapElement),
    status,
    errorSlot('location-fieldset'));
  parent.append(fieldset);

  const map = createMap({ element: mapElement, ctx, label: t('location.mapLabel') });
  addProjectArea({ map, project });
  const drawn = L.featureGroup().addTo(map);
  addDrawingToolbar({ ctx, map, kinds });

  function set(geometry, method, layer) {
    drawn.clearLayers();
    if (layer) drawn.addLayer(layer);
    else if (geometry) drawn.addLayer(L.geoJSON(geometry, { style: () => ({ color: COLOURS.highlight, weight: 4 }) }));
    if (method === 'whole_area') location = { geometry: null, method };
    else location = geometry ? { geometry, method } : null;
    wholeArea.checked = method === 'whole_area';
    const message = describe();
    status.textContent = message;
    ctx.announce(message);
  }

  wholeArea.addEventListener('change', () => set(null, wholeArea.checked ? 'whole_area' : null));

  function describe() {
    if (!location) return t('location.none');
    if (location.method === 'whole_area') return t('location.wholeAreaChosen');
    const kind = KIND_OF_TYPE[location.geometry.type];
    const text = t('location.chosen', { kind: t(`kind.${kind}`), method: t(`method.${location.method}`) });
    return insideArea(location.geometry, project.geometry) ? text : `${text} ${t('location.outside')}`;
  }

  map.on('pm:create', ({ layer }) => {
    layer.on('pm:edit', () => set(layer.toGeoJSON().geometry, 'map', layer));
    set(layer.toGeoJSON().geometry, 'map', layer);
  });
  map.on('pm:remove', () => set(null));

  const keyboard = createKeyboardDrawing({ ctx, map, kinds, area: project.geometry, onFinish: (geometry) => set(geometry, 'keyboard') });
  fieldset.append(keyboard.element);
  if (kinds.includes('point')) {
    fieldset.append(placeChooser({ ctx, project, onChoose: set }));
    if (ctx.config.geocoder?.enabled) {
      fieldset.append(addressSearch({ ctx, onChoose: set }));
    }
  }

  return {
    element: fieldset,
    get location() { return location; },
    /** A problem to show before sending, or null. */
    problem() {
      if (!location) return t('location.required');
      if (location.method === 'whole_area') return null;
      if (!kinds.includes(KIND_OF_TYPE[location.geometry.type])) return t('location.kindNotAllowed');
      if (!insideArea(location.geometry, project.geometry)) return t('location.outside');
      return null;
    },
    destroy() {
      keyboard.destroy();
      destroyMap(map);
    },
  };
}

function placeChooser({ ctx, project, onChoose }) {
  const { t } = ctx.i18n;
  const path = `/api/projects/${project.id}/places`;
  const section = h('div', { class: 'place-chooser', hidden: true });
  const select = h('select', { id: 'place-select' }, h('option', { value: '', text: t('place.choose') }));
  section.append(h('h3', { text: t('place.heading') }),
    h('div', { class: 'field' }, h('label', { for: 'place-select', text: t('place.label') }), select));
  ctx.api.get(path).then((data) => {
    const features = data.features ?? [];
    const group = (kind, label) => {
      const items = features.filter((f) => f.properties.kind === kind);
      return items.length ? h('optgroup', { label }, items.map((f) => h('option', { value: features.indexOf(f), text: f.properties.name }))) : null;
    };
    const groups = [group('area', t('place.areas')), group('place', t('place.places'))].filter(Boolean);
    if (groups.length === 0) return;
    select.append(...groups);
    section.hidden = false;
    select.addEventListener('change', () => {
      const feature = features[Number(select.value)];
      if (select.value === '' || !feature) return;
      onChoose(feature.geometry, feature.properties.kind === 'area' ? 'area' : 'place');
    });
  }).catch(() => {});
  return section;
}

function addressSearch({ ctx, onChoose }) {
  const { t } = ctx.i18n;
  const input = h('input', { id: 'address-input', type: 'search', autocomplete: 'street-address' });
  const button = h('button', { type: 'button', id: 'address-search', text: t('address.search') });
  const results = h('ul', { class: 'address-results', id: 'address-results' });
  const status = h('p', { class: 'hint', role: 'status' });
  const search = async () => {
    const q = input.value.trim();
    if (q.length < 2) {
      status.textContent = t('address.tooShort');
      return;
    }
    try {
      const data = await ctx.api.get('/api/geocode', { query: { q } });
      const found = data.results ?? [];
      results.replaceChildren(...found.map((result) => h('li', {},
        h('button', { type: 'button', text: result.label, on: { click: () => onChoose(result.point, 'address') } }))));
      status.textContent = t('address.found', { count: found.length });
    } catch {
      status.textContent = t('address.failed');
    }
  };
  button.addEventListener('click', search);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  });
  return h('div', { class: 'address-search' },
    h('h3', { text: t('address.heading') }),
    h('div', { class: 'field' }, h('label', { for: 'address-input', text: t('address.label') }), h('div', { class: 'actions' }, input, button)),
    status, results);
}
