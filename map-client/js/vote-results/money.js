// "Where the money goes" (GET /api/votes/{id}/money?areaSetId=): per area of a boundary set the
// euros funded there and per resident, voters (as the server sends them: "<5" stays "<5"), the
// share of voters against the share of population, the Gini of funding per resident across areas,
// and the areas that voted but got nothing funded in or near them.
import { h } from '../dom.js';
import { scroller, methodNote } from '../blocks.js';
import { countText, fraction, euros, eurosAndCents } from '../format.js';
import { statusLine, setStatus } from '../vote-admin/common.js';
import { isAbort } from '../api.js';
import { plans } from '../projects.js';

const percent = (i18n, v) => (typeof v === 'number' ? i18n.formatNumber(v, { style: 'percent', maximumFractionDigits: 1 }) : '–');

function moneyTable(ctx, areas) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const cols = ['area', 'euros', 'eurosPerResident', 'voters', 'voterShare', 'populationShare', 'ratio', 'gotNothing'];
  const cell = (a) => ({
    euros: euros(i18n, a.euros),
    eurosPerResident: eurosAndCents(i18n, a.eurosPerResident),
    voters: countText(i18n, a.voters),
    voterShare: percent(i18n, a.voterShare),
    populationShare: percent(i18n, a.populationShare),
    ratio: typeof a.ratio === 'number' ? fraction(i18n, a.ratio) : '–',
    gotNothing: a.gotNothing ? t('voteResults.money.gotNothingYes') : '',
  });
  const rows = areas.map((area) => {
    const cells = cell(area);
    return h('tr', { dataset: { areaId: area.areaId, gotNothing: String(Boolean(area.gotNothing)) } },
      h('th', { scope: 'row', text: area.name ?? '' }),
      cols.slice(1).map((c) => h('td', { class: c === 'gotNothing' ? null : 'num', dataset: { col: c }, text: cells[c] })));
  });
  return scroller('money-caption', h('table', { class: 'data', id: 'money-table' },
    h('caption', { id: 'money-caption', text: t('voteResults.money.caption', { count: areas.length }) }),
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col', class: c === 'area' || c === 'gotNothing' ? null : 'num', text: t(`voteResults.money.col.${c}`) })))),
    h('tbody', {}, rows)));
}

function moneyBody(ctx, data) {
  const { t } = ctx.i18n;
  const areas = data.areas ?? [];
  const nothing = areas.filter((a) => a.gotNothing);
  return [
    h('p', { id: 'money-gini', class: 'figure' }, t('voteResults.money.gini', {
      gini: typeof data.gini === 'number' ? fraction(ctx.i18n, data.gini) : '–',
    })),
    h('p', { class: 'hint', text: t('voteResults.money.giniHint') }),
    moneyTable(ctx, areas),
    h('h3', { id: 'money-nothing-heading', text: t('voteResults.money.nothingHeading') }),
    nothing.length ? h('ul', { id: 'money-nothing' }, nothing.map((a) => h('li', { text: a.name ?? '' })))
      : h('p', { id: 'money-nothing', class: 'hint', text: t('voteResults.money.nothingNone') }),
    data.method ? methodNote(t('voteResults.method'), data.method, false) : null,
  ];
}

/** The section, with a choice of boundary set (the vote's own first); load() fetches and draws. */
export function moneySection({ ctx, vote, sets, signal }) {
  const { t } = ctx.i18n;
  const select = h('select', { id: 'money-set' },
    sets.map((s) => h('option', { value: String(s.id), selected: s.id === vote.areaSetId, text: s.year ? `${s.name} (${s.year})` : s.name })));
  const status = statusLine('money-status');
  const body = h('div', { id: 'money-body' });
  const element = h('section', { id: 'vote-money', 'aria-labelledby': 'vote-money-heading' },
    h('h2', { id: 'vote-money-heading', text: t('voteResults.money.heading') }),
    sets.length ? h('div', { class: 'field' }, h('label', { for: 'money-set', text: t('voteResults.money.set') }), select) : null,
    status, body);
  let controller = null;

  async function load() {
    controller?.abort();
    controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort());
    setStatus(status, t('voteResults.loading'), 'loading');
    try {
      const data = await ctx.api.get(`/api/votes/${vote.id}/money`, { query: { areaSetId: select.value || undefined }, signal: controller.signal });
      body.replaceChildren(...moneyBody(ctx, data).filter(Boolean));
      const loaded = t('voteResults.money.loaded', { count: (data.areas ?? []).length });
      setStatus(status, data.view === 'raw' || plans(ctx) ? `${loaded} ${t('voteResults.money.raw')}` : loaded, 'ready');
    } catch (error) {
      if (isAbort(error)) return;
      body.replaceChildren();
      setStatus(status, t('voteResults.money.failed'), 'failed');
    }
  }
  select.addEventListener('change', load);
  return { element, load };
}
