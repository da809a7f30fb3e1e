// One slide as the projector shows it: the saved map view (no basemap unless the view asks for
// one), the title, the short text and a legend per layer. The composer's preview uses the same
// function in a smaller frame; the frame's type is sized to its own width (container units), so
// the preview is the projector's picture, scaled.
import { h } from './dom.js';
import { createMap, destroyMap, addProjectArea } from './map.js';
import { drawView, viewBounds } from './slide-layers.js';
import { isAbort } from './api.js';
import L from './leaflet.js';

/**
 * Renders the slide into container (which must be in the document: Leaflet measures it) and
 * draws its layers over the project's outline, which places them when there is no basemap.
 * heading: the element of the title (h1 in the projector). Returns
 * { frame, loaded, destroy }; the frame's data-state is "ready" once every layer has answered.
 */
export function mountSlide({ ctx, container, project, slide, heading = 'h1', headingId }) {
  const { t } = ctx.i18n;
  const mapElement = h('div', { class: 'slide-map' });
  const legends = h('div', { class: 'slide-legends' });
  const status = h('p', { class: 'slide-status', role: 'status' });
  const frame = h('div', { class: 'slide-frame', dataset: { slideId: slide.id, state: 'loading' } },
    mapElement,
    h('div', { class: 'slide-caption' },
      h(heading, { class: 'slide-title', id: headingId, tabindex: '-1', text: slide.title }),
      slide.text ? h('p', { class: 'slide-text', text: slide.text }) : null,
      legends,
      status));
  container.replaceChildren(frame);
  const map = createMap({
    element: mapElement, ctx, label: t('present.mapLabel', { title: slide.title }),
    interactive: false, basemap: slide.view.basemap === true,
  });
  map.fitBounds(viewBounds(slide.view));
  addProjectArea({ map, project, fit: false });
  const controller = new AbortController();
  const loaded = drawView({ ctx, map, projectId: project.id, view: slide.view, signal: controller.signal })
    .then(({ legends: figures, failed }) => {
      legends.replaceChildren(...figures);
      status.textContent = failed.length
        ? t('present.layerFailed', { layers: failed.map((name) => t(`present.layer.${name}`)).join(', ') })
        : '';
      frame.dataset.state = 'ready';
    })
    .catch((error) => {
      if (!isAbort(error)) {
        status.textContent = t('error.generic');
        frame.dataset.state = 'ready';
      }
    });
  let pins = null;
  return {
    frame,
    loaded,
    /**
     * Draws a live question's pins ([{lon, lat}]) over the slide, replacing the last ones, each with
     * its number (its place in the list, counted from 1), by which a moderator's panel names it.
     */
    showPins(points) {
      pins?.remove();
      // The number is a marker of its own in the same group (not a permanent tooltip, which Leaflet
      // can leave behind when the group is replaced quickly), so it goes whenever its pin goes.
      pins = points.length ? L.layerGroup(points.flatMap((p, i) => [
        L.circleMarker([p.lat, p.lon], {
          radius: 11, color: '#000000', weight: 3, fillColor: '#ffd700', fillOpacity: 0.95, interactive: false,
        }),
        L.marker([p.lat, p.lon], {
          interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'pin-number', html: h('span', { text: String(i + 1) }), iconSize: [22, 22] }),
        }),
      ])).addTo(map) : null;
    },
    /** Leaflet measures again (after the frame changed size, e.g. on entering full screen). */
    refit() {
      map.invalidateSize();
      map.fitBounds(viewBounds(slide.view));
    },
    destroy() {
      controller.abort();
      destroyMap(map);
    },
  };
}
