// #/presentations/{id}/edit — the composer: rename the presentation; add, edit and delete slides;
// move them up and down with buttons (keyboard and touch alike, no dragging needed); preview a
// slide as the projector shows it. Planners only write; the server refuses anyone else.
import { h, append } from '../dom.js';
import { destroyMap } from '../map.js';
import { loadProject, plans } from '../projects.js';
import { loadPresentation } from '../presentations.js';
import { field, errorSlot, showErrors, clearErrors, missingFields } from '../forms.js';
import { mountSlide } from '../slide-view.js';
import { createSlideForm, SLIDE_ERROR_ROUTES } from '../slide-form.js';

async function choices(ctx, projectId, signal) {
  const [proposals, sets] = await Promise.all([
    ctx.api.get('/api/proposals', { query: { project: projectId, limit: 200 }, signal }).then((c) => c.features).catch(() => []),
    ctx.api.get('/api/area-sets', { signal }).then((a) => (Array.isArray(a) ? a : a?.sets ?? [])).catch(() => []),
  ]);
  return { proposals, sets };
}

export async function composerPage(ctx, { container, params, signal }) {
  let { presentation, page } = await loadPresentation(ctx, params.id, container, signal);
  if (!presentation) return page;
  const project = await loadProject(ctx, presentation.projectId, signal);
  const { proposals, sets } = await choices(ctx, presentation.projectId, signal);
  if (signal.aborted || !project) return {};
  const { t } = ctx.i18n;
  const view = {
    heading: h('h1', { tabindex: '-1' }),
    status: h('p', { role: 'status', id: 'composer-status', class: 'list-status' }),
    list: h('ol', { class: 'slide-list', id: 'slide-list' }),
    previewSlot: h('div', { class: 'slide-preview theme-contrast', id: 'slide-preview' },
      h('p', { class: 'hint', text: t('present.previewHint') })),
  };
  const { heading, list, previewSlot } = view;
  let preview = null;

  const slideForm = createSlideForm({
    ctx, project, proposals, sets,
    onSubmit: (submitted) => saveSlide(ctx, slideForm, presentation, reload, submitted),
    onCancel: () => { clearErrors(slideForm.form); slideForm.fill(null); },
    onPreview: showPreview,
  });
  const rename = renameForm(ctx, presentation, (renamed) => { presentation = renamed; render(); });
  append(container, layout(ctx, project, presentation, view, rename, slideForm));
  slideForm.attach();

  function render(focus) {
    heading.textContent = t('present.composeTitle', { title: presentation.title });
    const slides = presentation.slides;
    view.status.textContent = t('present.slideCount', { count: slides.length });
    list.replaceChildren(...slides.map((slide, i) => slideItem(t, slide, i, slides.length, {
      move: () => move(i, -1),
      moveDown: () => move(i, 1),
      edit: () => { clearErrors(slideForm.form); slideForm.fill(slide); slideForm.form.querySelector('#slide-title-input').focus(); },
      preview: () => showPreview(slide),
      remove: async () => { if (await removeSlide(ctx, slide)) { await reload(); heading.focus(); } },
    })));
    if (focus) list.querySelector(`[data-slide-id="${focus.id}"] .${focus.action}:not(:disabled)`)?.focus();
  }

  async function move(i, step) {
    const ids = presentation.slides.map((s) => s.id);
    const [moved] = ids.splice(i, 1);
    ids.splice(i + step, 0, moved);
    try {
      presentation = await ctx.api.put(`/api/presentations/${presentation.id}/order`, { slideIds: ids });
      render({ id: moved, action: step < 0 ? 'move-up' : 'move-down' });
      // At the top or bottom the pressed button is disabled: focus stays on the slide's other move.
      if (!list.contains(document.activeElement)) list.querySelector(`[data-slide-id="${moved}"] .move-up:not(:disabled), [data-slide-id="${moved}"] .move-down`)?.focus();
      ctx.announce(t('present.moved', { title: presentation.slides[i + step].title, n: i + step + 1 }));
    } catch {
      await reload();
      ctx.announce(t('present.moveFailed'));
    }
  }

  async function reload() {
    presentation = await ctx.api.get(`/api/presentations/${presentation.id}`);
    render();
  }

  function showPreview(slide) {
    preview?.destroy();
    preview = mountSlide({ ctx, container: previewSlot, project, slide, heading: 'h3', headingId: 'preview-title' });
    previewSlot.scrollIntoView({ block: 'nearest' });
  }

  signal.addEventListener('abort', () => {
    preview?.destroy();
    if (slideForm.map) destroyMap(slideForm.map);
  });
  render();
  return { title: t('present.composeTitle', { title: presentation.title }) };
}

function layout(ctx, project, presentation, { heading, status, list, previewSlot }, rename, slideForm) {
  const { t } = ctx.i18n;
  return [
    heading,
    plans(ctx) ? null : h('p', { class: 'view-note', id: 'planners-only', text: t('present.plannersOnly') }),
    h('p', { class: 'actions' },
      h('a', { href: `#/projects/${project.id}/presentations`, text: t('present.backToList') }),
      h('a', { class: 'button', id: 'open-projector', href: `#/presentations/${presentation.id}/show`, text: t('present.openProjector') })),
    rename,
    h('div', { class: 'composer-layout' },
      h('section', { class: 'composer-slides', 'aria-labelledby': 'slides-heading' },
        h('h2', { id: 'slides-heading', text: t('present.slides') }), status, list,
        h('section', { 'aria-labelledby': 'preview-heading' },
          h('h2', { id: 'preview-heading', text: t('present.preview') }), previewSlot)),
      slideForm.form)];
}

/** A slide in the list, with its buttons (each naming the slide for screen readers). */
function slideItem(t, slide, i, total, on) {
  const named = (text) => [text, h('span', { class: 'visually-hidden', text: `: ${slide.title}` })];
  const button = (action, text, onClick, disabled = false) => h('button', { type: 'button', class: action, disabled, on: { click: onClick } }, named(text));
  return h('li', { class: 'slide-item', dataset: { slideId: String(slide.id) } },
    h('p', { class: 'slide-item-title' }, h('span', { class: 'slide-position', text: `${i + 1}.` }), ' ', h('span', { class: 'slide-name', text: slide.title })),
    h('p', { class: 'meta', text: Object.keys(slide.view.layers).map((name) => t(`present.layer.${name}`)).join(' · ') }),
    h('div', { class: 'actions' },
      button('move-up', t('present.moveUp'), on.move, i === 0),
      button('move-down', t('present.moveDown'), on.moveDown, i === total - 1),
      button('edit', t('present.editButton'), on.edit),
      button('preview', t('present.previewButton'), on.preview),
      button('delete', t('present.deleteButton'), on.remove)));
}

/** Deletes a slide once confirmed; false when the reader thought better of it. */
async function removeSlide(ctx, slide) {
  const { t } = ctx.i18n;
  if (!window.confirm(t('present.confirmDelete', { title: slide.title }))) return false;
  try {
    await ctx.api.delete(`/api/slides/${slide.id}`);
    ctx.announce(t('present.deleted', { title: slide.title }));
  } catch {
    ctx.announce(t('error.generic'));
  }
  return true;
}

async function saveSlide(ctx, slideForm, presentation, reload, { body, slide }) {
  const { t } = ctx.i18n;
  const form = slideForm.form;
  const missing = missingFields([['title', form.querySelector('#slide-title-input'), t('form.required')]]);
  if (missing) {
    showErrors({ form, error: missing, routes: SLIDE_ERROR_ROUTES, generalId: 'slide-form', t });
    return;
  }
  try {
    const saved = slide
      ? await ctx.api.patch(`/api/slides/${slide.id}`, body)
      : await ctx.api.post(`/api/presentations/${presentation.id}/slides`, body);
    clearErrors(form);
    await reload();
    slideForm.fill(null);
    ctx.announce(t(slide ? 'present.saved' : 'present.added', { title: saved.title }));
  } catch (error) {
    showErrors({ form, error, routes: SLIDE_ERROR_ROUTES, generalId: 'slide-form', fallbackMessage: t('error.generic'), t });
  }
}

/** Renames the presentation; onRenamed gets the presentation as the server returned it. */
function renameForm(ctx, presentation, onRenamed) {
  const { t } = ctx.i18n;
  const input = h('input', { type: 'text', required: true, value: presentation.title, maxlength: ctx.config?.limits?.maxTitleLength ?? 200 });
  const form = h('form', { class: 'form rename-form', id: 'rename-form', novalidate: true, 'aria-label': t('present.rename') },
    field({ id: 'presentation-title', label: t('present.presentationTitle'), control: input }),
    errorSlot('rename'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'rename-submit', text: t('present.rename') })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const routes = [['title', 'presentation-title']];
    const missing = missingFields([['title', input, t('form.required')]]);
    if (missing) {
      showErrors({ form, error: missing, routes, generalId: 'rename', t });
      return;
    }
    try {
      const renamed = await ctx.api.patch(`/api/presentations/${presentation.id}`, { title: input.value.trim() });
      clearErrors(form);
      onRenamed(renamed);
      ctx.announce(t('present.renamed'));
    } catch (error) {
      showErrors({ form, error, routes, generalId: 'rename', fallbackMessage: t('error.generic'), t });
    }
  });
  return form;
}
