// What the person follows, each with a link and a button to stop following it.
import { h } from '../dom.js';

const PATHS = { proposal: 'proposals', work: 'works', project: 'projects' };

export function followsList({ ctx, follows }) {
  const { t } = ctx.i18n;
  if (!follows.length) return h('p', { id: 'follows-empty', text: t('following.nothingFollowed') });
  return h('ul', { class: 'follows', id: 'follows-list' }, follows.map((f) => followItem(ctx, f)));
}

function followItem(ctx, f) {
  const { t } = ctx.i18n;
  const label = t(`following.kind.${f.kind}`);
  const button = h('button', {
    type: 'button', class: 'secondary', text: t('following.stop'),
    'aria-label': t('following.stopNamed', { title: f.title }),
  });
  const row = h('li', {}, h('span', { class: 'badge', text: label }), ' ',
    h('a', { href: `#/${PATHS[f.kind]}/${f.id}`, text: f.title }), ' ', button);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await ctx.api.delete(`/api/following/${f.kind}/${f.id}`);
      ctx.announce(t(`following.stopped.${f.kind}`));
      row.remove();
    } catch (error) {
      button.disabled = false;
      ctx.announce(error.message || t('error.generic'));
    }
  });
  return row;
}
