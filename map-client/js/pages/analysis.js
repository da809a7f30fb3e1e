// #/projects/{id}/analysis — where proposals gather, as one analysis layer at a time over the base
// map: DBSCAN clusters (outlines, labels and a list), Gi* hot spots, local Moran (LISA) with the
// global I, and a kernel-density heatmap. Each method has its parameters (sent to the server as
// they are: its refusals show next to the field), a legend and a plain-language explanation of
// what it shows and what it does not. Filters (category, status, dates) apply to every method; hot
// spots and Moran run over hexagons or the areas of a boundary set, with the neighbours those
// units allow, and Moran also on participation per 1,000 residents. Planners get raw counts,
// everyone else the public form.
import { h } from '../dom.js';
import { createMap, destroyMap, addProjectArea } from '../map.js';
import { projectForPage, STATUSES } from '../projects.js';
import { isAbort } from '../api.js';
import {
  clusterLayer, hotspotLayer, lisaLayer, heatmapLayer,
  clusterLegend, hotspotLegend, lisaLegend, heatmapLegend, countText,
} from '../analysis-layers.js';

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
const DEFAULT_WEIGHTS = { areas: 'queen', hexagons: 'band' };

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
const LAYERS = Object.keys(METHODS);

// Choices survive a language switch (which renders the page again), per project.
const remembered = new Map();

function initialState() {
  const values = {};
  for (const [method, { fields }] of Object.entries(METHODS)) {
    values[method] = Object.fromEntries(fields.map((f) => [f.name, f.value]));
  }
  return { layer: 'clusters', values, filters: Object.fromEntries(FILTERS.map((f) => [f.name, f.value ?? ''])) };
}

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

  const status = h('p', { role: 'status', id: 'an-status', class: 'list-status', text: t('analysis.loading') });
  // How the analysed proposals sit: shared spots, and those about the whole area left out.
  const locationsNote = h('p', { id: 'analysis-locations', class: 'hint', hidden: true });
  const viewNote = h('p', { id: 'analysis-view', class: 'view-note', hidden: true });
  const mapElement = h('div', { id: 'analysis-map', class: 'part-map analysis-map' });
  const legendSlot = h('div', { class: 'legend-slot', id: 'analysis-legend' });
  const globalSlot = h('div', { id: 'analysis-global' });
  const explanation = h('div', { id: 'analysis-explanation', class: 'analysis-explanation' });
  const listSlot = h('div', { id: 'analysis-list' });
  const sets = await areaSets(ctx, signal);
  if (signal.aborted) return { title };
  const controls = controlForm({ ctx, project, sets, state, onLayer: () => load(), onApply: () => load() });

  container.append(
    h('h1', { tabindex: '-1', text: title }),
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    viewNote,
    status,
    locationsNote,
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
      const query = queryOf(method, state.values[method], state.filters);
      const answer = await ctx.api.get(`/api/projects/${project.id}/analysis/${METHODS[method].endpoint}`, {
        query, signal: fetchSignal,
      });
      if (fetchSignal.aborted) return;
      draw(method, answer, query.unit === 'areas');
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
    locationsNote.hidden = true;
    legendSlot.replaceChildren();
    globalSlot.replaceChildren();
    listSlot.replaceChildren();
  }

  function draw(method, answer, areas) {
    clear();
    showLocations(answer.locations);
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
      status.textContent = t(areas ? 'analysis.hotspots.loadedAreas' : 'analysis.hotspots.loaded', { count: features.length, hot, cold });
      listSlot.replaceChildren(h('p', { id: 'hotspot-summary', text: status.textContent }));
      mapElement.setAttribute('aria-label', t(areas ? 'analysis.map.hotspotsAreas' : 'analysis.map.hotspots', { hot, cold }));
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
        // The verdict names what was measured: proposals, or participation per 1,000 residents.
        h('p', { class: 'hint', text: t(typeof g.p === 'number' && (g.permutationP ?? g.p) < 0.05
          ? `analysis.moran.${g.i > (g.expected ?? 0) ? 'clustered' : 'dispersed'}${
            answer.parameters?.measure === 'participation' ? 'Participation' : ''}`
          : 'analysis.moran.random') })));
      const counts = Object.fromEntries(['HH', 'LL', 'HL', 'LH'].map((c) => [c, features.filter((f) => f.properties.cluster === c).length]));
      status.textContent = t(areas ? 'analysis.moran.loadedAreas' : 'analysis.moran.loaded', { count: features.length, ...counts });
      mapElement.setAttribute('aria-label', t(areas ? 'analysis.map.moranAreas' : 'analysis.map.moran', counts));
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

  function showLocations(locations) {
    if (!locations) return;
    const i18n = ctx.i18n;
    const text = t('analysis.locations.summary', {
      count: locations.sharedLocations,
      shared: countText(i18n, locations.sharedProposals),
      wholeArea: countText(i18n, locations.wholeArea),
    });
    locationsNote.textContent = locations.counted === 'once'
      ? `${text} ${t('analysis.locations.onceNote', { repeats: countText(i18n, locations.repeatsLeftOut) })}`
      : text;
    locationsNote.hidden = false;
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

/**
 * The query for a method: empty fields are left out (the server's default), and so are fields
 * that do not apply to the other choices (k only with knn, size only with hexagons, …); the
 * filters go with every method, each only when set.
 */
function queryOf(method, values, filters) {
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

// ——— controls ———

function controlForm({ ctx, project, sets, state, onLayer, onApply }) {
  const { t } = ctx.i18n;
  const radios = LAYERS.map((layer) => h('div', { class: 'radio' },
    h('input', {
      type: 'radio', name: 'layer', id: `an-layer-${layer}`, value: layer, checked: layer === state.layer,
      on: { change: () => { state.layer = layer; showFieldset(); onLayer(); } },
    }),
    h('label', { for: `an-layer-${layer}`, text: t(`analysis.layer.${layer}`) })));
  const chooser = h('fieldset', { class: 'layer-chooser', id: 'an-layers' }, h('legend', { text: t('analysis.layers') }), radios);

  const errors = {}; // method (or 'filters') → field → { control, slot, hintId }
  const setIds = sets.map((s) => String(s.id));
  const setText = (s) => (s.year === null || s.year === undefined
    ? t('analysis.set.optionNoYear', { name: s.name })
    : t('analysis.set.option', { name: s.name, year: String(s.year) }));
  const choiceText = (name, c) => (name === 'alpha'
    ? ctx.i18n.formatNumber(Number(c), { minimumFractionDigits: 2 })
    : t(`analysis.${name}.${c}`));
  const options = (field, values) => (field.sets
    ? (sets.length
      ? sets.map((s) => h('option', { value: String(s.id), text: setText(s), selected: String(values.set) === String(s.id) }))
      : [h('option', { value: '', text: t('analysis.set.none') })])
    : field.choices(values).map((c) => h('option', { value: c, text: choiceText(field.name, c), selected: values[field.name] === c })));

  /** One labelled control with its hint and a slot for the server's refusal. */
  function row({ id, name, label, hint, control, onValue, errorsOf }) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    control.addEventListener('input', () => onValue(control.value));
    control.addEventListener('change', () => onValue(control.value));
    const slot = h('p', { class: 'error', id: `${id}-error`, hidden: true });
    errorsOf[name] = { control, slot, hintId };
    return h('div', { class: 'field', id: `${id}-field` },
      h('label', { for: id, text: label }),
      control,
      h('p', { class: 'hint', id: hintId, text: hint }),
      slot);
  }

  // Filters: one set for every method, remembered with the rest.
  errors.filters = {};
  const categories = project.properties.categories ?? [];
  const filterControls = {
    category: h('select', { id: 'an-filter-category', name: 'category' },
      h('option', { value: '', text: t('filter.anyCategory') }),
      categories.map((c) => h('option', { value: c, text: c, selected: state.filters.category === c }))),
    status: h('select', { id: 'an-filter-status', name: 'status' },
      h('option', { value: '', text: t('filter.anyStatus') }),
      STATUSES.map((s) => h('option', { value: s, text: t(`status.${s}`), selected: state.filters.status === s }))),
    from: h('input', { id: 'an-filter-from', name: 'from', type: 'date', value: state.filters.from }),
    to: h('input', { id: 'an-filter-to', name: 'to', type: 'date', value: state.filters.to }),
    locations: h('select', { id: 'an-filter-locations', name: 'locations' },
      ['all', 'once'].map((c) => h('option', { value: c, text: t(`analysis.locations.${c}`), selected: state.filters.locations === c }))),
  };
  const filters = h('fieldset', { class: 'analysis-fields', id: 'an-filters' },
    h('legend', { text: t('analysis.filters') }),
    FILTERS.map(({ name }) => row({
      id: `an-filter-${name}`, name, label: t(`analysis.filter.${name}`), hint: t(`analysis.hint.filter.${name}`),
      control: filterControls[name], errorsOf: errors.filters,
      onValue: (value) => { state.filters[name] = value; },
    })));

  const fieldsets = {};
  for (const [method, { fields }] of Object.entries(METHODS)) {
    errors[method] = {};
    const values = state.values[method];
    if (fields.some((f) => f.sets) && !setIds.includes(String(values.set))) values.set = setIds.at(-1) ?? '';
    const rows = {};
    const groups = {};
    const children = [];
    for (const field of fields) {
      const id = `an-${method}-${field.name}`;
      const control = field.sets || field.choices
        ? h('select', { id, name: field.name }, options(field, values))
        : h('input', {
          id, name: field.name, type: 'number', inputmode: 'decimal', min: field.min, max: field.max, step: field.step,
          value: values[field.name], placeholder: field.value === '' ? t('analysis.field.automatic') : null,
        });
      rows[field.name] = row({
        id, name: field.name, label: t(`analysis.field.${field.name}`), hint: t(`analysis.hint.${method}.${field.name}`),
        control, errorsOf: errors[method],
        onValue: (value) => {
          if (values[field.name] === value) return;
          values[field.name] = value;
          // Areas start with contiguity, hexagons with a distance band.
          if (field.name === 'unit') values.weights = DEFAULT_WEIGHTS[value] ?? values.weights;
          refresh();
        },
      });
      if (!field.group) {
        children.push(rows[field.name]);
      } else if (groups[field.group]) {
        groups[field.group].append(rows[field.name]);
      } else {
        groups[field.group] = h('fieldset', { class: 'analysis-group', id: `an-${method}-${field.group}` },
          h('legend', { text: t(`analysis.group.${field.group}`) }), rows[field.name]);
        children.push(groups[field.group]);
      }
    }
    /** Shows only the fields that apply, and the weights the chosen units allow. */
    function refresh() {
      for (const field of fields) {
        const { control } = errors[method][field.name];
        if (field.choices) {
          const allowed = field.choices(values);
          if (!allowed.includes(values[field.name])) values[field.name] = allowed.includes(field.value) ? field.value : allowed[0];
          const shown = [...control.options].map((o) => o.value);
          if (shown.join() !== allowed.join()) control.replaceChildren(...options(field, values));
          control.value = values[field.name];
        }
        rows[field.name].hidden = Boolean(field.only && !field.only(values));
      }
    }
    refresh();
    fieldsets[method] = h('fieldset', { class: 'analysis-fields', id: `an-fields-${method}`, hidden: method !== state.layer },
      h('legend', { text: t('analysis.parameters', { method: t(`analysis.layer.${method}`) }) }), children);
  }
  function showFieldset() {
    for (const [method, fieldset] of Object.entries(fieldsets)) fieldset.hidden = method !== state.layer;
  }

  const form = h('form', {
    class: 'analysis-controls', id: 'an-controls', novalidate: true, 'aria-label': t('analysis.controls'),
    on: { submit: (e) => { e.preventDefault(); onApply(); } },
  }, chooser, filters, Object.values(fieldsets), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'an-apply', text: t('analysis.apply') })));

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
        const own = errors[method][name];
        const entry = own ?? errors.filters[name];
        if (!entry) continue;
        shown = true;
        // The reader's language first, then the server's own words, which are in English.
        entry.slot.replaceChildren(
          h('span', { text: t(own ? `analysis.error.${method}.${name}` : `analysis.error.filter.${name}`) }), ' ',
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
