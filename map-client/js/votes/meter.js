// The running "€ left" (or items, or points) of each pot, in a polite live region: when a choice
// changes a pot, only that pot's line changes, so a screen reader reads that one line. Filtering
// the list never touches it. A refused choice is told in the same region, with its reason.
import { h } from '../dom.js';
import { meterLine } from './text.js';

export function createMeter({ ctx, vote, ballot }) {
  const lines = new Map(ballot.pots.map((pot) => [Number(pot.id),
    h('p', { class: 'meter-line', dataset: { potId: pot.id } })]));
  const notice = h('p', { class: 'meter-notice', id: 'vote-notice' });
  const element = h('div', { class: 'vote-meter', id: 'vote-meter', 'aria-live': 'polite', 'aria-relevant': 'additions text' },
    ...lines.values(), notice);
  let timer = null;

  function draw() {
    for (const pot of ballot.pots) {
      const state = ballot.potState(pot);
      const line = lines.get(Number(pot.id));
      const text = meterLine(ctx.i18n, vote, state);
      // Only a changed line is rewritten: an unchanged one would be read out again.
      if (line.textContent !== text) line.textContent = text;
      const over = vote.ballotType === 'knapsack' ? state.left < 0 : state.pointsLeft !== null && state.pointsLeft < 0;
      line.classList.toggle('over', over);
    }
  }

  draw();
  ballot.onChange(() => {
    clearTimeout(timer);
    notice.textContent = '';
    draw();
  });
  return {
    element,
    /** Says why a choice was refused (again after a tick, so a repeated refusal is read again). */
    say(message) {
      clearTimeout(timer);
      notice.textContent = '';
      timer = setTimeout(() => { notice.textContent = message; }, 50);
    },
  };
}
