// The ballot on the map: each item with a place drawn as its shape, and a marker at it that is a
// button (reached by Tab, opened by Enter or a tap) with a popup holding the item's details and
// the same control as the list. Chosen items are marked with a tick and a heavier line, not only
// a colour. The map is optional: the list holds every item, with or without a place.
import L from '../leaflet.js';
import { h } from '../dom.js';
import { createMap, destroyMap, addProjectArea, COLOURS } from '../map.js';
import { euros } from '../format.js';
import { potName } from './text.js';
import { itemControl } from './list.js';

export function createItemMap({ ctx, element, project, vote, ballot, items, pots, editable, onRefused }) {
  const { t } = ctx.i18n;
  const map = createMap({ element, ctx, label: t('vote.map.label', { title: vote.title }) });
  const area = project?.geometry ? addProjectArea({ map, project, fit: false }) : null;
  const placed = items.filter((item) => item.geometry);
  const drawn = new Map(placed.map((item) => [item.id,
    drawItem({ ctx, map, vote, ballot, item, pot: pots.find((p) => Number(p.id) === item.potId), editable, onRefused })]));
  const bounds = L.latLngBounds([]);
  drawn.forEach(({ shape }) => bounds.extend(shape.getBounds()));
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
  else if (area) map.fitBounds(area.getBounds(), { padding: [16, 16] });
  else map.setView([52.1, 5.3], 7);

  return {
    map,
    update() { drawn.forEach((entry) => entry.update()); },
    highlight(item, on) { drawn.get(item.id)?.highlight(on); },
    /** Brings an item into view and opens its popup (from the list's "show on the map"). */
    show(item) {
      const entry = drawn.get(item.id);
      if (!entry) return;
      map.fitBounds(entry.shape.getBounds(), { maxZoom: 17, padding: [24, 24], animate: false });
      entry.marker.openPopup();
    },
    invalidate() { map.invalidateSize(); },
    destroy() { destroyMap(map); },
  };
}

function drawItem({ ctx, map, vote, ballot, item, pot, editable, onRefused }) {
  const { t } = ctx.i18n;
  const style = (chosen, lit) => ({
    color: lit || chosen ? COLOURS.highlight : COLOURS.proposal, weight: chosen || lit ? 5 : 3,
    fillColor: chosen ? COLOURS.highlight : COLOURS.proposal, fillOpacity: chosen ? 0.35 : 0.15,
  });
  const shape = L.geoJSON(item.geometry, {
    style: () => style(false, false),
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 6 }),
  }).addTo(map);
  const marker = L.marker(anchorOf(shape), {
    icon: L.divIcon({ className: 'vote-marker', html: '', iconSize: [36, 36] }),
    keyboard: true,
    riseOnHover: true,
  }).addTo(map);
  const popup = popupContent({ ctx, vote, ballot, item, pot, editable, onRefused });
  marker.bindPopup(popup.element, { maxWidth: 280, autoPanPadding: [16, 16] });
  shape.on('click', () => marker.openPopup());
  marker.on('popupopen', () => {
    popup.update();
    // Leaflet names its close button in English; the page's language names it here.
    const close = marker.getPopup().getElement()?.querySelector('.leaflet-popup-close-button');
    close?.setAttribute('aria-label', t('vote.map.close'));
    close?.setAttribute('title', t('vote.map.close'));
    // Keyboard and screen reader users land in the popup they opened.
    popup.element.querySelector('input, button')?.focus({ preventScroll: true });
  });
  marker.on('popupclose', () => {
    if (popup.element.contains(document.activeElement)) marker.getElement()?.focus({ preventScroll: true });
  });

  let lit = false;
  function update() {
    const chosen = ballot.points(item.id) > 0;
    shape.setStyle(style(chosen, lit));
    const icon = marker.getElement();
    if (!icon) return;
    const points = ballot.points(item.id);
    icon.classList.toggle('chosen', chosen);
    // The tick or the points (drawn by CSS from data-mark) picture what the label says in words.
    icon.dataset.mark = chosen ? (vote.ballotType === 'cumulative' ? String(points) : '✓') : '';
    const label = chosen
      ? t('vote.map.markerChosen', { title: item.title, cost: euros(ctx.i18n, item.cost), count: points })
      : t('vote.map.marker', { title: item.title, cost: euros(ctx.i18n, item.cost) });
    icon.setAttribute('aria-label', label);
    icon.setAttribute('title', label);
    popup.update();
  }
  marker.on('add', update);
  update();
  return {
    shape, marker, update,
    highlight(on) {
      lit = on;
      shape.setStyle(style(ballot.points(item.id) > 0, lit));
    },
  };
}

function popupContent({ ctx, vote, ballot, item, pot, editable, onRefused }) {
  const { t } = ctx.i18n;
  const titleId = `vote-map-item-${item.id}-title`;
  const control = editable ? itemControl({ ctx, vote, ballot, item, titleId, onRefused, idPrefix: 'vote-map' }) : null;
  const element = h('div', { class: 'vote-popup', dataset: { itemId: item.id } },
    h('p', { class: 'vote-popup-title', id: titleId }, h('strong', { text: item.title })),
    h('p', { class: 'meta' }, euros(ctx.i18n, item.cost), ' · ', pot ? potName(ctx.i18n, pot) : ''),
    item.description ? h('p', { class: 'description', text: item.description }) : null,
    control?.element);
  return { element, update() { control?.update(); } };
}

/** Where an item's marker stands: a point itself, else the middle of its shape's bounds. */
function anchorOf(shape) {
  const layers = shape.getLayers();
  if (layers.length === 1 && layers[0].getLatLng) return layers[0].getLatLng();
  return shape.getBounds().getCenter();
}
