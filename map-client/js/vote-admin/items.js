// The manage page's ballot items: each with its cost, pot, public reason and the proposals it
// carries; before the vote opens a planner edits one in place or removes it (a second press
// confirms the removal, so a slip of the finger removes nothing).
import { h } from '../dom.js';
import { field, errorSlot, clearErrors, showErrors } from '../forms.js';
import { euros } from '../format.js';
import { potLabel } from './common.js';

const routesFor = (id) => [
  ['title', `item-title-${id}`],
  ['description', `item-description-${id}`],
  ['cost', `item-cost-${id}`],
  ['reason', `item-reason-${id}`],
  ['potId', `item-pot-${id}`],
];

function editForm({ ctx, vote, item, onChanged }) {
  const { t } = ctx.i18n;
  const id = item.properties.id ?? item.id;
  const p = item.properties;
  const controls = {
    title: h('input', { type: 'text', maxlength: '200', value: p.title }),
    description: h('textarea', { rows: '3' }),
    cost: h('input', { type: 'number', min: '1', step: '1', inputmode: 'numeric', value: String(p.cost) }),
    reason: h('textarea', { rows: '2' }),
    pot: h('select', {}, vote.pots.map((pot) => h('option', { value: String(pot.id), selected: pot.id === p.potId, text: potLabel(ctx.i18n, pot) }))),
  };
  controls.description.value = p.description ?? '';
  controls.reason.value = p.reason ?? '';
  const form = h('form', { class: 'item-edit', id: `item-form-${id}`, novalidate: true, hidden: true },
    errorSlot(`item-form-${id}`),
    field({ id: `item-title-${id}`, label: t('voteAdmin.admit.title'), control: controls.title }),
    field({ id: `item-description-${id}`, label: t('voteAdmin.admit.description'), control: controls.description }),
    field({ id: `item-cost-${id}`, label: t('voteAdmin.admit.cost'), control: controls.cost }),
    field({ id: `item-reason-${id}`, label: t('voteAdmin.admit.reason'), control: controls.reason }),
    field({ id: `item-pot-${id}`, label: t('voteAdmin.admit.pot'), control: controls.pot }),
    h('button', { type: 'submit', class: 'primary', id: `item-save-${id}`, text: t('voteAdmin.items.save') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = {
      title: controls.title.value.trim(), description: controls.description.value.trim(),
      cost: Number(controls.cost.value), reason: controls.reason.value.trim(), potId: Number(controls.pot.value),
    };
    try {
      await ctx.api.patch(`/api/votes/${vote.id}/items/${id}`, body);
      ctx.announce(t('voteAdmin.items.saved', { title: body.title }));
      await onChanged();
    } catch (error) {
      showErrors({ form, error, routes: routesFor(id), generalId: `item-form-${id}`, t, fallbackMessage: t('error.generic') });
    }
  });
  return form;
}

function itemEntry({ ctx, vote, item, editable, onChanged }) {
  const { t } = ctx.i18n;
  const p = item.properties;
  const id = p.id ?? item.id;
  const pot = vote.pots.find((x) => x.id === p.potId);
  const form = editable ? editForm({ ctx, vote, item, onChanged }) : null;
  const status = h('p', { class: 'error', id: `item-status-${id}`, hidden: true });
  const remove = h('button', { type: 'button', class: 'secondary', id: `item-remove-${id}`, text: t('voteAdmin.items.remove') });
  const confirm = h('button', { type: 'button', class: 'danger', id: `item-remove-confirm-${id}`, hidden: true, text: t('voteAdmin.items.removeConfirm', { title: p.title }) });
  remove.addEventListener('click', () => { confirm.hidden = false; confirm.focus(); });
  confirm.addEventListener('click', async () => {
    try {
      await ctx.api.delete(`/api/votes/${vote.id}/items/${id}`);
      ctx.announce(t('voteAdmin.items.removed', { title: p.title }));
      await onChanged();
    } catch (error) {
      status.textContent = Object.values(error.fields ?? {}).join(' ') || t('error.generic');
      status.hidden = false;
    }
  });
  const edit = h('button', {
    type: 'button', class: 'secondary', id: `item-edit-${id}`, 'aria-expanded': 'false', text: t('voteAdmin.items.edit'),
    on: { click: (e) => { form.hidden = !form.hidden; e.currentTarget.setAttribute('aria-expanded', String(!form.hidden)); } },
  });
  return h('li', { class: 'item-entry', id: `item-${id}`, dataset: { itemId: id } },
    h('p', { class: 'item-title', text: p.title }),
    h('p', { class: 'meta' }, t('voteAdmin.items.meta', {
      cost: euros(ctx.i18n, p.cost), pot: potLabel(ctx.i18n, pot), count: (p.proposalIds ?? []).length,
    })),
    h('p', { class: 'item-reason' }, h('span', { class: 'label', text: `${t('voteAdmin.items.reason')} ` }), p.reason ?? ''),
    editable ? h('div', { class: 'actions' }, edit, remove, confirm) : null,
    status, form);
}

export function itemSection({ ctx, vote, editable, onChanged }) {
  const { t } = ctx.i18n;
  const list = h('ul', { id: 'item-list', class: 'item-list' });
  const summary = h('p', { id: 'item-summary', class: 'hint' });
  const element = h('section', { id: 'vote-items', 'aria-labelledby': 'vote-items-heading' },
    h('h2', { id: 'vote-items-heading', text: t('voteAdmin.items.heading') }), summary, list);
  return {
    element,
    render(items) {
      list.replaceChildren(...items.map((item) => itemEntry({ ctx, vote, item, editable, onChanged })));
      const perPot = vote.pots.map((pot) => {
        const inPot = items.filter((i) => i.properties.potId === pot.id);
        const cost = inPot.reduce((sum, i) => sum + Number(i.properties.cost), 0);
        return t('voteAdmin.items.potSummary', { pot: potLabel(ctx.i18n, pot), count: inPot.length, cost: euros(ctx.i18n, cost), budget: euros(ctx.i18n, pot.budget) });
      });
      summary.textContent = items.length ? perPot.join(' · ') : t('voteAdmin.items.none');
    },
  };
}
