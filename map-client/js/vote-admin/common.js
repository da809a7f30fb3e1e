// What the planners' vote pages and the results page share: loading a vote, how pots, statuses
// and times are written (euros: format.js), and requests whose body or answer is not JSON (a
// Pabulib file sent, a CSV of voting codes received), with the same CSRF header and problem
// documents as api.js.
import { h } from '../dom.js';
import { ApiError } from '../api.js';

export function isCityPot(pot) {
  return pot?.areaId === null || pot?.areaId === undefined;
}

/** The city-wide pot in the reader's language; an area's pot by its area's name. */
export function potLabel(i18n, pot) {
  if (!pot) return i18n.t('voteAdmin.pot.unknown');
  return isCityPot(pot) ? i18n.t('voteAdmin.pot.city') : i18n.t('voteAdmin.pot.area', { name: pot.name ?? '' });
}

/** upcoming, open, closed or counted: as the server says, else from the times. */
export function statusOf(vote) {
  if (vote.status) return vote.status;
  const now = Date.now();
  if (now < Date.parse(vote.opensAt)) return 'upcoming';
  return now < Date.parse(vote.closesAt) ? 'open' : 'closed';
}

export function statusBadge(i18n, vote) {
  const status = statusOf(vote);
  return h('span', { class: `badge vote-admin-status status-${status}`, dataset: { status }, text: i18n.t(`voteAdmin.status.${status}`) });
}

/** A date and time in the reader's language. */
export function dateTime(i18n, iso) {
  return iso ? i18n.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '–';
}

/** The vote, or null when there is none (or the request was aborted). */
export async function loadVote(ctx, id, signal) {
  try {
    return await ctx.api.get(`/api/votes/${id}`, { signal });
  } catch {
    return null;
  }
}

/** The rule's name and its one line of plain language. */
export function ruleName(i18n, rule) {
  return i18n.t(`voteAdmin.rule.${rule === 'equal_shares' ? 'equalShares' : 'greedy'}`);
}

export function otherRule(rule) {
  return rule === 'equal_shares' ? 'greedy' : 'equal_shares';
}

/**
 * A write whose body is text (contentType given) or whose answer is not JSON. Resolves to
 * { text, type, filename }; a refusal becomes an ApiError with the fields the problem names.
 */
export async function rawRequest(ctx, method, path, { body, contentType = 'application/json', signal } = {}) {
  const session = await ctx.api.get('/api/session', { signal });
  const headers = { Accept: 'text/csv, text/plain, application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = contentType;
  if (session?.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  const response = await fetch(path, {
    method, headers, signal, credentials: 'same-origin',
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  const text = await response.text();
  if (!response.ok) throw new ApiError({ status: response.status, ...problemOf(text) });
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
  return { text, type: response.headers.get('Content-Type') ?? '', filename };
}

function problemOf(text) {
  let data = null;
  try {
    data = JSON.parse(text);
  } catch {
    return { fields: {} };
  }
  const fields = {};
  for (const error of data?.errors ?? []) {
    if (error.field && !(error.field in fields)) fields[error.field] = error.detail;
  }
  return { title: data?.title, detail: data?.detail, fields };
}

/** A status line (role=status) with a data-state tests and people can read. */
export function statusLine(id, text = '') {
  return h('p', { role: 'status', id, class: 'list-status', text });
}

export function setStatus(line, text, state) {
  line.textContent = text;
  if (state) line.dataset.state = state;
}

/** The server's messages of a refusal, joined (for a form's general error slot). */
export function refusalText(i18n, error) {
  const messages = Object.values(error?.fields ?? {});
  if (messages.length) return messages.join(' ');
  return error?.message && error.status && error.status < 500 ? error.message : i18n.t('error.generic');
}
