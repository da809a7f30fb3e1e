// The composer's form for one slide: title, short text, the layers with their parameters, and the
// extent, taken from a small map ("use the current map extent"). It reads and fills the body the
// API takes ({ title, text, view }); the server checks it and its refusals show beside the field.
import L from './leaflet.js';
import { h } from './dom.js';
import { field, errorSlot } from './forms.js';
import { createMap, addProjectArea } from './map.js';
import { PUBLIC_STATUSES, LAYER_NAMES, viewBounds } from './slide-layers.js';

const MAX_TEXT = 600;
const round = (v) => Math.round(v * 1e6) / 1e6;

/** Field errors by the server's field name → the id of the control they show beside. */
export const SLIDE_ERROR_ROUTES = [
  ['title', 'slide-title-input'],
  ['text', 'slide-text-input'],
  ['view.layers.clusters.eps', 'clusters-eps'],
  ['view.layers.clusters.minPoints', 'clusters-minPoints'],
  ['view.layers.hotspots.size', 'hotspots-size'],
  ['view.layers.participation.set', 'participation-set'],
  ['view.layers.vote.voteId', 'vote-layer-vote'],
];

function check(id, label, checked = false) {
  const input = h('input', { type: 'checkbox', id, checked });
  return { input, element: h('div', { class: 'check' }, input, h('label', { for: id, text: label })) };
}

function number(id, label, { min, max, step, value, placeholder = null }) {
  const input = h('input', { type: 'number', inputmode: 'decimal', min, max, step, value, placeholder });
  return { input, element: field({ id, label, control: input }) };
}

/** A layer: its switch and, under it, its parameters. */
function layerGroup(t, name, parameters) {
  const toggle = check(`layer-${name}`, t(`present.layer.${name}`));
  const group = h('fieldset', { class: 'layer-group', id: `layer-${name}-group` },
    h('legend', { class: 'visually-hidden', text: t(`present.layer.${name}`) }),
    toggle.element,
    parameters.length ? h('div', { class: 'layer-parameters' }, parameters) : null);
  return { toggle: toggle.input, group };
}

export function createSlideForm({ ctx, project, proposals, sets, onSubmit, onCancel, onPreview }) {
  const { t } = ctx.i18n;
  const title = h('input', { type: 'text', required: true, maxlength: ctx.config?.limits?.maxTitleLength ?? 200 });
  const text = h('textarea', { maxlength: MAX_TEXT, rows: 3 });
  const basemap = check('view-basemap', t('present.basemap'));
  const controls = layerControls(t, proposals, sets);
  addVoteLayer({ ctx, project, controls });
  const { layers } = controls;

  const mapElement = h('div', { id: 'compose-map', class: 'compose-map' });
  const extentText = h('p', { id: 'extent-text', class: 'hint', 'aria-live': 'polite' });
  const useExtent = h('button', { type: 'button', id: 'use-extent', text: t('present.useExtent') });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'slide-submit' });
  const cancel = h('button', { type: 'button', id: 'slide-cancel', text: t('present.cancelEdit'), hidden: true });
  const preview = h('button', { type: 'button', id: 'slide-form-preview', text: t('present.previewForm') });
  const heading = h('h2', { id: 'slide-form-heading' });
  const form = formLayout(t, { heading, title, text, layers, mapElement, useExtent, extentText, basemap, submit, preview, cancel });

  let bbox = null;
  let editing = null;
  let map = null;
  const showExtent = () => {
    extentText.textContent = t('present.extentIs', { bbox: bbox.map((v) => ctx.i18n.formatNumber(v, { maximumFractionDigits: 4 })).join('; ') });
  };

  function read() {
    const view = { bbox, basemap: basemap.input.checked, layers: readLayers(controls, proposals) };
    return { title: title.value.trim(), text: text.value.trim(), view };
  }

  /** Fills the form with a slide (to edit it) or empties it (null: a new slide). */
  function fill(slide) {
    editing = slide;
    heading.textContent = slide ? t('present.editSlide', { n: slide.position }) : t('present.addSlide');
    submit.textContent = slide ? t('present.saveSlide') : t('present.addSlideSubmit');
    cancel.hidden = !slide;
    title.value = slide?.title ?? '';
    text.value = slide?.text ?? '';
    const l = slide?.view.layers ?? { proposals: {} };
    fillLayers(controls, proposals, l);
    basemap.input.checked = Boolean(slide?.view.basemap);
    const bounds = slide ? viewBounds(slide.view) : L.geoJSON(project.geometry).getBounds();
    bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map(round);
    map?.fitBounds(bounds);
    showExtent();
  }

  useExtent.addEventListener('click', () => {
    const b = map.getBounds();
    bbox = [Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth())].map(round);
    showExtent();
    ctx.announce(t('present.extentTaken'));
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit({ body: read(), slide: editing });
  });
  cancel.addEventListener('click', () => onCancel());
  preview.addEventListener('click', () => {
    const body = read();
    onPreview({ id: editing?.id ?? 0, position: editing?.position ?? 0, ...body, title: body.title || t('present.untitled') });
  });

  return {
    form,
    fill,
    /** Builds the map once the form is in the document (Leaflet measures its element). */
    attach() {
      map = createMap({ element: mapElement, ctx, label: t('present.extentMap') });
      addProjectArea({ map, project, fit: false });
      fill(editing);
    },
    get map() { return map; },
  };
}

/** Each layer's switch and, under it, its parameters. */
function layerControls(t, proposals, sets) {
  const statuses = PUBLIC_STATUSES.map((s) => check(`status-${s}`, t(`status.${s}`), true));
  const chosen = proposals.map((p) => check(`chosen-${p.id}`, p.properties.title));
  const variants = check('chosen-variants', t('present.variants'));
  // Empty eps and size: the project's defaults, chosen by the server as on the analysis page.
  const eps = number('clusters-eps', t('present.eps'), { min: 1, max: 5000, step: 'any', value: '', placeholder: t('analysis.field.automatic') });
  const minPoints = number('clusters-minPoints', t('present.minPoints'), { min: 1, max: 1000, step: 1, value: 5 });
  const size = number('hotspots-size', t('present.hexSize'), { min: 1, max: 10000, step: 'any', value: '', placeholder: t('analysis.field.automatic') });
  const set = h('select', {}, sets.map((s) => h('option', { value: String(s.id), text: s.year ? `${s.name} (${s.year})` : s.name })));
  const layers = {
    proposals: layerGroup(t, 'proposals', [h('div', { class: 'checks', role: 'group', 'aria-label': t('present.statuses') }, statuses.map((s) => s.element))]),
    chosen: layerGroup(t, 'chosen', [
      chosen.length ? h('div', { class: 'checks chosen-list', role: 'group', 'aria-label': t('present.chooseProposals') }, chosen.map((c) => c.element))
        : h('p', { class: 'hint', text: t('present.noProposals') }),
      variants.element]),
    clusters: layerGroup(t, 'clusters', [eps.element, minPoints.element]),
    hotspots: layerGroup(t, 'hotspots', [size.element]),
    participation: layerGroup(t, 'participation', [sets.length
      ? field({ id: 'participation-set', label: t('present.areaSet'), control: set })
      : h('p', { class: 'hint', text: t('present.noSets') })]),
  };
  if (!sets.length) layers.participation.toggle.disabled = true;
  return { statuses, chosen, variants, eps, minPoints, size, set, layers };
}

/** The layers switched on, with their parameters, as the API takes them. */
function readLayers({ layers, statuses, chosen, variants, eps, minPoints, size, set, vote }, proposals) {
  const read = {};
  if (layers.proposals.toggle.checked) {
    read.proposals = { statuses: PUBLIC_STATUSES.filter((s, i) => statuses[i].input.checked) };
  }
  if (layers.chosen.toggle.checked) {
    read.chosen = { proposalIds: proposals.filter((p, i) => chosen[i].input.checked).map((p) => p.id), variants: variants.input.checked };
  }
  const given = (name, input) => (input.value.trim() === '' ? {} : { [name]: Number(input.value) });
  if (layers.clusters.toggle.checked) read.clusters = { ...given('eps', eps.input), minPoints: Number(minPoints.input.value) };
  if (layers.hotspots.toggle.checked) read.hotspots = given('size', size.input);
  if (layers.participation.toggle.checked) read.participation = { set: Number(set.value) };
  if (layers.vote.toggle.checked && vote.value) read.vote = { voteId: Number(vote.value) };
  return read;
}

/** Sets the switches and parameters from a slide's layers (l). */
function fillLayers({ layers, statuses, chosen, variants, eps, minPoints, size, set, vote }, proposals, l) {
  for (const name of LAYER_NAMES) layers[name].toggle.checked = Boolean(l[name]);
  statuses.forEach((s, i) => { s.input.checked = !l.proposals?.statuses || l.proposals.statuses.includes(PUBLIC_STATUSES[i]); });
  chosen.forEach((c, i) => { c.input.checked = (l.chosen?.proposalIds ?? []).includes(proposals[i].id); });
  variants.input.checked = Boolean(l.chosen?.variants);
  eps.input.value = l.clusters?.eps ?? '';
  minPoints.input.value = l.clusters?.minPoints ?? 5;
  size.input.value = l.hotspots?.size ?? '';
  if (l.participation) set.value = String(l.participation.set);
  vote.dataset.wanted = l.vote ? String(l.vote.voteId) : '';
  if (l.vote) vote.value = String(l.vote.voteId);
}

/**
 * The vote layer: a vote of the project whose funded items the slide shows. Its votes are fetched
 * here (the composer need not know of votes); a slide being edited keeps the vote it names.
 */
function addVoteLayer({ ctx, project, controls }) {
  const { t } = ctx.i18n;
  const vote = h('select', {});
  const hint = h('p', { class: 'hint', text: t('voteResults.slide.noVotes') });
  controls.vote = vote;
  controls.layers.vote = layerGroup(t, 'vote', [field({ id: 'vote-layer-vote', label: t('voteResults.slide.vote'), control: vote }), hint]);
  controls.layers.vote.toggle.disabled = true;
  ctx.api.get(`/api/projects/${project.id}/votes`).then((data) => {
    const votes = data?.votes ?? [];
    vote.replaceChildren(...votes.map((v) => h('option', { value: String(v.id), text: v.title })));
    if (vote.dataset.wanted) vote.value = vote.dataset.wanted;
    hint.hidden = votes.length > 0;
    controls.layers.vote.toggle.disabled = votes.length === 0;
  }).catch(() => {});
}

function formLayout(t, { heading, title, text, layers, mapElement, useExtent, extentText, basemap, submit, preview, cancel }) {
  return h('form', { class: 'slide-form', id: 'slide-form', novalidate: true, 'aria-labelledby': 'slide-form-heading' },
    heading,
    field({ id: 'slide-title-input', label: t('present.slideTitle'), control: title }),
    field({ id: 'slide-text-input', label: t('present.slideText'), control: text, hint: t('present.slideTextHint', { max: MAX_TEXT }) }),
    h('fieldset', { class: 'layers' }, h('legend', { text: t('present.layers') }), LAYER_NAMES.map((name) => layers[name].group)),
    h('fieldset', { class: 'extent' }, h('legend', { text: t('present.extent') }),
      h('p', { class: 'hint', text: t('present.extentHint') }),
      mapElement, h('div', { class: 'actions' }, useExtent), extentText, basemap.element),
    errorSlot('slide-form'),
    h('div', { class: 'actions' }, submit, preview, cancel));
}
