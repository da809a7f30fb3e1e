// Works on a Leaflet map: what was proposed as a dashed outline, what was built as a solid shape,
// both in the colour of the work's status, each with a tooltip in words; and the legend that says
// what the colours and line styles mean.
import L from '../leaflet.js';
import { h } from '../dom.js';
import { legendFigure } from '../analysis-layers.js';
import { STATUS_COLOURS, WORK_STATUSES, statusText } from './status.js';

function geometryLayer(geometry, style, tooltip) {
  const layer = L.geoJSON(geometry, {
    style: () => style,
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { ...style, radius: style.dashArray ? 9 : 8 }),
  });
  layer.bindTooltip(h('span', { text: tooltip }), { sticky: true });
  return layer;
}

/** The work's proposed (dashed) and as-built (solid) shapes; onOpen(work) when one is clicked. */
export function workLayer({ ctx, work, onOpen }) {
  const { t } = ctx.i18n;
  const colour = STATUS_COLOURS[work.status] ?? STATUS_COLOURS.planned;
  const group = L.featureGroup();
  const status = statusText(ctx.i18n, work.status);
  if (work.proposedGeometry) {
    group.addLayer(geometryLayer(work.proposedGeometry, { color: colour, fillColor: colour, weight: 3, dashArray: '6 6', fillOpacity: 0.05 },
      t('works.map.proposedTooltip', { title: work.title, status })));
  }
  if (work.asBuilt) {
    group.addLayer(geometryLayer(work.asBuilt, { color: colour, fillColor: colour, weight: 4, fillOpacity: 0.4 },
      t('works.map.builtTooltip', { title: work.title, status })));
  }
  if (onOpen) group.on('click', () => onOpen(work));
  return group;
}

/** The legend: one swatch per status (only those shown, when given), and the note on line styles. */
export function worksLegend({ ctx, id, statuses = WORK_STATUSES }) {
  const items = statuses.map((status) => ({ key: status, fill: STATUS_COLOURS[status], text: statusText(ctx.i18n, status) }));
  return legendFigure(id, ctx.i18n.t('works.map.legendTitle'), items, ctx.i18n.t('works.map.legendNote'));
}
