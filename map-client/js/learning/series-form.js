// Planners make a round part of a series: choose a series or name a new one, give the round its
// label and position (the order of the rounds), save; or take the round out of its series. The
// server's refusals show beside their field (a taken position is a 409 naming position).
import { h } from '../dom.js';
import { field, errorSlot, showErrors, missingFields } from '../forms.js';

const NEW = 'new';
const MAX_POSITION = 9999;
const ROUTES = [['name', 'series-name'], ['seriesId', 'series-choice'], ['label', 'series-label'],
  ['position', 'series-position']];

/** The form, for a project whose report is `report`, choosing from `list` (GET /api/series). */
export function seriesForm(ctx, { projectId, report, list, onChange }) {
  const { t } = ctx.i18n;
  const current = report.series;
  const round = current?.rounds.find((r) => r.projectId === projectId);
  const controls = seriesControls(ctx, list, current, round);
  const form = h('form', { class: 'series-form', id: 'series-form', novalidate: true },
    h('h3', { text: t('learning.seriesForm.heading') }),
    field({ id: 'series-choice', label: t('learning.seriesForm.series'), control: controls.choice }),
    controls.nameField,
    field({ id: 'series-label', label: t('learning.seriesForm.label'), hint: t('learning.seriesForm.labelHint'), control: controls.label }),
    field({ id: 'series-position', label: t('learning.seriesForm.position'), hint: t('learning.seriesForm.positionHint'), control: controls.position }),
    errorSlot('series-form-general'),
    h('p', { class: 'actions' }, h('button', { type: 'submit', id: 'series-save', text: t('learning.seriesForm.save') }),
      current ? ' ' : null, current ? removeButton(ctx, projectId, onChange) : null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(ctx, { form, controls, projectId, onChange });
  });
  return form;
}

function seriesControls(ctx, list, current, round) {
  const { t } = ctx.i18n;
  const choice = h('select', {},
    h('option', { value: NEW, text: t('learning.seriesForm.newSeries') }),
    ...list.map((s) => h('option', { value: String(s.id), text: s.name })));
  choice.value = current ? String(current.id) : (list.length ? String(list[0].id) : NEW);
  const name = h('input', { type: 'text', maxlength: '200', autocomplete: 'off' });
  const nameField = field({ id: 'series-name', label: t('learning.seriesForm.name'), control: name });
  const showName = () => { nameField.hidden = choice.value !== NEW; };
  choice.addEventListener('change', showName);
  showName();
  const label = h('input', { type: 'text', maxlength: '200', autocomplete: 'off' });
  label.value = round?.label ?? '';
  const position = h('input', { type: 'number', inputmode: 'numeric', min: '0', max: String(MAX_POSITION), step: '1' });
  position.value = round ? String(round.position) : '';
  return { choice, name, nameField, label, position };
}

function localErrors(ctx, { choice, name, label, position }) {
  const { t } = ctx.i18n;
  const checks = [['label', label, t('error.required')], ['position', position, t('error.required')]];
  if (choice.value === NEW) checks.unshift(['name', name, t('error.required')]);
  const missing = missingFields(checks);
  if (missing) return missing;
  const n = Number(position.value);
  if (!Number.isInteger(n) || n < 0 || n > MAX_POSITION) {
    return { fields: { position: t('learning.seriesForm.positionRange', { max: MAX_POSITION }) } };
  }
  return null;
}

async function save(ctx, { form, controls, projectId, onChange }) {
  const { t } = ctx.i18n;
  const fail = (error) => showErrors({ form, error, routes: ROUTES, generalId: 'series-form-general',
    fallbackMessage: t('learning.seriesForm.failed'), t });
  const invalid = localErrors(ctx, controls);
  if (invalid) return fail(invalid);
  try {
    if (controls.choice.value === NEW) {
      const created = await ctx.api.post('/api/series', { name: controls.name.value.trim() });
      // Chosen from now on, so trying again after a refused round makes no second series.
      controls.choice.append(h('option', { value: String(created.id), text: created.name }));
      controls.choice.value = String(created.id);
      controls.nameField.hidden = true;
    }
    await ctx.api.put(`/api/projects/${projectId}/series`, {
      seriesId: Number(controls.choice.value), label: controls.label.value.trim(), position: Number(controls.position.value),
    });
    ctx.announce(t('learning.seriesForm.saved'));
    onChange();
  } catch (error) {
    fail(error?.status === 409 ? { fields: { position: t('learning.seriesForm.positionTaken') } } : error);
  }
}

function removeButton(ctx, projectId, onChange) {
  const { t } = ctx.i18n;
  const button = h('button', { type: 'button', class: 'secondary', id: 'series-remove', text: t('learning.seriesForm.remove') });
  button.addEventListener('click', async () => {
    try {
      await ctx.api.delete(`/api/projects/${projectId}/series`);
      ctx.announce(t('learning.seriesForm.removed'));
      onChange();
    } catch {
      ctx.announce(t('learning.seriesForm.failed'));
    }
  });
  return button;
}
