// Photos shown as thumbnails with their alt text, each opening its display size; who uploaded a
// photo may delete it here.
import { h } from '../dom.js';

/**
 * A list of photos (the Photo objects of the API). onDeleted(photo) is called after the owner
 * deleted one; without it no delete buttons are shown.
 */
export function photoGallery({ ctx, photos, onDeleted }) {
  const { t } = ctx.i18n;
  if (!photos?.length) return null;
  const me = ctx.session.account?.id;
  return h('ul', { class: 'photos' }, photos.map((photo) => h('li', { class: 'photo' },
    h('a', { href: photo.urls.display, target: '_blank', rel: 'noopener', title: t('photos.open') },
      h('img', {
        src: photo.urls.thumb, alt: photo.alt, width: photo.thumbWidth, height: photo.thumbHeight, loading: 'lazy',
      })),
    photo.hidden ? h('p', { class: 'hint', text: t('photos.hidden') }) : null,
    onDeleted && me !== undefined && photo.authorId === me
      ? h('button', {
        type: 'button', class: 'secondary photo-delete', text: t('photos.delete'),
        'aria-label': t('photos.deleteLabel', { alt: photo.alt }),
        on: { click: (event) => remove(ctx, photo, event.currentTarget, onDeleted) },
      })
      : null)));
}

async function remove(ctx, photo, button, onDeleted) {
  const { t } = ctx.i18n;
  button.disabled = true;
  try {
    await ctx.api.delete(`/api/photos/${photo.id}`);
    ctx.announce(t('photos.deleted'));
    onDeleted(photo);
  } catch (error) {
    button.disabled = false;
    ctx.announce(error.message || t('error.generic'));
  }
}
