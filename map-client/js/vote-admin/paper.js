// Paper ballots: one member of staff types a ballot in (the voter's area, the letter's code if it
// came with one, the choices); it stays pending until a different member of staff confirms it
// (the server refuses the same person) or rejects it. The pending list is the second person's.
import { h } from '../dom.js';
import { field, errorSlot, clearErrors, showErrors } from '../forms.js';
import { euros } from '../format.js';
import { potLabel, isCityPot, dateTime, refusalText } from './common.js';

const ROUTES = [['areaId', 'paper-area'], ['code', 'paper-code'], ['choices', 'paper-choices']];

/** One control per item: a checkbox, or a number of points on a cumulative ballot. */
function choiceControls(ctx, vote, items) {
  const cumulative = vote.ballotType === 'cumulative';
  return items.map((item) => {
    const p = item.properties;
    const id = p.id ?? item.id;
    const pot = vote.pots.find((x) => x.id === p.potId);
    const label = `${p.title} — ${euros(ctx.i18n, p.cost)}, ${potLabel(ctx.i18n, pot)}`;
    const input = cumulative
      ? h('input', { type: 'number', min: '0', max: String(vote.maxPointsPerItem ?? vote.points ?? ''), step: '1', inputmode: 'numeric', id: `paper-choice-${id}` })
      : h('input', { type: 'checkbox', id: `paper-choice-${id}` });
    input.dataset.itemId = String(id);
    const wrapper = cumulative ? 'field' : 'check';
    return { input, element: h('div', { class: wrapper }, cumulative ? h('label', { for: input.id, text: label }) : input,
      cumulative ? input : h('label', { for: input.id, text: label })) };
  });
}

function readChoices(vote, controls) {
  if (vote.ballotType === 'cumulative') {
    return controls.filter((c) => Number(c.input.value) > 0).map((c) => ({ itemId: Number(c.input.dataset.itemId), points: Number(c.input.value) }));
  }
  return controls.filter((c) => c.input.checked).map((c) => ({ itemId: Number(c.input.dataset.itemId) }));
}

function pendingEntry({ ctx, vote, items, ballot, onChanged }) {
  const { t } = ctx.i18n;
  const titles = (ballot.choices ?? []).map((c) => {
    const item = items.find((i) => (i.properties.id ?? i.id) === c.itemId);
    const title = item?.properties.title ?? `#${c.itemId}`;
    return vote.ballotType === 'cumulative' ? `${title} (${c.points})` : title;
  });
  const pot = vote.pots.find((p) => p.areaId === ballot.areaId && !isCityPot(p));
  const status = h('p', { class: 'error', id: `paper-status-${ballot.id}`, role: 'alert', hidden: true });
  const act = (method, path, done) => async () => {
    try {
      await ctx.api[method](path, ...(method === 'post' ? [{}] : []));
      ctx.announce(t(done, { id: ballot.id }));
      await onChanged();
    } catch (error) {
      status.textContent = refusalText(ctx.i18n, error);
      status.hidden = false;
    }
  };
  return h('li', { class: 'paper-entry', id: `paper-${ballot.id}`, dataset: { paperId: ballot.id } },
    h('p', { class: 'item-title', text: t(ballot.hasCode ? 'voteAdmin.paper.entryWithCode' : 'voteAdmin.paper.entry', { id: ballot.id, area: ballot.areaName ?? (pot ? pot.name : t('voteAdmin.codes.cityOnly')) }) }),
    h('p', { class: 'meta', text: t('voteAdmin.paper.entered', { by: ballot.enteredByName ?? ballot.enteredBy ?? '–', at: dateTime(ctx.i18n, ballot.enteredAt) }) }),
    h('p', { class: 'paper-choices-text', text: titles.length ? titles.join(' · ') : t('voteAdmin.paper.noChoices') }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: `paper-confirm-${ballot.id}`, text: t('voteAdmin.paper.confirm'), on: { click: act('post', `/api/paper-ballots/${ballot.id}/confirm`, 'voteAdmin.paper.confirmed') } }),
      h('button', { type: 'button', class: 'secondary', id: `paper-reject-${ballot.id}`, text: t('voteAdmin.paper.reject'), on: { click: act('delete', `/api/paper-ballots/${ballot.id}`, 'voteAdmin.paper.rejected') } })),
    status);
}

export function paperSection({ ctx, vote }) {
  const { t } = ctx.i18n;
  const area = h('select', {}, h('option', { value: '', text: t('voteAdmin.codes.cityOnly') }),
    vote.pots.filter((pot) => !isCityPot(pot)).map((pot) => h('option', { value: String(pot.areaId), text: pot.name })));
  const code = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const choices = h('fieldset', { id: 'paper-choices', 'aria-describedby': 'paper-choices-error' }, h('legend', { text: t('voteAdmin.paper.choices') }));
  const submit = h('button', { type: 'submit', class: 'primary', id: 'paper-submit', text: t('voteAdmin.paper.submit') });
  const form = h('form', { id: 'paper-form', class: 'form', novalidate: true, 'aria-labelledby': 'paper-form-heading' },
    h('h3', { id: 'paper-form-heading', text: t('voteAdmin.paper.enter') }),
    errorSlot('paper-form'),
    field({ id: 'paper-area', label: t('voteAdmin.paper.area'), control: area }),
    field({ id: 'paper-code', label: t('voteAdmin.paper.code'), control: code, hint: t('voteAdmin.paper.codeHint') }),
    choices, errorSlot('paper-choices'), submit);
  const pending = h('ul', { id: 'paper-pending', class: 'item-list' });
  const element = h('section', { id: 'vote-paper', 'aria-labelledby': 'vote-paper-heading' },
    h('h2', { id: 'vote-paper-heading', text: t('voteAdmin.paper.heading') }),
    h('p', { class: 'hint', text: t('voteAdmin.paper.intro') }), form,
    h('h3', { id: 'paper-pending-heading', text: t('voteAdmin.paper.pending') }), pending);
  let items = [];
  let controls = [];

  async function load() {
    try {
      const data = await ctx.api.get(`/api/votes/${vote.id}/paper-ballots`);
      const list = Array.isArray(data) ? data : data?.paperBallots ?? data?.pending ?? data?.ballots ?? [];
      pending.replaceChildren(...(list.length ? list.map((ballot) => pendingEntry({ ctx, vote, items, ballot, onChanged: load }))
        : [h('li', { class: 'hint', id: 'paper-none', text: t('voteAdmin.paper.none') })]));
    } catch {
      pending.replaceChildren(h('li', { class: 'error', text: t('voteAdmin.paper.failed') }));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = { areaId: area.value ? Number(area.value) : null, choices: readChoices(vote, controls) };
    if (code.value.trim()) body.code = code.value.trim();
    try {
      await ctx.api.post(`/api/votes/${vote.id}/paper-ballots`, body);
      form.reset();
      ctx.announce(t('voteAdmin.paper.entered.done'));
      await load();
    } catch (error) {
      showErrors({ form, error, routes: ROUTES, generalId: 'paper-form', t, fallbackMessage: t('error.generic') });
    }
  });
  return {
    element,
    load,
    setItems(next) {
      items = next;
      controls = choiceControls(ctx, vote, items);
      choices.replaceChildren(h('legend', { text: t('voteAdmin.paper.choices') }), ...controls.map((c) => c.element));
    },
  };
}
