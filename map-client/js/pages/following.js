// #/following — my notifications (newest first, unread marked), what I follow, and e-mail.
import { h } from '../dom.js';
import { notificationList } from '../following/notifications.js';
import { followsList } from '../following/follows.js';
import { emailSettings } from '../following/email-settings.js';

export async function followingPage(ctx, { container, signal }) {
  const { t } = ctx.i18n;
  const title = t('following.title');
  container.append(h('h1', { tabindex: '-1', text: title }));
  if (!ctx.session.member) {
    container.append(h('p', {}, h('a', { href: '#/signin', text: t('following.signIn') })));
    return { title };
  }
  let view;
  try {
    view = await ctx.api.get('/api/following', { signal });
  } catch {
    if (signal.aborted) return {};
    container.append(h('p', { role: 'alert', text: t('error.generic') }));
    return { title };
  }
  let newest = 0;
  const status = h('p', { role: 'status', id: 'unread-status', text: t('following.unreadCount', { count: view.unread }) });
  const markRead = h('button', { type: 'button', id: 'mark-read', class: 'secondary', text: t('following.markRead'), disabled: !view.unread });
  const notifications = notificationList({ ctx, onNewest: (id) => { newest = id; } });
  notifications.show(view, true);
  markRead.addEventListener('click', async () => {
    try {
      const { unread } = await ctx.api.post('/api/following/read', { upTo: newest });
      container.querySelectorAll('.notification.unread').forEach((li) => {
        li.classList.remove('unread');
        li.querySelector('.unread-mark')?.remove();
      });
      status.textContent = t('following.unreadCount', { count: unread });
      markRead.disabled = !unread;
      document.getElementById('unread-count')?.setAttribute('hidden', '');
    } catch (error) {
      ctx.announce(error.message || t('error.generic'));
    }
  });
  container.append(
    h('section', { 'aria-labelledby': 'notifications-heading' },
      h('h2', { id: 'notifications-heading', text: t('following.notificationsHeading') }),
      status, h('p', { class: 'actions' }, markRead), notifications.element),
    h('section', { 'aria-labelledby': 'follows-heading' },
      h('h2', { id: 'follows-heading', text: t('following.followsHeading') }),
      followsList({ ctx, follows: view.follows })),
    emailSettings({ ctx, email: view.email }));
  return { title };
}
