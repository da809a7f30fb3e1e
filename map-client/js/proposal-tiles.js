// A project's proposals as vector tiles (GET /tiles/proposals/{z}/{x}/{y}, made by PostGIS), for
// projects too large to draw from GeoJSON at low zoom. Drawn on canvas; a click or tap on a
// drawing calls onOpen with the proposal's id (the tiles carry it as the attribute `id`). The
// list beside the map is the way in without a pointer. Leaflet.VectorGrid extends the global L
// (index.html loads it as a classic script).
import L from './leaflet.js';
import { COLOURS } from './map.js';

/** Above this many public proposals a project's low-zoom map is drawn from tiles. */
export const TILES_ABOVE = 2000;

// A finger is wider than a 3 px dot: where the main pointer is coarse (a touch screen), a tap this
// many pixels off a drawing still hits it.
const COARSE_POINTER_TOLERANCE = 8;

export function proposalTiles({ projectId, onOpen }) {
  const style = {
    radius: 3, weight: 1.5, color: COLOURS.proposal, opacity: 0.9,
    fill: true, fillColor: COLOURS.proposal, fillOpacity: 0.5,
  };
  const tiles = L.vectorGrid.protobuf(`/tiles/proposals/{z}/{x}/{y}?project=${encodeURIComponent(projectId)}`, {
    rendererFactory: clickableCanvasTile,
    interactive: true,
    tolerance: matchMedia('(pointer: coarse)').matches ? COARSE_POINTER_TOLERANCE : 0,
    maxNativeZoom: 22,
    vectorTileLayerStyles: { proposals: style },
    className: 'proposal-tiles',
  });
  // A drawing's events reach the grid (its event parent) with the drawing, and its properties, as layer.
  tiles.on('click', (event) => onOpen(event.layer.properties.id));
  return tiles;
}

// Compatibility shim: on Leaflet 1.9 the canvas tiles of Leaflet.VectorGrid 1.3.0 (written for
// Leaflet 1.x before 1.8) cannot be clicked, for two reasons:
// 1. its tile renderer's _onClick calls L.DomEvent.fakeStop, which Leaflet 1.8 removed, so every
//    click, mousedown and mouseup on a drawing throws a TypeError;
// 2. it then hands the drawing to Map#_fireDOMEvent, which takes a small circle's position from
//    getLatLng(); VectorGrid's points have only a position in tile pixels, so restoring fakeStop
//    alone still throws (reading 'lat' of undefined) on a click on a dot.
// This renderer keeps VectorGrid's hit test (the drawings under the pointer, none while the map
// is being dragged), takes the one nearest the pointer rather than the last drawn (with the wide
// tolerance of a tap, the last drawn is often a neighbour of the dot under the finger), and fires
// the event on that drawing itself, with the pointer's position, as Leaflet's own canvas does;
// the event propagates to the grid layer. The DOM event is not stopped: Leaflet ignores events
// from a canvas renderer's element, and map dragging must still start on a dot. Everything else
// (hover, mouseout) is L.Canvas.Tile's.
// Remove this, and pass L.canvas.tile, once VectorGrid supports Leaflet 1.8+.
let ClickableCanvasTile = null;

function clickableCanvasTile(tileCoord, tileSize, options) {
  // Made on first use: VectorGrid's classic script defines L.Canvas.Tile.
  if (!ClickableCanvasTile) ClickableCanvasTile = L.Canvas.Tile.extend({
    _onClick(event) {
      const map = this._map;
      const point = map.mouseEventToLayerPoint(event).subtract(this.getOffset());
      let hit = null;
      let nearest = Infinity;
      for (const layer of Object.values(this._layers)) {
        if (!layer.options.interactive || !layer._containsPoint(point) || map._draggableMoved(layer)) continue;
        const distance = pixelsFrom(layer, point);
        if (distance <= nearest) [hit, nearest] = [layer, distance];
      }
      if (!hit) return;
      const containerPoint = map.mouseEventToContainerPoint(event);
      hit.fire(event.type, {
        originalEvent: event,
        containerPoint,
        layerPoint: map.containerPointToLayerPoint(containerPoint),
        latlng: map.containerPointToLatLng(containerPoint),
      }, true);
    },
  });
  return new ClickableCanvasTile(tileCoord, tileSize, options);
}

// How far a drawing on a tile lies from a point (both in the tile's pixels): from a dot's centre,
// or from a line's or an area's outline (an area's few pixels at these zooms make inside ≈ outline).
function pixelsFrom(layer, point) {
  if (layer._point) return layer._point.distanceTo(point);
  return layer.closestLayerPoint(point)?.distance ?? 0;
}
