// The header's link to the following page, with the unread count in words (not colour only).
import { h } from '../dom.js';

export function unreadLink(ctx) {
  const { t } = ctx.i18n;
  const count = h('span', { class: 'unread-count', id: 'unread-count', hidden: true });
  const link = h('a', { href: '#/following', id: 'following-link' }, t('following.nav'), ' ', count);
  ctx.api.get('/api/following/unread').then(({ unread }) => showUnread(ctx, link, count, unread)).catch(() => {});
  return link;
}

function showUnread(ctx, link, count, unread) {
  if (!unread) return;
  count.hidden = false;
  count.textContent = `(${ctx.i18n.formatNumber(unread)})`;
  link.setAttribute('aria-label', `${ctx.i18n.t('following.nav')}, ${ctx.i18n.t('following.unreadCount', { count: unread })}`);
}
