// The evaluations of a finished work, as a section the work page mounts in
// <section id="work-evaluations"> (and #/works/{id}/evaluations shows on its own): the figures
// under the small-count rule, what people wrote, and for a signed-in resident the form to evaluate
// the work (or change or withdraw their evaluation) once it is done.
import { h } from '../dom.js';
import { isAbort } from '../api.js';
import { figuresBlock, textsBlock } from './figures.js';
import { createEvaluationForm } from './form.js';

/**
 * Fills `host` with the section of work `workId` of `project`, loading its figures; again after
 * every send or withdrawal. Returns { destroy }. `data` may be given when already loaded.
 */
export function mountEvaluations({ ctx, host, workId, project, data = null, signal }) {
  const { t } = ctx.i18n;
  let form = null;
  host.setAttribute('aria-labelledby', 'work-evaluations-heading');

  async function load() {
    try {
      const [figures, own] = await Promise.all([
        ctx.api.get(`/api/works/${workId}/evaluations`, { signal }),
        ctx.session.member ? ctx.api.get(`/api/works/${workId}/evaluation`, { signal }) : null,
      ]);
      render(figures, own);
    } catch (error) {
      if (isAbort(error)) return;
      host.replaceChildren(heading(t), h('p', { class: 'error', id: 'evaluations-failed', text: t('evaluations.failed') }));
    }
  }

  function render(figures, own) {
    form?.destroy();
    form = null;
    const formHost = h('div', { id: 'evaluation-form-host' });
    host.replaceChildren(heading(t), figuresBlock(ctx, figures),
      h('h3', { id: 'evaluation-texts-heading', text: t('evaluations.textsHeading') }),
      textsBlock(ctx, figures.texts), formHost);
    if (figures.status !== 'done') {
      formHost.append(h('p', { id: 'evaluation-not-done', text: t('evaluations.notDone') }));
    } else if (!ctx.session.member) {
      formHost.append(h('p', {}, h('a', { href: '#/signin', id: 'evaluation-sign-in', text: t('evaluations.signIn') })));
    } else {
      form = createEvaluationForm({ ctx, workId, project, own, parent: formHost, onSaved: load });
    }
  }

  if (data) render(data.figures, data.own);
  else load();
  return { destroy: () => form?.destroy() };
}

function heading(t) {
  return h('h2', { id: 'work-evaluations-heading', text: t('evaluations.heading') });
}
