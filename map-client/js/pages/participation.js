// #/projects/{id}/participation — who takes part, and where: a choropleth of one measure with
// its legend, the same figures as a sortable table (the map's accessible equivalent), the Lorenz
// curve, home → proposal flows, distances, weeks, the under-represented neighbourhoods and
// downloads. Planners and admins get raw counts from the server; everyone else gets the public
// form (small counts hidden, the rest rounded), and the page says which one it shows. The page
// fetches and composes; each section is a module of js/participation/.
import { h } from '../dom.js';
import { projectForPage } from '../projects.js';
import { isAbort } from '../api.js';
import { methodNote, present } from '../blocks.js';
import { controlForm } from '../participation/controls.js';
import { totalsList } from '../participation/totals.js';
import { mapSection } from '../participation/map.js';
import { areaTable } from '../participation/table.js';
import { underList } from '../participation/under.js';
import { lorenzSection } from '../participation/lorenz.js';
import { flowsSection } from '../participation/flows.js';
import { distancesSection } from '../participation/distances.js';
import { weeklySection } from '../participation/weekly.js';
import { exportLinks } from '../participation/exports.js';

// Choices survive a language switch (which renders the page again), per project.
const remembered = new Map();

function stateFor(projectId) {
  const state = remembered.get(projectId)
    ?? { set: '', from: '', to: '', measure: 'participants', classification: 'quantiles', showFlows: false, sort: { key: 'participants', dir: 'descending' } };
  remembered.set(projectId, state);
  return state;
}

export async function participationPage(ctx, { container, params, signal }) {
  const { project, page } = await projectForPage(ctx, params.id, container, signal);
  if (!project) return page;
  const { t } = ctx.i18n;
  const state = stateFor(project.id);
  const title = t('part.title', { title: project.properties.title });
  const parts = {
    status: h('p', { role: 'status', id: 'part-status', class: 'list-status', text: t('part.loading') }),
    viewNote: h('p', { id: 'participation-view', class: 'view-note' }),
    controls: controlForm({ ctx, state, onChange: () => load(), onRedraw: () => redraw() }),
    map: mapSection({ ctx, state, onToggle: () => redraw() }),
    slots: {
      totals: h('div'), table: h('div'), lorenz: h('div'), under: h('div'),
      flows: h('div'), distances: h('div'), weekly: h('div'), exports: h('div'), method: h('div'),
    },
  };
  container.append(...layout(ctx, project, title, parts));
  parts.map.mount();
  const areasOf = areaGeometry(ctx);
  const { status, controls } = parts;
  let controller = null;
  let data = null;
  let shownFeatures = [];
  const redraw = () => { if (data) render(ctx, project, state, parts, data, shownFeatures); };

  async function load() {
    controller?.abort();
    controller = new AbortController();
    const fetchSignal = controller.signal;
    showStatus(status, t('part.loading'), 'loading');
    controls.clearErrors();
    // Caught here, in the reader's language, rather than sent for the server to refuse.
    if (state.from && state.to && state.to < state.from) {
      controls.showErrors({ to: t('part.error.toBeforeFrom') }, ctx.i18n.language);
      showStatus(status, t('part.badRequest'), 'failed');
      return;
    }
    try {
      const answer = await ctx.api.get(`/api/projects/${project.id}/participation`, {
        query: { set: state.set, from: state.from, to: state.to }, signal: fetchSignal,
      });
      const setId = answer.areaSet?.id;
      const features = setId === undefined ? [] : await areasOf(setId, fetchSignal);
      if (fetchSignal.aborted) return;
      data = answer;
      shownFeatures = features;
      controls.showSet(setId);
      render(ctx, project, state, parts, data, features);
      showStatus(status, t('part.loaded', { count: answer.areas?.length ?? 0, set: answer.areaSet?.name ?? '' }), 'ready');
      ctx.announce(status.textContent);
    } catch (error) {
      if (isAbort(error)) return;
      controls.showErrors(error.fields ?? {}, 'en'); // the server's messages are in English
      showStatus(status, error.status === 400 ? t('part.badRequest') : t('part.failed'), 'failed');
    }
  }

  signal.addEventListener('abort', () => {
    controller?.abort();
    parts.map.destroy();
  });
  controls.loadSets(signal);
  await load();
  return { title };
}

function showStatus(status, text, state) {
  status.textContent = text;
  status.dataset.state = state;
}

/** The areas of each boundary set, fetched once per set. */
function areaGeometry(ctx) {
  const geometry = new Map(); // area set id → features
  return async (setId, signal) => {
    if (!geometry.has(setId)) {
      const collection = await ctx.api.get('/api/areas', { query: { set: setId }, signal });
      geometry.set(setId, collection?.features ?? []);
    }
    return geometry.get(setId);
  };
}

function layout(ctx, project, title, { status, viewNote, controls, map, slots }) {
  const { t } = ctx.i18n;
  const section = (key, heading, ...body) => h('section', { class: 'part-section', 'aria-labelledby': `part-${key}-heading` },
    h('h2', { id: `part-${key}-heading`, text: heading }), ...body);
  return [
    h('h1', { tabindex: '-1', text: title }),
    viewNote,
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    controls.form,
    status,
    section('totals', t('part.totals.heading'), slots.totals),
    section('map', t('part.map.heading'), ...map.body),
    section('areas', t('part.table.heading'), slots.table),
    section('under', t('part.under.heading'), slots.under),
    section('lorenz', t('part.lorenz.heading'), slots.lorenz),
    section('flows', t('part.flows.heading'), slots.flows),
    section('distances', t('part.distances.heading'), slots.distances),
    section('weekly', t('part.weekly.heading'), slots.weekly),
    section('exports', t('part.exports.heading'), slots.exports),
    slots.method,
  ];
}

/** Every section drawn from one answer; sorting the table redraws the table only. */
function render(ctx, project, state, { viewNote, controls, map, slots }, data, features) {
  const { t } = ctx.i18n;
  const raw = data.view === 'raw';
  viewNote.dataset.view = data.view;
  viewNote.className = `view-note view-${data.view}`;
  viewNote.textContent = raw ? t('part.view.raw') : t('part.view.public', { threshold: data.threshold ?? 5 });
  controls.classification.disabled = state.measure === 'ratio';
  const renderTable = () => slots.table.replaceChildren(...present(areaTable({ ctx, data, state, onSort: renderTable })));
  slots.totals.replaceChildren(totalsList(ctx, data));
  map.draw(data, features);
  renderTable();
  slots.under.replaceChildren(underList(ctx, data));
  slots.lorenz.replaceChildren(...present(lorenzSection(ctx, data)));
  slots.flows.replaceChildren(...present(flowsSection(ctx, data)));
  slots.distances.replaceChildren(...present(distancesSection(ctx, data)));
  slots.weekly.replaceChildren(...present(weeklySection(ctx, data)));
  slots.exports.replaceChildren(exportLinks(ctx, project.id, data, state));
  const methodOpen = slots.method.querySelector('details')?.open ?? false;
  slots.method.replaceChildren(data.method ? methodNote(t('part.method'), data.method, methodOpen) : '');
}
