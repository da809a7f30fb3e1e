// The manage page's review of proposals: the project's published proposals on a map and in a
// list (the list is the map's equivalent: everything can be done without the map), each with its
// review so far. Planners choose one proposal, or several similar ones to merge, and admit them as
// one ballot item with a cost, a public reason and a pot (the default pot is shown); any other
// proposal can be marked not admitted with a public reason. Before the vote opens only.
import L from '../leaflet.js';
import { h } from '../dom.js';
import { createMap, destroyMap, addProjectArea, shapeLayer } from '../map.js';
import { field, errorSlot, clearErrors, showErrors, missingFields } from '../forms.js';
import { euros } from '../format.js';
import { potLabel, isCityPot } from './common.js';

/** Review states and their colours (3:1 on the light map); the list says the state in words. */
export const REVIEW_COLOURS = { open: '#0b5cad', admitted: '#00755e', rejected: '#4a5563', selected: '#b3261e' };

const ADMIT_ROUTES = [
  ['proposalIds', 'admit-selected'],
  ['title', 'admit-title'],
  ['description', 'admit-description'],
  ['cost', 'admit-cost'],
  ['reason', 'admit-reason'],
  ['potId', 'admit-pot'],
];

/** The pot an item of these proposals lands in when none is chosen, as far as the client can tell. */
export function defaultPot(vote, proposals) {
  const city = vote.pots.find(isCityPot) ?? null;
  const areas = new Set(proposals.map((p) => p.properties.areaId ?? null));
  if (areas.size !== 1 || areas.has(null)) return city;
  const [areaId] = areas;
  return vote.pots.find((pot) => pot.areaId === areaId) ?? city;
}

export function reviewState(proposalId, reviews, items) {
  const item = items.find((i) => (i.properties.proposalIds ?? []).includes(proposalId));
  if (item) return { state: 'admitted', item };
  const review = reviews.find((r) => r.proposalId === proposalId);
  if (review && !review.admitted) return { state: 'rejected', review };
  return { state: 'open' };
}

function admitForm({ ctx, vote }) {
  const { t } = ctx.i18n;
  const controls = {
    title: h('input', { type: 'text', maxlength: '200' }),
    description: h('textarea', { rows: '3' }),
    cost: h('input', { type: 'number', min: '1', step: '1', inputmode: 'numeric', required: true }),
    reason: h('textarea', { rows: '2', required: true }),
    pot: h('select', {}),
  };
  const selected = h('p', { id: 'admit-selected', class: 'admit-selected', tabindex: '-1', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'admit-submit', text: t('voteAdmin.admit.submit') });
  const form = h('form', { id: 'admit-form', class: 'form admit-form', novalidate: true, 'aria-labelledby': 'admit-heading' },
    h('h3', { id: 'admit-heading', text: t('voteAdmin.admit.heading') }),
    selected, errorSlot('admit-selected'), errorSlot('admit-form'),
    field({ id: 'admit-title', label: t('voteAdmin.admit.title'), control: controls.title, hint: t('voteAdmin.admit.titleHint') }),
    field({ id: 'admit-description', label: t('voteAdmin.admit.description'), control: controls.description }),
    field({ id: 'admit-cost', label: t('voteAdmin.admit.cost'), control: controls.cost, hint: t('voteAdmin.form.euroHint') }),
    field({ id: 'admit-reason', label: t('voteAdmin.admit.reason'), control: controls.reason, hint: t('voteAdmin.admit.reasonHint') }),
    field({ id: 'admit-pot', label: t('voteAdmin.admit.pot'), control: controls.pot }),
    submit);
  /** Says what is chosen and offers the pots, the default first. */
  const show = (chosen) => {
    selected.textContent = chosen.length === 0 ? t('voteAdmin.admit.noneSelected')
      : t('voteAdmin.admit.selected', { count: chosen.length, titles: chosen.map((p) => p.properties.title).join(' · ') });
    controls.title.placeholder = chosen[0]?.properties.title ?? '';
    const fallback = defaultPot(vote, chosen);
    controls.pot.replaceChildren(
      h('option', { value: '', text: fallback ? t('voteAdmin.admit.defaultPot', { pot: potLabel(ctx.i18n, fallback) }) : t('voteAdmin.admit.serverPot') }),
      ...vote.pots.map((pot) => h('option', { value: String(pot.id), text: `${potLabel(ctx.i18n, pot)} (${euros(ctx.i18n, pot.budget)})` })));
    submit.disabled = chosen.length === 0;
  };
  return { form, controls, show, submit };
}

function readAdmit(controls, chosen) {
  const body = {
    proposalIds: chosen.map((p) => p.id),
    cost: controls.cost.value.trim() === '' ? undefined : Number(controls.cost.value),
    reason: controls.reason.value.trim(),
  };
  if (controls.title.value.trim()) body.title = controls.title.value.trim();
  if (controls.description.value.trim()) body.description = controls.description.value.trim();
  if (controls.pot.value) body.potId = Number(controls.pot.value);
  return body;
}

/** The inline form that records a proposal as not admitted, with its public reason. */
function rejectForm({ ctx, vote, proposal, onChanged }) {
  const { t } = ctx.i18n;
  const id = proposal.id;
  const reason = h('textarea', { rows: '2' });
  const form = h('form', { class: 'reject-form', id: `reject-form-${id}`, novalidate: true, hidden: true },
    errorSlot(`reject-form-${id}`),
    field({ id: `reject-reason-${id}`, label: t('voteAdmin.reject.reason', { title: proposal.properties.title }), control: reason }),
    h('button', { type: 'submit', id: `reject-submit-${id}`, text: t('voteAdmin.reject.submit') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const routes = [['reason', `reject-reason-${id}`]];
    const missing = missingFields([['reason', reason, t('form.required')]]);
    if (missing) return showErrors({ form, error: missing, routes, generalId: `reject-form-${id}` });
    try {
      await ctx.api.put(`/api/votes/${vote.id}/reviews/${id}`, { admitted: false, reason: reason.value.trim() });
      ctx.announce(t('voteAdmin.reject.done', { title: proposal.properties.title }));
      await onChanged();
    } catch (error) {
      showErrors({ form, error, routes, generalId: `reject-form-${id}`, t, fallbackMessage: t('error.generic') });
    }
    return undefined;
  });
  return form;
}

function stateText(t, i18n, found) {
  if (found.state === 'admitted') return t('voteAdmin.review.admitted', { item: found.item.properties.title, cost: euros(i18n, found.item.properties.cost) });
  if (found.state === 'rejected') return t('voteAdmin.review.rejected', { reason: found.review.reason });
  return t('voteAdmin.review.open');
}

function proposalItem({ ctx, vote, proposal, found, editable, chosen, onToggle, onChanged }) {
  const { t } = ctx.i18n;
  const id = proposal.id;
  const p = proposal.properties;
  const box = editable && found.state !== 'admitted'
    ? h('input', { type: 'checkbox', id: `admit-select-${id}`, checked: chosen.has(id), on: { change: () => onToggle(id) } }) : null;
  const reject = editable && found.state === 'open' ? rejectForm({ ctx, vote, proposal, onChanged }) : null;
  const rejectButton = reject ? h('button', {
    type: 'button', class: 'secondary', id: `reject-open-${id}`, 'aria-expanded': 'false', text: t('voteAdmin.reject.open'),
    on: { click: (e) => { reject.hidden = !reject.hidden; e.currentTarget.setAttribute('aria-expanded', String(!reject.hidden)); if (!reject.hidden) reject.querySelector('textarea').focus(); } },
  }) : null;
  return h('li', { class: `review-item review-${found.state}`, dataset: { proposalId: id, review: found.state } },
    h('div', { class: 'check' }, box,
      box ? h('label', { for: `admit-select-${id}`, text: p.title }) : h('span', { class: 'review-title', text: p.title })),
    h('p', { class: 'meta' }, h('a', { href: `#/proposals/${id}`, text: t('voteAdmin.review.open.link') }), ' · ', stateText(t, ctx.i18n, found)),
    rejectButton, reject);
}

/** Sends the chosen proposals as one item; on success the choice is cleared and the page reloads. */
function wireAdmit({ ctx, vote, admit, chosen, chosenProposals, onChanged }) {
  const { t } = ctx.i18n;
  admit.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(admit.form);
    const missing = missingFields([['cost', admit.controls.cost, t('form.required')], ['reason', admit.controls.reason, t('form.required')]]);
    if (missing) return showErrors({ form: admit.form, error: missing, routes: ADMIT_ROUTES, generalId: 'admit-form' });
    admit.submit.disabled = true;
    try {
      const item = await ctx.api.post(`/api/votes/${vote.id}/items`, readAdmit(admit.controls, chosenProposals()));
      chosen.clear();
      Object.values(admit.controls).forEach((control) => { if (control.tagName !== 'SELECT') control.value = ''; });
      ctx.announce(t('voteAdmin.admit.done', { title: item.properties?.title ?? '' }));
      await onChanged();
    } catch (error) {
      admit.submit.disabled = false;
      showErrors({ form: admit.form, error, routes: ADMIT_ROUTES, generalId: 'admit-form', t, fallbackMessage: t('error.generic') });
    }
    return undefined;
  });
}

/** The map's key: each review state's colour, in words. */
function reviewLegend(t) {
  return h('ul', { class: 'review-legend', id: 'review-legend' },
    ['open', 'admitted', 'rejected', 'selected'].map((state) => h('li', {},
      h('span', { class: `swatch-dot review-dot-${state}`, 'aria-hidden': 'true' }), t(`voteAdmin.review.legend.${state}`))));
}

export function proposalSection({ ctx, vote, project, editable, onChanged }) {
  const { t } = ctx.i18n;
  const mapElement = h('div', { id: 'review-map', class: 'vote-admin-map' });
  const list = h('ul', { id: 'review-list', class: 'review-list' });
  const count = h('p', { class: 'hint', id: 'review-count' });
  const admit = editable ? admitForm({ ctx, vote }) : null;
  const chosen = new Set();
  let data = { proposals: [], items: [], reviews: [] };
  let map = null;
  let shapes = null;
  const legend = reviewLegend(t);
  const element = h('section', { id: 'vote-review', 'aria-labelledby': 'vote-review-heading' },
    h('h2', { id: 'vote-review-heading', text: t('voteAdmin.review.heading') }),
    h('p', { class: 'hint', text: editable ? t('voteAdmin.review.intro') : t('voteAdmin.review.locked') }),
    h('div', { class: 'split review-split' }, h('div', {}, mapElement, legend), h('div', { class: 'list-pane' }, count, list)),
    admit?.form);
  const chosenProposals = () => data.proposals.filter((p) => chosen.has(p.id));
  const toggle = (id) => {
    if (chosen.has(id)) chosen.delete(id); else chosen.add(id);
    render();
  };

  function drawMap() {
    shapes?.remove();
    shapes = L.featureGroup();
    for (const proposal of data.proposals) {
      if (!proposal.geometry) continue;
      const { state } = reviewState(proposal.id, data.reviews, data.items);
      const layer = shapeLayer({ data: proposal, colour: REVIEW_COLOURS[chosen.has(proposal.id) ? 'selected' : state] });
      layer.bindTooltip(h('span', { text: `${proposal.properties.title} — ${t(`voteAdmin.review.legend.${state}`)}` }));
      if (editable && state !== 'admitted') layer.on('click', () => toggle(proposal.id));
      shapes.addLayer(layer);
    }
    shapes.addTo(map);
  }

  function render() {
    const focused = document.activeElement?.id;
    list.replaceChildren(...data.proposals.map((proposal) => proposalItem({
      ctx, vote, proposal, found: reviewState(proposal.id, data.reviews, data.items), editable, chosen, onToggle: toggle, onChanged,
    })));
    count.textContent = t('voteAdmin.review.count', { count: data.proposals.length });
    admit?.show(chosenProposals());
    if (map) drawMap();
    if (focused && focused.startsWith('admit-select-')) document.getElementById(focused)?.focus();
  }

  if (admit) wireAdmit({ ctx, vote, admit, chosen, chosenProposals, onChanged });

  return {
    element,
    mount() {
      map = createMap({ element: mapElement, ctx, label: t('voteAdmin.review.mapLabel', { title: project.properties.title }) });
      addProjectArea({ map, project });
    },
    render(next) {
      data = next;
      for (const id of [...chosen]) if (reviewState(id, data.reviews, data.items).state === 'admitted') chosen.delete(id);
      render();
    },
    destroy() { if (map) destroyMap(map); },
  };
}
