// #/works/{id} — one work: what it is and who answers for it, both its geometries on a map with a
// legend, its timeline, budget against spent, and a link to what it carries out. Planners also add
// steps, change dates and spending, and draw what was built. The sections #work-evaluations and
// #work-follow hold the work's evaluations and the follow button.
import { h, append } from '../dom.js';
import { loadProject, missingPage, plans } from '../projects.js';
import { createMap, destroyMap, addProjectArea } from '../map.js';
import { workLayer, worksLegend } from '../works/layers.js';
import { workStatusBadge, flagBadges } from '../works/status.js';
import { workFacts } from '../works/facts.js';
import { timeline } from '../works/timeline.js';
import { stepForm, editForm } from '../works/planner.js';
import { asBuiltEditor } from '../works/as-built.js';
import { mountEvaluations } from '../evaluations/section.js';
import { mountFollowButton } from '../following/follow-button.js';

async function loadWork(ctx, id, signal) {
  try {
    return await ctx.api.get(`/api/works/${id}`, { signal });
  } catch {
    return null;
  }
}

function section(id, heading, ...children) {
  return h('section', { id, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading`, text: heading }), ...children);
}

export async function workPage(ctx, { container, params, signal }) {
  const work = await loadWork(ctx, params.id, signal);
  if (signal.aborted) return {};
  if (!work) return missingPage(ctx, container, 'works.missing');
  const project = await loadProject(ctx, work.projectId, signal);
  if (signal.aborted) return {};
  if (!project) return missingPage(ctx, container, 'project.missing');
  const { t } = ctx.i18n;
  const planner = plans(ctx);
  const mapElement = h('div', { id: 'work-map' });
  append(container, [
    h('p', {}, h('a', { href: `#/projects/${project.id}/works`, id: 'work-back-link', text: t('works.page.backTo', { title: project.properties.title }) })),
    h('h1', { tabindex: '-1', text: work.title }),
    h('p', { class: 'meta', id: 'work-status' }, workStatusBadge(ctx.i18n, work), ' ', flagBadges(ctx.i18n, work)),
    h('div', { id: 'work-follow' }),
    work.description ? h('p', { class: 'lead', text: work.description }) : null,
    workFacts({ ctx, work }),
    section('work-place', t('works.work.placeHeading'),
      h('div', { class: 'map-with-legend' }, h('div', { class: 'work-map-column' }, h('div', { class: 'map-wrap' }, mapElement)),
        worksLegend({ ctx, id: 'work-legend', statuses: [work.status] })),
      work.proposedGeometry || work.asBuilt ? null : h('p', { id: 'work-no-place', text: t('works.list.noPlace') })),
    section('work-steps', t('works.timeline.heading'), timeline({ ctx, steps: work.steps, onChange: () => ctx.router.refresh() })),
    h('section', { id: 'work-evaluations', class: 'work-evaluations' }),
  ]);
  mountFollowButton({ ctx, kind: 'work', id: work.id, section: container.querySelector('#work-follow') });
  const evaluations = mountEvaluations({ ctx, host: container.querySelector('#work-evaluations'), workId: work.id, project, signal });
  const map = createMap({ element: mapElement, ctx, label: t('works.work.mapLabel', { title: work.title }) });
  addProjectArea({ map, project });
  const layer = workLayer({ ctx, work }).addTo(map);
  if (layer.getLayers().length) map.fitBounds(layer.getBounds(), { padding: [32, 32], maxZoom: 17 });
  const refresh = () => ctx.router.refresh();
  const editor = planner ? asBuiltEditor({ ctx, map, project, work, onChange: refresh }) : null;
  if (planner) {
    container.querySelector('#work-place').append(editor.element);
    container.querySelector('#work-steps').append(stepForm({ ctx, work, onChange: refresh }));
    container.append(section('work-planner', t('works.planner.heading'), editForm({ ctx, work, onChange: refresh })));
  }
  signal.addEventListener('abort', () => {
    editor?.destroy();
    evaluations.destroy();
    destroyMap(map);
  });
  return { title: work.title };
}
