// Any hash the router does not know.
import { h } from '../dom.js';

export async function notFoundPage(ctx, { container }) {
  const { t } = ctx.i18n;
  container.append(
    h('h1', { tabindex: '-1', text: t('notFound.title') }),
    h('p', {}, h('a', { href: '#/', text: t('notFound.back') })),
  );
  return { title: t('notFound.title') };
}
