// The project page's way to what a round taught: a link to the learning page and its printable
// report, shown in the learn stage, and in any stage once lessons have been written.
import { h } from '../dom.js';

export function learningLink({ ctx, project, signal }) {
  const { t } = ctx.i18n;
  const block = h('p', { class: 'learning-link', id: 'learning-link-block', hidden: project.properties.stage !== 'learn' },
    h('a', { id: 'learning-link', href: `#/projects/${project.id}/learning`, text: t('learning.projectLink') }));
  if (block.hidden) {
    ctx.api.get(`/api/projects/${project.id}/lessons`, { signal })
      .then((answer) => { if (answer?.lessons?.length) block.hidden = false; })
      .catch(() => {});
  }
  return block;
}
