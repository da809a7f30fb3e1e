// Choosing a photo: a file field that also opens a phone's camera, a required alt text with its
// label, hint and error, a preview, and the upload's progress. The server decides what it takes;
// the picker checks only what it can say at once (a file and an alt text, the size).
import { h } from '../dom.js';
import { field } from '../forms.js';

const MAX_ALT = 500;

/** A fieldset for one photo; idPrefix keeps its ids apart from another picker on the page. */
export function photoPicker({ ctx, idPrefix, maxBytes }) {
  const { t } = ctx.i18n;
  const input = h('input', { type: 'file', name: 'file', accept: 'image/*' });
  const alt = h('textarea', { name: 'alt', rows: '2', maxlength: String(MAX_ALT) });
  const preview = h('img', { class: 'photo-preview', alt: '', hidden: true });
  const progress = h('progress', { id: `${idPrefix}-progress`, max: '1', value: '0', hidden: true,
    'aria-label': t('photos.progress') });
  const clearButton = h('button', { type: 'button', class: 'secondary', hidden: true, text: t('photos.remove') });
  let previewUrl = null;

  const showPreview = () => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    const file = input.files?.[0];
    previewUrl = file ? URL.createObjectURL(file) : null;
    preview.hidden = !file;
    clearButton.hidden = !file;
    if (file) preview.src = previewUrl;
    else preview.removeAttribute('src');
  };
  input.addEventListener('change', showPreview);
  // The preview shows the alt text being written, so what a screen reader would say is what it shows.
  alt.addEventListener('input', () => { preview.alt = alt.value; });
  const clear = () => {
    input.value = '';
    alt.value = '';
    progress.hidden = true;
    showPreview();
  };
  clearButton.addEventListener('click', () => { clear(); input.focus(); });

  const element = h('fieldset', { class: 'photo-picker', id: `${idPrefix}-fieldset` },
    h('legend', { text: t('photos.legend') }),
    field({ id: `${idPrefix}-file`, label: t('photos.file'), control: input,
      hint: t('photos.fileHint', { size: Math.round(maxBytes / (1024 * 1024)) }) }),
    field({ id: `${idPrefix}-alt`, label: t('photos.alt'), control: alt, hint: t('photos.altHint') }),
    preview, clearButton, progress);

  return {
    element,
    chosen: () => Boolean(input.files?.[0]),
    /** The problems it can tell before sending, as the server names them: { file, alt }. */
    problems() {
      const file = input.files?.[0];
      const fields = {};
      if (!file) fields.file = t('photos.fileRequired');
      else if (maxBytes && file.size > maxBytes) fields.file = t('photos.tooLarge', { size: Math.round(maxBytes / (1024 * 1024)) });
      if (!alt.value.trim()) fields.alt = t('photos.altRequired');
      return Object.keys(fields).length ? fields : null;
    },
    /** Uploads to path, showing progress; the API's Photo. */
    async upload(path) {
      const form = new FormData();
      form.append('alt', alt.value.trim());
      form.append('file', input.files[0]);
      progress.hidden = false;
      progress.value = 0;
      try {
        return await ctx.api.upload(path, form, { onProgress: (fraction) => { progress.value = fraction; } });
      } finally {
        progress.hidden = true;
      }
    },
    clear,
    routes: [['file', `${idPrefix}-file`], ['alt', `${idPrefix}-alt`]],
    destroy() { if (previewUrl) URL.revokeObjectURL(previewUrl); },
  };
}
