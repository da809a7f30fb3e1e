// The ballot without the map: every item with its cost, pot, description and the reason it was
// admitted, and its control (a checkbox, or − and + for points), with filters by pot, words and
// cost. Fully usable by keyboard and screen reader; filtering hides items, never a choice.
import { h } from '../dom.js';
import { euros } from '../format.js';
import { potName } from './text.js';

export function createItemList({ ctx, vote, ballot, items, pots, editable, onRefused, onShow, onHighlight }) {
  const { t } = ctx.i18n;
  const rows = new Map(items.map((item) => [item.id,
    itemRow({ ctx, vote, ballot, item, pot: pots.find((p) => Number(p.id) === item.potId), editable, onRefused, onShow, onHighlight })]));
  const list = h('ul', { class: 'vote-items', id: 'vote-items' }, [...rows.values()].map((row) => row.element));
  const status = h('p', { class: 'list-status', id: 'vote-items-status', role: 'status' });
  const filters = filterForm({ ctx, pots, onChange: apply });

  function apply(state = filters.state()) {
    let shown = 0;
    for (const item of items) {
      const visible = (!state.potId || item.potId === state.potId)
        && (!state.maxCost || item.cost <= state.maxCost)
        && (!state.words || `${item.title} ${item.description}`.toLocaleLowerCase().includes(state.words));
      rows.get(item.id).element.hidden = !visible;
      if (visible) shown += 1;
    }
    status.textContent = t('vote.list.shown', { count: shown, total: items.length });
  }

  apply();
  return {
    element: h('section', { class: 'list-pane vote-list-pane', 'aria-labelledby': 'vote-items-heading' },
      h('h3', { id: 'vote-items-heading', text: t('vote.list.heading') }), filters.element, status, list),
    update() { rows.forEach((row) => row.update()); },
    row: (itemId) => rows.get(Number(itemId)),
  };
}

function filterForm({ ctx, pots, onChange }) {
  const { t } = ctx.i18n;
  const pot = h('select', { id: 'vote-filter-pot' }, h('option', { value: '', text: t('vote.filter.anyPot') }),
    pots.map((p) => h('option', { value: p.id, text: potName(ctx.i18n, p) })));
  const words = h('input', { id: 'vote-filter-words', type: 'search', autocomplete: 'off' });
  const maxCost = h('input', { id: 'vote-filter-cost', type: 'number', min: '0', step: '1000', inputmode: 'numeric' });
  const state = () => ({
    potId: pot.value ? Number(pot.value) : null,
    words: words.value.trim().toLocaleLowerCase(),
    maxCost: Number(maxCost.value) > 0 ? Number(maxCost.value) : null,
  });
  let timer = null;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange(state()), 300);
  };
  pot.addEventListener('change', () => onChange(state()));
  words.addEventListener('input', later);
  maxCost.addEventListener('input', later);
  const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
  const element = h('form', { class: 'filters', role: 'search', 'aria-label': t('vote.filter.label'),
    on: { submit: (event) => { event.preventDefault(); onChange(state()); } } },
  pots.length > 1 ? field('vote-filter-pot', t('vote.filter.pot'), pot) : null,
  field('vote-filter-words', t('vote.filter.words'), words),
  field('vote-filter-cost', t('vote.filter.maxCost'), maxCost));
  return { element, state };
}

function itemRow({ ctx, vote, ballot, item, pot, editable, onRefused, onShow, onHighlight }) {
  const { t } = ctx.i18n;
  const titleId = `vote-item-${item.id}-title`;
  const control = editable ? itemControl({ ctx, vote, ballot, item, titleId, onRefused }) : null;
  const fitNote = h('p', { class: 'fit-note', id: `vote-item-${item.id}-fit`, hidden: true });
  const element = h('li', { class: 'vote-item', id: `vote-item-${item.id}`, dataset: { itemId: item.id } },
    h('h4', { class: 'vote-item-title', id: titleId, text: item.title }),
    h('p', { class: 'meta' }, h('strong', { text: euros(ctx.i18n, item.cost) }), ' · ', pot ? potName(ctx.i18n, pot) : ''),
    item.description ? h('p', { class: 'description', text: item.description }) : null,
    h('details', { class: 'vote-reason' }, h('summary', { text: t('vote.item.reason') }), h('p', { text: item.reason })),
    control?.element, fitNote,
    item.geometry ? h('button', { type: 'button', class: 'secondary show-on-map', 'aria-describedby': titleId,
      text: t('vote.item.showOnMap'), on: { click: () => onShow?.(item) } }) : null);
  element.addEventListener('mouseenter', () => onHighlight?.(item, true));
  element.addEventListener('mouseleave', () => onHighlight?.(item, false));
  element.addEventListener('focusin', () => onHighlight?.(item, true));
  element.addEventListener('focusout', () => onHighlight?.(item, false));

  function update() {
    control?.update();
    const chosen = ballot.points(item.id) > 0;
    element.classList.toggle('chosen', chosen);
    const refused = editable && !chosen && vote.ballotType === 'knapsack' ? ballot.refusal(item) : null;
    fitNote.hidden = refused?.reason !== 'fit';
    if (!fitNote.hidden) fitNote.textContent = t('vote.item.doesNotFit', { left: euros(ctx.i18n, refused.state.left) });
  }
  update();
  return { element, update };
}

/** A checkbox (knapsack, approval) or a stepper of points (cumulative): never free text. */
export function itemControl({ ctx, vote, ballot, item, titleId, onRefused, idPrefix = 'vote' }) {
  const { t } = ctx.i18n;
  if (vote.ballotType !== 'cumulative') {
    const box = h('input', { type: 'checkbox', id: `${idPrefix}-choose-${item.id}`, class: 'vote-choose', dataset: { itemId: item.id } });
    box.addEventListener('change', () => {
      if (!box.checked) ballot.remove(item.id);
      else {
        const refused = ballot.add(item.id);
        if (refused) {
          box.checked = false;
          onRefused?.(item, refused);
        }
      }
    });
    const element = h('div', { class: 'check vote-check' }, box,
      h('label', { for: box.id }, t('vote.item.choose'), h('span', { class: 'visually-hidden', text: `: ${item.title}` })));
    return { element, update() { box.checked = ballot.points(item.id) > 0; } };
  }
  const points = h('span', { class: 'points', id: `${idPrefix}-points-${item.id}` });
  const less = h('button', { type: 'button', class: 'step less', 'aria-label': t('vote.item.less', { title: item.title }), text: '−',
    on: { click: () => ballot.remove(item.id, false) } });
  const more = h('button', { type: 'button', class: 'step more', 'aria-label': t('vote.item.more', { title: item.title }), text: '+',
    on: { click: () => { const refused = ballot.add(item.id); if (refused) onRefused?.(item, refused); } } });
  const element = h('div', { class: 'stepper', role: 'group', 'aria-labelledby': titleId }, less, points, more);
  return {
    element,
    update() {
      const n = ballot.points(item.id);
      points.textContent = t('vote.item.points', { count: n });
    },
  };
}
