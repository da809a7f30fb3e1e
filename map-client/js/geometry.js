// Small geometry checks done in the browser so people hear about a problem before they submit.
// The server checks again, fully; this one only tests that every vertex lies in the area.

export function vertices(geometry) {
  const out = [];
  const walk = (coords) => {
    if (typeof coords[0] === 'number') out.push(coords);
    else coords.forEach(walk);
  };
  walk(geometry.coordinates);
  return out;
}

export function insideArea(geometry, area) {
  const polygons = area.type === 'MultiPolygon' ? area.coordinates : [area.coordinates];
  return vertices(geometry).every((point) => polygons.some((polygon) => inPolygon(point, polygon)));
}

function inPolygon(point, rings) {
  return inRing(point, rings[0]) && !rings.slice(1).some((hole) => inRing(point, hole));
}

function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export const KIND_OF_TYPE = {
  Point: 'point', MultiPoint: 'point',
  LineString: 'line', MultiLineString: 'line',
  Polygon: 'polygon', MultiPolygon: 'polygon',
};
