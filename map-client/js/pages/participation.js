// #/projects/{id}/participation — who takes part, and where: a choropleth of one measure with
// its legend, the same figures as a sortable table (the map's accessible equivalent), the Lorenz
// curve, home → proposal flows, distances, weeks, the under-represented neighbourhoods and
// downloads. Planners and admins get raw counts from the server; everyone else gets the public
// form (small counts hidden, the rest rounded), and the page says which one it shows.
import { h } from '../dom.js';
import { createMap, destroyMap } from '../map.js';
import { projectForPage } from '../projects.js';
import { isAbort } from '../api.js';
import { quantileBreaks, jenksBreaks, RATIO_BREAKS } from '../classify.js';
import { choroplethLayer, flowLayer, centreOf, legend, paletteFor } from '../choropleth.js';
import { lorenzChart, barChart } from '../charts.js';

const CLASSES = 5;
const TOP_FLOWS = 50;
const COUNTS = ['proposals', 'variants', 'comments', 'supports'];
export const MEASURES = ['participants', 'ratePer1000', 'ratio', ...COUNTS];
const POPULATION_MEASURES = new Set(['ratePer1000', 'ratio']);

// Choices survive a language switch (which renders the page again), per project.
const remembered = new Map();

export async function participationPage(ctx, { container, params, signal }) {
  const { project, page } = await projectForPage(ctx, params.id, container, signal);
  if (!project) return page;
  const { t } = ctx.i18n;
  const state = remembered.get(project.id)
    ?? { set: '', from: '', to: '', measure: 'participants', classification: 'quantiles', showFlows: false, sort: { key: 'participants', dir: 'descending' } };
  remembered.set(project.id, state);
  const title = t('part.title', { title: project.properties.title });

  const status = h('p', { role: 'status', id: 'part-status', class: 'list-status', text: t('part.loading') });
  const viewNote = h('p', { id: 'participation-view', class: 'view-note' });
  const controls = controlForm({ ctx, state, onChange: () => load(), onRedraw: () => redraw() });
  const mapElement = h('div', { id: 'participation-map', class: 'part-map' });
  const legendSlot = h('div', { class: 'legend-slot' });
  const flowCheckbox = h('input', { type: 'checkbox', id: 'part-show-flows', checked: state.showFlows });
  const flowToggle = h('div', { class: 'checkbox' }, flowCheckbox,
    h('label', { for: 'part-show-flows', text: t('part.map.showFlows', { count: TOP_FLOWS }) }));
  flowCheckbox.addEventListener('change', () => { state.showFlows = flowCheckbox.checked; redraw(); });
  const slots = {
    totals: h('div'), table: h('div'), lorenz: h('div'), under: h('div'),
    flows: h('div'), distances: h('div'), weekly: h('div'), exports: h('div'), method: h('div'),
  };
  const section = (key, heading, ...body) => h('section', { class: 'part-section', 'aria-labelledby': `part-${key}-heading` },
    h('h2', { id: `part-${key}-heading`, text: heading }), ...body);

  container.append(
    h('h1', { tabindex: '-1', text: title }),
    viewNote,
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    controls.form,
    status,
    section('totals', t('part.totals.heading'), slots.totals),
    section('map', t('part.map.heading'), flowToggle, h('div', { class: 'map-with-legend' }, mapElement, legendSlot)),
    section('areas', t('part.table.heading'), slots.table),
    section('under', t('part.under.heading'), slots.under),
    section('lorenz', t('part.lorenz.heading'), slots.lorenz),
    section('flows', t('part.flows.heading'), slots.flows),
    section('distances', t('part.distances.heading'), slots.distances),
    section('weekly', t('part.weekly.heading'), slots.weekly),
    section('exports', t('part.exports.heading'), slots.exports),
    slots.method,
  );

  const map = createMap({ element: mapElement, ctx, label: t('part.map.heading') }); // labelled fully once drawn
  const geometry = new Map(); // area set id → features
  let layer = null;
  let flowLines = null;
  let fitted = null;
  let controller = null;
  let data = null;
  let shownFeatures = [];
  const redraw = () => { if (data) render(shownFeatures); };

  async function areasOf(setId, fetchSignal) {
    if (!geometry.has(setId)) {
      const collection = await ctx.api.get('/api/areas', { query: { set: setId }, signal: fetchSignal });
      geometry.set(setId, collection?.features ?? []);
    }
    return geometry.get(setId);
  }

  async function load() {
    controller?.abort();
    controller = new AbortController();
    const fetchSignal = controller.signal;
    status.textContent = t('part.loading');
    status.dataset.state = 'loading';
    controls.clearErrors();
    // Caught here, in the reader's language, rather than sent for the server to refuse.
    if (state.from && state.to && state.to < state.from) {
      controls.showErrors({ to: t('part.error.toBeforeFrom') }, ctx.i18n.language);
      status.textContent = t('part.badRequest');
      status.dataset.state = 'failed';
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
      controls.showSet(setId);
      render(features);
      status.textContent = t('part.loaded', { count: answer.areas?.length ?? 0, set: answer.areaSet?.name ?? '' });
      status.dataset.state = 'ready';
      ctx.announce(status.textContent);
    } catch (error) {
      if (isAbort(error)) return;
      controls.showErrors(error.fields ?? {}, 'en'); // the server's messages are in English
      status.textContent = error.status === 400 ? t('part.badRequest') : t('part.failed');
      status.dataset.state = 'failed';
    }
  }

  // Sorting redraws the table only; the map and the rest stay as they are.
  function renderTable() {
    slots.table.replaceChildren(...present(areaTable({ ctx, data, state, onSort: renderTable })));
  }

  function render(features) {
    shownFeatures = features;
    const raw = data.view === 'raw';
    viewNote.dataset.view = data.view;
    viewNote.className = `view-note view-${data.view}`;
    viewNote.textContent = raw ? t('part.view.raw') : t('part.view.public', { threshold: data.threshold ?? 5 });
    controls.classification.disabled = state.measure === 'ratio';
    slots.totals.replaceChildren(totalsList(ctx, data));
    drawMap(features);
    renderTable();
    slots.under.replaceChildren(underList(ctx, data));
    slots.lorenz.replaceChildren(...present(lorenzSection(ctx, data)));
    slots.flows.replaceChildren(...present(flowsSection(ctx, data)));
    slots.distances.replaceChildren(...present(distancesSection(ctx, data)));
    slots.weekly.replaceChildren(...present(weeklySection(ctx, data)));
    slots.exports.replaceChildren(exportLinks(ctx, project.id, data, state));
    const methodOpen = slots.method.querySelector('details')?.open ?? false;
    slots.method.replaceChildren(data.method
      ? h('details', { class: 'method', open: methodOpen }, h('summary', { text: t('part.method') }), h('p', { lang: 'en', text: data.method }))
      : '');
  }

  function drawMap(features) {
    const byId = new Map((data.areas ?? []).map((a) => [a.areaId, a]));
    const entries = [];
    for (const feature of features) {
      const area = byId.get(feature.id ?? feature.properties?.id);
      if (!area) continue;
      const { value, state: kind } = measureOf(area, state.measure);
      const valueText = kind === 'hidden' ? hiddenText(ctx, area, state.measure, data.threshold ?? 5)
        : kind === 'unknown' ? t('part.legend.unknown') : formatMeasure(ctx, state.measure, value);
      entries.push({ feature, value, state: kind, tooltip: `${area.name}: ${valueText}` });
    }
    const values = entries.filter((e) => e.state === 'value').map((e) => e.value);
    const ratio = state.measure === 'ratio';
    const breaks = ratio ? RATIO_BREAKS
      : state.classification === 'jenks' ? jenksBreaks(values, CLASSES) : quantileBreaks(values, CLASSES);
    const palette = paletteFor(Math.max(1, breaks.length - 1), ratio);
    layer?.remove();
    const fit = fitted !== data.areaSet?.id;
    layer = choroplethLayer({ map, entries, breaks, palette, fit });
    if (fit && entries.length) fitted = data.areaSet?.id;
    flowLines?.remove();
    flowLines = state.showFlows ? flowLayer({ map, flows: flowLinesOf(ctx, data, features) }) : null;
    const measureName = t(`part.measure.${state.measure}`);
    mapElement.setAttribute('aria-label', t(state.showFlows ? 'part.map.labelFlows' : 'part.map.label', { measure: measureName, set: data.areaSet?.name ?? '' }));
    legendSlot.replaceChildren(legend({
      id: 'part-legend',
      title: ratio ? t('part.legend.ratioTitle') : t('part.legend.title', {
        measure: measureName, method: t(`part.classification.${state.classification}`),
      }),
      breaks,
      palette,
      format: (v) => formatMeasure(ctx, state.measure, v),
      threshold: data.threshold ?? 5,
      integer: !POPULATION_MEASURES.has(state.measure) && breaks.every((b) => Number.isInteger(b)),
      t,
      showHidden: data.view !== 'raw' || entries.some((e) => e.state === 'hidden'),
      showUnknown: POPULATION_MEASURES.has(state.measure) || entries.some((e) => e.state === 'unknown'),
    }));
  }

  const onAbort = () => {
    controller?.abort();
    destroyMap(map);
  };
  signal.addEventListener('abort', onAbort);
  controls.loadSets(signal);
  await load();
  return { title };
}

/** replaceChildren would write null as the text "null". */
function present(nodes) {
  return nodes.filter(Boolean);
}

// ——— figures ———

/** A count as a number, or null when hidden: raw numbers, public "0"/"125"; "<5" and "x" are not. */
export function countNumber(count) {
  if (typeof count === 'number') return count;
  return typeof count === 'string' && /^\d+$/.test(count) ? Number(count) : null;
}

function countText(ctx, count) {
  if (count === null || count === undefined) return '';
  const n = countNumber(count);
  return n === null ? String(count) : ctx.i18n.formatNumber(n);
}

/** For sorting: hidden small counts sit between 0 and the threshold, "x" last. */
function countSortValue(count, threshold) {
  const n = countNumber(count);
  if (n !== null) return n;
  return typeof count === 'string' && count.startsWith('<') ? threshold / 2 : null;
}

export function measureOf(area, measure) {
  if (POPULATION_MEASURES.has(measure)) {
    if (area.populationKnown === false || area.population === null) return { value: null, state: 'unknown' };
    if (area.hidden && area.hidden !== 'NO') return { value: null, state: 'hidden' };
    const value = area[measure];
    return typeof value === 'number' ? { value, state: 'value' } : { value: null, state: 'hidden' };
  }
  const value = countNumber(area[measure]);
  if (measure === 'participants' && area.hidden && area.hidden !== 'NO') return { value: null, state: 'hidden' };
  return value === null ? { value: null, state: 'hidden' } : { value, state: 'value' };
}

function formatMeasure(ctx, measure, value) {
  if (value === null || value === undefined) return '';
  if (measure === 'ratePer1000') return ctx.i18n.formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (measure === 'ratio') return ctx.i18n.formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return ctx.i18n.formatNumber(value, { maximumFractionDigits: 1 });
}

function metres(ctx, value) {
  if (value === null || value === undefined) return '–';
  return ctx.i18n.formatNumber(value, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 });
}

function fraction(ctx, value) {
  return ctx.i18n.formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Why an area's figure is hidden, for its tooltip. */
function hiddenText(ctx, area, measure, threshold) {
  const raw = POPULATION_MEASURES.has(measure) ? area.participants : area[measure];
  const secondary = raw === 'x' || (measure === 'participants' && area.hidden === 'SECONDARY');
  return ctx.i18n.t(secondary ? 'part.hidden.secondary' : 'part.hidden.small', { threshold });
}

// ——— controls ———

function controlForm({ ctx, state, onChange, onRedraw }) {
  const { t } = ctx.i18n;
  const set = h('select', { id: 'part-set', name: 'set' }, h('option', { value: '', text: t('part.set.default') }));
  const from = h('input', { id: 'part-from', name: 'from', type: 'date', value: state.from });
  const to = h('input', { id: 'part-to', name: 'to', type: 'date', value: state.to });
  const measure = h('select', { id: 'part-measure', name: 'measure' },
    MEASURES.map((m) => h('option', { value: m, text: t(`part.measure.${m}`), selected: m === state.measure })));
  const classification = h('select', { id: 'part-classification', name: 'classification', 'aria-describedby': 'part-classification-hint' },
    ['quantiles', 'jenks'].map((c) => h('option', { value: c, text: t(`part.classification.${c}`), selected: c === state.classification })));
  const errors = {};
  let shownSet = null; // the set the figures are for, also when the server chose it
  const field = (control, label, hint) => {
    errors[control.name] = h('p', { class: 'error', id: `${control.id}-error`, hidden: true });
    return h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control,
      hint ? h('p', { class: 'hint', id: `${control.id}-hint`, text: hint }) : null, errors[control.name]);
  };
  const form = h('form', { class: 'part-controls', id: 'part-controls', 'aria-label': t('part.controls'), on: { submit: (e) => e.preventDefault() } },
    field(set, t('part.set')),
    field(from, t('part.from')),
    field(to, t('part.to')),
    field(measure, t('part.measure')),
    field(classification, t('part.classification'), t('part.classification.hint')));
  // Fetches again only for what the server computes; measure and classes are drawn here.
  set.addEventListener('change', () => { state.set = set.value; onChange(); });
  from.addEventListener('change', () => { state.from = from.value; onChange(); });
  to.addEventListener('change', () => { state.to = to.value; onChange(); });
  measure.addEventListener('change', () => { state.measure = measure.value; onRedraw(); });
  classification.addEventListener('change', () => { state.classification = classification.value; onRedraw(); });
  return {
    form,
    classification,
    async loadSets(signal) {
      try {
        const answer = await ctx.api.get('/api/area-sets', { signal });
        const sets = Array.isArray(answer) ? answer : answer?.sets ?? [];
        const current = state.set || shownSet;
        set.replaceChildren(...sets.map((s) => h('option', {
          value: s.id,
          text: s.year === null || s.year === undefined
            ? t('part.set.optionNoYear', { name: s.name, count: s.areaCount ?? s.count ?? 0 })
            : t('part.set.option', { name: s.name, year: String(s.year), count: s.areaCount ?? s.count ?? 0 }),
        })));
        if (current) set.value = String(current);
      } catch {
        // The default set still works without the list.
      }
    },
    showSet(id) {
      if (id === undefined || id === null) return;
      shownSet = id;
      if (![...set.options].some((o) => o.value === String(id))) return;
      set.value = String(id);
    },
    clearErrors() {
      for (const [name, slot] of Object.entries(errors)) {
        slot.hidden = true;
        slot.textContent = '';
        const control = form.elements[name];
        control.removeAttribute('aria-invalid');
        if (name === 'classification') control.setAttribute('aria-describedby', 'part-classification-hint');
        else control.removeAttribute('aria-describedby');
      }
    },
    showErrors(fields, lang) {
      for (const [name, message] of Object.entries(fields)) {
        const slot = errors[name];
        if (!slot) continue;
        slot.hidden = false;
        slot.lang = lang;
        slot.textContent = message;
        form.elements[name].setAttribute('aria-invalid', 'true');
        form.elements[name].setAttribute('aria-describedby', slot.id);
      }
    },
  };
}

// ——— sections ———

function totalsList(ctx, data) {
  const { t } = ctx.i18n;
  const totals = data.totals ?? {};
  const row = (label, value) => [h('dt', { text: label }), h('dd', { text: value })];
  const rate = typeof totals.ratePer1000 === 'number' ? formatMeasure(ctx, 'ratePer1000', totals.ratePer1000) : '–';
  return h('dl', { class: 'totals', id: 'part-totals' },
    row(t('part.totals.participants'), countText(ctx, totals.participants)),
    row(t('part.totals.participantsAllAreas'), countText(ctx, totals.participantsAllAreas)),
    row(t('part.totals.participantsWithoutArea'), countText(ctx, totals.participantsWithoutArea)),
    row(t('part.totals.population'), typeof totals.population === 'number' ? ctx.i18n.formatNumber(totals.population) : '–'),
    row(t('part.measure.ratePer1000'), rate),
    COUNTS.flatMap((key) => row(t(`part.measure.${key}`), countText(ctx, totals[key]))),
    row(t('part.period'), period(ctx, data)));
}

function period(ctx, data) {
  const { t } = ctx.i18n;
  const date = (iso) => ctx.i18n.formatDate(`${iso}T12:00:00`);
  if (data.from && data.to) return t('part.period.between', { from: date(data.from), to: date(data.to) });
  if (data.from) return t('part.period.since', { from: date(data.from) });
  if (data.to) return t('part.period.until', { to: date(data.to) });
  return t('part.period.all');
}

/** A horizontally scrolling, focusable, labelled region: tables stay readable on a phone. */
function scroller(captionId, table) {
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': captionId }, table);
}

function areaColumns(ctx, data) {
  const { t } = ctx.i18n;
  const raw = data.view === 'raw';
  const threshold = data.threshold ?? 5;
  const count = (key) => ({
    key, numeric: true, label: t(`part.measure.${key}`),
    value: (a) => countSortValue(a[key], threshold), text: (a) => countText(ctx, a[key]),
  });
  return [
    { key: 'name', label: t('part.col.name'), value: (a) => a.name ?? '', text: (a) => a.name ?? '' },
    { key: 'code', label: t('part.col.code'), value: (a) => a.code ?? '', text: (a) => a.code ?? '' },
    {
      key: 'population', numeric: true, label: t('part.col.population'), value: (a) => a.population ?? null,
      text: (a) => (typeof a.population === 'number' ? ctx.i18n.formatNumber(a.population) : t('part.unknown')),
    },
    count('participants'),
    {
      key: 'ratePer1000', numeric: true, label: t('part.measure.ratePer1000'), value: (a) => a.ratePer1000 ?? null,
      text: (a) => (typeof a.ratePer1000 === 'number' ? formatMeasure(ctx, 'ratePer1000', a.ratePer1000) : '–'),
    },
    {
      key: 'ratio', numeric: true, label: raw ? t('part.col.ratioInterval') : t('part.measure.ratio'), value: (a) => a.ratio ?? null,
      text: (a) => {
        if (typeof a.ratio !== 'number') return '–';
        const ratio = formatMeasure(ctx, 'ratio', a.ratio);
        if (!raw || typeof a.ratioLower !== 'number' || typeof a.ratioUpper !== 'number') return ratio;
        return t('part.ratioWithInterval', { ratio, low: formatMeasure(ctx, 'ratio', a.ratioLower), high: formatMeasure(ctx, 'ratio', a.ratioUpper) });
      },
    },
    {
      key: 'representation', label: t('part.col.representation'), value: (a) => t(`part.rep.${a.representation ?? 'UNKNOWN'}`),
      text: (a) => t(`part.rep.${a.representation ?? 'UNKNOWN'}`),
    },
    ...COUNTS.map(count),
  ];
}

function compare(column, dir, language) {
  const sign = dir === 'ascending' ? 1 : -1;
  return (a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    if (x === null && y === null) return 0;
    if (x === null) return 1; // unknowns last either way
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), language);
    return sign * order;
  };
}

function areaTable({ ctx, data, state, onSort }) {
  const { t } = ctx.i18n;
  const columns = areaColumns(ctx, data);
  const sortColumn = columns.find((c) => c.key === state.sort.key) ?? columns[0];
  const rows = [...(data.areas ?? [])].sort(compare(sortColumn, state.sort.dir, ctx.i18n.language));
  const head = h('tr', {}, columns.map((column) => {
    const active = column.key === sortColumn.key;
    const button = h('button', {
      type: 'button', class: 'sort', id: `sort-${column.key}`, text: column.label,
      on: {
        click: () => {
          state.sort = active
            ? { key: column.key, dir: state.sort.dir === 'ascending' ? 'descending' : 'ascending' }
            : { key: column.key, dir: column.numeric ? 'descending' : 'ascending' };
          onSort();
          document.getElementById(`sort-${column.key}`)?.focus();
          ctx.announce(t('part.table.sorted', { column: column.label, dir: t(`part.sort.${state.sort.dir}`) }));
        },
      },
    });
    return h('th', { scope: 'col', 'aria-sort': active ? state.sort.dir : null, class: column.numeric ? 'num' : null }, button);
  }));
  const body = h('tbody', {}, rows.map((area) => h('tr', { dataset: { areaId: area.areaId, representation: area.representation ?? 'UNKNOWN' } },
    columns.map((column, i) => (i === 0
      ? h('th', { scope: 'row', dataset: { col: column.key }, text: column.text(area) })
      : h('td', { class: column.numeric ? 'num' : null, dataset: { col: column.key }, text: column.text(area) }))))));
  const caption = h('caption', { id: 'area-table-caption', text: t('part.table.caption', { count: rows.length }) });
  const table = h('table', { class: 'data', id: 'area-table' }, caption, h('thead', {}, head), body);
  const note = data.view === 'raw' ? null : h('p', { class: 'hint', text: t('part.table.publicNote', { threshold: data.threshold ?? 5 }) });
  return [note, h('p', { class: 'hint', text: t('part.table.sortHint') }), scroller('area-table-caption', table)];
}

function underList(ctx, data) {
  const { t } = ctx.i18n;
  const under = (data.areas ?? []).filter((a) => a.representation === 'UNDER')
    .sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0));
  if (!under.length) return h('p', { id: 'under-list', text: t('part.under.none') });
  return h('ul', { id: 'under-list', class: 'under-list' }, under.map((a) => h('li', {},
    h('strong', { text: a.name }), ' ',
    t('part.under.item', {
      rate: typeof a.ratePer1000 === 'number' ? formatMeasure(ctx, 'ratePer1000', a.ratePer1000) : '–',
      ratio: typeof a.ratio === 'number' ? formatMeasure(ctx, 'ratio', a.ratio) : '–',
    }))));
}

function lorenzSection(ctx, data) {
  const { t } = ctx.i18n;
  const totals = data.totals ?? {};
  const indices = [];
  if (typeof totals.gini === 'number') indices.push(t('part.gini', { value: fraction(ctx, totals.gini) }));
  if (typeof totals.hoover === 'number') indices.push(t('part.hoover', { value: fraction(ctx, totals.hoover) }));
  const text = h('p', { id: 'part-gini', text: indices.join(' ') || t('part.indices.none') });
  const points = data.lorenz ?? [];
  if (!points.length) {
    return [h('p', { id: 'lorenz-note', text: data.view === 'raw' ? t('part.lorenz.empty') : t('part.lorenz.plannersOnly') }), text];
  }
  const chart = lorenzChart({
    id: 'lorenz-chart',
    points,
    title: t('part.lorenz.title'),
    description: t('part.lorenz.desc', { count: points.length }),
    labels: { x: t('part.lorenz.x'), y: t('part.lorenz.y'), equality: t('part.lorenz.equality') },
  });
  return [h('figure', { class: 'chart-figure' }, chart), text];
}

/** The largest flows with a count to draw (hidden ones are left off the map), as map lines. */
function flowLinesOf(ctx, data, features) {
  const centres = new Map(features.map((f) => [f.id ?? f.properties?.id, centreOf(f)]));
  return (data.flows ?? []).slice(0, TOP_FLOWS).flatMap((f) => {
    const count = countNumber(f.proposals);
    const from = centres.get(f.homeAreaId);
    const to = centres.get(f.proposalAreaId);
    if (!count || !from || !to) return [];
    return [{ from, to, count, label: ctx.i18n.t('part.flows.line', { home: f.homeName ?? '', area: f.proposalName ?? '', count }) }];
  });
}

function flowsSection(ctx, data) {
  const { t } = ctx.i18n;
  const flows = data.flows ?? [];
  if (!flows.length) return [h('p', { id: 'flow-table', text: t('part.flows.none') })];
  const shown = flows.slice(0, TOP_FLOWS);
  const table = h('table', { class: 'data', id: 'flow-table' },
    h('caption', { id: 'flow-table-caption', text: t('part.flows.caption') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('part.flows.home') }),
      h('th', { scope: 'col', text: t('part.flows.proposalArea') }),
      h('th', { scope: 'col', class: 'num', text: t('part.measure.proposals') }))),
    h('tbody', {}, shown.map((f) => h('tr', {},
      h('td', { text: f.homeName ?? '' }),
      h('td', { text: f.proposalName ?? '' }),
      h('td', { class: 'num', text: countText(ctx, f.proposals) })))));
  const note = h('p', { class: 'hint', id: 'flow-note', text: flows.length > TOP_FLOWS
    ? t('part.flows.top', { shown: TOP_FLOWS, count: flows.length })
    : t('part.flows.all', { count: flows.length }) });
  return [note, scroller('flow-table-caption', table)];
}

function distancesSection(ctx, data) {
  const { t } = ctx.i18n;
  const d = data.distances;
  if (!d) return [h('p', { text: t('part.distances.none') })];
  const row = (label, value) => h('tr', {}, h('th', { scope: 'row', text: label }), h('td', { class: 'num', text: value }));
  const summary = h('table', { class: 'data compact', id: 'distance-table' },
    h('caption', { id: 'distance-table-caption', text: t('part.distances.caption') }),
    h('tbody', {},
      row(t('part.measure.proposals'), countText(ctx, d.proposals)),
      row(t('part.distances.p25'), metres(ctx, d.p25Metres)),
      row(t('part.distances.median'), metres(ctx, d.medianMetres)),
      row(t('part.distances.mean'), metres(ctx, d.meanMetres)),
      row(t('part.distances.p75'), metres(ctx, d.p75Metres)),
      row(t('part.distances.p90'), metres(ctx, d.p90Metres))));
  const bins = h('table', { class: 'data compact', id: 'distance-bins' },
    h('caption', { id: 'distance-bins-caption', text: t('part.distances.binsCaption') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('part.distances.range') }),
      h('th', { scope: 'col', class: 'num', text: t('part.measure.proposals') }))),
    h('tbody', {}, (d.bins ?? []).map((b) => h('tr', {},
      h('th', { scope: 'row', text: b.toMetres === null || b.toMetres === undefined
        ? t('part.distances.from', { from: metres(ctx, b.fromMetres) })
        : t('part.distances.between', { from: ctx.i18n.formatNumber(b.fromMetres), to: metres(ctx, b.toMetres) }) }),
      h('td', { class: 'num', text: countText(ctx, b.proposals) })))));
  return [h('div', { class: 'side-by-side' }, scroller('distance-table-caption', summary), scroller('distance-bins-caption', bins))];
}

function weeklySection(ctx, data) {
  const { t } = ctx.i18n;
  const weeks = data.weekly ?? [];
  if (!weeks.length) return [h('p', { id: 'weekly-table', text: t('part.weekly.none') })];
  const keys = ['participants', 'newParticipants', ...COUNTS];
  const chart = barChart({
    id: 'weekly-chart',
    values: weeks.map((w) => countNumber(w.participants)),
    title: t('part.weekly.chartTitle'),
    description: t('part.weekly.chartDesc', { count: weeks.length }),
  });
  const table = h('table', { class: 'data', id: 'weekly-table' },
    h('caption', { id: 'weekly-table-caption', text: t('part.weekly.caption') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: t('part.weekly.week') }),
      keys.map((k) => h('th', { scope: 'col', class: 'num', text: t(`part.weekly.${k}`) })))),
    h('tbody', {}, weeks.map((w) => h('tr', {},
      h('th', { scope: 'row', text: t('part.weekly.weekOf', { week: w.week ?? '', date: ctx.i18n.formatDate(`${w.weekStart}T12:00:00`) }) }),
      keys.map((k) => h('td', { class: 'num', text: countText(ctx, w[k]) }))))));
  return [h('figure', { class: 'chart-figure wide' }, chart), scroller('weekly-table-caption', table)];
}

function exportLinks(ctx, projectId, data, state) {
  const { t } = ctx.i18n;
  const query = (table) => {
    const params = new URLSearchParams({ table });
    const set = state.set || data.areaSet?.id;
    if (set) params.set('set', set);
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    return params.toString();
  };
  const link = (format, table) => h('li', {}, h('a', {
    id: `export-${format}-${table}`,
    href: `/api/projects/${projectId}/participation.${format}?${query(table)}`,
    download: `participation-${projectId}-${table}.${format}`,
    text: t(`part.exports.${format}.${table}`),
  }));
  return h('div', {},
    h('p', { class: 'hint', text: t('part.exports.note') }),
    h('ul', { class: 'exports' },
      link('csv', 'areas'), link('csv', 'flows'), link('csv', 'weekly'),
      link('geojson', 'areas'), link('geojson', 'flows')),
    datasetLinks(ctx, projectId, state.set || data.areaSet?.id),
    h('p', {},
      h('a', { id: 'part-report-link', href: `/reports/projects/${projectId}?lang=${ctx.i18n.language}`, text: t('project.report') }),
      ' – ', t('part.exports.report')));
}

/**
 * The project's public data as files for GIS tools and spreadsheets (GET
 * /api/projects/{id}/exports/{dataset}.{format}), each with its data dictionary. Participation
 * follows the boundary set chosen above; the other datasets have no settings.
 */
function datasetLinks(ctx, projectId, set) {
  const { t } = ctx.i18n;
  const base = `/api/projects/${projectId}/exports`;
  const files = (dataset) => {
    const setQuery = dataset === 'participation' && set ? `set=${encodeURIComponent(set)}` : '';
    const href = (suffix, excel) => {
      const query = [setQuery, excel ? 'excel=true' : ''].filter(Boolean).join('&');
      return `${base}/${dataset}${suffix}${query ? `?${query}` : ''}`;
    };
    const file = (kind, url) => h('a', { id: `export-${dataset}-${kind}`, href: url, download: '',
      text: t(`part.exports.format.${kind}`) });
    return h('li', {}, t(`part.exports.dataset.${dataset}`), ': ',
      file('gpkg', href('.gpkg')), ' · ', file('geojson', href('.geojson')), ' · ', file('csv', href('.csv')), ' · ',
      file('excel', href('.csv', true)), ' · ',
      h('a', { id: `export-${dataset}-dictionary`, href: `${base}/${dataset}.dictionary.csv`, download: '',
        text: t('part.exports.format.dictionary') }), ' · ',
      h('a', { id: `export-${dataset}-dictionary-json`, href: `${base}/${dataset}.dictionary.json`, download: '',
        text: t('part.exports.format.dictionaryJson') }));
  };
  return h('div', { class: 'dataset-exports' },
    h('h3', { text: t('part.exports.data.heading') }),
    h('p', { class: 'hint', text: t('part.exports.data.note') }),
    h('ul', { class: 'exports' }, ['proposals', 'variants', 'comments', 'participation'].map(files)));
}
