// The project page's way to its works: a link to the realisation map when the project has works,
// or is in the carry-out or learn stage (where "no works yet" is itself worth seeing).
import { h } from '../dom.js';
import { isAbort } from '../api.js';

export function worksLink({ ctx, project, signal }) {
  const { t } = ctx.i18n;
  const stage = project.properties.stage;
  const element = h('p', { class: 'works-link', id: 'project-works', hidden: true },
    h('a', { class: 'button secondary', id: 'works-link', href: `#/projects/${project.id}/works`, text: t('works.projectLink') }));
  (async () => {
    try {
      const data = await ctx.api.get(`/api/projects/${project.id}/works`, { signal });
      element.hidden = (data?.works ?? []).length === 0 && stage !== 'carry_out' && stage !== 'learn';
    } catch (error) {
      if (!isAbort(error)) element.hidden = stage !== 'carry_out' && stage !== 'learn';
    }
  })();
  return element;
}
