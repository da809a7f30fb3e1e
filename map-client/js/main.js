// Composition root: reads the configuration and session, builds the services pages share, and
// starts the router. Nothing here is global; pages get what they need through `ctx`.
import { createApi } from './api.js';
import { createI18n } from './i18n.js';
import { createSession } from './session.js';
import { createRouter } from './router.js';
import { renderHeader } from './header.js';
import { createAnnouncer } from './announce.js';
import { projectsPage } from './pages/projects.js';
import { projectPage } from './pages/project.js';
import { proposalPage } from './pages/proposal.js';
import { newProposalPage } from './pages/new-proposal.js';
import { variantPage } from './pages/variant.js';
import { participationPage } from './pages/participation.js';
import { learningPage } from './pages/learning.js';
import { analysisPage } from './pages/analysis.js';
import { presentationsPage } from './pages/presentations.js';
import { voteNewPage } from './pages/vote-new.js';
import { voteManagePage } from './pages/vote-manage.js';
import { voteResultsPage } from './pages/vote-results.js';
import { composerPage } from './pages/composer.js';
import { projectorPage } from './pages/projector.js';
import { signInPage, signUpPage } from './pages/sign-in.js';
import { accountPage } from './pages/account.js';
import { notFoundPage } from './pages/not-found.js';
import { joinPage } from './pages/join.js';
import { meetingScreenPage } from './pages/meeting-screen.js';
import { votePage } from './pages/vote.js';
import { worksPage } from './pages/works.js';
import { workPage } from './pages/work.js';
import { workEvaluationsPage } from './pages/work-evaluations.js';
import { followingPage } from './pages/following.js';

async function loadConfig(api) {
  try {
    return await api.get('/api/config');
  } catch {
    return {};
  }
}

async function start() {
  const api = createApi();
  const session = createSession({ api });
  // Configuration and session are independent: fetched together, the first page comes sooner.
  const [config] = await Promise.all([loadConfig(api), session.refresh()]);
  const i18n = await createI18n({ defaultLanguage: config.defaultLanguage });
  const ctx = { api, config, i18n, session, announce: createAnnouncer(document.getElementById('announcer')) };

  const bind = (page) => (args) => page(ctx, args);
  ctx.router = createRouter({
    routes: [
      ['/', bind(projectsPage)],
      ['/projects/{id}', bind(projectPage)],
      ['/projects/{id}/new', bind(newProposalPage)],
      ['/projects/{id}/participation', bind(participationPage)],
      ['/projects/{id}/learning', bind(learningPage)],
      ['/projects/{id}/analysis', bind(analysisPage)],
      ['/projects/{id}/presentations', bind(presentationsPage)],
      ['/projects/{id}/votes/new', bind(voteNewPage)],
      ['/projects/{id}/works', bind(worksPage)],
      ['/votes/{id}/manage', bind(voteManagePage)],
      ['/votes/{id}/results', bind(voteResultsPage)],
      ['/presentations/{id}/edit', bind(composerPage)],
      ['/presentations/{id}/show', bind(projectorPage)],
      ['/presentations/{id}/show/{n}', bind(projectorPage)],
      ['/proposals/{id}', bind(proposalPage)],
      ['/proposals/{id}/variant', bind(variantPage)],
      ['/signin', bind(signInPage)],
      ['/signup', bind(signUpPage)],
      ['/account', bind(accountPage)],
      ['/join/{code}', bind(joinPage)],
      ['/meetings/{id}/screen', bind(meetingScreenPage)],
      ['/votes/{id}', bind(votePage)],
      ['/works/{id}', bind(workPage)],
      ['/works/{id}/evaluations', bind(workEvaluationsPage)],
      ['/following', bind(followingPage)],
    ],
    notFound: bind(notFoundPage),
    outlet: document.getElementById('main'),
    onRender: ({ title }) => {
      document.title = title ? `${title} — Plein` : 'Plein';
    },
  });

  const header = document.getElementById('site-header');
  const skip = document.getElementById('skip-link');
  // The hash is the router's, so the skip link moves focus itself instead of changing it.
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main').focus();
  });
  const paintChrome = () => {
    renderHeader({ element: header, ctx });
    skip.textContent = i18n.t('header.skip');
  };
  paintChrome();
  session.onChange(paintChrome);
  i18n.onChange(() => {
    paintChrome();
    ctx.router.refresh();
  });
  await ctx.router.start();
}

start();
