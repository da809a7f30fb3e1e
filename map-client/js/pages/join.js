// #/join/{code} — a phone in the meeting room: join with a display name (and, if one likes, a
// neighbourhood; never an address), then comment on and support the project's proposals and
// answer the question on the screen. A pin question is answered on a map or, without it, by
// choosing one of the project's places from a list.
import { h } from '../dom.js';
import { field, errorSlot, showErrors, clearErrors } from '../forms.js';
import { areaSelect } from '../areas.js';
import L from '../leaflet.js';
import { createMap, destroyMap, addProjectArea, COLOURS } from '../map.js';

export async function joinPage(ctx, { container, params, signal }) {
  const { t } = ctx.i18n;
  const title = t('join.title');
  container.append(h('h1', { tabindex: '-1', text: title }));
  const code = params.code.toUpperCase();
  if (!ctx.session.signedIn) {
    const name = h('input', { type: 'text', name: 'displayName', maxlength: '80', required: true, autocomplete: 'nickname' });
    const area = await areaSelect({ ctx, signal });
    if (signal.aborted) return {};
    const form = h('form', { id: 'join-form', class: 'form', novalidate: true },
      errorSlot('join-form'),
      h('p', { text: t('join.intro', { code }) }),
      field({ id: 'join-name', label: t('join.name'), hint: t('join.nameHint'), control: name }),
      field({ id: 'join-area', label: t('account.homeArea'), hint: t('join.areaHint'), control: area }),
      h('button', { type: 'submit', class: 'primary', id: 'join-submit', text: t('join.submit') }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      try {
        await ctx.api.post('/api/meetings/join', { code, displayName: name.value.trim(),
          homeAreaId: area.value ? Number(area.value) : null });
        await ctx.session.refresh();
        ctx.router.refresh();
      } catch (error) {
        showErrors({ form, error, routes: [['displayName', 'join-name'], ['homeAreaId', 'join-area']],
          generalId: 'join-form', t, fallbackMessage: t('error.generic') });
      }
    });
    container.append(form);
    return { title };
  }
  let joined;
  try {
    joined = await ctx.api.post('/api/meetings/join', { code }, { signal });
  } catch (error) {
    container.append(h('p', { role: 'alert', text: error.message }));
    return { title };
  }
  const meeting = joined.meeting;
  const question = h('section', { id: 'join-question', 'aria-live': 'polite' });
  const list = h('ul', { class: 'cards', id: 'join-proposals' });
  container.append(question, h('h2', { text: t('join.proposals') }), list);
  const proposals = await ctx.api.get('/api/proposals', { query: { project: meeting.projectId, limit: 200 }, signal });
  list.append(...proposals.features.map((p) => proposalCard(ctx, meeting, p)));
  const places = await ctx.api.get(`/api/projects/${meeting.projectId}/places`, { signal }).catch(() => ({ features: [] }));
  const project = await ctx.api.get(`/api/projects/${meeting.projectId}`, { signal });
  let shownQuestion = null;
  let pinMap = null;
  signal.addEventListener('abort', () => pinMap && destroyMap(pinMap));
  const source = new EventSource(`/api/meetings/${meeting.id}/events`);
  signal.addEventListener('abort', () => source.close());
  source.addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    const q = state.meeting.open ? state.question : null;
    if ((q?.id ?? null) === shownQuestion) return;
    shownQuestion = q?.id ?? null;
    if (pinMap) destroyMap(pinMap);
    pinMap = null;
    question.replaceChildren(...(q ? questionForm(ctx, meeting, q, places.features ?? []) : []));
    if (q?.kind === 'pin') pinMap = pinOnMap(ctx, project, question);
  });
  return { title };
}

function proposalCard(ctx, meeting, proposal) {
  const { t } = ctx.i18n;
  const id = proposal.id;
  const body = h('textarea', { id: `join-comment-${id}`, rows: '2', maxlength: '5000' });
  const status = h('p', { class: 'meta', role: 'status' });
  const comment = h('form', { class: 'join-comment', on: { submit: async (event) => {
    event.preventDefault();
    try {
      await ctx.api.post(`/api/meetings/${meeting.id}/proposals/${id}/comments`, { body: body.value.trim() });
      body.value = '';
      status.textContent = t('join.commented');
    } catch (error) {
      status.textContent = error.message;
    }
  } } }, h('label', { for: `join-comment-${id}`, text: t('join.comment') }), body,
  h('button', { type: 'submit', text: t('join.send') }));
  const support = h('button', { type: 'button', 'aria-pressed': String(Boolean(proposal.properties.supportedByMe)),
    text: t('join.support'), on: { click: async () => {
      const on = support.getAttribute('aria-pressed') !== 'true';
      const path = `/api/meetings/${meeting.id}/proposals/${id}/support`;
      try {
        const result = on ? await ctx.api.put(path, {}) : await ctx.api.delete(path);
        support.setAttribute('aria-pressed', String(result.supported));
        status.textContent = t('join.supportCount', { count: result.supportCount });
      } catch (error) {
        status.textContent = error.message;
      }
    } } });
  return h('li', { class: 'card' }, h('h3', { text: proposal.properties.title }), support, comment, status);
}

function questionForm(ctx, meeting, q, places) {
  const { t } = ctx.i18n;
  const status = h('p', { class: 'meta', role: 'status' });
  const name = `join-answer-${q.id}`;
  const choices = q.kind === 'choice'
    ? q.options.map((option, i) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name, value: String(i) }), ` ${option}`))
    : [h('label', { for: name, text: t('join.place') }),
      h('select', { id: name, on: { change: () => { delete form.dataset.pin; } } },
        h('option', { value: '', text: t('join.placeNone') }),
        ...places.map((p) => h('option', { value: JSON.stringify(p.geometry.coordinates), text: p.properties.name })))];
  const form = h('form', { id: 'join-answer', on: { submit: async (event) => {
    event.preventDefault();
    let body;
    if (q.kind === 'choice') {
      const picked = form.querySelector(`input[name="${name}"]:checked`);
      if (!picked) return;
      body = { choice: Number(picked.value) };
    } else {
      const select = form.querySelector('select');
      const pinned = form.dataset.pin;
      if (!pinned && !select.value) return;
      body = { geometry: { type: 'Point', coordinates: JSON.parse(pinned || select.value) } };
    }
    try {
      await ctx.api.put(`/api/meetings/${meeting.id}/questions/${q.id}/answer`, body);
      status.textContent = t('join.answered');
    } catch (error) {
      status.textContent = error.message;
    }
  } } }, h('fieldset', {}, h('legend', { text: q.prompt }), ...choices), h('button', { type: 'submit', text: t('join.answer') }), status);
  return [h('h2', { text: t('join.question') }), form];
}

/** A map of the project area in the question's form: a tap or click puts the pin (it wins over the list until the list changes). */
function pinOnMap(ctx, project, question) {
  const { t } = ctx.i18n;
  const form = question.querySelector('#join-answer');
  const element = h('div', { class: 'join-pin-map', id: 'join-pin-map' });
  const hint = h('p', { class: 'hint', text: t('join.pinHint') });
  form.querySelector('fieldset').prepend(hint, element);
  const map = createMap({ element, ctx, label: t('join.pinMap') });
  addProjectArea({ map, project });
  let marker = null;
  map.on('click', ({ latlng }) => {
    marker?.remove();
    marker = L.circleMarker(latlng, { color: COLOURS.highlight, radius: 10 }).addTo(map);
    form.dataset.pin = JSON.stringify([Number(latlng.lng.toFixed(7)), Number(latlng.lat.toFixed(7))]);
    form.querySelector('select').value = '';
  });
  return map;
}
