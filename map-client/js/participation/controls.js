// The participation page's controls: boundary set and period (fetched again by the server) and
// the measure and its classification (drawn here), with an error slot beside each field.
import { h } from '../dom.js';
import { MEASURES } from '../measures.js';

export function controlForm({ ctx, state, onChange, onRedraw }) {
  const { t } = ctx.i18n;
  const set = h('select', { id: 'part-set', name: 'set' }, h('option', { value: '', text: t('part.set.default') }));
  const from = h('input', { id: 'part-from', name: 'from', type: 'date', value: state.from });
  const to = h('input', { id: 'part-to', name: 'to', type: 'date', value: state.to });
  const measure = h('select', { id: 'part-measure', name: 'measure' },
    MEASURES.map((m) => h('option', { value: m, text: t(`part.measure.${m}`), selected: m === state.measure })));
  const classification = h('select', { id: 'part-classification', name: 'classification', 'aria-describedby': 'part-classification-hint' },
    ['quantiles', 'jenks'].map((c) => h('option', { value: c, text: t(`part.classification.${c}`), selected: c === state.classification })));
  const errors = {};
  let shownSet = null; // the set the figures are for, also when the server chose it
  const field = (control, label, hint) => {
    errors[control.name] = h('p', { class: 'error', id: `${control.id}-error`, hidden: true });
    return h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control,
      hint ? h('p', { class: 'hint', id: `${control.id}-hint`, text: hint }) : null, errors[control.name]);
  };
  const form = h('form', { class: 'part-controls', id: 'part-controls', 'aria-label': t('part.controls'), on: { submit: (e) => e.preventDefault() } },
    field(set, t('part.set')),
    field(from, t('part.from')),
    field(to, t('part.to')),
    field(measure, t('part.measure')),
    field(classification, t('part.classification'), t('part.classification.hint')));
  // Fetches again only for what the server computes; measure and classes are drawn here.
  set.addEventListener('change', () => { state.set = set.value; onChange(); });
  from.addEventListener('change', () => { state.from = from.value; onChange(); });
  to.addEventListener('change', () => { state.to = to.value; onChange(); });
  measure.addEventListener('change', () => { state.measure = measure.value; onRedraw(); });
  classification.addEventListener('change', () => { state.classification = classification.value; onRedraw(); });
  return {
    form,
    classification,
    async loadSets(signal) {
      try {
        const answer = await ctx.api.get('/api/area-sets', { signal });
        const sets = Array.isArray(answer) ? answer : answer?.sets ?? [];
        const current = state.set || shownSet;
        set.replaceChildren(...sets.map((s) => h('option', { value: s.id, text: setText(t, s) })));
        if (current) set.value = String(current);
      } catch {
        // The default set still works without the list.
      }
    },
    showSet(id) {
      if (id === undefined || id === null) return;
      shownSet = id;
      if (![...set.options].some((o) => o.value === String(id))) return;
      set.value = String(id);
    },
    clearErrors: () => clearErrors(form, errors),
    showErrors: (fields, lang) => showErrors(form, errors, fields, lang),
  };
}

/** A boundary set as an option: its name, year (when it has one) and number of areas. */
function setText(t, s) {
  return s.year === null || s.year === undefined
    ? t('part.set.optionNoYear', { name: s.name, count: s.areaCount ?? s.count ?? 0 })
    : t('part.set.option', { name: s.name, year: String(s.year), count: s.areaCount ?? s.count ?? 0 });
}

function clearErrors(form, errors) {
  for (const [name, slot] of Object.entries(errors)) {
    slot.hidden = true;
    slot.textContent = '';
    const control = form.elements[name];
    control.removeAttribute('aria-invalid');
    if (name === 'classification') control.setAttribute('aria-describedby', 'part-classification-hint');
    else control.removeAttribute('aria-describedby');
  }
}

/** Each message beside its field, in the language it is written in. */
function showErrors(form, errors, fields, lang) {
  for (const [name, message] of Object.entries(fields)) {
    const slot = errors[name];
    if (!slot) continue;
    slot.hidden = false;
    slot.lang = lang;
    slot.textContent = message;
    form.elements[name].setAttribute('aria-invalid', 'true');
    form.elements[name].setAttribute('aria-describedby', slot.id);
  }
}
