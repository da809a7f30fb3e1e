// #/works/{id}/evaluations — a finished work's evaluations on a page of their own: the same section
// the work page mounts (js/evaluations/section.js), under the work's title and a link to its project.
// People link to it, so it stays when the work page has the section too.
import { h, append } from '../dom.js';
import { missingPage, loadProject } from '../projects.js';
import { mountEvaluations } from '../evaluations/section.js';

export async function workEvaluationsPage(ctx, { container, params, signal }) {
  const { t } = ctx.i18n;
  const figures = await ctx.api.get(`/api/works/${params.id}/evaluations`, { signal }).catch(() => null);
  if (signal.aborted) return {};
  if (!figures) return missingPage(ctx, container, 'evaluations.missing');
  const [project, own] = await Promise.all([
    loadProject(ctx, figures.projectId, signal),
    ctx.session.member ? ctx.api.get(`/api/works/${params.id}/evaluation`, { signal }).catch(() => null) : null,
  ]);
  if (signal.aborted) return {};
  if (!project) return missingPage(ctx, container, 'project.missing');
  const title = t('evaluations.pageTitle', { title: figures.title });
  const host = h('section', { id: 'work-evaluations', class: 'work-evaluations' });
  append(container, [
    h('h1', { tabindex: '-1', text: title }),
    h('p', { class: 'meta' }, h('a', { href: `#/projects/${project.id}`, id: 'work-project-link',
      text: t('evaluations.project', { title: project.properties.title }) })),
    host,
  ]);
  const section = mountEvaluations({ ctx, host, workId: params.id, project, data: { figures, own }, signal });
  signal.addEventListener('abort', () => section.destroy());
  return { title };
}
