// Form fields with labels and error slots, and the server's field errors put next to the field
// they are about ("properties.title" → the title field, "geometry…" → the location fieldset).
import { h } from './dom.js';

/** A labelled control with an error slot `${id}-error` the control is described by. */
export function field({ id, label, control, hint }) {
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, `${id}-error`].filter(Boolean).join(' '));
  return h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    control,
    h('p', { class: 'error', id: `${id}-error`, hidden: true }));
}

export function errorSlot(id) {
  return h('p', { class: 'error', id: `${id}-error`, hidden: true });
}

export function clearErrors(form) {
  for (const slot of form.querySelectorAll('.error')) {
    slot.textContent = '';
    slot.hidden = true;
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/**
 * Shows each error beside its target. routes: [[fieldPrefix, targetId], …]; errors that match no
 * route go to `${generalId}`. Moves focus to the first target with an error.
 */
// The server explains problems in English; these are the explanations a resident meets most, in
// the page's language. Anything else is shown as the server wrote it.
const SERVER_MESSAGES = [
  [/^is required$|^must not be empty$/, 'error.required'],
  [/^is too long: \d+ characters, at most (\d+)$/, 'error.tooLong', (m) => ({ max: m[1] })],
  [/^must have at least (\d+) characters$/, 'error.tooShort', (m) => ({ min: m[1] })],
  [/outside the project's area/, 'error.outsideArea'],
  [/^invalid geometry/, 'error.invalidGeometry'],
  [/^this project accepts/, 'error.kindNotAllowed'],
  [/^must be one of this project's categories/, 'error.category'],
  [/^an account with this email address exists already$/, 'error.emailTaken'],
  [/^is not an email address$/, 'error.email'],
  [/^the geometry has more than (\d+) vertices$/, 'error.tooManyVertices', (m) => ({ max: m[1] })],
  [/^is not a JPEG, PNG or WebP image/, 'photos.notImage'],
  [/^larger than (\d+) bytes$/, 'photos.tooLarge', (m) => ({ size: Math.round(Number(m[1]) / (1024 * 1024)) })],
  [/^is cut short or damaged|^could not be read as a/, 'photos.damaged'],
  [/appended after the image/, 'photos.polyglot'],
  [/megapixels are taken$/, 'photos.tooManyPixels'],
  [/the most it may have/, 'photos.limit'],
  [/^is required: say what the photo shows/, 'photos.altRequired'],
  [/^is required: choose a photo$/, 'photos.fileRequired'],
];

function localise(message, t) {
  if (!t || typeof message !== 'string') return message;
  for (const [pattern, key, params] of SERVER_MESSAGES) {
    const match = message.match(pattern);
    if (match) return t(key, params ? params(match) : {});
  }
  return message;
}

export function showErrors({ form, error, routes, generalId, fallbackMessage, t }) {
  clearErrors(form);
  const fields = error?.fields ?? {};
  const shown = [];
  const general = [];
  for (const [name, raw] of Object.entries(fields)) {
    const message = localise(raw, t);
    const route = routes.find(([prefix]) => matches(name, prefix));
    if (!route) {
      general.push(message);
      continue;
    }
    const target = form.querySelector(`#${route[1]}`);
    const slot = form.querySelector(`#${route[1]}-error`);
    if (!target || !slot) {
      general.push(message);
      continue;
    }
    slot.textContent = slot.hidden ? message : `${slot.textContent} ${message}`;
    slot.hidden = false;
    target.setAttribute('aria-invalid', 'true');
    shown.push(target);
  }
  if (general.length || shown.length === 0) {
    const slot = form.querySelector(`#${generalId}-error`);
    slot.textContent = general.length ? general.join(' ') : (error?.message || fallbackMessage);
    slot.hidden = false;
    if (shown.length === 0) {
      slot.setAttribute('tabindex', '-1');
      shown.push(slot);
    }
  }
  const first = shown[0];
  if (first.tagName === 'FIELDSET') first.setAttribute('tabindex', '-1');
  first.focus();
}

function matches(name, prefix) {
  return name === prefix || name.startsWith(`${prefix}.`) || name.startsWith(`${prefix}[`);
}

/**
 * Checks required text fields before anything is sent: [[fieldName, control, message], …].
 * Returns an error shaped like the server's (null when all are filled), for showErrors.
 */
export function missingFields(checks) {
  const fields = {};
  for (const [name, control, message] of checks) {
    if (!control.value.trim()) fields[name] = message;
  }
  return Object.keys(fields).length ? { fields } : null;
}
