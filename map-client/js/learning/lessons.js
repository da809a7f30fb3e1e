// The lessons learned of a round: a numbered list anyone reads; planners add an entry, change one
// in place or remove it, and the list is drawn again from the server's answer.
import { h, uid } from '../dom.js';
import { field, errorSlot, showErrors, missingFields } from '../forms.js';
import { plans } from '../projects.js';

export function lessonsSection(ctx, { projectId, lessons, onChange }) {
  const { t } = ctx.i18n;
  const editing = plans(ctx);
  const list = lessons.length
    ? h('ol', { class: 'lessons', id: 'lessons-list' }, ...lessons.map((lesson) => lessonItem(ctx, lesson, editing, onChange)))
    : h('p', { class: 'empty', id: 'lessons-list', text: t('learning.lessons.none') });
  return [list, editing ? lessonForm(ctx, {
    id: 'lesson-new', label: t('learning.lessons.new'), submit: t('learning.lessons.add'), value: '',
    send: (text) => ctx.api.post(`/api/projects/${projectId}/lessons`, { text }), onDone: onChange,
  }) : null];
}

function lessonItem(ctx, lesson, editing, onChange) {
  const { t } = ctx.i18n;
  const item = h('li', { class: 'lesson' }, h('p', { text: lesson.text }));
  if (!editing) return item;
  const edit = h('button', { type: 'button', class: 'secondary', text: t('learning.lessons.edit') });
  const remove = h('button', { type: 'button', class: 'secondary', text: t('learning.lessons.remove') });
  edit.addEventListener('click', () => {
    item.replaceChildren(lessonForm(ctx, {
      id: uid('lesson-edit'), label: t('learning.lessons.editLabel'), submit: t('learning.lessons.save'), value: lesson.text,
      send: (text) => ctx.api.patch(`/api/lessons/${lesson.id}`, { text }), onDone: onChange,
    }));
    item.querySelector('textarea').focus();
  });
  remove.addEventListener('click', async () => {
    try {
      await ctx.api.delete(`/api/lessons/${lesson.id}`);
      ctx.announce(t('learning.lessons.removed'));
      onChange();
    } catch {
      ctx.announce(t('learning.lessons.failed'));
    }
  });
  item.append(h('p', { class: 'actions' }, edit, ' ', remove));
  return item;
}

function lessonForm(ctx, { id, label, submit, value, send, onDone }) {
  const { t } = ctx.i18n;
  const text = h('textarea', { rows: '3', maxlength: '2000' });
  text.value = value;
  const form = h('form', { class: 'lesson-form', novalidate: true },
    field({ id, label, control: text }),
    errorSlot(`${id}-general`),
    h('button', { type: 'submit', text: submit }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const routes = [['text', id]];
    const missing = missingFields([['text', text, t('error.required')]]);
    if (missing) {
      showErrors({ form, error: missing, routes, generalId: `${id}-general`, fallbackMessage: t('learning.lessons.failed'), t });
      return;
    }
    try {
      await send(text.value);
      ctx.announce(t('learning.lessons.saved'));
      onDone();
    } catch (error) {
      showErrors({ form, error, routes, generalId: `${id}-general`, fallbackMessage: t('learning.lessons.failed'), t });
    }
  });
  return form;
}
