// #/projects/{id}/new — a new proposal: its location (drawn, keyboard-drawn, or chosen without
// the map), title, description and category. Server errors go beside their field.
import { h } from '../dom.js';
import { projectForPage } from '../projects.js';
import { field, errorSlot, showErrors, clearErrors, missingFields } from '../forms.js';
import { createLocationPicker } from '../location-picker.js';

const ROUTES = [
  ['properties.title', 'proposal-title'],
  ['properties.description', 'proposal-description'],
  ['properties.category', 'proposal-category'],
  ['geometry', 'location-fieldset'],
  ['properties.locationMethod', 'location-fieldset'],
];

export async function newProposalPage(ctx, { container, params, signal }) {
  const { project, page } = await projectForPage(ctx, params.id, container, signal);
  if (!project) return page;
  const { t } = ctx.i18n;
  const title = t('newProposal.title', { project: project.properties.title });
  container.append(
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    h('h1', { tabindex: '-1', text: title }));
  if (!ctx.session.signedIn) {
    container.append(h('p', {}, t('newProposal.signInFirst'), ' ', h('a', { href: '#/signin', text: t('header.signIn') })));
    return { title };
  }
  if (!project.properties.open) {
    container.append(h('p', { text: t('newProposal.closed') }));
    return { title };
  }

  const categories = project.properties.categories ?? [];
  const titleInput = h('input', { name: 'title', type: 'text', maxlength: '120', required: true });
  const description = h('textarea', { name: 'description', rows: '6' });
  const category = categories.length
    ? h('select', { name: 'category' }, h('option', { value: '', text: t('newProposal.chooseCategory') }), categories.map((c) => h('option', { value: c, text: c })))
    : h('input', { name: 'category', type: 'text', maxlength: '60' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'proposal-submit', text: t('newProposal.submit') });
  const locationSlot = h('div');
  const form = h('form', { id: 'proposal-form', class: 'form wide', novalidate: true },
    errorSlot('proposal-form'),
    locationSlot,
    field({ id: 'proposal-title', label: t('newProposal.titleLabel'), control: titleInput }),
    field({ id: 'proposal-description', label: t('newProposal.descriptionLabel'), control: description }),
    field({ id: 'proposal-category', label: t('newProposal.categoryLabel'), control: category }),
    submit);
  container.append(form);
  const picker = createLocationPicker({ ctx, project, parent: locationSlot });
  signal.addEventListener('abort', () => picker.destroy());

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const problem = picker.problem();
    const missing = missingFields([['properties.title', titleInput, t('form.required')]]);
    if (problem || missing) {
      const fields = { ...(problem ? { geometry: problem } : {}), ...(missing?.fields ?? {}) };
      showErrors({ form, error: { fields }, routes: ROUTES, generalId: 'proposal-form' });
      return;
    }
    const properties = { title: titleInput.value, description: description.value };
    if (category.value) properties.category = category.value;
    properties.locationMethod = picker.location.method;
    submit.disabled = true;
    try {
      const created = await ctx.api.post(`/api/projects/${project.id}/proposals`, {
        type: 'Feature', geometry: picker.location.geometry, properties,
      });
      ctx.announce(t('newProposal.created'));
      ctx.router.go(`#/proposals/${created.id}`);
    } catch (error) {
      submit.disabled = false;
      showErrors({ form, error, routes: ROUTES, generalId: 'proposal-form', t, fallbackMessage: t('error.generic') });
    }
  });
  return { title };
}
