// #/presentations/{id}/show[/{n}] — the projector: one slide at a time filling the screen, in a
// high-contrast theme with large type. Presenter clickers send PageUp/PageDown, keyboards the
// arrows, Home and End; on-screen buttons do the same. "o" (or the button) opens an overview of
// all slides, Escape closes it. The slide number is kept in the address (without a new history
// entry per slide), so a reload stays on the slide. The live-meeting panel mounts in the aside.
import { h } from '../dom.js';
import { mountSlide } from '../slide-view.js';
import { loadProject, plans } from '../projects.js';
import { mountLivePanel } from '../live-panel.js';
import { loadPresentation } from '../presentations.js';

const NEXT = new Set(['ArrowRight', 'PageDown']);
const PREVIOUS = new Set(['ArrowLeft', 'PageUp']);

export async function projectorPage(ctx, { container, params, signal }) {
  const { t } = ctx.i18n;
  const { presentation, page } = await loadPresentation(ctx, params.id, container, signal);
  if (!presentation) return page;
  const project = await loadProject(ctx, presentation.projectId, signal);
  if (signal.aborted || !project) return {};
  const slides = presentation.slides;
  let index = Math.min(Math.max(0, (Number(params.n) || 1) - 1), Math.max(0, slides.length - 1));
  let shown = null;
  let livePins = [];
  const ui = projectorLayout(ctx, presentation, {
    previous: () => go(index - 1),
    next: () => go(index + 1),
    overview: () => openOverview(),
    fullscreen: () => toggleFullscreen(ctx, ui.root),
    contrast: () => toggleContrast(ui),
    choose: (i) => { closeOverview(); go(i); },
    close: () => closeOverview(),
  });
  const { root, stage, counter, live, overview } = ui;
  document.body.classList.add('projector-mode');
  container.append(root);

  function show(i) {
    shown?.destroy();
    shown = null;
    index = i;
    counter.dataset.n = String(i + 1);
    counter.dataset.total = String(slides.length);
    counter.textContent = t('present.counter', { n: i + 1, total: slides.length });
    ui.previous.disabled = i === 0;
    ui.next.disabled = i >= slides.length - 1;
    if (!slides.length) {
      stage.replaceChildren(emptySlide(t, presentation));
      counter.textContent = '';
      return;
    }
    shown = mountSlide({ ctx, container: stage, project, slide: slides[i], headingId: 'slide-title' });
    shown.showPins(livePins);
    history.replaceState(null, '', `#/presentations/${presentation.id}/show/${i + 1}`);
  }

  function go(i) {
    const target = Math.min(Math.max(0, i), slides.length - 1);
    if (target === index || !slides.length) return;
    show(target);
    ctx.announce(t('present.announce', { n: target + 1, total: slides.length, title: slides[target].title }));
  }

  const opener = overviewOpener(overview, ui.overviewButton);
  const openOverview = () => opener.open(index);
  const closeOverview = () => opener.close();
  const onFullscreenChange = () => {
    ui.fullscreen.setAttribute('aria-pressed', String(document.fullscreenElement === root));
    shown?.refit();
  };
  const onKey = keyHandler({ overview, openOverview, closeOverview, go, index: () => index, last: slides.length - 1 });

  // Pins answering the meeting's open question are drawn on whichever slide is shown.
  live.addEventListener('live-pins', (event) => {
    livePins = event.detail.pins;
    shown?.showPins(livePins);
  });
  document.addEventListener('keydown', onKey);
  document.addEventListener('fullscreenchange', onFullscreenChange);
  const refit = refitOnResize(stage, () => shown?.refit());
  const unmountLive = mountLivePanel(live, { presentationId: presentation.id, projectId: presentation.projectId, ctx, publicView: true });
  signal.addEventListener('abort', () => {
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('fullscreenchange', onFullscreenChange);
    refit.stop();
    document.body.classList.remove('projector-mode');
    if (document.fullscreenElement === root) document.exitFullscreen();
    shown?.destroy();
    shown = null;
    if (typeof unmountLive === 'function') unmountLive();
  });
  show(index);
  return { title: presentation.title };
}

/** The stage, the controls beside it (each with its keys), the live panel's aside and the overview. */
function projectorLayout(ctx, presentation, on) {
  const { t } = ctx.i18n;
  const stage = h('div', { class: 'projector-stage', id: 'projector-stage' });
  const counter = h('p', { class: 'slide-counter', id: 'slide-counter' });
  const button = (id, text, onClick, extra = {}) => h('button', { type: 'button', id, text, on: { click: onClick }, ...extra });
  const previous = button('slide-previous', t('present.previous'), on.previous, { 'aria-keyshortcuts': 'ArrowLeft PageUp' });
  const next = button('slide-next', t('present.next'), on.next, { 'aria-keyshortcuts': 'ArrowRight PageDown' });
  const overviewButton = button('overview-button', t('present.overview'), on.overview, { 'aria-keyshortcuts': 'O', 'aria-haspopup': 'dialog' });
  const fullscreen = button('fullscreen-button', t('present.fullscreen'), on.fullscreen, { 'aria-pressed': 'false', hidden: !document.fullscreenEnabled });
  const contrast = button('contrast-button', t('present.contrast'), on.contrast, { 'aria-pressed': 'true' });
  const live = h('aside', { id: 'live-panel', class: 'live-panel', 'aria-label': t('present.live'), hidden: true });
  const overview = overviewDialog({ ctx, slides: presentation.slides, onChoose: on.choose, onClose: on.close });
  const root = h('div', { class: 'projector theme-contrast', id: 'projector' },
    stage,
    h('nav', { class: 'projector-controls', 'aria-label': t('present.controls') },
      previous, counter, next, overviewButton, fullscreen, contrast,
      plans(ctx) ? h('a', { href: `#/presentations/${presentation.id}/edit`, id: 'edit-link', text: t('present.edit') }) : null),
    live,
    overview.element);
  return { root, stage, counter, previous, next, overviewButton, fullscreen, contrast, live, overview };
}

/** Opening the overview remembers where focus was; closing it returns there (or to its button). */
function overviewOpener(overview, fallback) {
  let returnFocus = null;
  return {
    open(index) {
      returnFocus = document.activeElement;
      overview.open(index);
    },
    close() {
      overview.close();
      (returnFocus?.isConnected && !returnFocus.disabled ? returnFocus : fallback).focus();
    },
  };
}

function emptySlide(t, presentation) {
  return h('div', { class: 'slide-frame slide-empty' },
    h('div', { class: 'slide-caption' },
      h('h1', { class: 'slide-title', id: 'slide-title', tabindex: '-1', text: presentation.title }),
      h('p', { class: 'slide-text', text: t('present.noSlides') })));
}

function toggleFullscreen(ctx, root) {
  if (document.fullscreenElement) document.exitFullscreen();
  else root.requestFullscreen().catch(() => ctx.announce(ctx.i18n.t('present.fullscreenRefused')));
}

function toggleContrast({ root, contrast }) {
  const on = root.classList.toggle('theme-contrast');
  contrast.setAttribute('aria-pressed', String(on));
}

/** Clickers and keyboards: next, previous, first, last, and the overview (which Escape closes). */
function keyHandler({ overview, openOverview, closeOverview, go, index, last }) {
  return (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest?.('input, textarea, select')) return;
    if (overview.isOpen()) {
      if (event.key === 'Escape' || event.key === 'o' || event.key === 'O') {
        event.preventDefault();
        closeOverview();
      }
      return;
    }
    const actions = {
      Home: () => go(0),
      End: () => go(last),
      o: openOverview,
      O: openOverview,
    };
    const action = NEXT.has(event.key) ? () => go(index() + 1)
      : PREVIOUS.has(event.key) ? () => go(index() - 1) : actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
}

/**
 * The slide fits its map again whenever its room changes (the live panel comes or goes, the
 * window is resized), so the saved extent stays in view.
 */
function refitOnResize(stage, refit) {
  let refitFrame = 0;
  const resized = new ResizeObserver(() => {
    cancelAnimationFrame(refitFrame);
    refitFrame = requestAnimationFrame(refit);
  });
  resized.observe(stage);
  return {
    stop() {
      resized.disconnect();
      cancelAnimationFrame(refitFrame);
    },
  };
}

/** The overview: every slide's number and title as a button; a modal dialog that keeps focus. */
function overviewDialog({ ctx, slides, onChoose, onClose }) {
  const { t } = ctx.i18n;
  const items = slides.map((slide, i) => h('li', {},
    h('button', { type: 'button', class: 'overview-slide', dataset: { index: String(i) }, on: { click: () => onChoose(i) } },
      h('span', { class: 'overview-number', text: ctx.i18n.formatNumber(i + 1) }),
      h('span', { class: 'overview-title', text: slide.title }))));
  const close = h('button', { type: 'button', id: 'overview-close', text: t('present.closeOverview'), on: { click: onClose } });
  const element = h('div', {
    class: 'slide-overview', id: 'slide-overview', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'overview-heading', hidden: true,
  },
  h('h2', { id: 'overview-heading', text: t('present.overviewHeading', { count: slides.length }) }),
  h('ol', { class: 'overview-list' }, items),
  close);
  // Tab stays inside the open dialog.
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [...element.querySelectorAll('button')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  return {
    element,
    isOpen: () => !element.hidden,
    open(current) {
      element.hidden = false;
      items.forEach((li, i) => {
        const b = li.firstChild;
        if (i === current) b.setAttribute('aria-current', 'true');
        else b.removeAttribute('aria-current');
      });
      (items[current]?.firstChild ?? close).focus();
    },
    close() { element.hidden = true; },
  };
}
