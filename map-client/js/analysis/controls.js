// The analysis page's controls: the layer chooser, the filters every method shares, and each
// method's parameters (only those that apply to the other choices shown), each field with its
// hint and a slot for the server's refusal beside it.
import { h } from '../dom.js';
import { STATUSES } from '../projects.js';
import { METHODS, FILTERS, LAYERS, DEFAULT_WEIGHTS } from './methods.js';

export function controlForm({ ctx, project, sets, state, onLayer, onApply }) {
  const { t } = ctx.i18n;
  const errors = {}; // method (or 'filters') → field → { control, slot, hintId }
  const fieldsets = {};
  const showFieldset = () => {
    for (const [method, fieldset] of Object.entries(fieldsets)) fieldset.hidden = method !== state.layer;
  };
  const chooser = layerChooser(t, state, () => { showFieldset(); onLayer(); });
  errors.filters = {};
  const filters = filterFieldset({ ctx, project, state, errorsOf: errors.filters });
  const setIds = sets.map((s) => String(s.id));
  const options = optionsFor(ctx, sets);
  for (const [method, { fields }] of Object.entries(METHODS)) {
    errors[method] = {};
    const values = state.values[method];
    if (fields.some((f) => f.sets) && !setIds.includes(String(values.set))) values.set = setIds.at(-1) ?? '';
    fieldsets[method] = methodFieldset({ ctx, method, fields, values, options, errorsOf: errors[method], hidden: method !== state.layer });
  }
  const form = h('form', {
    class: 'analysis-controls', id: 'an-controls', novalidate: true, 'aria-label': t('analysis.controls'),
    on: { submit: (e) => { e.preventDefault(); onApply(); } },
  }, chooser, filters, Object.values(fieldsets), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'an-apply', text: t('analysis.apply') })));
  return {
    form,
    clearErrors: () => clearErrors(errors),
    /** Shows each refusal next to its field; true when at least one had a field here. */
    showErrors: (method, fields) => showErrors(t, errors, method, fields),
  };
}

function layerChooser(t, state, onChange) {
  const radios = LAYERS.map((layer) => h('div', { class: 'radio' },
    h('input', {
      type: 'radio', name: 'layer', id: `an-layer-${layer}`, value: layer, checked: layer === state.layer,
      on: { change: () => { state.layer = layer; onChange(); } },
    }),
    h('label', { for: `an-layer-${layer}`, text: t(`analysis.layer.${layer}`) })));
  return h('fieldset', { class: 'layer-chooser', id: 'an-layers' }, h('legend', { text: t('analysis.layers') }), radios);
}

/** The options of a choice: the boundary sets, or the field's choices for the values chosen so far. */
function optionsFor(ctx, sets) {
  const { t } = ctx.i18n;
  const setText = (s) => (s.year === null || s.year === undefined
    ? t('analysis.set.optionNoYear', { name: s.name })
    : t('analysis.set.option', { name: s.name, year: String(s.year) }));
  const choiceText = (name, c) => (name === 'alpha'
    ? ctx.i18n.formatNumber(Number(c), { minimumFractionDigits: 2 })
    : t(`analysis.${name}.${c}`));
  return (field, values) => (field.sets
    ? (sets.length
      ? sets.map((s) => h('option', { value: String(s.id), text: setText(s), selected: String(values.set) === String(s.id) }))
      : [h('option', { value: '', text: t('analysis.set.none') })])
    : field.choices(values).map((c) => h('option', { value: c, text: choiceText(field.name, c), selected: values[field.name] === c })));
}

/** One labelled control with its hint and a slot for the server's refusal. */
function fieldRow({ id, name, label, hint, control, onValue, errorsOf }) {
  const hintId = `${id}-hint`;
  control.setAttribute('aria-describedby', hintId);
  control.addEventListener('input', () => onValue(control.value));
  control.addEventListener('change', () => onValue(control.value));
  const slot = h('p', { class: 'error', id: `${id}-error`, hidden: true });
  errorsOf[name] = { control, slot, hintId };
  return h('div', { class: 'field', id: `${id}-field` },
    h('label', { for: id, text: label }),
    control,
    h('p', { class: 'hint', id: hintId, text: hint }),
    slot);
}

/** Filters: one set for every method, remembered with the rest. */
function filterFieldset({ ctx, project, state, errorsOf }) {
  const { t } = ctx.i18n;
  const categories = project.properties.categories ?? [];
  const filterControls = {
    category: h('select', { id: 'an-filter-category', name: 'category' },
      h('option', { value: '', text: t('filter.anyCategory') }),
      categories.map((c) => h('option', { value: c, text: c, selected: state.filters.category === c }))),
    status: h('select', { id: 'an-filter-status', name: 'status' },
      h('option', { value: '', text: t('filter.anyStatus') }),
      STATUSES.map((s) => h('option', { value: s, text: t(`status.${s}`), selected: state.filters.status === s }))),
    from: h('input', { id: 'an-filter-from', name: 'from', type: 'date', value: state.filters.from }),
    to: h('input', { id: 'an-filter-to', name: 'to', type: 'date', value: state.filters.to }),
    locations: h('select', { id: 'an-filter-locations', name: 'locations' },
      ['all', 'once'].map((c) => h('option', { value: c, text: t(`analysis.locations.${c}`), selected: state.filters.locations === c }))),
  };
  return h('fieldset', { class: 'analysis-fields', id: 'an-filters' },
    h('legend', { text: t('analysis.filters') }),
    FILTERS.map(({ name }) => fieldRow({
      id: `an-filter-${name}`, name, label: t(`analysis.filter.${name}`), hint: t(`analysis.hint.filter.${name}`),
      control: filterControls[name], errorsOf,
      onValue: (value) => { state.filters[name] = value; },
    })));
}

/** A method's parameters, grouped (units, neighbours) where they belong together. */
function methodFieldset({ ctx, method, fields, values, options, errorsOf, hidden }) {
  const { t } = ctx.i18n;
  const rows = {};
  const groups = {};
  const children = [];
  for (const field of fields) {
    const id = `an-${method}-${field.name}`;
    const control = field.sets || field.choices
      ? h('select', { id, name: field.name }, options(field, values))
      : h('input', {
        id, name: field.name, type: 'number', inputmode: 'decimal', min: field.min, max: field.max, step: field.step,
        value: values[field.name], placeholder: field.value === '' ? t('analysis.field.automatic') : null,
      });
    rows[field.name] = fieldRow({
      id, name: field.name, label: t(`analysis.field.${field.name}`), hint: t(`analysis.hint.${method}.${field.name}`),
      control, errorsOf,
      onValue: (value) => {
        if (values[field.name] === value) return;
        values[field.name] = value;
        // Areas start with contiguity, hexagons with a distance band.
        if (field.name === 'unit') values.weights = DEFAULT_WEIGHTS[value] ?? values.weights;
        refresh();
      },
    });
    if (!field.group) {
      children.push(rows[field.name]);
    } else if (groups[field.group]) {
      groups[field.group].append(rows[field.name]);
    } else {
      groups[field.group] = h('fieldset', { class: 'analysis-group', id: `an-${method}-${field.group}` },
        h('legend', { text: t(`analysis.group.${field.group}`) }), rows[field.name]);
      children.push(groups[field.group]);
    }
  }
  /** Shows only the fields that apply, and the weights the chosen units allow. */
  function refresh() {
    for (const field of fields) {
      const { control } = errorsOf[field.name];
      if (field.choices) {
        const allowed = field.choices(values);
        if (!allowed.includes(values[field.name])) values[field.name] = allowed.includes(field.value) ? field.value : allowed[0];
        const shown = [...control.options].map((o) => o.value);
        if (shown.join() !== allowed.join()) control.replaceChildren(...options(field, values));
        control.value = values[field.name];
      }
      rows[field.name].hidden = Boolean(field.only && !field.only(values));
    }
  }
  refresh();
  return h('fieldset', { class: 'analysis-fields', id: `an-fields-${method}`, hidden },
    h('legend', { text: t('analysis.parameters', { method: t(`analysis.layer.${method}`) }) }), children);
}

function clearErrors(errors) {
  for (const byField of Object.values(errors)) {
    for (const { control, slot, hintId } of Object.values(byField)) {
      slot.hidden = true;
      slot.replaceChildren();
      control.removeAttribute('aria-invalid');
      control.setAttribute('aria-describedby', hintId);
    }
  }
}

function showErrors(t, errors, method, fields) {
  let shown = false;
  for (const [name, message] of Object.entries(fields)) {
    const own = errors[method][name];
    const entry = own ?? errors.filters[name];
    if (!entry) continue;
    shown = true;
    // The reader's language first, then the server's own words, which are in English.
    entry.slot.replaceChildren(
      h('span', { text: t(own ? `analysis.error.${method}.${name}` : `analysis.error.filter.${name}`) }), ' ',
      h('span', { lang: 'en', class: 'server-message', text: t('analysis.error.server', { message }) }));
    entry.slot.hidden = false;
    entry.control.setAttribute('aria-invalid', 'true');
    entry.control.setAttribute('aria-describedby', `${entry.slot.id} ${entry.hintId}`);
  }
  return shown;
}
