// #/meetings/{id}/screen — a meeting's live panel on a page of its own, for a screen in the room
// when no presentation is shown.
import { h } from '../dom.js';
import { mountLivePanel } from '../live-panel.js';

export async function meetingScreenPage(ctx, { container, params, signal }) {
  const { t } = ctx.i18n;
  const meeting = await ctx.api.get(`/api/meetings/${params.id}`, { signal }).catch(() => null);
  if (signal.aborted) return {};
  const title = t('live.title');
  container.append(h('h1', { tabindex: '-1', text: title }));
  if (!meeting) {
    container.append(h('p', { text: t('join.unknown') }));
    return { title };
  }
  const aside = h('aside', { id: 'live-panel' });
  container.append(aside);
  const unmount = mountLivePanel(aside, { projectId: meeting.projectId, presentationId: meeting.presentationId, ctx });
  signal.addEventListener('abort', unmount);
  return { title };
}
