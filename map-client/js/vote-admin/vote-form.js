// The form that sets up a budget vote: title, description, ballot type with its limits or points,
// the rule (each with one line in plain language), opening and closing times, the city-wide pot,
// and pots per area of a boundary set (an amount per area, or one amount for every area). It
// reads the body POST /api/projects/{id}/votes takes; the server's refusals show beside the field
// they name (areaBudgets[2].budget beside the third area's amount).
import { h } from '../dom.js';
import { field, errorSlot } from '../forms.js';

const TYPES = ['knapsack', 'approval', 'cumulative'];
const RULES = ['greedy', 'equal_shares'];

/** Field names of the API → ids of the controls; areaBudgets[i] are added per area when sent. */
const ROUTES = [
  ['title', 'vote-title'],
  ['description', 'vote-description'],
  ['ballotType', 'vote-ballot-type'],
  ['minItems', 'vote-min-items'],
  ['maxItems', 'vote-max-items'],
  ['points', 'vote-points'],
  ['maxPointsPerItem', 'vote-max-points'],
  ['rule', 'vote-rule'],
  ['opensAt', 'vote-opens'],
  ['closesAt', 'vote-closes'],
  ['cityBudget', 'vote-city-budget'],
  ['areaSetId', 'vote-area-set'],
  ['budgetPerArea', 'vote-budget-per-area'],
  ['areaBudgets', 'vote-area-budgets'],
];

const numberInput = (name, min) => h('input', { type: 'number', name, min, step: '1', inputmode: 'numeric' });

/** A datetime-local value (the reader's clock) a number of days from now, at the hour. */
function localInput(daysAhead) {
  const at = new Date(Date.now() + daysAhead * 86400000);
  at.setMinutes(0, 0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:00`;
}

function ruleChoices(t) {
  const radios = RULES.map((rule, i) => {
    const id = `vote-rule-${rule}`;
    const key = rule === 'equal_shares' ? 'equalShares' : 'greedy';
    const input = h('input', { type: 'radio', name: 'rule', id, value: rule, checked: i === 0, 'aria-describedby': `${id}-explain` });
    return h('div', { class: 'check rule-choice' }, input,
      h('label', { for: id, text: t(`voteAdmin.rule.${key}`) }),
      h('p', { class: 'hint', id: `${id}-explain`, text: t(`voteAdmin.rule.${key}.explain`) }));
  });
  return h('fieldset', { id: 'vote-rule', 'aria-describedby': 'vote-rule-error' },
    h('legend', { text: t('voteAdmin.form.rule') }), radios, errorSlot('vote-rule'));
}

function typeFields(t) {
  const type = h('select', { name: 'ballotType' }, TYPES.map((v) => h('option', { value: v, text: t(`voteAdmin.type.${v}`) })));
  const minItems = numberInput('minItems', 0);
  const maxItems = numberInput('maxItems', 1);
  const points = numberInput('points', 1);
  const maxPoints = numberInput('maxPointsPerItem', 1);
  const limits = h('div', { class: 'vote-limits', id: 'vote-limits' },
    field({ id: 'vote-min-items', label: t('voteAdmin.form.minItems'), control: minItems, hint: t('voteAdmin.form.minItemsHint') }),
    field({ id: 'vote-max-items', label: t('voteAdmin.form.maxItems'), control: maxItems, hint: t('voteAdmin.form.maxItemsHint') }));
  const pointFields = h('div', { class: 'vote-limits', id: 'vote-point-fields' },
    field({ id: 'vote-points', label: t('voteAdmin.form.points'), control: points }),
    field({ id: 'vote-max-points', label: t('voteAdmin.form.maxPoints'), control: maxPoints, hint: t('voteAdmin.form.maxPointsHint') }));
  const typeHint = h('p', { class: 'hint', id: 'vote-type-explain', 'aria-live': 'polite' });
  const sync = () => {
    limits.hidden = type.value !== 'approval';
    pointFields.hidden = type.value !== 'cumulative';
    typeHint.textContent = t(`voteAdmin.type.${type.value}.explain`);
  };
  type.addEventListener('change', sync);
  sync();
  return {
    type, minItems, maxItems, points, maxPoints,
    elements: [field({ id: 'vote-ballot-type', label: t('voteAdmin.form.ballotType'), control: type }), typeHint, limits, pointFields],
  };
}

/** The boundary set, and per area an amount (or one amount for all of them). */
function areaFields({ ctx, sets, signal }) {
  const { t } = ctx.i18n;
  const set = h('select', { name: 'areaSetId' }, h('option', { value: '', text: t('voteAdmin.form.noAreaSet') }),
    sets.map((s) => h('option', { value: String(s.id), text: s.year ? `${s.name} (${s.year})` : s.name })));
  const same = h('input', { type: 'radio', name: 'areaMode', id: 'vote-mode-same', value: 'same', checked: true });
  const each = h('input', { type: 'radio', name: 'areaMode', id: 'vote-mode-each', value: 'each' });
  const perArea = numberInput('budgetPerArea', 0);
  const table = h('div', { id: 'vote-area-budgets', tabindex: '-1', class: 'area-budgets' });
  const areaInputs = [];
  const mode = h('fieldset', { id: 'vote-area-mode', hidden: true }, h('legend', { text: t('voteAdmin.form.areaPots') }),
    h('div', { class: 'check' }, same, h('label', { for: 'vote-mode-same', text: t('voteAdmin.form.sameForAll') })),
    h('div', { class: 'check' }, each, h('label', { for: 'vote-mode-each', text: t('voteAdmin.form.perArea') })),
    field({ id: 'vote-budget-per-area', label: t('voteAdmin.form.budgetPerArea'), control: perArea, hint: t('voteAdmin.form.euroHint') }),
    table, errorSlot('vote-area-budgets'));
  const sync = () => {
    perArea.closest('.field').hidden = !same.checked;
    table.hidden = !each.checked;
  };
  same.addEventListener('change', sync);
  each.addEventListener('change', sync);
  set.addEventListener('change', async () => {
    mode.hidden = !set.value;
    areaInputs.length = 0;
    table.replaceChildren();
    if (!set.value) return;
    const areas = await ctx.api.get('/api/areas', { query: { set: set.value }, signal }).then((c) => c.features).catch(() => []);
    areas.sort((a, b) => String(a.properties.name).localeCompare(String(b.properties.name), ctx.i18n.language));
    for (const area of areas) {
      const input = numberInput(`area-${area.id}`, 0);
      input.dataset.areaId = String(area.id);
      areaInputs.push(input);
      table.append(field({ id: `vote-area-budget-${area.id}`, label: area.properties.name, control: input }));
    }
  });
  sync();
  return { set, same, perArea, areaInputs, elements: [field({ id: 'vote-area-set', label: t('voteAdmin.form.areaSet'), control: set, hint: t('voteAdmin.form.areaSetHint') }), mode] };
}

export function createVoteForm({ ctx, sets, signal }) {
  const { t } = ctx.i18n;
  const title = h('input', { type: 'text', name: 'title', maxlength: '200', required: true });
  const description = h('textarea', { name: 'description', rows: '4' });
  const types = typeFields(t);
  const opens = h('input', { type: 'datetime-local', name: 'opensAt', value: localInput(7) });
  const closes = h('input', { type: 'datetime-local', name: 'closesAt', value: localInput(35) });
  const city = numberInput('cityBudget', 0);
  const areas = areaFields({ ctx, sets, signal });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'vote-submit', text: t('voteAdmin.form.submit') });
  const form = h('form', { id: 'vote-form', class: 'form wide', novalidate: true, 'aria-labelledby': 'vote-form-heading' },
    h('h2', { id: 'vote-form-heading', text: t('voteAdmin.form.heading') }),
    errorSlot('vote-form'),
    field({ id: 'vote-title', label: t('voteAdmin.form.title'), control: title }),
    field({ id: 'vote-description', label: t('voteAdmin.form.description'), control: description }),
    ...types.elements,
    ruleChoices(t),
    h('div', { class: 'vote-limits' },
      field({ id: 'vote-opens', label: t('voteAdmin.form.opensAt'), control: opens }),
      field({ id: 'vote-closes', label: t('voteAdmin.form.closesAt'), control: closes })),
    field({ id: 'vote-city-budget', label: t('voteAdmin.form.cityBudget'), control: city, hint: t('voteAdmin.form.cityBudgetHint') }),
    ...areas.elements,
    submit);
  return { form, submit, read: () => readVote({ form, title, description, types, opens, closes, city, areas }) };
}

const whole = (input) => (input.value.trim() === '' ? undefined : Number(input.value));
const instant = (input) => {
  const at = input.value ? new Date(input.value) : null;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : undefined;
};

/** The body the API takes, and the error routes for it (one per area amount sent). */
function readVote({ form, title, description, types, opens, closes, city, areas }) {
  const body = {
    title: title.value.trim(),
    description: description.value.trim(),
    ballotType: types.type.value,
    rule: form.querySelector('input[name="rule"]:checked')?.value,
    opensAt: instant(opens),
    closesAt: instant(closes),
    cityBudget: whole(city) ?? 0,
  };
  if (body.ballotType === 'approval') Object.assign(body, { minItems: whole(types.minItems), maxItems: whole(types.maxItems) });
  if (body.ballotType === 'cumulative') Object.assign(body, { points: whole(types.points), maxPointsPerItem: whole(types.maxPoints) });
  const routes = [];
  if (areas.set.value) {
    body.areaSetId = Number(areas.set.value);
    if (areas.same.checked) body.budgetPerArea = whole(areas.perArea);
    else {
      const given = areas.areaInputs.filter((input) => input.value.trim() !== '' && Number(input.value) > 0);
      body.areaBudgets = given.map((input) => ({ areaId: Number(input.dataset.areaId), budget: Number(input.value) }));
      given.forEach((input, i) => routes.push([`areaBudgets[${i}]`, input.id]));
    }
  }
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return { body, routes: [...routes, ...ROUTES] };
}
