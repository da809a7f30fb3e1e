// #/proposals/{id}/variant — offer a variant: the original drawing is copied into an editable
// layer (Geoman edit mode). Keyboard users can move the whole drawing with the offset buttons, or
// draw the variant anew with the keyboard drawing mode. It has its own title and description.
import { h } from '../dom.js';
import { createMap, destroyMap, addProjectArea, shapeLayer, COLOURS } from '../map.js';
import { addDrawingToolbar, editableLayer } from '../geoman.js';
import { loadProject } from '../projects.js';
import { insideArea } from '../geometry.js';
import { field, errorSlot, showErrors, clearErrors, missingFields } from '../forms.js';
import { createKeyboardDrawing } from '../keyboard-draw.js';

const ROUTES = [
  ['properties.title', 'variant-title'],
  ['properties.description', 'variant-description'],
  ['geometry', 'variant-location'],
];

export async function variantPage(ctx, { container, params, signal }) {
  let proposal;
  try {
    proposal = await ctx.api.get(`/api/proposals/${params.id}`, { signal });
  } catch {
    proposal = null;
  }
  const project = proposal && await loadProject(ctx, proposal.properties.projectId, signal);
  if (signal.aborted) return {};
  const { t } = ctx.i18n;
  if (!proposal || !project) {
    container.append(h('h1', { tabindex: '-1', text: t('proposal.missing') }));
    return { title: t('proposal.missing') };
  }
  const title = t('variant.title', { title: proposal.properties.title });
  container.append(
    h('p', {}, h('a', { href: `#/proposals/${proposal.id}`, text: t('proposal.backTo', { title: proposal.properties.title }) })),
    h('h1', { tabindex: '-1', text: title }));
  if (!ctx.session.signedIn) {
    container.append(h('p', {}, t('variant.signInFirst'), ' ', h('a', { href: '#/signin', text: t('header.signIn') })));
    return { title };
  }

  const { form, titleInput, description, mapElement, nudges, redraw } = variantForm(t);
  container.append(form);

  const map = createMap({ element: mapElement, ctx, label: t('variant.mapLabel') });
  signal.addEventListener('abort', () => destroyMap(map));
  const original = shapeLayer({ data: proposal, colour: COLOURS.proposal, dashArray: '6 6', fillOpacity: 0.05 });
  // The view is set before any layer is added: Leaflet's renderers need one.
  map.fitBounds(original.getBounds().pad(0.6), { maxZoom: 19, animate: false });
  addProjectArea({ map, project, fit: false });
  original.addTo(map);
  const style = { color: COLOURS.variant, weight: 4, fillColor: COLOURS.variant, fillOpacity: 0.2 };
  let layer = editableLayer(proposal.geometry, style);
  layer.addTo(map);
  addDrawingToolbar({ ctx, map, kinds: [], edit: false });
  layer.pm.enable({ allowSelfIntersection: false });
  nudges.append(...nudgeButtons({ ctx, map, layer: () => layer }));
  // Drawing the variant anew without a pointer: the keyboard mode replaces the copied drawing.
  const keyboard = createKeyboardDrawing({
    ctx,
    map,
    kinds: [kindOf(proposal.geometry)],
    area: project.geometry,
    onFinish: (geometry) => {
      layer.pm.disable();
      layer.remove();
      layer = editableLayer(geometry, style);
      layer.addTo(map);
      layer.pm.enable({ allowSelfIntersection: false });
      ctx.announce(t('variant.redrawn'));
    },
  });
  redraw.append(keyboard.element);
  signal.addEventListener('abort', () => keyboard.destroy());

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitVariant({ ctx, form, proposal, project, geometry: layer.toGeoJSON().geometry, titleInput, description });
  });
  return { title };
}

/** The form: the map with the copied drawing, its nudge and redraw controls, title and description. */
function variantForm(t) {
  const titleInput = h('input', { type: 'text', name: 'title', maxlength: '120', required: true });
  const description = h('textarea', { name: 'description', rows: '5' });
  const mapElement = h('div', { id: 'variant-map' });
  const nudges = h('div', { class: 'actions', role: 'group', 'aria-label': t('variant.nudgeLabel') });
  const redraw = h('div', { class: 'variant-redraw' });
  const form = h('form', { id: 'variant-form', class: 'form wide', novalidate: true },
    errorSlot('variant-form'),
    h('fieldset', { id: 'variant-location', 'aria-describedby': 'variant-location-error' },
      h('legend', { text: t('variant.drawing') }),
      h('p', { class: 'hint', text: t('variant.drawingHint') }),
      h('div', { class: 'map-wrap' }, mapElement),
      h('p', { class: 'hint', text: t('variant.nudgeHint') }),
      nudges,
      redraw,
      errorSlot('variant-location')),
    field({ id: 'variant-title', label: t('newProposal.titleLabel'), control: titleInput }),
    field({ id: 'variant-description', label: t('newProposal.descriptionLabel'), control: description }),
    h('button', { type: 'submit', class: 'primary', id: 'variant-submit', text: t('variant.submit') }));
  return { form, titleInput, description, mapElement, nudges, redraw };
}

/** Checks what can be checked here (a title, the drawing inside the area), then offers the variant. */
async function submitVariant({ ctx, form, proposal, project, geometry, titleInput, description }) {
  const { t } = ctx.i18n;
  clearErrors(form);
  const fields = { ...(missingFields([['properties.title', titleInput, t('form.required')]])?.fields ?? {}) };
  if (!insideArea(geometry, project.geometry)) fields.geometry = t('location.outside');
  if (Object.keys(fields).length) {
    showErrors({ form, error: { fields }, routes: ROUTES, generalId: 'variant-form' });
    return;
  }
  try {
    await ctx.api.post(`/api/proposals/${proposal.id}/variants`, {
      type: 'Feature', geometry, properties: { title: titleInput.value, description: description.value },
    });
    ctx.announce(t('variant.created'));
    ctx.router.go(`#/proposals/${proposal.id}`);
  } catch (error) {
    showErrors({ form, error, routes: ROUTES, generalId: 'variant-form', t, fallbackMessage: t('error.generic') });
  }
}

// Moving the whole drawing a few metres at a time: an edit that needs no pointer.
function nudgeButtons({ ctx, map, layer }) {
  const { t } = ctx.i18n;
  const STEP_PX = 10;
  const directions = [['up', 0, -1], ['down', 0, 1], ['left', -1, 0], ['right', 1, 0]];
  return directions.map(([name, dx, dy]) => h('button', {
    type: 'button',
    id: `variant-move-${name}`,
    text: t(`variant.move.${name}`),
    on: {
      click: () => {
        const current = layer();
        const shift = (latlng) => map.containerPointToLatLng(map.latLngToContainerPoint(latlng).add([dx * STEP_PX, dy * STEP_PX]));
        current.pm.disable();
        if (current.getLatLng) current.setLatLng(shift(current.getLatLng()));
        else current.setLatLngs(mapDeep(current.getLatLngs(), shift));
        current.pm.enable({ allowSelfIntersection: false });
        ctx.announce(t('variant.moved'));
      },
    },
  }));
}

function mapDeep(value, fn) {
  return Array.isArray(value) ? value.map((v) => mapDeep(v, fn)) : fn(value);
}

function kindOf(geometry) {
  if (geometry.type.endsWith('Point')) return 'point';
  if (geometry.type.endsWith('LineString')) return 'line';
  return 'polygon';
}
