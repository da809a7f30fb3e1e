// Presentation data shared by the composer and the projector: loading one, or saying on the page
// that it is missing.
import { h } from './dom.js';

/**
 * Loads the presentation a page is about. When it cannot be had, the page says so and the result
 * holds what the page returns to the router ({} when aborted, else its title).
 */
export async function loadPresentation(ctx, id, container, signal) {
  let presentation = null;
  try {
    presentation = await ctx.api.get(`/api/presentations/${id}`, { signal });
  } catch {
    presentation = null;
  }
  if (signal.aborted) return { page: {} };
  if (!presentation) {
    const { t } = ctx.i18n;
    container.append(h('h1', { tabindex: '-1', text: t('present.missing') }));
    return { page: { title: t('present.missing') } };
  }
  return { presentation };
}
