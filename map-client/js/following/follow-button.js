// A follow/unfollow button for a proposal, work or project: pressed while the person follows it.
// Signed-out people (and meeting guests, who cannot follow) get a link to sign in instead. The work page mounts one in <section id="work-follow">.
import { h } from '../dom.js';

export function followButton({ ctx, kind, id }) {
  const { t } = ctx.i18n;
  const wrapper = h('div', { class: 'follow actions', id: `follow-${kind}` });
  if (!ctx.session.member) {
    wrapper.append(h('a', { href: '#/signin', id: `follow-${kind}-sign-in`, text: t('following.signIn') }));
    return wrapper;
  }
  const path = `/api/following/${kind}/${id}`;
  const button = h('button', { type: 'button', class: 'secondary', id: `follow-${kind}-button`, disabled: true });
  const paint = (following) => {
    button.setAttribute('aria-pressed', String(following));
    button.textContent = following ? t('following.following') : t('following.follow');
    button.dataset.following = String(following);
  };
  paint(false);
  ctx.api.get(path).then((state) => {
    paint(state.following);
    button.disabled = false;
  }).catch(() => { button.disabled = false; });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const following = button.dataset.following === 'true';
      const state = following ? await ctx.api.delete(path) : await ctx.api.put(path);
      paint(state.following);
      ctx.announce(state.following ? t(`following.started.${kind}`) : t(`following.stopped.${kind}`));
    } catch (error) {
      ctx.announce(error.message || t('error.generic'));
    } finally {
      button.disabled = false;
    }
  });
  wrapper.append(button);
  return wrapper;
}

/** Mounts a follow button in a section the page made (the work page's #work-follow). */
export function mountFollowButton({ ctx, kind, id, section }) {
  section.replaceChildren(followButton({ ctx, kind, id }));
}

/**
 * The project's Atom feed: a visible link, and a <link rel="alternate"> in the head (which feed
 * readers and browsers find) for as long as the page is shown.
 */
export function feedLink({ ctx, projectId, signal }) {
  const href = `/feeds/projects/${projectId}.atom`;
  const head = h('link', { rel: 'alternate', type: 'application/atom+xml', href, title: ctx.i18n.t('project.feed') });
  document.head.append(head);
  signal.addEventListener('abort', () => head.remove());
  return h('a', { id: 'feed-link', href, type: 'application/atom+xml', text: ctx.i18n.t('project.feed') });
}
