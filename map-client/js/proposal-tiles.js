// A project's proposals as vector tiles (GET /tiles/proposals/{z}/{x}/{y}, made by PostGIS), for
// projects too large to draw from GeoJSON at low zoom. Drawn on canvas and not interactive: the
// list beside the map and zooming in lead to single proposals. Leaflet.VectorGrid extends the
// global L (index.html loads it as a classic script).
import L from './leaflet.js';
import { COLOURS } from './map.js';

/** Above this many public proposals a project's low-zoom map is drawn from tiles. */
export const TILES_ABOVE = 2000;

export function proposalTiles({ projectId }) {
  const style = {
    radius: 3, weight: 1.5, color: COLOURS.proposal, opacity: 0.9,
    fill: true, fillColor: COLOURS.proposal, fillOpacity: 0.5,
  };
  return L.vectorGrid.protobuf(`/tiles/proposals/{z}/{x}/{y}?project=${encodeURIComponent(projectId)}`, {
    rendererFactory: L.canvas.tile,
    interactive: false,
    maxNativeZoom: 22,
    vectorTileLayerStyles: { proposals: style },
    className: 'proposal-tiles',
  });
}
