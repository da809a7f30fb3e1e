// #/projects/{id}/presentations — a project's presentations, to show on a projector; planners also
// start new ones here and go on to compose them.
import { h, append } from '../dom.js';
import { projectForPage, plans } from '../projects.js';
import { field, errorSlot, showErrors, missingFields } from '../forms.js';

export async function presentationsPage(ctx, { container, params, signal }) {
  const { project, page } = await projectForPage(ctx, params.id, container, signal);
  if (!project) return page;
  const { t } = ctx.i18n;
  const title = t('present.list.title', { title: project.properties.title });
  let answer = { presentations: [] };
  try {
    answer = await ctx.api.get(`/api/projects/${project.id}/presentations`, { signal });
  } catch {
    if (signal.aborted) return {};
  }
  const items = answer.presentations.map((p) => h('li', { class: 'presentation-item', dataset: { presentationId: String(p.id) } },
    h('h2', {}, h('a', { href: `#/presentations/${p.id}/show`, class: 'presentation-show', text: p.title })),
    h('p', { class: 'meta', text: t('present.slideCount', { count: p.slideCount }) }),
    plans(ctx) ? h('p', {}, h('a', { href: `#/presentations/${p.id}/edit`, class: 'presentation-edit', text: t('present.editNamed', { title: p.title }) })) : null));

  append(container, [
    h('h1', { tabindex: '-1', text: title }),
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    items.length ? h('ul', { class: 'presentation-list', id: 'presentation-list' }, items)
      : h('p', { id: 'presentation-list', text: t('present.list.none') }),
    plans(ctx) ? createForm(ctx, project) : null,
  ]);
  return { title };
}

function createForm(ctx, project) {
  const { t } = ctx.i18n;
  const input = h('input', { type: 'text', name: 'title', required: true, maxlength: ctx.config?.limits?.maxTitleLength ?? 200 });
  const form = h('form', { class: 'form', id: 'new-presentation', novalidate: true, 'aria-labelledby': 'new-presentation-heading' },
    h('h2', { id: 'new-presentation-heading', text: t('present.new.heading') }),
    field({ id: 'new-presentation-title', label: t('present.new.title'), control: input }),
    errorSlot('new-presentation'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'new-presentation-submit', text: t('present.new.submit') })));
  const routes = [['title', 'new-presentation-title']];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const missing = missingFields([['title', input, t('form.required')]]);
    if (missing) {
      showErrors({ form, error: missing, routes, generalId: 'new-presentation', t });
      return;
    }
    try {
      const created = await ctx.api.post(`/api/projects/${project.id}/presentations`, { title: input.value.trim() });
      ctx.router.go(`#/presentations/${created.id}/edit`);
    } catch (error) {
      showErrors({ form, error, routes, generalId: 'new-presentation', fallbackMessage: t('error.generic'), t });
    }
  });
  return form;
}
