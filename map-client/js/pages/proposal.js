// #/proposals/{id} — one proposal: its text, lifecycle with reasons, its drawing on the map,
// support, threaded comments with pins, and variants.
import { h, append } from '../dom.js';
import { createMap, destroyMap, addProjectArea, shapeLayer, COLOURS } from '../map.js';
import { loadProject } from '../projects.js';
import { createComments } from '../comments.js';
import { createVariants } from '../variants.js';
import { followButton } from '../following/follow-button.js';
import { proposalPhotos } from '../photos/proposal-photos.js';

export async function proposalPage(ctx, { container, params, signal }) {
  const { t } = ctx.i18n;
  let proposal;
  try {
    proposal = await ctx.api.get(`/api/proposals/${params.id}`, { signal });
  } catch {
    if (signal.aborted) return {};
    container.append(h('h1', { tabindex: '-1', text: t('proposal.missing') }));
    return { title: t('proposal.missing') };
  }
  const project = await loadProject(ctx, proposal.properties.projectId, signal);
  if (signal.aborted || !project) return {};
  const p = proposal.properties;
  const canRespond = project.properties.open && !['rejected', 'realised'].includes(p.status);

  const mapElement = h('div', { id: 'proposal-map' });
  const details = h('div', { class: 'details' });
  container.append(
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    h('h1', { tabindex: '-1', text: p.title }),
    h('div', { class: 'proposal-page' }, h('div', { class: 'map-column' }, mapElement), details));

  const map = createMap({ element: mapElement, ctx, label: t('proposal.mapLabel', { title: p.title }) });
  // A proposal about the whole area has no drawing: the map shows the area (and any pinned comments).
  const wholeArea = !proposal.geometry;
  addProjectArea({ map, project, fit: wholeArea });
  if (!wholeArea) {
    const shape = shapeLayer({ data: proposal, colour: COLOURS.highlight, weight: 5 }).addTo(map);
    map.fitBounds(shape.getBounds().pad(0.5), { maxZoom: 19 });
  }

  const comments = createComments({ ctx, proposal, map, canRespond });
  const variants = createVariants({ ctx, proposal, map });
  const photos = proposalPhotos({
    ctx, proposal, canAdd: project.properties.open && ctx.session.account?.id === p.author?.id,
  });
  append(details, [
    h('p', { class: 'meta' },
      h('span', { class: `badge status-${p.status}`, text: t(`status.${p.status}`) }),
      p.category ? ` · ${p.category}` : '',
      ` · ${t('proposal.by', { author: p.author?.displayName ?? '' })}`,
      ` · ${ctx.i18n.formatDate(p.createdAt)}`),
    wholeArea ? h('p', { class: 'whole-area-note', id: 'whole-area-note', text: t('proposal.wholeArea') }) : null,
    h('p', { class: 'description', text: p.description }),
    photos.element,
    supportControl({ ctx, proposal }),
    followButton({ ctx, kind: 'proposal', id: proposal.id }),
    // A variant is another drawing of the same proposal: there is none to vary for the whole area.
    canRespond && ctx.session.signedIn && !wholeArea
      ? h('p', {}, h('a', { class: 'button', id: 'offer-variant-link', href: `#/proposals/${proposal.id}/variant`, text: t('proposal.offerVariant') }))
      : null,
    decisionHistory({ ctx, decisions: p.decisions ?? [] }),
    variants.element,
    comments.element]);

  signal.addEventListener('abort', () => {
    comments.destroy();
    photos.destroy();
    destroyMap(map);
  });
  return { title: p.title };
}

function supportControl({ ctx, proposal }) {
  const { t } = ctx.i18n;
  const p = proposal.properties;
  const count = h('span', { id: 'support-count', text: t('support.count', { count: p.supportCount }) });
  if (!ctx.session.signedIn) {
    return h('div', { class: 'support' }, h('p', {}, count),
      h('p', {}, h('a', { href: '#/signin', id: 'support-sign-in', text: t('support.signIn') })));
  }
  let supported = Boolean(p.supportedByMe);
  const button = h('button', { type: 'button', id: 'support-button', 'aria-pressed': String(supported), text: t('support.button') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const answer = supported
        ? await ctx.api.delete(`/api/proposals/${proposal.id}/support`)
        : await ctx.api.put(`/api/proposals/${proposal.id}/support`);
      supported = answer.supported;
      button.setAttribute('aria-pressed', String(supported));
      count.textContent = t('support.count', { count: answer.supportCount });
      ctx.announce(`${supported ? t('support.added') : t('support.removed')} ${count.textContent}`);
    } catch (error) {
      ctx.announce(error.message || t('error.generic'));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'support actions' }, button, count);
}

function decisionHistory({ ctx, decisions }) {
  const { t } = ctx.i18n;
  return h('section', { 'aria-labelledby': 'decisions-heading' },
    h('h2', { id: 'decisions-heading', text: t('proposal.history') }),
    h('ol', { class: 'decisions' }, decisions.map((d) => h('li', {},
      h('strong', { text: t(`status.${d.to}`) }),
      ` · ${ctx.i18n.formatDate(d.decidedAt)}`,
      h('p', { class: 'reason', text: d.reason })))));
}
