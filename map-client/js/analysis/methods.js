// The analysis methods and their parameters, with the API's defaults and limits, the filters
// every method shares, and the query each sends. An empty value is left to the server, which
// chooses eps and the hexagons' size from the project (and says so in the method).

/** The units and neighbours of hot spots and Moran: hexagons or a boundary set's areas. */
function unitFields(permutations) {
  return [
    { name: 'unit', group: 'units', value: 'hexagons', choices: () => ['hexagons', 'areas'] },
    { name: 'size', group: 'units', value: '', min: 1, max: 10000, step: 'any', only: (v) => v.unit !== 'areas' },
    { name: 'set', group: 'units', value: '', sets: true, only: (v) => v.unit === 'areas' },
    { name: 'weights', group: 'neighbours', value: 'band', choices: (v) => (v.unit === 'areas' ? ['queen', 'band', 'knn'] : ['band', 'knn']) },
    { name: 'band', group: 'neighbours', value: '', min: 0, max: 100000, step: 'any', only: (v) => v.weights === 'band' },
    { name: 'k', group: 'neighbours', value: '6', min: 1, max: 100, step: 1, only: (v) => v.weights === 'knn' },
    { name: 'permutations', value: permutations, min: 0, max: 9999, step: 1 },
  ];
}

/** The weights each kind of unit starts with: contiguity for areas, a distance band for hexagons. */
export const DEFAULT_WEIGHTS = { areas: 'queen', hexagons: 'band' };

/**
 * The methods and their parameters, with the API's defaults and limits. An empty value is left to
 * the server, which chooses eps and the hexagons' size from the project (and says so in the method).
 */
export const METHODS = {
  clusters: {
    endpoint: 'clusters',
    fields: [
      { name: 'eps', value: '', min: 0, max: 5000, step: 'any' },
      { name: 'minPoints', value: '5', min: 1, max: 1000, step: 1 },
    ],
  },
  hotspots: {
    endpoint: 'hotspots',
    fields: unitFields('0'),
  },
  moran: {
    endpoint: 'moran',
    fields: [
      ...unitFields('999'),
      { name: 'measure', value: 'proposals', choices: () => ['proposals', 'participation'], only: (v) => v.unit === 'areas' },
      { name: 'alpha', value: '0.05', choices: () => ['0.10', '0.05', '0.01'] },
    ],
  },
  heatmap: {
    endpoint: 'heatmap',
    fields: [
      { name: 'bandwidth', value: '', min: 0, max: 10000, step: 'any' },
      { name: 'cellSize', value: '', min: 0, max: 10000, step: 'any' },
    ],
  },
};

/**
 * Which proposals every method counts; empty means all. locations: whether proposals that share
 * one spot each count (all) or the spot counts once (once).
 */
export const FILTERS = [
  { name: 'category' },
  { name: 'status' },
  { name: 'from' },
  { name: 'to' },
  { name: 'locations', value: 'all' },
];
export const LAYERS = Object.keys(METHODS);

/** Every method's parameters and the filters as they start: the API's defaults. */
export function initialState() {
  const values = {};
  for (const [method, { fields }] of Object.entries(METHODS)) {
    values[method] = Object.fromEntries(fields.map((f) => [f.name, f.value]));
  }
  return { layer: 'clusters', values, filters: Object.fromEntries(FILTERS.map((f) => [f.name, f.value ?? ''])) };
}

/**
 * The query for a method: empty fields are left out (the server's default), and so are fields
 * that do not apply to the other choices (k only with knn, size only with hexagons, …); the
 * filters go with every method, each only when set.
 */
export function queryOf(method, values, filters) {
  const query = {};
  for (const field of METHODS[method].fields) {
    if (field.only && !field.only(values)) continue;
    const value = String(values[field.name] ?? '').trim();
    if (value !== '') query[field.name] = value;
  }
  for (const { name } of FILTERS) {
    const value = String(filters[name] ?? '').trim();
    if (value !== '') query[name] = value;
  }
  return query;
}
