// A work's public timeline: its steps as an ordered list, oldest first, each with its date, what
// happened, the note and its photos; a note a moderator hid says so instead (staff still read it,
// marked). onChange is called after a photo's uploader deleted it.
import { h } from '../dom.js';
import { calendarDate } from '../format.js';
import { photoGallery } from '../photos/gallery.js';

export function timeline({ ctx, steps, onChange }) {
  const { t } = ctx.i18n;
  if (steps.length === 0) return h('p', { id: 'work-timeline-empty', text: t('works.timeline.empty') });
  return h('ol', { class: 'work-timeline', id: 'work-timeline' }, steps.map((step) => h('li', { dataset: { stepId: step.id, step: step.step } },
    h('p', {},
      h('time', { datetime: step.onDate, text: calendarDate(ctx.i18n, step.onDate) }), ' · ',
      h('strong', { text: t(`works.step.${step.step}`) })),
    step.note === null
      ? h('p', { class: 'hint', text: t('works.timeline.hidden') })
      : h('p', { class: 'step-note', text: step.note }),
    step.hidden && step.note !== null ? h('p', { class: 'hint', text: t('works.timeline.hiddenForPublic') }) : null,
    photoGallery({ ctx, photos: step.photos, onDeleted: onChange }))));
}
