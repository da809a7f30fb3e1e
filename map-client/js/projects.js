// Project data shared by pages: loading one project (and adopting its language), or saying on the
// page that it is missing, and the proposal statuses in lifecycle order.
import { h } from './dom.js';

export const STATUSES = ['submitted', 'published', 'under_consideration', 'accepted', 'rejected', 'realised'];

/**
 * Loads the project a page is about. When it cannot be had, the page says so: the result then holds
 * what the page returns to the router ({} when aborted, else its title), and no project.
 */
export async function projectForPage(ctx, id, container, signal) {
  const project = await loadProject(ctx, id, signal);
  if (signal.aborted) return { page: {} };
  if (!project) return { page: missingPage(ctx, container, 'project.missing') };
  return { project };
}

/** What a page shows, and returns to the router, when what it is about cannot be had. */
export function missingPage(ctx, container, messageKey) {
  const { t } = ctx.i18n;
  container.append(h('h1', { tabindex: '-1', text: t(messageKey) }));
  return { title: t(messageKey) };
}

/** Planners and admins get the planning links; the pages themselves are public (in their public form). */
export function plans(ctx) {
  const role = String(ctx.session.account?.role ?? '').toLowerCase();
  return role === 'planner' || role === 'admin';
}

export async function loadProject(ctx, id, signal) {
  try {
    const project = await ctx.api.get(`/api/projects/${id}`, { signal });
    await ctx.i18n.usePageDefault(project.properties.language);
    return project;
  } catch {
    return null;
  }
}
