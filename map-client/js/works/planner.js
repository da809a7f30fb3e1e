// A planner's controls on the work page: add a step to the timeline, and change the team, the
// planned dates and what has been spent. Each form sends to the API and hands the work as it now
// is to onChange; the server's refusals go beside their field. A step may carry a photo (with its
// alt text), uploaded to the new step once the step is written.
import { h } from '../dom.js';
import { field, errorSlot, showErrors, clearErrors } from '../forms.js';
import { STEP_KINDS } from './status.js';
import { photoPicker } from '../photos/picker.js';

const STEP_ROUTES = [['step', 'step-kind'], ['onDate', 'step-date'], ['note', 'step-note']];
const EDIT_ROUTES = [['team', 'work-team'], ['plannedStart', 'work-start'], ['plannedEnd', 'work-end'], ['spent', 'work-spent']];

async function send({ ctx, form, routes, request, done, onChange }) {
  const { t } = ctx.i18n;
  clearErrors(form);
  const submit = form.querySelector('button[type=submit]');
  submit.disabled = true;
  try {
    const work = await request();
    ctx.announce(done);
    onChange(work);
  } catch (error) {
    showErrors({ form, error, routes, generalId: form.id, t, fallbackMessage: t('error.generic') });
  } finally {
    submit.disabled = false;
  }
}

export function stepForm({ ctx, work, onChange }) {
  const { t } = ctx.i18n;
  const kind = h('select', { name: 'step' }, STEP_KINDS.map((k) => h('option', { value: k, text: t(`works.step.${k}`) })));
  const date = h('input', { type: 'date', name: 'onDate', required: true, value: new Date().toISOString().slice(0, 10) });
  const note = h('textarea', { name: 'note', rows: '3', required: true });
  const picker = photoPicker({ ctx, idPrefix: 'step-photo', maxBytes: ctx.config?.limits?.photoMaxBytes });
  const form = h('form', { id: 'step-form', class: 'form', novalidate: true },
    h('h3', { text: t('works.planner.stepHeading') }), errorSlot('step-form'),
    field({ id: 'step-kind', label: t('works.planner.stepKind'), control: kind }),
    field({ id: 'step-date', label: t('works.planner.stepDate'), control: date }),
    field({ id: 'step-note', label: t('works.planner.stepNote'), control: note }),
    picker.element,
    h('button', { type: 'submit', class: 'primary', id: 'step-submit', text: t('works.planner.stepSubmit') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const withPhoto = picker.chosen();
    const problems = withPhoto ? picker.problems() : null;
    if (problems) {
      showErrors({ form, error: { fields: problems }, routes: picker.routes, generalId: form.id, t, fallbackMessage: t('photos.failed') });
      return;
    }
    send({ ctx, form, routes: [...STEP_ROUTES, ...picker.routes], done: t('works.planner.stepAdded'), onChange,
      request: async () => {
        const updated = await ctx.api.post(`/api/works/${work.id}/steps`, { step: kind.value, onDate: date.value, note: note.value });
        if (!withPhoto) return updated;
        const newest = Math.max(...updated.steps.map((s) => s.id));
        try {
          await picker.upload(`/api/work-steps/${newest}/photos`);
        } catch (error) {
          // The step is written: say what became of the photo rather than offer to send the step again.
          ctx.announce(t('works.planner.photoFailed', { reason: error.message || t('photos.failed') }));
          return updated;
        }
        return ctx.api.get(`/api/works/${work.id}`);
      } });
  });
  return form;
}

export function editForm({ ctx, work, onChange }) {
  const { t } = ctx.i18n;
  const team = h('input', { type: 'text', name: 'team', maxlength: '120', value: work.team });
  const start = h('input', { type: 'date', name: 'plannedStart', value: work.plannedStart });
  const end = h('input', { type: 'date', name: 'plannedEnd', value: work.plannedEnd });
  const spent = h('input', { type: 'number', name: 'spent', min: '0', step: '1', inputmode: 'numeric', value: String(work.spent) });
  const form = h('form', { id: 'work-edit-form', class: 'form', novalidate: true },
    h('h3', { text: t('works.planner.editHeading') }), errorSlot('work-edit-form'),
    field({ id: 'work-team', label: t('works.facts.team'), control: team }),
    field({ id: 'work-start', label: t('works.planner.start'), control: start }),
    field({ id: 'work-end', label: t('works.planner.end'), control: end }),
    field({ id: 'work-spent', label: t('works.planner.spent'), control: spent, hint: t('works.planner.spentHint') }),
    h('button', { type: 'submit', class: 'primary', id: 'work-edit-submit', text: t('works.planner.editSubmit') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const amount = Number(spent.value);
    const body = { team: team.value, plannedStart: start.value, plannedEnd: end.value,
      spent: spent.value.trim() !== '' && Number.isInteger(amount) ? amount : spent.value };
    send({ ctx, form, routes: EDIT_ROUTES, done: t('works.planner.saved'), onChange,
      request: () => ctx.api.patch(`/api/works/${work.id}`, body) });
  });
  return form;
}
