// Loads what the map shows, for the current view only: clusters when zoomed out (or when the view
// holds more than one page of proposals), proposals otherwise. Debounced on moveend; a newer
// request aborts the older one. Endpoints still being built (clusters, zoom) are dropped quietly
// when the server refuses them.
import { isAbort } from './api.js';

const CLUSTER_BELOW_ZOOM = 16;
const PAGE = 500;
const LIST_PAGE = 50;
const DEBOUNCE_MS = 300;

export function createProposalFeed({ ctx, map, projectId, filters, onProposals, onClusters, onError }) {
  let controller = null;
  let timer = null;
  let clustersAvailable = ctx.capabilities.has('/api/proposals/clusters');
  let zoomAccepted = ctx.capabilities.hasQueryParameter('/api/proposals', 'zoom');

  function viewQuery() {
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(6)).join(',');
    return { project: projectId, bbox, ...filters() };
  }

  // While the map shows clusters, the list still shows the newest proposals in view.
  async function clusters(query, zoom, signal) {
    const [data, newest] = await Promise.all([
      ctx.api.get('/api/proposals/clusters', { query: { ...query, zoom }, signal }),
      ctx.api.get('/api/proposals', { query: { ...query, limit: LIST_PAGE }, signal }),
    ]);
    onClusters(data.features ?? [], { newest: newest.features ?? [] });
  }

  async function proposals(query, zoom, signal) {
    const base = { ...query, limit: PAGE };
    if (zoomAccepted) {
      try {
        return await ctx.api.get('/api/proposals', { query: { ...base, zoom }, signal });
      } catch (error) {
        if (error.status !== 400 || !('zoom' in (error.fields ?? {}))) throw error;
        zoomAccepted = false;
      }
    }
    return ctx.api.get('/api/proposals', { query: base, signal });
  }

  async function load() {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const zoom = Math.round(map.getZoom());
    const query = viewQuery();
    try {
      if (clustersAvailable && zoom < CLUSTER_BELOW_ZOOM) {
        try {
          await clusters(query, zoom, signal);
          return;
        } catch (error) {
          if (isAbort(error)) throw error;
          clustersAvailable = false;
        }
      }
      const data = await proposals(query, zoom, signal);
      const more = (data.links ?? []).some((link) => link.rel === 'next');
      if (more && clustersAvailable) {
        try {
          await clusters(query, zoom, signal);
          return;
        } catch (error) {
          if (isAbort(error)) throw error;
          clustersAvailable = false;
        }
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
      clearTimeout(timer);
      controller?.abort();
      map.off('moveend', schedule);
    },
  };
}
