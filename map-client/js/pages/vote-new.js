// #/projects/{id}/votes/new — a project's budget votes for planners: the votes it has (each with
// links to manage it and to its results), the form that sets up a new one, and the import of a
// published Pabulib instance as a read-only vote. Anyone may open the page; only planners and
// admins get the forms (the server refuses anyone else anyway).
import { h, append } from '../dom.js';
import { projectForPage, plans } from '../projects.js';
import { clearErrors, showErrors, missingFields } from '../forms.js';
import { createVoteForm } from '../vote-admin/vote-form.js';
import { pabulibImportForm } from '../vote-admin/pabulib-import.js';
import { euros } from '../format.js';
import { statusBadge, dateTime } from '../vote-admin/common.js';

export async function voteNewPage(ctx, { container, params, signal }) {
  const { project, page } = await projectForPage(ctx, params.id, container, signal);
  if (!project) return page;
  const { t } = ctx.i18n;
  const title = t('voteAdmin.new.title', { project: project.properties.title });
  const [votes, sets] = await Promise.all([
    ctx.api.get(`/api/projects/${project.id}/votes`, { signal }).then((d) => d?.votes ?? []).catch(() => []),
    ctx.api.get('/api/area-sets', { signal }).then((d) => d?.sets ?? []).catch(() => []),
  ]);
  if (signal.aborted) return {};
  append(container, [
    h('p', {}, h('a', { href: `#/projects/${project.id}`, text: t('proposal.backTo', { title: project.properties.title }) })),
    h('h1', { tabindex: '-1', text: title }),
    h('p', { class: 'lead', text: t('voteAdmin.new.intro') }),
    voteList(ctx, votes),
  ]);
  if (!plans(ctx)) {
    container.append(h('p', { id: 'vote-planners-only', class: 'hint', text: t('voteAdmin.plannersOnly') }));
    return { title };
  }
  const voteForm = createVoteForm({ ctx, sets, signal });
  container.append(voteForm.form, pabulibImportForm({
    ctx, projectId: project.id, onImported: (vote) => ctx.router.go(`#/votes/${vote.id}/results`),
  }));
  voteForm.form.addEventListener('submit', (event) => {
    event.preventDefault();
    createVote(ctx, project, voteForm);
  });
  return { title };
}

async function createVote(ctx, project, { form, submit, read }) {
  const { t } = ctx.i18n;
  clearErrors(form);
  const { body, routes } = read();
  const missing = missingFields([['title', form.querySelector('#vote-title'), t('form.required')]]);
  if (missing) {
    showErrors({ form, error: missing, routes, generalId: 'vote-form' });
    return;
  }
  submit.disabled = true;
  try {
    const vote = await ctx.api.post(`/api/projects/${project.id}/votes`, body);
    ctx.announce(t('voteAdmin.new.created', { title: vote.title }));
    ctx.router.go(`#/votes/${vote.id}/manage`);
  } catch (error) {
    submit.disabled = false;
    showErrors({ form, error, routes, generalId: 'vote-form', t, fallbackMessage: t('error.generic') });
  }
}

function voteList(ctx, votes) {
  const { t } = ctx.i18n;
  const heading = h('h2', { id: 'project-vote-admin-heading', text: t('voteAdmin.new.existing', { count: votes.length }) });
  const items = votes.map((vote) => h('li', { class: 'vote-admin-card', dataset: { voteId: vote.id } },
    h('p', { class: 'vote-admin-card-title' }, h('a', { href: `#/votes/${vote.id}`, text: vote.title })),
    h('p', { class: 'meta' }, statusBadge(ctx.i18n, vote), ' ',
      t('voteAdmin.new.summary', { budget: euros(ctx.i18n, vote.budget), closes: dateTime(ctx.i18n, vote.closesAt) })),
    h('p', { class: 'vote-admin-links' },
      vote.source === 'pabulib' ? null : h('a', { href: `#/votes/${vote.id}/manage`, class: 'manage-link', text: t('voteAdmin.new.manage') }),
      vote.source === 'pabulib' ? null : ' · ',
      h('a', { href: `#/votes/${vote.id}/results`, class: 'results-link', text: t('voteAdmin.new.results') }))));
  return h('section', { id: 'project-vote-admin', 'aria-labelledby': 'project-vote-admin-heading' }, heading,
    votes.length ? h('ul', { class: 'vote-admin-list' }, items) : h('p', { class: 'hint', text: t('voteAdmin.new.none') }));
}
