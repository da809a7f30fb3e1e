// #/projects/{id}/analysis — where proposals gather, as one analysis layer at a time over the base
// map: DBSCAN clusters (outlines, labels and a list), Gi* hot spots, local Moran (LISA) with the
// global I, and a kernel-density heatmap. Each method has its parameters (sent to the server as
// they are: its refusals show next to the field), a legend and a plain-language explanation of
// what it shows and what it does not. Filters (category, status, dates) apply to every method; hot
// spots and Moran run over hexagons or the areas of a boundary set, with the neighbours those
// units allow, and Moran also on participation per 1,000 residents. Planners get raw counts,
// everyone else the public form. The page fetches and composes; each section is a module of
// js/analysis/.
import { h } from '../dom.js';
import { createMap, destroyMap, addProjectArea } from '../map.js';
import { projectForPage } from '../projects.js';
import { isAbort } from '../api.js';
import { METHODS, initialState, queryOf } from '../analysis/methods.js';
import { controlForm } from '../analysis/controls.js';
import { drawClusters } from '../analysis/clusters.js';
import { drawHotspots } from '../analysis/hotspots.js';
import { drawMoran } from '../analysis/moran.js';
import { drawHeatmap } from '../analysis/heatmap.js';
import { explain } from '../analysis/about.js';
import { showLocations } from '../analysis/locations.js';

const DRAW = { clusters: drawClusters, hotspots: drawHotspots, moran: drawMoran, heatmap: drawHeatmap };

// Choices survive a language switch (which renders the page again), per project.
const remembered = new Map();

/** The boundary sets, for areas as units; without them only hexagons can be chosen. */
async function areaSets(ctx, signal) {
  try {
    const answer = await ctx.api.get('/api/area-sets', { signal });
    return Array.isArray(answer) ? answer : answer?.sets ?? [];
  } catch {
    return []; // a leaving page is checked by the caller; any other failure leaves hexagons only
  }
}

export async function analysisPage(ctx, { container, params, signal }) {
  const { project, page } = await projectForPage(ctx, params.id, container, signal);
  if (!project) return page;
  const { t } = ctx.i18n;
  const state = remembered.get(project.id) ?? initialState();
  remembered.set(project.id, state);
  const title = t('analysis.title', { title: project.properties.title });
  const view = {
    status: h('p', { role: 'status', id: 'an-status', class: 'list-status', text: t('analysis.loading') }),
    // How the analysed proposals sit: shared spots, and those about the whole area left out.
    locationsNote: h('p', { id: 'analysis-locations', class: 'hint', hidden: true }),
    viewNote: h('p', { id: 'analysis-view', class: 'view-note', hidden: true }),
    mapElement: h('div', { id: 'analysis-map', class: 'part-map analysis-map' }),
    legend: h('div', { class: 'legend-slot', id: 'analysis-legend' }),
    global: h('div', { id: 'analysis-global' }),
    explanation: h('div', { id: 'analysis-explanation', class: 'analysis-explanation' }),
    list: h('div', { id: 'analysis-list' }),
    map: null,
    layer: null,
  };
  const sets = await areaSets(ctx, signal);
  if (signal.aborted) return { title };
  const controls = controlForm({ ctx, project, sets, state, onLayer: () => load(), onApply: () => load() });
  container.append(...layout(ctx, project, title, view, controls));
  view.map = createMap({ element: view.mapElement, ctx, label: t('analysis.map.label', { title: project.properties.title }) });
  addProjectArea({ map: view.map, project });
  let controller = null;

  async function load() {
    controller?.abort();
    controller = new AbortController();
    const fetchSignal = controller.signal;
    const method = state.layer;
    controls.clearErrors();
    view.status.textContent = t('analysis.loading');
    view.status.dataset.state = 'loading';
    explain(ctx, view.explanation, method, null);
    try {
      const query = queryOf(method, state.values[method], state.filters);
      const answer = await ctx.api.get(`/api/projects/${project.id}/analysis/${METHODS[method].endpoint}`, {
        query, signal: fetchSignal,
      });
      if (fetchSignal.aborted) return;
      draw(ctx, view, method, answer, query.unit === 'areas');
      explain(ctx, view.explanation, method, answer.method);
      view.status.dataset.state = 'ready';
      view.status.dataset.layer = method;
      ctx.announce(view.status.textContent);
    } catch (error) {
      if (isAbort(error)) return;
      clear(view);
      const shown = controls.showErrors(method, error.fields ?? {});
      view.status.textContent = error.status === 400
        ? (shown ? t('analysis.badRequest') : t('analysis.badRequestOther', { detail: error.message }))
        : error.status === 503 ? t('analysis.tooLong') : t('analysis.failed');
      view.status.dataset.state = 'failed';
    }
  }

  signal.addEventListener('abort', () => {
    controller?.abort();
    destroyMap(view.map);
  });
  await load();
  return { title };
}

function layout(ctx, project, title, view, controls) {
  const { t } = ctx.i18n;
  return [
    h('h1', { tabindex: '-1', text: title }),
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    view.viewNote,
    view.status,
    view.locationsNote,
    h('div', { class: 'analysis-layout' },
      h('div', { class: 'map-with-legend analysis-map-column' }, view.mapElement, view.legend),
      h('div', { class: 'analysis-panel' },
        controls.form,
        view.global,
        h('section', { class: 'part-section', 'aria-labelledby': 'an-about-heading' },
          h('h2', { id: 'an-about-heading', text: t('analysis.about.heading') }), view.explanation),
        view.list)),
  ];
}

function clear(view) {
  view.layer?.remove();
  view.layer = null;
  view.locationsNote.hidden = true;
  view.legend.replaceChildren();
  view.global.replaceChildren();
  view.list.replaceChildren();
}

/** The answer on the map and beside it; the heatmap has no small counts, so no view note. */
function draw(ctx, view, method, answer, areas) {
  const { t } = ctx.i18n;
  clear(view);
  showLocations(ctx, view.locationsNote, answer.locations);
  const raw = answer.raw === true;
  if (method !== 'heatmap') {
    view.viewNote.hidden = false;
    view.viewNote.className = `view-note view-${raw ? 'raw' : 'public'}`;
    view.viewNote.dataset.view = raw ? 'raw' : 'public';
    view.viewNote.textContent = raw ? t('analysis.view.raw') : t('analysis.view.public');
  } else {
    view.viewNote.hidden = true;
  }
  DRAW[method](ctx, view, answer, areas);
}
