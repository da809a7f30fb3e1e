// Project data shared by pages: loading one project (and adopting its language) and the
// proposal statuses in lifecycle order.
export const STATUSES = ['submitted', 'published', 'under_consideration', 'accepted', 'rejected', 'realised'];

export async function loadProject(ctx, id, signal) {
  try {
    const project = await ctx.api.get(`/api/projects/${id}`, { signal });
    await ctx.i18n.usePageDefault(project.properties.language);
    return project;
  } catch {
    return null;
  }
}
