// The review step: what was chosen in each pot with its total, what could still be added, what
// (if anything) stops the ballot from being sent, and the send button. Errors the server finds
// are shown next to what they name: an item (choices[i]), the choices of a pot, the code, the vote.
import { h } from '../dom.js';
import { showErrors } from '../forms.js';
import { euros } from '../format.js';
import { potName, problemText } from './text.js';

export function createReview({ ctx, vote, ballot, onBack, onSend }) {
  const { t } = ctx.i18n;
  const body = h('div', { id: 'vote-review-choices', tabindex: '-1' });
  const problems = h('div', { class: 'vote-problems', id: 'vote-problems' });
  const send = h('button', { type: 'button', class: 'primary', id: 'vote-send', text: t('vote.review.send'), on: { click: () => onSend() } });
  const element = h('section', { class: 'vote-step', id: 'vote-review', 'aria-labelledby': 'vote-review-heading', hidden: true },
    h('h2', { id: 'vote-review-heading', tabindex: '-1', text: t('vote.review.heading') }),
    h('p', { class: 'error', id: 'vote-review-error', hidden: true }),
    body, h('p', { class: 'error', id: 'vote-review-choices-error', hidden: true }), problems,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'vote-back', text: t('vote.review.back'), on: { click: () => onBack() } }), send));

  return {
    element,
    render() {
      body.replaceChildren(...ballot.pots.map((pot) => potReview({ ctx, vote, ballot, pot })));
      const found = ballot.problems();
      problems.replaceChildren(...found.map((problem) => h('p', { class: 'problem', text: problemText(ctx.i18n, problem) })));
      send.hidden = found.length > 0;
    },
    /** The server's refusal beside what it names, in the page's language where the field is known. */
    showErrors({ error, choices, root }) {
      const routes = [['code', 'vote-code'], ['choices', 'vote-review-choices'], ['vote', 'vote-review']];
      choices.forEach((choice, i) => routes.unshift([`choices[${i}]`, `vote-review-item-${choice.itemId}`]));
      showErrors({ form: root, error: localised(ctx, error), routes, generalId: 'vote-review', fallbackMessage: t('error.generic') });
    },
  };
}

function potReview({ ctx, vote, ballot, pot }) {
  const { t } = ctx.i18n;
  const state = ballot.potState(pot);
  const chosen = ballot.items.filter((item) => item.potId === Number(pot.id) && ballot.points(item.id) > 0);
  const line = (item) => h('li', { id: `vote-review-item-${item.id}`, tabindex: '-1', dataset: { itemId: item.id } },
    h('span', { text: item.title }), ' — ', euros(ctx.i18n, item.cost),
    vote.ballotType === 'cumulative' ? ` — ${t('vote.item.points', { count: ballot.points(item.id) })}` : '',
    h('p', { class: 'error', id: `vote-review-item-${item.id}-error`, hidden: true }));
  return h('section', { class: 'review-pot', dataset: { potId: pot.id } },
    h('h3', { text: potName(ctx.i18n, pot) }),
    chosen.length ? h('ul', { class: 'review-choices' }, chosen.map(line)) : h('p', { class: 'hint', text: t('vote.review.nothing') }),
    h('p', { class: 'review-total', text: totalText(ctx, vote, state) }),
    stillPossible({ ctx, vote, ballot, pot, state }));
}

function totalText(ctx, vote, state) {
  const { t } = ctx.i18n;
  const budget = euros(ctx.i18n, state.pot.budget);
  if (vote.ballotType === 'cumulative') return t('vote.review.totalPoints', { count: state.points, points: vote.points });
  if (vote.ballotType === 'knapsack') {
    return t('vote.review.totalKnapsack', { spent: euros(ctx.i18n, state.spent), budget, left: euros(ctx.i18n, state.left) });
  }
  return t('vote.review.totalApproval', { count: state.count, spent: euros(ctx.i18n, state.spent), budget });
}

/** What this pot still allows: items that would still fit (knapsack, approval), or points left to give. */
function stillPossible({ ctx, vote, ballot, pot, state }) {
  const { t } = ctx.i18n;
  if (vote.ballotType === 'cumulative') {
    return state.pointsLeft > 0 ? h('p', { class: 'hint still', text: t('vote.review.pointsLeft', { count: state.pointsLeft }) }) : null;
  }
  const open = ballot.items.filter((item) => item.potId === Number(pot.id) && ballot.points(item.id) === 0 && !ballot.refusal(item));
  if (open.length === 0) return null;
  return h('details', { class: 'still' },
    h('summary', { text: t('vote.review.couldAdd', { count: open.length }) }),
    h('ul', {}, open.map((item) => h('li', { text: `${item.title} — ${euros(ctx.i18n, item.cost)}` }))));
}

/** The server's field errors in the reader's language, where the field says what went wrong. */
function localised(ctx, error) {
  const { t } = ctx.i18n;
  const fields = {};
  for (const [name, detail] of Object.entries(error?.fields ?? {})) {
    if (name === 'code' && /missing|required|empty/.test(detail ?? '')) fields[name] = t('vote.error.codeMissing');
    else if (name === 'code' && error.status !== 409 && /another area|home area/.test(detail ?? '')) fields[name] = t('vote.error.codeArea');
    else if (name === 'code') fields[name] = t(error.status === 409 ? 'vote.error.codeUsed' : 'vote.error.code');
    else if (name === 'vote') fields[name] = t('vote.error.notOpen');
    else if (/^choices\[\d+\]\.itemId$/.test(name)) fields[name] = t('vote.error.item');
    else if (/^choices\[\d+\]/.test(name)) fields[name] = t('vote.error.points');
    else if (name === 'choices') fields[name] = t('vote.error.choices');
    else fields[name] = detail;
  }
  let message = t('error.generic');
  if (error?.status === 401 || error?.status === 403) message = t('vote.error.signIn');
  else if (error?.status === 429) message = t('vote.error.throttled');
  return { fields, message };
}
