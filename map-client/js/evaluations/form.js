// The evaluation form of a finished work: the rating as five labelled radio buttons (1 poor to
// 5 very good), what works and what does not, and an optional pin. Sending replaces the person's
// earlier evaluation; "withdraw" takes it back.
import { h } from '../dom.js';
import { field, errorSlot, showErrors, clearErrors } from '../forms.js';
import { createEvaluationPin } from './pin.js';
import { RATINGS } from './figures.js';

const MAX_TEXT = 2000;
const ROUTES = [['rating', 'evaluation-rating'], ['worksWell', 'evaluation-works-well'],
  ['notWorking', 'evaluation-not-working'], ['pin', 'evaluation-pin'], ['pinUsed', 'evaluation-pin'],
  ['work', 'evaluation-form']];

/** Builds the form inside `parent`; onSaved is called after a send or a withdrawal. */
export function createEvaluationForm({ ctx, workId, project, own, parent, onSaved }) {
  const { t } = ctx.i18n;
  const worksWell = h('textarea', { name: 'worksWell', rows: '3', maxlength: String(MAX_TEXT) });
  const notWorking = h('textarea', { name: 'notWorking', rows: '3', maxlength: String(MAX_TEXT) });
  worksWell.value = own?.worksWell ?? '';
  notWorking.value = own?.notWorking ?? '';
  const rating = ratingChoice(t, own?.rating);
  const withdraw = own
    ? h('button', { type: 'button', id: 'evaluation-withdraw', class: 'secondary', text: t('evaluations.withdraw') })
    : null;
  const form = h('form', { id: 'evaluation-form', class: 'form', novalidate: true, 'aria-labelledby': 'evaluation-form-heading' },
    h('h3', { id: 'evaluation-form-heading', text: own ? t('evaluations.formChange') : t('evaluations.formHeading') }),
    errorSlot('evaluation-form'),
    rating.element,
    field({ id: 'evaluation-works-well', label: t('evaluations.worksWell'), control: worksWell }),
    field({ id: 'evaluation-not-working', label: t('evaluations.notWorking'), control: notWorking }));
  parent.append(form);
  const pin = createEvaluationPin({ ctx, project, parent: form, initial: own });
  form.append(h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary', id: 'evaluation-submit', text: t('evaluations.submit') }), withdraw));
  const fail = (error) => showErrors({ form, error, routes: ROUTES, generalId: 'evaluation-form', t,
    fallbackMessage: t('error.generic') });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!rating.value()) {
      fail({ fields: { rating: t('evaluations.ratingRequired') } });
      return;
    }
    const body = { rating: rating.value(), worksWell: worksWell.value, notWorking: notWorking.value, ...pin.value() };
    try {
      await ctx.api.put(`/api/works/${workId}/evaluation`, body);
      ctx.announce(t('evaluations.saved'));
      onSaved();
    } catch (error) {
      fail(error);
    }
  });
  withdraw?.addEventListener('click', async () => {
    try {
      await ctx.api.delete(`/api/works/${workId}/evaluation`);
      ctx.announce(t('evaluations.withdrawn'));
      onSaved();
    } catch (error) {
      fail(error);
    }
  });
  return { element: form, destroy: () => pin.destroy() };
}

/** The rating as a group of five radio buttons, each with its words. */
function ratingChoice(t, initial) {
  const inputs = RATINGS.map((r) => h('input', {
    type: 'radio', name: 'rating', id: `evaluation-rating-${r}`, value: r, checked: String(initial) === r,
  }));
  const element = h('fieldset', { id: 'evaluation-rating', class: 'choices rating',
    'aria-describedby': 'evaluation-rating-error' },
  h('legend', { text: t('evaluations.ratingLegend') }),
  inputs.map((input, i) => h('div', { class: 'radio' }, input,
    h('label', { for: input.id, text: t(`evaluations.rating.${RATINGS[i]}`) }))),
  errorSlot('evaluation-rating'));
  return {
    element,
    value: () => {
      const checked = inputs.find((input) => input.checked);
      return checked ? Number(checked.value) : null;
    },
  };
}
