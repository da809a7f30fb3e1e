// Loads what the map shows, for the current view only: clusters when zoomed out (or when the view
// holds more than one page of proposals), proposals otherwise. Debounced on moveend; a newer
// request aborts the older one. Endpoints still being built (clusters, zoom) are dropped quietly
// when the server refuses them. A project with more than TILES_ABOVE proposals is drawn from
// vector tiles instead of clusters at low zoom, unless filters are set (tiles hold every public
// proposal; filters are applied by the API).
import { isAbort } from './api.js';
import { TILES_ABOVE, proposalTiles } from './proposal-tiles.js';

const CLUSTER_BELOW_ZOOM = 16;
const PAGE = 500;
const LIST_PAGE = 50;
const DEBOUNCE_MS = 300;

export function createProposalFeed({ ctx, map, projectId, proposalCount = 0, filters, onProposals, onClusters,
  onTiles, onOpen, onError }) {
  let controller = null;
  let timer = null;
  const tiles = proposalCount > TILES_ABOVE && onTiles ? proposalTiles({ projectId, onOpen }) : null;

  function showTiles(shown) {
    if (!tiles) return;
    if (shown && !map.hasLayer(tiles)) tiles.addTo(map);
    if (!shown && map.hasLayer(tiles)) map.removeLayer(tiles);
  }

  // The tiles draw the map; the list shows the newest proposals in view.
  async function tiled(query, signal) {
    const newest = await ctx.api.get('/api/proposals', { query: { ...query, limit: LIST_PAGE }, signal });
    showTiles(true);
    onTiles(newest.features ?? [], { more: (newest.links ?? []).some((link) => link.rel === 'next') });
  }

  // While the map shows clusters, the list still shows the newest proposals in view.
  async function clusters(query, zoom, signal) {
    const [data, newest] = await Promise.all([
      ctx.api.get('/api/proposals/clusters', { query: { ...query, zoom }, signal }),
      ctx.api.get('/api/proposals', { query: { ...query, limit: LIST_PAGE }, signal }),
    ]);
    onClusters(data.features ?? [], { newest: newest.features ?? [] });
  }

  async function load() {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const zoom = Math.round(map.getZoom());
    const query = viewQuery(map, projectId, filters);
    try {
      // Low zooms, and views holding more than a page, are aggregated: never the whole project.
      if (zoom < CLUSTER_BELOW_ZOOM) {
        if (tiles && !filtered(filters)) {
          await tiled(query, signal);
          return;
        }
        showTiles(false);
        await clusters(query, zoom, signal);
        return;
      }
      const data = await proposals(ctx, query, zoom, signal);
      const more = (data.links ?? []).some((link) => link.rel === 'next');
      showTiles(false);
      if (more) {
        await clusters(query, zoom, signal);
        return;
      }
      onProposals(data.features, { more });
    } catch (error) {
      if (!isAbort(error)) onError(error);
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(load, DEBOUNCE_MS);
  }

  map.on('moveend', schedule);
  return {
    reload: load,
    destroy() {
      showTiles(false);
      clearTimeout(timer);
      controller?.abort();
      map.off('moveend', schedule);
    },
  };
}

function filtered(filters) {
  return Object.values(filters()).some((value) => value !== undefined && value !== null && value !== '');
}

function viewQuery(map, projectId, filters) {
  const b = map.getBounds();
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(6)).join(',');
  return { project: projectId, bbox, ...filters() };
}

// zoom lets the server simplify lines and areas to what this zoom can show.
function proposals(ctx, query, zoom, signal) {
  return ctx.api.get('/api/proposals', { query: { ...query, limit: PAGE, zoom }, signal });
}
