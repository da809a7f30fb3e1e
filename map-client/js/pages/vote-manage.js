// #/votes/{id}/manage — a vote for planners: the review of the project's proposals (map and list,
// admit one or several as an item, or not admitted with a reason), the ballot items (edit and
// remove before opening), voting codes for letters, paper ballots entered and confirmed by two
// people, and closing the vote now. The page composes; each part is a module of js/vote-admin/.
import { h, append } from '../dom.js';
import { loadProject, missingPage, plans } from '../projects.js';
import { euros } from '../format.js';
import { potLabel, statusBadge, statusOf, dateTime, loadVote, refusalText } from '../vote-admin/common.js';
import { proposalSection } from '../vote-admin/proposals.js';
import { itemSection } from '../vote-admin/items.js';
import { codeSection } from '../vote-admin/codes.js';
import { paperSection } from '../vote-admin/paper.js';

/** At most this many pages of 1,000 proposals are reviewed on the page. */
const PROPOSAL_PAGES = 5;

async function publishedProposals(ctx, projectId, signal) {
  const features = [];
  let next = null;
  let pages = 0;
  do {
    const data = next ? await ctx.api.get(next, { signal })
      : await ctx.api.get('/api/proposals', { query: { project: projectId, limit: 1000 }, signal });
    features.push(...data.features);
    const link = (data.links ?? []).find((l) => l.rel === 'next');
    next = link ? new URL(link.href, location.href).pathname + new URL(link.href, location.href).search : null;
    pages += 1;
  } while (next && pages < PROPOSAL_PAGES);
  // Waiting for a moderator is not published; everything else the public sees can be reviewed.
  return features.filter((f) => f.properties.status !== 'submitted');
}

function header(ctx, vote, project) {
  const { t } = ctx.i18n;
  return [
    h('p', {}, h('a', { href: `#/projects/${project.id}/votes/new`, text: t('voteAdmin.manage.back', { title: project.properties.title }) })),
    h('h1', { tabindex: '-1', text: t('voteAdmin.manage.title', { title: vote.title }) }),
    h('p', { class: 'meta', id: 'manage-status' }, statusBadge(ctx.i18n, vote), ' ',
      t('voteAdmin.manage.times', { opens: dateTime(ctx.i18n, vote.opensAt), closes: dateTime(ctx.i18n, vote.closesAt) })),
    h('ul', { class: 'pot-list', id: 'manage-pots' }, vote.pots.map((pot) => h('li', { dataset: { potId: pot.id } },
      t('voteAdmin.manage.pot', { pot: potLabel(ctx.i18n, pot), budget: euros(ctx.i18n, pot.budget) })))),
    h('p', { class: 'planner-links' },
      h('a', { href: `#/votes/${vote.id}`, id: 'manage-vote-link', text: t('voteAdmin.manage.voteLink') }), ' · ',
      h('a', { href: `#/votes/${vote.id}/results`, id: 'manage-results-link', text: t('voteAdmin.manage.resultsLink') })),
  ];
}

/** Close now: a first press asks, a second closes and counts, then the results open. */
function closeSection(ctx, vote) {
  const { t } = ctx.i18n;
  const status = h('p', { class: 'error', id: 'vote-close-error', role: 'alert', hidden: true });
  const confirm = h('button', { type: 'button', class: 'danger', id: 'vote-close-confirm', hidden: true, text: t('voteAdmin.close.confirm') });
  const ask = h('button', { type: 'button', class: 'secondary', id: 'vote-close', text: t('voteAdmin.close.button'),
    on: { click: () => { confirm.hidden = false; confirm.focus(); } } });
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    try {
      await ctx.api.post(`/api/votes/${vote.id}/close`, {});
      ctx.announce(t('voteAdmin.close.done'));
      ctx.router.go(`#/votes/${vote.id}/results`);
    } catch (error) {
      confirm.disabled = false;
      status.textContent = refusalText(ctx.i18n, error);
      status.hidden = false;
    }
  });
  return h('section', { id: 'vote-close-section', 'aria-labelledby': 'vote-close-heading' },
    h('h2', { id: 'vote-close-heading', text: t('voteAdmin.close.heading') }),
    h('p', { class: 'hint', text: t('voteAdmin.close.intro') }), h('div', { class: 'actions' }, ask, confirm), status);
}

export async function voteManagePage(ctx, { container, params, signal }) {
  const vote = await loadVote(ctx, params.id, signal);
  if (signal.aborted) return {};
  if (!vote) return missingPage(ctx, container, 'voteAdmin.missing');
  const project = await loadProject(ctx, vote.projectId, signal);
  if (signal.aborted) return {};
  if (!project) return missingPage(ctx, container, 'project.missing');
  const { t } = ctx.i18n;
  const title = t('voteAdmin.manage.title', { title: vote.title });
  append(container, header(ctx, vote, project));
  if (!plans(ctx) || vote.source === 'pabulib') {
    container.append(h('p', { class: 'hint', id: 'vote-planners-only', text: t(vote.source === 'pabulib' ? 'voteAdmin.manage.imported' : 'voteAdmin.plannersOnly') }));
    return { title };
  }
  const status = statusOf(vote);
  const editable = status === 'upcoming';
  const parts = {};
  const refresh = () => reload(ctx, vote, parts, signal);
  parts.review = proposalSection({ ctx, vote, project, editable, onChanged: refresh });
  parts.items = itemSection({ ctx, vote, editable, onChanged: refresh });
  const live = status === 'upcoming' || status === 'open';
  parts.codes = live ? codeSection({ ctx, vote }) : null;
  parts.paper = live ? paperSection({ ctx, vote }) : null;
  append(container, [parts.review.element, parts.items.element, parts.codes?.element, parts.paper?.element,
    status === 'open' ? closeSection(ctx, vote) : null]);
  parts.review.mount();
  signal.addEventListener('abort', () => parts.review.destroy());
  parts.proposals = await publishedProposals(ctx, project.id, signal).catch(() => []);
  await Promise.all([refresh(), parts.codes?.load()]);
  return { title };
}

async function reload(ctx, vote, parts, signal) {
  try {
    const [collection, reviews] = await Promise.all([
      ctx.api.get(`/api/votes/${vote.id}/items`, { signal }),
      ctx.api.get(`/api/votes/${vote.id}/reviews`, { signal }).then((d) => d?.reviews ?? []),
    ]);
    const items = collection?.features ?? [];
    parts.review.render({ proposals: parts.proposals ?? [], items, reviews });
    parts.items.render(items);
    parts.paper?.setItems(items);
    await parts.paper?.load();
  } catch {
    // Left as it was; the next change tries again.
  }
}
