// Presentation data shared by the composer and the projector: loading one, or saying on the page
// that it is missing.
import { missingPage } from './projects.js';

/**
 * Loads the presentation a page is about. When it cannot be had, the page says so and the result
 * holds what the page returns to the router ({} when aborted, else its title).
 */
export async function loadPresentation(ctx, id, container, signal) {
  const presentation = await ctx.api.get(`/api/presentations/${id}`, { signal }).catch(() => null);
  if (signal.aborted) return { page: {} };
  if (!presentation) return { page: missingPage(ctx, container, 'present.missing') };
  return { presentation };
}
