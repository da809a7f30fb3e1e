// The list of notifications on the following page: newest first, each with a link to what it is
// about, an unread mark in words as well as style, and "more" for older pages.
import { h } from '../dom.js';

const PATHS = { proposal: 'proposals', work: 'works', project: 'projects' };

export function notificationList({ ctx, onNewest }) {
  const { t } = ctx.i18n;
  const list = h('ol', { class: 'notifications', id: 'notification-list' });
  const empty = h('p', { id: 'notifications-empty', hidden: true, text: t('following.noNotifications') });
  const more = h('button', { type: 'button', class: 'secondary', id: 'notifications-more', hidden: true, text: t('list.more') });
  let next = null;
  const show = (page, first) => {
    if (first) {
      list.replaceChildren();
      if (page.notifications.length) onNewest(page.notifications[0].id);
    }
    page.notifications.forEach((n) => list.append(item(ctx, n)));
    empty.hidden = list.children.length > 0;
    next = page.next;
    more.hidden = !next;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      show(await ctx.api.get(next.slice(next.indexOf('/api/'))), false);
    } catch (error) {
      ctx.announce(error.message || t('error.generic'));
    } finally {
      more.disabled = false;
    }
  });
  return { element: h('div', {}, list, empty, more), show };
}

function item(ctx, n) {
  const { t } = ctx.i18n;
  const status = n.status ? t(`following.status.${n.status}`) : '';
  return h('li', { class: n.unread ? 'notification unread' : 'notification', dataset: { id: String(n.id) } },
    n.unread ? h('span', { class: 'badge unread-mark', text: t('following.unread') }) : null,
    h('a', { href: `#/${PATHS[n.kind]}/${n.targetId}`, text: t(`following.event.${n.event}`, { title: n.title, status }) }),
    h('p', { class: 'meta', text: `${n.projectTitle} · ${ctx.i18n.formatDate(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}` }),
    n.detail ? h('p', { class: 'detail', text: n.detail }) : null);
}
