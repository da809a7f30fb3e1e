// A vote's status and a countdown to its next moment: "Closes in 2 days and 3 hours". It is plain
// text redrawn every quarter of a minute at a resolution of minutes, never a live region, so a
// screen reader reads it when the person gets there and is not interrupted as it changes; the
// moment the vote opens or closes is told once, through onStatus.
import { h } from '../dom.js';
import { dateTime } from './text.js';

const MINUTE = 60_000;

/** The vote's status now: the server's word for a closed or counted vote, the clock's otherwise. */
export function voteStatus(vote, now = Date.now()) {
  if (vote.status === 'counted' || vote.status === 'closed') return vote.status;
  if (now < Date.parse(vote.opensAt)) return 'upcoming';
  if (now < Date.parse(vote.closesAt)) return 'open';
  return 'closed';
}

/** A span of time in days and hours, hours and minutes, or minutes (rounded up, at least one). */
export function durationText(i18n, ms) {
  const total = Math.max(1, Math.ceil(ms / MINUTE));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  if (days > 0) return i18n.t('vote.duration.days', { days, hours });
  if (hours > 0) return i18n.t('vote.duration.hours', { hours, minutes });
  return i18n.t('vote.duration.minutes', { minutes });
}

export function countdownText(i18n, vote, now = Date.now()) {
  const { t } = i18n;
  switch (voteStatus(vote, now)) {
    case 'upcoming':
      return t('vote.countdown.opens', { time: durationText(i18n, Date.parse(vote.opensAt) - now), at: dateTime(i18n, vote.opensAt) });
    case 'open':
      return t('vote.countdown.closes', { time: durationText(i18n, Date.parse(vote.closesAt) - now), at: dateTime(i18n, vote.closesAt) });
    default:
      return t('vote.countdown.closed', { at: dateTime(i18n, vote.closesAt) });
  }
}

/** The status as a badge (in words, not only colour). */
export function statusBadge(i18n, vote) {
  const status = voteStatus(vote);
  return h('span', { class: `badge vote-status vote-${status}`, text: i18n.t(`vote.status.${status}`) });
}

/** The countdown paragraph, stopped when `signal` aborts. */
export function countdown({ ctx, vote, signal, onStatus, id }) {
  const element = h('p', { class: 'countdown', id });
  let status = voteStatus(vote);
  const draw = () => {
    const now = Date.now();
    element.textContent = countdownText(ctx.i18n, vote, now);
    const next = voteStatus(vote, now);
    if (next !== status) {
      status = next;
      onStatus?.(next);
    }
  };
  draw();
  const timer = setInterval(draw, MINUTE / 4);
  signal?.addEventListener('abort', () => clearInterval(timer));
  return element;
}
