// The project page's block about its budget votes: each vote with its status, its countdown and a
// link to it. Nothing is shown for a project without votes.
import { h } from '../dom.js';
import { isAbort } from '../api.js';
import { countdown, statusBadge } from './countdown.js';
import { euros } from '../format.js';

export function voteBlock({ ctx, projectId, signal }) {
  const { t } = ctx.i18n;
  const list = h('ul', { class: 'vote-list', id: 'project-votes-list' });
  const element = h('section', { class: 'vote-block', id: 'project-votes', 'aria-labelledby': 'project-votes-heading', hidden: true },
    h('h2', { id: 'project-votes-heading', text: t('vote.block.heading') }), list);
  (async () => {
    try {
      const data = await ctx.api.get(`/api/projects/${projectId}/votes`, { signal });
      const votes = data?.votes ?? [];
      list.replaceChildren(...votes.map((vote) => h('li', { class: 'vote-card', dataset: { voteId: vote.id } },
        h('a', { href: `#/votes/${vote.id}`, class: 'vote-link', text: vote.title }),
        h('p', { class: 'meta' }, statusBadge(ctx.i18n, vote), ' ', t('vote.block.budget', { budget: euros(ctx.i18n, vote.budget) })),
        countdown({ ctx, vote, signal }))));
      element.hidden = votes.length === 0;
    } catch (error) {
      // The project page stands without its votes; they are one link away from the project list.
      if (!isAbort(error)) element.hidden = true;
    }
  })();
  return element;
}
