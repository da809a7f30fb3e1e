// #/votes/{id} — a budget vote: what it is about, its pots and times with a countdown, who votes
// in which pot, and the ballot (map and list in sync) with its review step, receipt and draft.
import { h, append } from '../dom.js';
import { isAbort } from '../api.js';
import { missingPage, loadProject } from '../projects.js';
import { itemsOf, potsOf } from '../votes/ballot.js';
import { countdown, statusBadge, voteStatus } from '../votes/countdown.js';
import { loadDraft } from '../votes/draft.js';
import { mountBallot } from '../votes/voting.js';
import { accountPanel, accountPotIds, codeControl, signedOutPanel } from '../votes/who.js';
import { euros } from '../format.js';
import { potName, isCityPot, dateTime } from '../votes/text.js';

export async function votePage(ctx, { container, params, signal }) {
  const data = await loadVote(ctx, params.id, signal);
  if (signal.aborted) return {};
  if (!data) return missingPage(ctx, container, 'vote.missing');
  const { vote, items, project, mine, potIds, codeRequired } = data;
  const { t } = ctx.i18n;
  const status = voteStatus(vote);
  const host = h('div', { class: 'vote-ballot-host', id: 'vote-ballot-host' });
  const open = status === 'open' && vote.source !== 'pabulib' && items !== null;
  const who = open ? whoPart({ ctx, vote, mine, potIds, codeRequired }) : null;
  append(container, [
    h('h1', { tabindex: '-1', text: vote.title }),
    project ? h('p', { class: 'meta' }, h('a', { href: `#/projects/${vote.projectId}`, id: 'vote-project-link',
      text: t('vote.info.project', { title: project.properties.title }) })) : null,
    h('p', { class: 'meta', id: 'vote-times' }, statusBadge(ctx.i18n, vote), ' ',
      t('vote.info.times', { opens: dateTime(ctx.i18n, vote.opensAt), closes: dateTime(ctx.i18n, vote.closesAt) })),
    countdown({ ctx, vote, signal, id: 'vote-countdown', onStatus: (next) => {
      ctx.announce(t(`vote.now.${next === 'open' ? 'open' : 'closed'}`));
      ctx.router.refresh();
    } }),
    vote.description ? h('p', { class: 'lead description', id: 'vote-description', text: vote.description }) : null,
    potsPart(ctx, vote),
    status === 'closed' || status === 'counted'
      ? h('p', {}, h('a', { class: 'button', id: 'vote-results-link', href: `#/votes/${vote.id}/results`, text: t('vote.info.results') })) : null,
    who?.element, host,
  ]);
  const mount = (options) => mountBallot({ ctx, host, root: container, vote, items, project, ...options });
  let current = null;
  if (items === null) host.append(h('p', { class: 'error', id: 'vote-items-failed', text: t('vote.items.failed') }));
  else if (!who) current = mount({ pots: vote.pots, editable: false, initial: [] });
  else current = who.start(mount);
  signal.addEventListener('abort', () => (who ? who.destroy() : current?.destroy()));
  return { title: vote.title };
}

async function loadVote(ctx, id, signal) {
  try {
    const vote = await ctx.api.get(`/api/votes/${id}`, { signal });
    const [collection, project, mine] = await Promise.all([
      // Without its items the vote is still shown, and says so.
      ctx.api.get(`/api/votes/${id}/items`, { signal }).catch((error) => {
        if (isAbort(error)) throw error;
        return null;
      }),
      loadProject(ctx, vote.projectId, signal),
      ctx.session.signedIn ? ownBallot(ctx, id, signal) : null,
    ]);
    // Before a first ballot the server still names this person's pots (their home area's and the
    // city's), and whether letters with codes went to their area (then the first ballot gives the code).
    const own = !mine && ctx.session.signedIn && vote.status === 'open' ? await ownPots(ctx, id, signal) : null;
    const potIds = mine?.pots ?? own?.potIds ?? null;
    return { vote, items: collection ? itemsOf(collection) : null, project, mine, potIds, codeRequired: own?.codeRequired === true };
  } catch {
    // Aborted, or no such vote: the page says it is missing (or nothing, when aborted).
    return null;
  }
}

/**
 * The ids of the pots this person votes in and whether their first ballot needs their letter's
 * code, as the server says; null when it cannot be had.
 */
async function ownPots(ctx, id, signal) {
  try {
    const answer = await ctx.api.get(`/api/votes/${id}/ballot/pots`, { signal });
    if (!Array.isArray(answer?.pots)) return null;
    return { potIds: answer.pots.map((pot) => Number(pot.id)), codeRequired: answer.codeRequired === true };
  } catch (error) {
    if (isAbort(error)) throw error;
    return null;
  }
}

/**
 * This person's ballot in this vote, or null when they have cast none yet (the server answers 204,
 * no content, so the browser logs no error) or it cannot be had.
 */
async function ownBallot(ctx, id, signal) {
  try {
    return (await ctx.api.get(`/api/votes/${id}/ballot`, { signal })) ?? null;
  } catch (error) {
    if (isAbort(error)) throw error;
    return null;
  }
}

function potsPart(ctx, vote) {
  const { t } = ctx.i18n;
  return h('section', { class: 'vote-pots', id: 'vote-pots', 'aria-labelledby': 'vote-pots-heading' },
    h('h2', { id: 'vote-pots-heading', text: t('vote.info.pots', { total: euros(ctx.i18n, vote.budget) }) }),
    h('ul', {}, [...vote.pots].sort((a, b) => Number(!isCityPot(a)) - Number(!isCityPot(b))).map((pot) => h('li', {},
      h('strong', { text: potName(ctx.i18n, pot) }), ': ', euros(ctx.i18n, pot.budget), ' · ',
      t('vote.info.itemCount', { count: pot.itemCount ?? 0 })))));
}

/**
 * The open vote's "who votes where" and the ballot it gives: with an account, that account's pots;
 * signed out, the items to read until a voting code is given, then the code's pots.
 */
function whoPart({ ctx, vote, mine, potIds, codeRequired }) {
  if (ctx.session.signedIn) {
    const pots = potsOf(vote, potIds ?? accountPotIds(vote, mine, ctx.session.account));
    const codeInput = codeRequired ? codeControl() : null;
    let mounted = null;
    return {
      element: accountPanel({ ctx, vote, pots, mine, codeInput }),
      start: (mount) => {
        mounted = mount({ pots, editable: true, mode: 'account', codeInput, initial: mine?.choices ?? [], draft: loadDraft(vote.id) });
        return mounted;
      },
      destroy: () => mounted?.destroy(),
    };
  }
  let mounted = null;
  let mountIt = null;
  const panel = signedOutPanel({ ctx, vote, onCode: (areaPotId) => {
    const city = vote.pots.filter(isCityPot).map((pot) => Number(pot.id));
    const pots = potsOf(vote, areaPotId ? [...city, areaPotId] : city);
    const carried = mounted?.entries?.() ?? [];
    mounted?.destroy();
    // A change of area keeps what was chosen in the pots both have; the first start takes up a draft.
    mounted = mountIt({ pots, editable: true, mode: 'code', codeInput: panel.codeInput, initial: carried,
      draft: carried.length ? null : loadDraft(vote.id) });
  } });
  return {
    element: panel.element,
    start: (mount) => {
      mountIt = mount;
      mounted = mount({ pots: vote.pots, editable: false, initial: [] });
      return mounted;
    },
    destroy: () => mounted?.destroy(),
  };
}
