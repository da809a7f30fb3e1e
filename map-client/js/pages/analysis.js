// #/projects/{id}/analysis — where proposals gather, as one analysis layer at a time over the base
// map: DBSCAN clusters (outlines, labels and a list), Gi* hot spots, local Moran (LISA) with the
// global I, and a kernel-density heatmap. Each method has its parameters (sent to the server as
// they are: its refusals show next to the field), a legend and a plain-language explanation of
// what it shows and what it does not. Planners get raw counts, everyone else the public form.
import { h } from '../dom.js';
import { createMap, destroyMap, addProjectArea } from '../map.js';
import { projectForPage } from '../projects.js';
import { isAbort } from '../api.js';
import {
  clusterLayer, hotspotLayer, lisaLayer, heatmapLayer,
  clusterLegend, hotspotLegend, lisaLegend, heatmapLegend, countText,
} from '../analysis-layers.js';

/** The methods and their parameters, with the API's defaults and limits. */
export const METHODS = {
  clusters: {
    endpoint: 'clusters',
    fields: [
      { name: 'eps', value: '100', min: 0, max: 5000, step: 'any' },
      { name: 'minPoints', value: '5', min: 1, max: 1000, step: 1 },
    ],
  },
  hotspots: {
    endpoint: 'hotspots',
    fields: [
      { name: 'size', value: '100', min: 1, max: 10000, step: 'any' },
      { name: 'weights', value: 'band', choices: ['band', 'knn'] },
      { name: 'k', value: '6', min: 1, max: 100, step: 1, only: (v) => v.weights === 'knn' },
      { name: 'permutations', value: '0', min: 0, max: 9999, step: 1 },
    ],
  },
  moran: {
    endpoint: 'moran',
    fields: [
      { name: 'size', value: '100', min: 1, max: 10000, step: 'any' },
      { name: 'permutations', value: '999', min: 0, max: 9999, step: 1 },
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
const LAYERS = Object.keys(METHODS);

// Choices survive a language switch (which renders the page again), per project.
const remembered = new Map();

function initialState() {
  const values = {};
  for (const [method, { fields }] of Object.entries(METHODS)) {
    values[method] = Object.fromEntries(fields.map((f) => [f.name, f.value]));
  }
  return { layer: 'clusters', values };
}

export async function analysisPage(ctx, { container, params, signal }) {
  const { project, page } = await projectForPage(ctx, params.id, container, signal);
  if (!project) return page;
  const { t } = ctx.i18n;
  const state = remembered.get(project.id) ?? initialState();
  remembered.set(project.id, state);
  const title = t('analysis.title', { title: project.properties.title });

  const status = h('p', { role: 'status', id: 'an-status', class: 'list-status', text: t('analysis.loading') });
  const viewNote = h('p', { id: 'analysis-view', class: 'view-note', hidden: true });
  const mapElement = h('div', { id: 'analysis-map', class: 'part-map analysis-map' });
  const legendSlot = h('div', { class: 'legend-slot', id: 'analysis-legend' });
  const globalSlot = h('div', { id: 'analysis-global' });
  const explanation = h('div', { id: 'analysis-explanation', class: 'analysis-explanation' });
  const listSlot = h('div', { id: 'analysis-list' });
  const controls = controlForm({ ctx, state, onLayer: () => load(), onApply: () => load() });

  container.append(
    h('h1', { tabindex: '-1', text: title }),
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    viewNote,
    status,
    h('div', { class: 'analysis-layout' },
      h('div', { class: 'map-with-legend analysis-map-column' }, mapElement, legendSlot),
      h('div', { class: 'analysis-panel' },
        controls.form,
        globalSlot,
        h('section', { class: 'part-section', 'aria-labelledby': 'an-about-heading' },
          h('h2', { id: 'an-about-heading', text: t('analysis.about.heading') }), explanation),
        listSlot)),
  );

  const map = createMap({ element: mapElement, ctx, label: t('analysis.map.label', { title: project.properties.title }) });
  addProjectArea({ map, project });
  let layer = null;
  let controller = null;

  async function load() {
    controller?.abort();
    controller = new AbortController();
    const fetchSignal = controller.signal;
    const method = state.layer;
    controls.clearErrors();
    status.textContent = t('analysis.loading');
    status.dataset.state = 'loading';
    explain(method, null);
    try {
      const answer = await ctx.api.get(`/api/projects/${project.id}/analysis/${METHODS[method].endpoint}`, {
        query: queryOf(method, state.values[method]), signal: fetchSignal,
      });
      if (fetchSignal.aborted) return;
      draw(method, answer);
      explain(method, answer.method);
      status.dataset.state = 'ready';
      status.dataset.layer = method;
      ctx.announce(status.textContent);
    } catch (error) {
      if (isAbort(error)) return;
      clear();
      const fields = error.fields ?? {};
      const shown = controls.showErrors(method, fields);
      status.textContent = error.status === 400
        ? (shown ? t('analysis.badRequest') : t('analysis.badRequestOther', { detail: error.message }))
        : error.status === 503 ? t('analysis.tooLong') : t('analysis.failed');
      status.dataset.state = 'failed';
    }
  }

  function clear() {
    layer?.remove();
    layer = null;
    legendSlot.replaceChildren();
    globalSlot.replaceChildren();
    listSlot.replaceChildren();
  }

  function draw(method, answer) {
    clear();
    const raw = answer.raw === true;
    if (method !== 'heatmap') {
      viewNote.hidden = false;
      viewNote.className = `view-note view-${raw ? 'raw' : 'public'}`;
      viewNote.dataset.view = raw ? 'raw' : 'public';
      viewNote.textContent = raw ? t('analysis.view.raw') : t('analysis.view.public');
    } else {
      viewNote.hidden = true;
    }
    const i18n = ctx.i18n;
    const number = (v, digits = 2) => (typeof v === 'number' ? i18n.formatNumber(v, { maximumFractionDigits: digits }) : '–');
    if (method === 'clusters') {
      const clusters = answer.features ?? [];
      layer = clusterLayer({
        map,
        clusters,
        label: (f) => t('analysis.clusters.label', {
          number: f.properties.cluster,
          members: countText(i18n, f.properties.members),
          words: (f.properties.words ?? []).slice(0, 3).map((w) => w.word).join(', ') || '–',
        }),
      });
      legendSlot.replaceChildren(clusterLegend(t));
      listSlot.replaceChildren(clusterList(ctx, clusters, answer));
      status.textContent = t('analysis.clusters.loaded', { count: clusters.length });
      mapElement.setAttribute('aria-label', t('analysis.map.clusters', { count: clusters.length }));
    } else if (method === 'hotspots') {
      const features = answer.features ?? [];
      layer = hotspotLayer({
        map,
        features,
        tooltip: (f) => t('analysis.hotspots.tooltip', {
          proposals: countText(i18n, f.properties.proposals), z: number(f.properties.z),
          class: t(`analysis.hotspots.class.${f.properties.class ?? 0}`),
        }),
      });
      legendSlot.replaceChildren(hotspotLegend(t));
      const hot = features.filter((f) => f.properties.class > 0).length;
      const cold = features.filter((f) => f.properties.class < 0).length;
      status.textContent = t('analysis.hotspots.loaded', { count: features.length, hot, cold });
      listSlot.replaceChildren(h('p', { id: 'hotspot-summary', text: status.textContent }));
      mapElement.setAttribute('aria-label', t('analysis.map.hotspots', { hot, cold }));
    } else if (method === 'moran') {
      const features = answer.features ?? [];
      layer = lisaLayer({
        map,
        features,
        tooltip: (f) => t('analysis.moran.tooltip', {
          proposals: countText(i18n, f.properties.proposals),
          class: t(`analysis.moran.class.${f.properties.cluster ?? 'UNKNOWN'}`),
        }),
      });
      legendSlot.replaceChildren(lisaLegend(t));
      const g = answer.global ?? {};
      globalSlot.replaceChildren(h('section', { class: 'part-section', 'aria-labelledby': 'moran-global-heading' },
        h('h2', { id: 'moran-global-heading', text: t('analysis.moran.globalHeading') }),
        h('p', { id: 'moran-global', text: t('analysis.moran.global', {
          i: number(g.i, 3), expected: number(g.expected, 3), z: number(g.z), p: number(g.permutationP ?? g.p, 3),
        }) }),
        h('p', { class: 'hint', text: t(typeof g.p === 'number' && (g.permutationP ?? g.p) < 0.05
          ? (g.i > (g.expected ?? 0) ? 'analysis.moran.clustered' : 'analysis.moran.dispersed') : 'analysis.moran.random') })));
      const counts = Object.fromEntries(['HH', 'LL', 'HL', 'LH'].map((c) => [c, features.filter((f) => f.properties.cluster === c).length]));
      status.textContent = t('analysis.moran.loaded', { count: features.length, ...counts });
      mapElement.setAttribute('aria-label', t('analysis.map.moran', counts));
    } else {
      const format = (v) => i18n.formatNumber(v, { maximumFractionDigits: v < 10 ? 1 : 0 });
      const alt = t('analysis.heatmap.alt', { max: format(answer.maxValue ?? 0), proposals: answer.proposals ?? 0 });
      if (answer.outline && answer.maxValue > 0) layer = heatmapLayer({ map, grid: answer, alt });
      legendSlot.replaceChildren(heatmapLegend({ t, maxValue: answer.maxValue ?? 0, format }));
      status.textContent = t('analysis.heatmap.loaded', {
        bandwidth: i18n.formatNumber(answer.bandwidth ?? 0, { maximumFractionDigits: 0 }),
        cell: i18n.formatNumber(answer.cellSize ?? 0, { maximumFractionDigits: 1 }),
        max: format(answer.maxValue ?? 0),
      });
      mapElement.setAttribute('aria-label', alt);
    }
  }

  function explain(method, serverMethod) {
    const open = explanation.querySelector('details')?.open ?? false;
    // replaceChildren would write a null as the text "null".
    explanation.replaceChildren(...[
      h('h3', { text: t(`analysis.layer.${method}`) }),
      h('p', { id: 'analysis-shows', text: t(`analysis.${method}.shows`) }),
      h('p', { id: 'analysis-not', text: t(`analysis.${method}.not`) }),
      serverMethod ? h('details', { class: 'method', open }, h('summary', { text: t('analysis.method') }), h('p', { lang: 'en', text: serverMethod })) : null,
    ].filter(Boolean));
  }

  signal.addEventListener('abort', () => {
    controller?.abort();
    destroyMap(map);
  });
  await load();
  return { title };
}

/** The query for a method: empty fields are left out (the server's default), k only with knn. */
function queryOf(method, values) {
  const query = {};
  for (const field of METHODS[method].fields) {
    if (field.only && !field.only(values)) continue;
    const value = String(values[field.name] ?? '').trim();
    if (value !== '') query[field.name] = value;
  }
  return query;
}

// ——— controls ———

function controlForm({ ctx, state, onLayer, onApply }) {
  const { t } = ctx.i18n;
  const radios = LAYERS.map((layer) => h('div', { class: 'radio' },
    h('input', {
      type: 'radio', name: 'layer', id: `an-layer-${layer}`, value: layer, checked: layer === state.layer,
      on: { change: () => { state.layer = layer; showFieldset(); onLayer(); } },
    }),
    h('label', { for: `an-layer-${layer}`, text: t(`analysis.layer.${layer}`) })));
  const chooser = h('fieldset', { class: 'layer-chooser', id: 'an-layers' }, h('legend', { text: t('analysis.layers') }), radios);

  const errors = {}; // method → field → { control, slot }
  const fieldsets = {};
  for (const [method, { fields }] of Object.entries(METHODS)) {
    errors[method] = {};
    const rows = fields.map((field) => {
      const id = `an-${method}-${field.name}`;
      const hintId = `${id}-hint`;
      const control = field.choices
        ? h('select', { id, name: field.name, 'aria-describedby': hintId },
          field.choices.map((c) => h('option', { value: c, text: t(`analysis.weights.${c}`), selected: state.values[method][field.name] === c })))
        : h('input', {
          id, name: field.name, type: 'number', inputmode: 'decimal', min: field.min, max: field.max, step: field.step,
          value: state.values[method][field.name], 'aria-describedby': hintId,
          placeholder: field.value === '' ? t('analysis.field.automatic') : null,
        });
      control.addEventListener('input', () => { state.values[method][field.name] = control.value; });
      control.addEventListener('change', () => { state.values[method][field.name] = control.value; });
      const slot = h('p', { class: 'error', id: `${id}-error`, hidden: true });
      errors[method][field.name] = { control, slot, hintId };
      return h('div', { class: 'field' },
        h('label', { for: id, text: t(`analysis.field.${field.name}`) }),
        control,
        h('p', { class: 'hint', id: hintId, text: t(`analysis.hint.${method}.${field.name}`) }),
        slot);
    });
    fieldsets[method] = h('fieldset', { class: 'analysis-fields', id: `an-fields-${method}`, hidden: method !== state.layer },
      h('legend', { text: t('analysis.parameters', { method: t(`analysis.layer.${method}`) }) }), rows);
  }
  function showFieldset() {
    for (const [method, fieldset] of Object.entries(fieldsets)) fieldset.hidden = method !== state.layer;
  }

  const form = h('form', {
    class: 'analysis-controls', id: 'an-controls', novalidate: true, 'aria-label': t('analysis.controls'),
    on: { submit: (e) => { e.preventDefault(); onApply(); } },
  }, chooser, Object.values(fieldsets), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'an-apply', text: t('analysis.apply') })));

  return {
    form,
    clearErrors() {
      for (const byField of Object.values(errors)) {
        for (const { control, slot, hintId } of Object.values(byField)) {
          slot.hidden = true;
          slot.replaceChildren();
          control.removeAttribute('aria-invalid');
          control.setAttribute('aria-describedby', hintId);
        }
      }
    },
    /** Shows each refusal next to its field; true when at least one had a field here. */
    showErrors(method, fields) {
      let shown = false;
      for (const [name, message] of Object.entries(fields)) {
        const entry = errors[method][name];
        if (!entry) continue;
        shown = true;
        // The reader's language first, then the server's own words, which are in English.
        entry.slot.replaceChildren(
          h('span', { text: t(`analysis.error.${method}.${name}`) }), ' ',
          h('span', { lang: 'en', class: 'server-message', text: t('analysis.error.server', { message }) }));
        entry.slot.hidden = false;
        entry.control.setAttribute('aria-invalid', 'true');
        entry.control.setAttribute('aria-describedby', `${entry.slot.id} ${entry.hintId}`);
      }
      return shown;
    },
  };
}

// ——— the cluster list ———

function clusterList(ctx, clusters, answer) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const summary = h('p', { id: 'cluster-summary', text: t('analysis.clusters.summary', {
    count: clusters.length, proposals: countText(i18n, answer.proposals), noise: countText(i18n, answer.noise),
  }) });
  const section = (...body) => h('section', { class: 'part-section', 'aria-labelledby': 'cluster-list-heading' },
    h('h2', { id: 'cluster-list-heading', text: t('analysis.clusters.heading') }), summary, ...body);
  if (!clusters.length) return section(h('p', { id: 'cluster-list', text: t('analysis.clusters.none') }));
  return section(h('ol', { id: 'cluster-list', class: 'cluster-list' }, clusters.map((feature) => {
    const p = feature.properties;
    const headingId = `cluster-${p.cluster}-heading`;
    const categories = (p.categories ?? []).map((c) => t('analysis.clusters.category', { category: c.category ?? t('analysis.clusters.noCategory'), count: countText(i18n, c.count) }));
    const words = (p.words ?? []).map((w) => w.word);
    return h('li', { class: 'cluster-item', dataset: { cluster: p.cluster } },
      h('h3', { id: headingId, text: t('analysis.clusters.item', { number: p.cluster, members: countText(i18n, p.members) }) }),
      h('p', { class: 'cluster-categories', text: t('analysis.clusters.categories', { list: categories.join(', ') || '–' }) }),
      words.length ? h('p', { class: 'cluster-words', text: t('analysis.clusters.words', { list: words.join(', ') }) }) : null,
      (p.mostSupported ?? []).length
        ? h('div', {}, h('p', { class: 'cluster-top-label', text: t('analysis.clusters.mostSupported') }),
          h('ul', { class: 'cluster-top' }, p.mostSupported.map((proposal) => h('li', {},
            h('a', { href: `#/proposals/${proposal.id}`, text: proposal.title ?? `#${proposal.id}` }),
            ' ', t('analysis.clusters.supports', { count: countText(i18n, proposal.supportCount) })))))
        : null);
  })));
}
