// #/projects/{id}/learning — what a round taught: who took part and who voted against the
// population, where the money and the works went per resident, how the works went and were rated,
// the lessons learned, and the comparison with earlier rounds of its series (where planners put the
// round in a series). Always the public figures (small counts hidden), as the printable report
// linked from here. The page fetches and composes; each section is a module of js/learning/.
import { h } from '../dom.js';
import { projectForPage, plans } from '../projects.js';
import { isAbort } from '../api.js';
import { present, methodNote } from '../blocks.js';
import { participationSection, turnoutSection } from '../learning/who.js';
import { moneySection } from '../learning/money.js';
import { worksSection } from '../learning/works.js';
import { lessonsSection } from '../learning/lessons.js';
import { roundsSection, seriesNote } from '../learning/rounds.js';
import { seriesForm } from '../learning/series-form.js';

const SECTIONS = ['participation', 'turnout', 'money', 'works', 'lessons', 'rounds'];

export async function learningPage(ctx, { container, params, signal }) {
  const { project, page } = await projectForPage(ctx, params.id, container, signal);
  if (!project) return page;
  const { t } = ctx.i18n;
  const title = t('learning.title', { title: project.properties.title });
  const status = h('p', { role: 'status', id: 'learning-status', class: 'list-status', text: t('learning.loading') });
  const series = h('div');
  const method = h('div');
  const slots = Object.fromEntries(SECTIONS.map((key) => [key, h('div')]));
  const section = (key) => h('section', { class: 'part-section', 'aria-labelledby': `learning-${key}-heading` },
    h('h2', { id: `learning-${key}-heading`, text: t(`learning.${key}.heading`) }), slots[key]);
  container.append(
    h('h1', { tabindex: '-1', text: title }),
    series,
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    h('p', { class: 'report-link' }, h('a', {
      id: 'learning-report-link', href: `/reports/projects/${project.id}/learning?lang=${ctx.i18n.language}`, text: t('learning.print'),
    })),
    status,
    ...SECTIONS.map(section),
    method,
  );

  async function load() {
    try {
      const [report, list] = await Promise.all([
        ctx.api.get(`/api/projects/${project.id}/learning`, { signal }),
        plans(ctx) ? ctx.api.get('/api/series', { signal }) : null,
      ]);
      if (signal.aborted) return;
      series.replaceChildren(...present([seriesNote(ctx, report)]));
      slots.participation.replaceChildren(...participationSection(ctx, report));
      slots.turnout.replaceChildren(...turnoutSection(ctx, report));
      slots.money.replaceChildren(...moneySection(ctx, report));
      slots.works.replaceChildren(...worksSection(ctx, report));
      slots.lessons.replaceChildren(...present(lessonsSection(ctx, { projectId: project.id, lessons: report.lessons, onChange: load })));
      slots.rounds.replaceChildren(...roundsSection(ctx, report), ...present([list && seriesForm(ctx, {
        projectId: report.projectId, report, list: list.series, onChange: load,
      })]));
      method.replaceChildren(methodNote(t('learning.method'), report.method, false));
      status.textContent = t('learning.loaded', { threshold: report.threshold });
      status.dataset.state = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      status.textContent = t('learning.failed');
      status.dataset.state = 'failed';
    }
  }

  await load();
  return { title };
}
