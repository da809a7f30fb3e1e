// Voting codes for letters: a batch for an area (or the city-wide pot only) is made once and its
// CSV, the only place the codes exist in clear, is downloaded at once. The page warns before and
// after that the codes cannot be shown again; later it lists the batches with how many were used.
import { h } from '../dom.js';
import { field, errorSlot, clearErrors, showErrors } from '../forms.js';
import { scroller } from '../blocks.js';
import { potLabel, isCityPot, rawRequest, dateTime } from './common.js';

const ROUTES = [['areaId', 'codes-area'], ['size', 'codes-size']];

/** The areas a code may be for: the vote's area pots, and none (the city-wide pot only). */
function areaOptions(ctx, vote) {
  const { t } = ctx.i18n;
  return [h('option', { value: '', text: t('voteAdmin.codes.cityOnly') }),
    ...vote.pots.filter((pot) => !isCityPot(pot)).map((pot) => h('option', { value: String(pot.areaId), text: pot.name }))];
}

function areaName(ctx, vote, areaId) {
  if (areaId === null || areaId === undefined) return ctx.i18n.t('voteAdmin.codes.cityOnly');
  const pot = vote.pots.find((p) => p.areaId === areaId);
  return pot ? potLabel(ctx.i18n, pot) : String(areaId);
}

/** Hands the CSV to the browser as a file, and keeps a link to it while the page is open. */
function offerDownload({ ctx, vote, answer, slot }) {
  const { t } = ctx.i18n;
  const url = URL.createObjectURL(new Blob([answer.text], { type: 'text/csv;charset=utf-8' }));
  const name = answer.filename ?? `voting-codes-vote-${vote.id}.csv`;
  const link = h('a', { href: url, download: name, id: 'codes-download', class: 'button', text: t('voteAdmin.codes.download', { name }) });
  const rows = Math.max(0, answer.text.trim().split(/\r?\n/).length - 1);
  slot.replaceChildren(h('div', { class: 'codes-made', role: 'alert' },
    h('p', { text: t('voteAdmin.codes.made', { count: rows }) }),
    h('p', { class: 'warning', text: t('voteAdmin.codes.onlyNow') }),
    link));
  link.click();
}

function batchTable(ctx, vote, batches) {
  const { t } = ctx.i18n;
  if (!batches.length) return h('p', { class: 'hint', id: 'codes-none', text: t('voteAdmin.codes.none') });
  const head = h('tr', {}, ['area', 'size', 'used', 'made'].map((key) => h('th', { scope: 'col', text: t(`voteAdmin.codes.col.${key}`) })));
  const rows = batches.map((b) => h('tr', { dataset: { batchId: b.id } },
    h('th', { scope: 'row', text: b.areaName ?? areaName(ctx, vote, b.areaId) }),
    h('td', { class: 'num', dataset: { col: 'size' }, text: ctx.i18n.formatNumber(Number(b.size ?? 0)) }),
    h('td', { class: 'num', dataset: { col: 'used' }, text: ctx.i18n.formatNumber(Number(b.used ?? 0)) }),
    h('td', { text: dateTime(ctx.i18n, b.createdAt) })));
  return scroller('codes-caption', h('table', { class: 'data', id: 'codes-table' },
    h('caption', { id: 'codes-caption', text: t('voteAdmin.codes.caption') }), h('thead', {}, head), h('tbody', {}, rows)));
}

export function codeSection({ ctx, vote }) {
  const { t } = ctx.i18n;
  const area = h('select', {}, areaOptions(ctx, vote));
  const size = h('input', { type: 'number', min: '1', step: '1', inputmode: 'numeric', value: '100' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'codes-submit', text: t('voteAdmin.codes.submit') });
  const made = h('div', { id: 'codes-made' });
  const table = h('div', { id: 'codes-batches' });
  const form = h('form', { id: 'codes-form', class: 'form', novalidate: true, 'aria-labelledby': 'vote-codes-heading' },
    h('p', { class: 'warning', id: 'codes-warning', text: t('voteAdmin.codes.warning') }),
    errorSlot('codes-form'),
    field({ id: 'codes-area', label: t('voteAdmin.codes.area'), control: area }),
    field({ id: 'codes-size', label: t('voteAdmin.codes.size'), control: size }),
    submit);
  const element = h('section', { id: 'vote-codes', 'aria-labelledby': 'vote-codes-heading' },
    h('h2', { id: 'vote-codes-heading', text: t('voteAdmin.codes.heading') }), form, made, table);

  async function load() {
    try {
      const data = await ctx.api.get(`/api/votes/${vote.id}/code-batches`);
      table.replaceChildren(batchTable(ctx, vote, Array.isArray(data) ? data : data?.batches ?? []));
    } catch {
      table.replaceChildren(h('p', { class: 'error', text: t('voteAdmin.codes.failed') }));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    try {
      const body = { areaId: area.value ? Number(area.value) : null, size: Number(size.value) };
      const answer = await rawRequest(ctx, 'POST', `/api/votes/${vote.id}/code-batches`, { body });
      offerDownload({ ctx, vote, answer, slot: made });
      await load();
    } catch (error) {
      showErrors({ form, error, routes: ROUTES, generalId: 'codes-form', t, fallbackMessage: t('error.generic') });
    } finally {
      submit.disabled = false;
    }
  });
  return { element, load };
}
