// A proposal's threaded comments, their pins on the map, and the comment form with an optional
// pin. Clicking a pin focuses its comment; replies are indented under their parent.
import L from './leaflet.js';
import { h } from './dom.js';
import { COLOURS, shapeLayer } from './map.js';
import { field, errorSlot, showErrors, clearErrors, missingFields } from './forms.js';
import { photoGallery } from './photos/gallery.js';
import { photoPicker } from './photos/picker.js';

export function createComments({ ctx, proposal, map, canRespond }) {
  const { t } = ctx.i18n;
  const pins = L.featureGroup().addTo(map);
  const list = h('ul', { class: 'comments', id: 'comment-list' });
  const status = h('p', { role: 'status' });
  const form = canRespond && ctx.session.signedIn ? commentForm({ ctx, proposal, map, onPosted: load }) : null;
  const section = h('section', { 'aria-labelledby': 'comments-heading' },
    h('h2', { id: 'comments-heading', text: t('comments.heading') }),
    status, list,
    form?.element ?? (canRespond
      ? h('p', {}, h('a', { href: '#/signin', id: 'comment-sign-in', text: t('comments.signIn') }))
      : null));

  async function load() {
    try {
      const data = await ctx.api.get(`/api/proposals/${proposal.id}/comments`);
      render(data.features);
    } catch {
      status.textContent = t('comments.failed');
    }
  }

  function render(features) {
    pins.clearLayers();
    const children = new Map();
    for (const feature of features) {
      const parent = feature.properties.parentId ?? 0;
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(feature);
    }
    let pinNumber = 0;
    const build = (parentId) => (children.get(parentId) ?? []).map((feature) => {
      const pin = feature.geometry ? (pinNumber += 1) : null;
      if (pin) addPin(feature, pin);
      const replies = children.has(feature.id) ? h('ul', {}, build(feature.id)) : null;
      return h('li', {}, commentArticle({ ctx, feature, pin, onReply: form?.replyTo }), replies);
    });
    list.replaceChildren(...build(0));
    status.textContent = t('comments.count', { count: features.length });
  }

  function addPin(feature, number) {
    const author = feature.properties.author?.displayName ?? '';
    const label = t('comments.pinLabel', { number, author });
    const focusComment = () => document.getElementById(`comment-${feature.id}`)?.focus();
    let layer;
    if (feature.geometry.type === 'Point') {
      const [lon, lat] = feature.geometry.coordinates;
      layer = L.marker([lat, lon], { icon: L.divIcon({ className: 'comment-pin', html: '', iconSize: [30, 30] }), title: label });
      layer.on('add', () => {
        layer.getElement().setAttribute('aria-label', label);
        layer.getElement().textContent = String(number);
      });
    } else {
      layer = shapeLayer({ data: feature, colour: COLOURS.pin, weight: 4 });
    }
    layer.on('click', focusComment);
    pins.addLayer(layer);
  }

  load();
  return { element: section, destroy: () => form?.destroy() };
}

function commentArticle({ ctx, feature, pin, onReply }) {
  const { t } = ctx.i18n;
  const p = feature.properties;
  const placeholder = p.body === undefined;
  return h('article', { class: 'comment', id: `comment-${feature.id}`, tabindex: '-1' },
    h('p', { class: 'meta' },
      placeholder ? t('comments.hidden') : (p.author?.displayName ?? ''),
      ' · ', ctx.i18n.formatDate(p.createdAt),
      pin ? ` · ${t('comments.pinNumber', { number: pin })}` : ''),
    placeholder ? null : h('p', { class: 'body', text: p.body }),
    placeholder ? null : photoGallery({ ctx, photos: p.photos }),
    onReply && !placeholder && !p.hidden
      ? h('button', { type: 'button', class: 'secondary reply', text: t('comments.reply'), on: { click: () => onReply(feature) } })
      : null);
}

/** The comment's optional pin: placed with a click on the map or at its centre, and removed. */
function pinPicker({ ctx, map }) {
  const { t } = ctx.i18n;
  let pin = null;
  let placing = false;
  const pinButton = h('button', { type: 'button', id: 'comment-pin', 'aria-pressed': 'false', text: t('comments.addPin') });
  const centreButton = h('button', { type: 'button', id: 'comment-pin-centre', text: t('comments.pinAtCentre') });
  const removePin = h('button', { type: 'button', id: 'comment-pin-remove', hidden: true, text: t('comments.removePin') });
  const pinStatus = h('p', { class: 'hint', id: 'comment-pin-status', text: t('comments.noPin') });

  const setPin = (latlng) => {
    pin?.remove();
    pin = L.circleMarker(latlng, { radius: 9, color: COLOURS.pin, weight: 3, fillOpacity: 0.6 }).addTo(map);
    pinStatus.textContent = t('comments.pinSet');
    removePin.hidden = false;
    ctx.announce(t('comments.pinSet'));
  };
  const setPlacing = (value) => {
    placing = value;
    pinButton.setAttribute('aria-pressed', String(value));
    map.getContainer().classList.toggle('placing', value);
    if (value) ctx.announce(t('comments.clickMap'));
  };
  const onMapClick = (event) => {
    if (!placing) return;
    setPin(event.latlng);
    setPlacing(false);
  };
  const clear = () => {
    pin?.remove();
    pin = null;
    removePin.hidden = true;
    pinStatus.textContent = t('comments.noPin');
  };
  map.on('click', onMapClick);
  pinButton.addEventListener('click', () => setPlacing(!placing));
  centreButton.addEventListener('click', () => setPin(map.getCenter()));
  removePin.addEventListener('click', () => {
    clear();
    ctx.announce(t('comments.noPin'));
  });
  return {
    fieldset: h('fieldset', { id: 'comment-pin-fieldset' },
      h('legend', { text: t('comments.pinLegend') }),
      h('p', { class: 'hint', text: t('comments.pinHint') }),
      h('div', { class: 'actions' }, pinButton, centreButton, removePin),
      pinStatus, errorSlot('comment-pin-fieldset')),
    geometry: () => (pin ? pin.toGeoJSON().geometry : null),
    clear,
    destroy() { map.off('click', onMapClick); },
  };
}

function commentForm({ ctx, proposal, map, onPosted }) {
  const { t } = ctx.i18n;
  let parentId = null;
  const body = h('textarea', { name: 'body', rows: '4', required: true });
  const replying = h('p', { class: 'hint', hidden: true });
  const cancelReply = h('button', { type: 'button', hidden: true, text: t('comments.cancelReply') });
  const pins = pinPicker({ ctx, map });
  const photo = photoPicker({ ctx, idPrefix: 'comment-photo', maxBytes: ctx.config?.limits?.photoMaxBytes });
  cancelReply.addEventListener('click', () => replyTo(null));

  function replyTo(feature) {
    parentId = feature?.id ?? null;
    replying.hidden = !feature;
    cancelReply.hidden = !feature;
    replying.textContent = feature ? t('comments.replyingTo', { author: feature.properties.author?.displayName ?? '' }) : '';
    body.focus();
  }

  const element = h('form', { id: 'comment-form', class: 'form', novalidate: true, 'aria-labelledby': 'comment-form-heading' },
    h('h3', { id: 'comment-form-heading', text: t('comments.formHeading') }),
    errorSlot('comment-form'),
    replying, cancelReply,
    field({ id: 'comment-body', label: t('comments.body'), control: body }),
    pins.fieldset,
    photo.element,
    h('button', { type: 'submit', class: 'primary', id: 'comment-submit', text: t('comments.submit') }));

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(element);
    const routes = [['properties.body', 'comment-body'], ['properties.parentId', 'comment-body'],
      ['geometry', 'comment-pin-fieldset'], ...photo.routes];
    // The photo is optional; once one is chosen, its alt text is not.
    const missing = missingFields([['properties.body', body, t('form.required')]]);
    const photoProblems = photo.chosen() ? photo.problems() : null;
    if (missing || photoProblems) {
      const fields = { ...(missing?.fields ?? {}), ...(photoProblems ?? {}) };
      showErrors({ form: element, error: { fields }, routes, generalId: 'comment-form' });
      return;
    }
    const feature = {
      type: 'Feature',
      geometry: pins.geometry(),
      properties: { body: body.value, ...(parentId ? { parentId } : {}) },
    };
    const show = (error) => showErrors({
      form: element, error, routes, generalId: 'comment-form', t, fallbackMessage: t('error.generic'),
    });
    try {
      const posted = await ctx.api.post(`/api/proposals/${proposal.id}/comments`, feature);
      body.value = '';
      pins.clear();
      replyTo(null);
      if (photo.chosen()) await postPhoto({ ctx, photo, commentId: posted.id, show });
      ctx.announce(t('comments.posted'));
      onPosted();
    } catch (error) {
      show(error);
    }
  });

  return {
    element,
    replyTo,
    destroy: () => {
      pins.destroy();
      photo.destroy();
    },
  };
}

/** The comment is posted already: a refused photo is shown beside the picker, the comment stays. */
async function postPhoto({ ctx, photo, commentId, show }) {
  try {
    await photo.upload(`/api/comments/${commentId}/photos`);
    photo.clear();
  } catch (error) {
    show(error);
    ctx.announce(ctx.i18n.t('photos.commentWithoutPhoto'));
  }
}
