// #/projects/{id}/works — the realisation map and list: every work of the project on the map (what
// was proposed dashed, what was built solid, coloured and labelled by status, with a legend), the
// list of all works beside it (those without a place too), and the project's figures.
import { h, append } from '../dom.js';
import { projectForPage } from '../projects.js';
import { isAbort } from '../api.js';
import { createMap, destroyMap, addProjectArea } from '../map.js';
import { workLayer, worksLegend } from '../works/layers.js';
import { worksList, figuresBlock } from '../works/list.js';
import { WORK_STATUSES } from '../works/status.js';

export async function worksPage(ctx, { container, params, signal }) {
  const { project, page } = await projectForPage(ctx, params.id, container, signal);
  if (!project) return page;
  const { t } = ctx.i18n;
  const title = t('works.page.title', { title: project.properties.title });
  const status = h('p', { role: 'status', id: 'works-status', text: t('works.page.loading') });
  const mapElement = h('div', { id: 'works-map' });
  const legendSlot = h('div', { class: 'legend-slot' });
  const listSlot = h('div', { id: 'works-list-slot' });
  const figuresSlot = h('div', { id: 'works-figures-slot' });
  append(container, [
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    h('h1', { tabindex: '-1', text: title }),
    h('p', { class: 'lead', text: t('works.page.lead') }),
    status,
    h('section', { id: 'works-figures-section', 'aria-labelledby': 'works-figures-heading' },
      h('h2', { id: 'works-figures-heading', text: t('works.figures.heading') }), figuresSlot),
    h('div', { class: 'split works-split' },
      h('div', { class: 'map-with-legend' }, mapElement, legendSlot),
      h('section', { class: 'list-pane', 'aria-labelledby': 'works-list-heading' },
        h('h2', { id: 'works-list-heading', text: t('works.list.heading') }), listSlot)),
  ]);
  const map = createMap({ element: mapElement, ctx, label: t('works.map.label', { title: project.properties.title }) });
  addProjectArea({ map, project });
  signal.addEventListener('abort', () => destroyMap(map));
  try {
    const [data, figures] = await Promise.all([
      ctx.api.get(`/api/projects/${project.id}/works`, { signal }),
      ctx.api.get(`/api/projects/${project.id}/works/figures`, { signal }),
    ]);
    const works = data.works ?? [];
    for (const work of works) workLayer({ ctx, work, onOpen: (w) => ctx.router.go(`#/works/${w.id}`) }).addTo(map);
    const shown = WORK_STATUSES.filter((s) => works.some((w) => w.status === s));
    legendSlot.replaceChildren(worksLegend({ ctx, id: 'works-legend', statuses: shown.length ? shown : WORK_STATUSES }));
    listSlot.replaceChildren(worksList({ ctx, works }));
    figuresSlot.replaceChildren(figuresBlock({ ctx, figures }));
    status.textContent = t('works.page.loaded', { count: works.length });
  } catch (error) {
    if (!isAbort(error)) status.textContent = t('works.page.failed');
  }
  return { title };
}
