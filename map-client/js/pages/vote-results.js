// #/votes/{id}/results — a closed vote's results, for anyone: per pot the funded items on a map
// (coloured by pot, funded filled and unfunded dashed) and in tables (votes, cost, funded, order),
// the rule and the server's method text, a "what if" switch that puts the other rule beside it
// (items and areas that gain or lose), and where the money goes per area. Planners also get the
// Pabulib (.pb) files; everyone the printable report. Each part is a module of js/vote-results/.
import { h, append } from '../dom.js';
import { loadProject, missingPage, plans } from '../projects.js';
import { isAbort } from '../api.js';
import { methodNote } from '../blocks.js';
import { statusBadge, statusOf, dateTime, loadVote, ruleName, otherRule, potLabel, statusLine, setStatus } from '../vote-admin/common.js';
import { resultsMap } from '../vote-results/map.js';
import { potTables, recordedNote } from '../vote-results/pots.js';
import { compareSection } from '../vote-results/compare.js';
import { moneySection } from '../vote-results/money.js';

function header(ctx, vote, project) {
  const { t } = ctx.i18n;
  return [
    h('p', {}, h('a', { href: `#/votes/${vote.id}`, id: 'results-vote-link', text: t('voteResults.backToVote', { title: vote.title }) }),
      project ? ' · ' : null,
      project ? h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) }) : null),
    h('h1', { tabindex: '-1', text: t('voteResults.title', { title: vote.title }) }),
    h('p', { class: 'meta', id: 'results-status' }, statusBadge(ctx.i18n, vote), ' ', t('voteResults.closed', { closes: dateTime(ctx.i18n, vote.closesAt) })),
  ];
}

function links(ctx, vote, project) {
  const { t } = ctx.i18n;
  const pb = plans(ctx) ? vote.pots.map((pot) => h('li', {}, h('a', {
    href: `/api/votes/${vote.id}/pabulib?potId=${pot.id}`, id: `pabulib-${pot.id}`, download: `vote-${vote.id}-pot-${pot.id}.pb`,
    text: t('voteResults.links.pabulib', { pot: potLabel(ctx.i18n, pot) }),
  }))) : [];
  return h('section', { id: 'results-links', 'aria-labelledby': 'results-links-heading' },
    h('h2', { id: 'results-links-heading', text: t('voteResults.links.heading') }),
    h('ul', {},
      project ? h('li', {}, h('a', { id: 'results-report', href: `/reports/projects/${project.id}?lang=${ctx.i18n.language}`, text: t('voteResults.links.report') })) : null,
      pb));
}

/** The rule line, the what-if switch and the method text. */
function ruleBlock(ctx, vote, onToggle) {
  const { t } = ctx.i18n;
  const other = otherRule(vote.rule);
  const toggle = h('button', { type: 'button', id: 'whatif-toggle', 'aria-pressed': 'false', text: t('voteResults.whatIf', { rule: ruleName(ctx.i18n, other) }) });
  toggle.addEventListener('click', () => {
    const on = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(on));
    onToggle(on);
  });
  const key = vote.rule === 'equal_shares' ? 'equalShares' : 'greedy';
  return {
    toggle,
    element: h('div', { class: 'results-rule', id: 'results-rule' },
      h('p', {}, h('strong', { text: t('voteResults.rule', { rule: ruleName(ctx.i18n, vote.rule) }) }), ' ', t(`voteAdmin.rule.${key}.explain`)),
      h('p', { class: 'hint', text: t('voteResults.whatIfHint') }), toggle),
  };
}

export async function voteResultsPage(ctx, { container, params, signal }) {
  const vote = await loadVote(ctx, params.id, signal);
  if (signal.aborted) return {};
  if (!vote) return missingPage(ctx, container, 'voteAdmin.missing');
  const project = await loadProject(ctx, vote.projectId, signal);
  if (signal.aborted) return {};
  const { t } = ctx.i18n;
  const title = t('voteResults.title', { title: vote.title });
  append(container, header(ctx, vote, project));
  const status = statusOf(vote);
  if (status === 'upcoming' || status === 'open') {
    container.append(h('p', { id: 'results-not-yet', class: 'lead', text: t('voteResults.notYet', { closes: dateTime(ctx.i18n, vote.closesAt) }) }));
    return { title };
  }
  const state = { whatIf: false };
  const parts = {
    status: statusLine('results-load-status', t('voteResults.loading')),
    map: project ? resultsMap({ ctx, vote, project }) : null,
    tables: h('div', { id: 'results-pots' }),
    compare: h('div', { id: 'results-compare-slot' }),
    method: h('div', { id: 'results-method' }),
  };
  const rule = ruleBlock(ctx, vote, (on) => { state.whatIf = on; showWhatIf(ctx, vote, parts, state, signal); });
  const sets = await ctx.api.get('/api/area-sets', { signal }).then((d) => d?.sets ?? []).catch(() => []);
  const money = moneySection({ ctx, vote, sets, signal });
  append(container, [
    parts.status, rule.element,
    h('section', { id: 'results-map-section', 'aria-labelledby': 'results-map-heading' },
      h('h2', { id: 'results-map-heading', text: t('voteResults.map.heading') }), parts.map?.element),
    h('section', { id: 'results-tables', 'aria-labelledby': 'results-tables-heading' },
      h('h2', { id: 'results-tables-heading', text: t('voteResults.pots.heading') }), parts.tables, parts.compare),
    parts.method, money.element, links(ctx, vote, project),
  ]);
  parts.map?.mount();
  signal.addEventListener('abort', () => parts.map?.destroy());
  await Promise.all([loadResults(ctx, vote, parts, signal), money.load()]);
  return { title };
}

async function loadResults(ctx, vote, parts, signal) {
  const { t } = ctx.i18n;
  try {
    const [results, items] = await Promise.all([
      ctx.api.get(`/api/votes/${vote.id}/results`, { signal }),
      ctx.api.get(`/api/votes/${vote.id}/results/items`, { signal }).catch(() => ({ features: [] })),
    ]);
    parts.results = results;
    parts.items = items?.features ?? [];
    parts.tables.replaceChildren(...potTables({ ctx, vote, results, other: null, rule: vote.rule, otherRule: otherRule(vote.rule) }));
    parts.map?.draw(parts.items, vote.rule);
    parts.method.replaceChildren(...[recordedNote(ctx, results.recorded),
      results.method ? methodNote(t('voteResults.method'), results.method, false) : null].filter(Boolean));
    setStatus(parts.status, t('voteResults.loaded', { count: (results.pots ?? []).length }), 'ready');
  } catch (error) {
    if (isAbort(error)) return;
    setStatus(parts.status, t('voteResults.failed'), 'failed');
  }
}

/** The other rule beside the vote's own, and the comparison; or back to the vote's own rule. */
async function showWhatIf(ctx, vote, parts, state, signal) {
  const { t } = ctx.i18n;
  const other = otherRule(vote.rule);
  if (!parts.results) return;
  if (!state.whatIf) {
    parts.tables.replaceChildren(...potTables({ ctx, vote, results: parts.results, other: null, rule: vote.rule, otherRule: other }));
    parts.compare.replaceChildren();
    parts.map?.draw(parts.items, vote.rule);
    ctx.announce(t('voteResults.whatIfOff'));
    return;
  }
  setStatus(parts.status, t('voteResults.loading'), 'loading');
  try {
    const [otherResults, compare] = await Promise.all([
      ctx.api.get(`/api/votes/${vote.id}/results`, { query: { rule: other }, signal }),
      ctx.api.get(`/api/votes/${vote.id}/results/compare`, { signal }).catch(() => null),
    ]);
    if (!state.whatIf) return;
    parts.tables.replaceChildren(...potTables({ ctx, vote, results: parts.results, other: otherResults, rule: vote.rule, otherRule: other }));
    parts.compare.replaceChildren(compareSection({ ctx, data: compare, rule: vote.rule, other }));
    parts.map?.draw(parts.items, other);
    setStatus(parts.status, t('voteResults.whatIfOn', { rule: ruleName(ctx.i18n, other) }), 'ready');
    ctx.announce(parts.status.textContent);
  } catch (error) {
    if (!isAbort(error)) setStatus(parts.status, t('voteResults.failed'), 'failed');
  }
}
