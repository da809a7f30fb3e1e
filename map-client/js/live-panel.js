// The live meeting panel beside a projected presentation: while a meeting on the project is open
// it shows the join code, the QR code, the current question's results and a feed of new comments
// and supports, kept up to date through server-sent events. Planners start and close the meeting
// and ask questions; moderators hide comments (through the ordinary comment hide route) and answers
// to the open question (through the answer hide route), which takes them off every screen.
import { h, append } from './dom.js';
import { createApi } from './api.js';
import { createI18n } from './i18n.js';
import { createSession } from './session.js';

/**
 * mountLivePanel(aside, { presentationId, projectId, ctx, publicView }) — ctx (api, i18n, session) is
 * optional: without one the panel reads the configuration, session and messages itself. publicView:
 * the counts the room may see (a projector), also when a planner runs it; otherwise staff get raw
 * counts. Returns a function that unmounts the panel (closes its event stream).
 */
export function mountLivePanel(aside, options) {
  let unmounted = false;
  let stop = () => {};
  mount(aside, options).then((close) => {
    if (unmounted) close();
    else stop = close;
  });
  return () => {
    unmounted = true;
    stop();
  };
}

async function mount(aside, { presentationId = null, projectId, ctx = null, publicView = false }) {
  const services = ctx ?? await ownServices();
  const { t } = services.i18n;
  const role = services.session.account?.role;
  const panel = {
    aside, services, t, publicView,
    plans: role === 'planner' || role === 'admin',
    moderates: role === 'moderator' || role === 'admin',
  };
  let source = null;
  aside.classList.add('live-panel');
  aside.setAttribute('aria-label', t('live.title'));

  async function show() {
    source?.close();
    source = null;
    const meetings = await services.api.get(`/api/projects/${projectId}/meetings`);
    const open = meetings.find((m) => m.open);
    if (!open) {
      showClosed(panel, meetings.find((m) => !m.open), start);
      return;
    }
    source = showOpen(panel, open, show);
  }

  async function start() {
    await services.api.post(`/api/projects/${projectId}/meetings`, presentationId ? { presentationId } : {});
    await show();
  }

  await show();
  return () => {
    source?.close();
    source = null;
  };
}

/** No meeting open: planners get the start button and the newest closed meeting's record; others nothing. */
function showClosed({ aside, services, t, plans }, last, start) {
  // The newest closed meeting's record, printable, for the council papers.
  aside.hidden = !plans;
  aside.replaceChildren();
  append(aside, [h('h2', { text: t('live.title') }),
    plans ? h('button', { type: 'button', class: 'primary', id: 'live-start', text: t('live.start'),
      on: { click: () => start() } }) : null,
    plans && last ? h('p', {}, h('a', { id: 'live-record', href: `/reports/meetings/${last.id}?lang=${services.i18n.language}`,
      text: t('live.record') })) : null]);
}

/** A meeting open: the room's code and QR code, the question and the feed, kept current; returns the event stream. */
function showOpen(panel, open, show) {
  const { aside, t, plans, moderates, publicView } = panel;
  aside.hidden = false;
  const answers = moderates ? answersControl(panel, open) : null;
  const feed = h('ul', { class: 'live-feed', id: 'live-feed', 'aria-live': 'polite' });
  const question = h('div', { class: 'live-question', id: 'live-question' });
  const attendees = h('p', { class: 'meta', id: 'live-attendees' });
  // What the room needs (the code, the QR code) stays put at the top; the rest scrolls in a
  // region of its own, so opening the chair's controls never moves the code out of view.
  const more = h('div', { class: 'live-more', id: 'live-more' },
    question, h('h3', { text: t('live.feed') }), feed,
    answers?.element, plans ? chairControls(panel, open, show) : null);
  more.addEventListener('toggle', (event) => { if (event.target.open) reveal(more, event.target); }, true);
  aside.replaceChildren(
    h('div', { class: 'live-room', id: 'live-room' },
      h('h2', { text: t('live.title') }),
      h('p', { class: 'live-code' }, t('live.joinAt', { url: open.joinUrl }), ' ',
        h('strong', { id: 'live-code', text: open.code })),
      h('img', { src: `/api/meetings/${open.id}/qr.svg`, class: 'live-qr', width: '200', height: '200',
        alt: t('live.qrAlt', { url: open.joinUrl }) }),
      attendees),
    more);
  const source = new EventSource(`/api/meetings/${open.id}/events${publicView ? '?view=public' : ''}`);
  source.addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    if (!state.meeting.open) {
      show();
      return;
    }
    attendees.textContent = t('live.attendees', { count: String(state.attendees) });
    // A projector draws a pin question's answers on its slide (public pins only).
    aside.dispatchEvent(new CustomEvent('live-pins', {
      detail: { pins: state.question?.kind === 'pin' ? state.question.pins : [] },
    }));
    question.replaceChildren(...questionView(t, state.question));
    feed.replaceChildren(...feedItems(panel, state));
    answers?.refresh();
  });
  return source;
}

function questionView(t, q) {
  if (!q) return [];
  const items = [h('h3', { text: q.prompt }), h('p', { class: 'meta', text: t('live.answers', { count: String(q.answers) }) })];
  if (q.kind === 'choice') {
    items.push(h('ul', { class: 'live-results' }, ...q.results.map((r) =>
      h('li', {}, `${q.options[r.option]}: `, h('strong', { text: String(r.count) })))));
  } else {
    items.push(h('p', { class: 'meta', text: t('live.pins', { count: String(q.pins.length) }) }));
  }
  return items;
}

function feedItems({ aside, services, t, moderates }, state) {
  const reason = aside.querySelector('#live-hide-reason');
  const comments = state.comments.map((c) => h('li', { class: 'live-comment', dataset: { id: c.id } },
    h('strong', { text: c.author }), ` ${t('live.on')} ${c.proposalTitle}: `, h('span', { text: c.body }),
    moderates ? h('button', { type: 'button', class: 'live-hide', text: t('live.hide'),
      'aria-label': t('live.hideLabel', { author: c.author }),
      on: { click: () => services.api.post(`/api/comments/${c.id}/hide`,
        { reason: reason?.value.trim() || t('live.hideReason') }) } }) : null));
  const supports = state.supports.slice(0, 10).map((s) =>
    h('li', { class: 'live-support', text: t('live.supported', { title: s.proposalTitle }) }));
  return [...comments, ...supports];
}

/**
 * For moderators: the open question's newest answers, each with a button that hides it after a
 * confirmation. The panel may show the room the public view, which has no answer ids, so the
 * list reads the raw state itself, while it is unfolded and again at each pushed change.
 */
function answersControl({ aside, services, t, plans }, open) {
  const list = h('ul', { class: 'live-answers', id: 'live-answers-list' });
  const status = h('p', { class: 'meta', role: 'status', id: 'live-answers-status' });
  const summary = h('summary', { text: t('live.answersControl') });
  // The reason goes with the chair's controls when the viewer has them; a moderator alone gets it here.
  const reason = plans ? null : h('p', {}, h('label', { for: 'live-hide-reason', text: t('live.hideReasonLabel') }),
    h('input', { id: 'live-hide-reason', type: 'text', value: t('live.hideReason') }));
  const element = h('details', { class: 'live-controls', id: 'live-answers', on: { toggle: () => refresh() } },
    summary, reason, list, status);
  let asked = 0;

  async function refresh() {
    if (!element.open) return;
    const mine = ++asked;
    const state = await services.api.get(`/api/meetings/${open.id}/live`).catch(() => null);
    if (mine !== asked || !state) return;
    const q = state.question;
    const rows = (q?.latestAnswers ?? []).map((a) => answerItem(q, a));
    list.replaceChildren(...(rows.length ? rows : [h('li', { text: t('live.answersNone') })]));
  }

  function answerItem(q, answer) {
    const label = answer.option !== undefined
      ? t('live.answerChoice', { option: q.options[answer.option] })
      : t(answer.place ? 'live.answerPinAt' : 'live.answerPin', { number: String(answer.number), place: answer.place });
    const time = services.i18n.formatDate(answer.answeredAt, { timeStyle: 'medium' });
    return h('li', { class: 'live-answer', dataset: { id: answer.answerId } },
      h('span', { text: `${time} · ${label}` }),
      h('button', { type: 'button', class: 'live-hide', text: t('live.hide'),
        'aria-label': t('live.hideAnswerLabel', { answer: label }),
        on: { click: () => hide(answer, label) } }));
  }

  async function hide(answer, label) {
    if (!window.confirm(t('live.hideAnswerConfirm', { answer: label }))) return;
    const hideReason = aside.querySelector('#live-hide-reason');
    try {
      await services.api.post(`/api/answers/${answer.answerId}/hide`,
        { reason: hideReason?.value.trim() || t('live.hideReason') });
      status.textContent = t('live.answerHidden', { answer: label });
    } catch (e) {
      status.textContent = e.message;
    }
    // The button goes with the answer; keep keyboard users in the control.
    summary.focus();
    refresh();
  }

  return { element, refresh };
}

/** The chair's controls: ask a question (a choice or a pin) and close the meeting. */
function chairControls({ services, t, moderates }, open, show) {
  const kind = h('select', { id: 'live-kind' }, h('option', { value: 'choice', text: t('live.kindChoice') }),
    h('option', { value: 'pin', text: t('live.kindPin') }));
  const prompt = h('input', { id: 'live-prompt', type: 'text', maxlength: '300' });
  const options = h('textarea', { id: 'live-options', rows: '3' });
  const error = h('p', { class: 'error', role: 'alert' });
  const ask = async (event) => {
    event.preventDefault();
    error.textContent = '';
    const body = { kind: kind.value, prompt: prompt.value.trim() };
    if (kind.value === 'choice') body.options = options.value.split('\n').map((o) => o.trim()).filter(Boolean);
    try {
      await services.api.post(`/api/meetings/${open.id}/questions`, body);
      prompt.value = '';
    } catch (e) {
      error.textContent = e.message;
    }
  };
  // Folded away by default: the room sees the panel, the chair opens the controls when needed.
  return h('details', { class: 'live-controls', id: 'live-controls' }, h('summary', { text: t('live.controls') }),
    moderates ? h('p', {}, h('label', { for: 'live-hide-reason', text: t('live.hideReasonLabel') }),
      h('input', { id: 'live-hide-reason', type: 'text', value: t('live.hideReason') })) : null,
    h('form', { id: 'live-ask', on: { submit: ask } },
      h('h3', { text: t('live.ask') }),
      h('p', {}, h('label', { for: 'live-kind', text: t('live.kind') }), kind),
      h('p', {}, h('label', { for: 'live-prompt', text: t('live.prompt') }), prompt),
      h('p', {}, h('label', { for: 'live-options', text: t('live.options') }), options),
      error, h('button', { type: 'submit', text: t('live.askButton') })),
    h('button', { type: 'button', id: 'live-close', text: t('live.close'),
      on: { click: async () => { await services.api.post(`/api/meetings/${open.id}/close`, {}); show(); } } }));
}

/** Scrolls the region (only the region, never the panel around it) so that an opened part starts at its top. */
function reveal(region, part) {
  region.scrollTop += part.getBoundingClientRect().top - region.getBoundingClientRect().top;
}

async function ownServices() {
  const api = createApi();
  const session = createSession({ api });
  const [config] = await Promise.all([api.get('/api/config').catch(() => ({})), session.refresh()]);
  return { api, session, i18n: await createI18n({ defaultLanguage: config.defaultLanguage }) };
}
