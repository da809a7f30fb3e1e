// The receipt once a ballot is in: its code (which says nothing about who voted), when it was
// sent, and the choices per pot; printable. A ballot cast with an account can be changed until
// the vote closes; a voting code is used up.
import { h } from '../dom.js';
import { euros } from '../format.js';
import { potName, dateTime } from './text.js';

export function createReceipt({ ctx, vote, ballot, canChange, onChange }) {
  const { t } = ctx.i18n;
  const body = h('div', { class: 'receipt-body' });
  const element = h('section', { class: 'vote-step receipt', id: 'vote-receipt', 'aria-labelledby': 'vote-receipt-heading', hidden: true },
    h('h2', { id: 'vote-receipt-heading', tabindex: '-1', text: t('vote.receipt.heading') }), body,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'vote-print', text: t('vote.receipt.print'), on: { click: () => window.print() } }),
      canChange ? h('button', { type: 'button', id: 'vote-change', text: t('vote.receipt.change'), on: { click: () => onChange() } }) : null));

  return {
    element,
    render(answer) {
      const when = answer?.updatedAt ?? answer?.castAt ?? new Date().toISOString();
      body.replaceChildren(
        h('p', {}, t('vote.receipt.code'), ' ', h('strong', { id: 'vote-receipt-code', class: 'receipt-code', text: answer?.receipt ?? '' })),
        h('p', { id: 'vote-receipt-time', text: t('vote.receipt.time', { at: dateTime(ctx.i18n, when) }) }),
        ...ballot.pots.map((pot) => receiptPot({ ctx, vote, ballot, pot })),
        h('p', { class: 'hint', text: t(canChange ? 'vote.receipt.keepChangeable' : 'vote.receipt.keep') }));
    },
  };
}

function receiptPot({ ctx, vote, ballot, pot }) {
  const { t } = ctx.i18n;
  const chosen = ballot.items.filter((item) => item.potId === Number(pot.id) && ballot.points(item.id) > 0);
  return h('section', { class: 'receipt-pot' },
    h('h3', { text: potName(ctx.i18n, pot) }),
    chosen.length
      ? h('ul', {}, chosen.map((item) => h('li', {
        text: vote.ballotType === 'cumulative'
          ? `${item.title} — ${t('vote.item.points', { count: ballot.points(item.id) })}`
          : `${item.title} — ${euros(ctx.i18n, item.cost)}`,
      })))
      : h('p', { class: 'hint', text: t('vote.review.nothing') }));
}
