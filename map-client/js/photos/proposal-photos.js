// A proposal's photos: its thumbnails for everyone, and for its author (while the project is open)
// the form that adds one.
import { h } from '../dom.js';
import { errorSlot, showErrors, clearErrors } from '../forms.js';
import { photoGallery } from './gallery.js';
import { photoPicker } from './picker.js';

export function proposalPhotos({ ctx, proposal, canAdd }) {
  const { t } = ctx.i18n;
  let photos = [...(proposal.properties.photos ?? [])];
  if (!photos.length && !canAdd) return { element: null, destroy() {} };
  const holder = h('div', { id: 'proposal-photos' });
  const render = () => {
    holder.replaceChildren(photoGallery({ ctx, photos, onDeleted: removed }) ?? h('p', { class: 'hint', text: t('photos.none') }));
  };
  const removed = (photo) => {
    photos = photos.filter((p) => p.id !== photo.id);
    render();
  };
  render();
  const picker = canAdd ? photoPicker({ ctx, idPrefix: 'proposal-photo', maxBytes: ctx.config?.limits?.photoMaxBytes }) : null;
  const form = picker ? addForm({ ctx, proposal, picker, onAdded: (photo) => { photos.push(photo); render(); } }) : null;
  return {
    element: h('section', { 'aria-labelledby': 'photos-heading', class: 'photos-section' },
      h('h2', { id: 'photos-heading', text: t('photos.heading') }), holder, form),
    destroy() { picker?.destroy(); },
  };
}

function addForm({ ctx, proposal, picker, onAdded }) {
  const { t } = ctx.i18n;
  const form = h('form', { id: 'proposal-photo-form', class: 'form', novalidate: true },
    errorSlot('proposal-photo-form'),
    picker.element,
    h('button', { type: 'submit', class: 'primary', id: 'proposal-photo-submit', text: t('photos.add') }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const problems = picker.problems();
    const report = (error) => showErrors({
      form, error, routes: picker.routes, generalId: 'proposal-photo-form', t, fallbackMessage: t('photos.failed'),
    });
    if (problems) {
      report({ fields: problems });
      return;
    }
    const submit = form.querySelector('#proposal-photo-submit');
    submit.disabled = true;
    try {
      const photo = await picker.upload(`/api/proposals/${proposal.id}/photos`);
      picker.clear();
      onAdded(photo);
      ctx.announce(t('photos.added'));
    } catch (error) {
      report(error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
