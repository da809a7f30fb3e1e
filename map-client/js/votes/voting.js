// One ballot on the page, in three steps: the ballot (the map and the list in sync, the running
// meter), the review, and the receipt. Choices are kept as a draft in this browser as they are
// made; sending clears it. With an account the ballot is PUT (and can be changed until closing);
// with a voting code it is POSTed once with the code. A signed-in resident whose area got letters
// sends their letter's code with their first ballot (codeInput in 'account' mode), then no more.
import { h } from '../dom.js';
import { viewSwitch } from '../blocks.js';
import { createBallot } from './ballot.js';
import { createMeter } from './meter.js';
import { createItemList } from './list.js';
import { createItemMap } from './map-layer.js';
import { createReview } from './review.js';
import { createReceipt } from './receipt.js';
import { saveDraft, clearDraft } from './draft.js';
import { refusalText, rulesText, dateTime } from './text.js';

/**
 * Shows the ballot in `host`. editable: false lists the items only (a vote not open, or a person
 * who has not signed in or given a code). mode: 'account' or 'code' (then codeInput holds the code;
 * in 'account' mode codeInput is given only when the first ballot needs the letter's code).
 */
export function mountBallot({ ctx, host, root, vote, items, project, pots, editable, mode, codeInput, initial, draft }) {
  const { t } = ctx.i18n;
  const ballot = createBallot({ vote, items, pots: editable ? pots : vote.pots });
  const meter = editable ? createMeter({ ctx, vote, ballot }) : null;
  const onRefused = (item, refused) => meter?.say(refusalText(ctx.i18n, item, refused));
  let itemMap = null;
  const list = createItemList({
    ctx, vote, ballot, items: editable ? ballot.items : items, pots: editable ? pots : vote.pots, editable, onRefused,
    onShow: (item) => itemMap?.show(item), onHighlight: (item, on) => itemMap?.highlight(item, on),
  });
  const mapElement = h('div', { id: 'vote-map', class: 'vote-map' });
  const split = h('div', { class: 'split vote-split' }, mapElement, list.element);
  const review = createReview({ ctx, vote, ballot, onBack: () => show('ballot'), onSend: send });
  const receipt = createReceipt({ ctx, vote, ballot, canChange: mode === 'account', onChange: () => show('ballot') });
  const draftNote = draftNotice({ ctx, draft, onDiscard: () => { ballot.set(initial); clearDraft(vote.id); draftNote.hidden = true; } });
  const step = h('section', { class: 'vote-step', id: 'vote-ballot', 'aria-labelledby': 'vote-ballot-heading' },
    h('h2', { id: 'vote-ballot-heading', tabindex: '-1', text: t(editable ? 'vote.ballot.heading' : 'vote.items.heading') }),
    editable ? h('p', { class: 'hint', id: 'vote-rules', text: rulesText(ctx.i18n, vote) }) : null,
    editable ? draftNote : null, meter?.element,
    viewSwitch({ ctx, idPrefix: 'vote-view', onChange: (listOnly) => { split.classList.toggle('list-only', listOnly); if (!listOnly) itemMap.invalidate(); } }),
    split,
    editable ? h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'vote-to-review', text: t('vote.ballot.toReview'), on: { click: () => show('review') } })) : null);
  host.replaceChildren(step, review.element, receipt.element);
  itemMap = createItemMap({ ctx, element: mapElement, project, vote, ballot, items: editable ? ballot.items : items,
    pots: editable ? pots : vote.pots, editable, onRefused });

  ballot.set(draft?.choices ?? initial);
  list.update();
  itemMap.update();
  ballot.onChange(() => {
    list.update();
    itemMap.update();
    saveDraft(vote.id, ballot.entries());
  });

  function show(which) {
    step.hidden = which !== 'ballot';
    review.element.hidden = which !== 'review';
    receipt.element.hidden = which !== 'receipt';
    if (which === 'review') review.render();
    if (which === 'ballot') itemMap.invalidate();
    document.getElementById(`vote-${which}-heading`)?.focus();
  }

  async function send() {
    const choices = ballot.entries();
    const code = codeInput ? codeInput.value.trim() : '';
    if (codeInput && !code) {
      review.showErrors({ error: { fields: { code: 'missing' }, status: 422 }, choices, root });
      return;
    }
    try {
      const answer = mode === 'code'
        ? await ctx.api.post(`/api/votes/${vote.id}/code-ballots`, { code, choices })
        : await ctx.api.put(`/api/votes/${vote.id}/ballot`, code ? { code, choices } : { choices });
      if (mode === 'account' && codeInput) {
        // The letter's code confirmed the first ballot; changes to it need none.
        codeInput.closest('#vote-code-panel')?.setAttribute('hidden', '');
        codeInput = null;
      }
      clearDraft(vote.id);
      draftNote.hidden = true;
      receipt.render(answer);
      show('receipt');
      ctx.announce(t('vote.receipt.sent'));
    } catch (error) {
      review.showErrors({ error, choices, root });
    }
  }

  return { ballot, destroy() { itemMap.destroy(); }, entries: () => ballot.entries() };
}

function draftNotice({ ctx, draft, onDiscard }) {
  const { t } = ctx.i18n;
  return h('div', { class: 'draft-note', id: 'vote-draft-note', hidden: !draft },
    h('p', { text: t('vote.draft.restored', { at: dateTime(ctx.i18n, draft?.savedAt) }) }),
    h('button', { type: 'button', id: 'vote-draft-discard', class: 'secondary', text: t('vote.draft.discard'), on: { click: onDiscard } }));
}

