// #/ — the projects as cards, each linking to its map.
import { h } from '../dom.js';

export async function projectsPage(ctx, { container, signal }) {
  await ctx.i18n.usePageDefault(ctx.config.defaultLanguage);
  if (signal.aborted) return {};
  const { t } = ctx.i18n;
  const status = h('p', { role: 'status', text: t('projects.loading') });
  const list = h('ul', { class: 'cards', id: 'project-list' });
  container.append(
    h('h1', { tabindex: '-1', text: t('projects.title') }),
    h('p', { class: 'lead', text: t('projects.intro') }),
    status,
    list,
  );
  try {
    const collection = await ctx.api.get('/api/projects', { signal });
    list.replaceChildren(...collection.features.map((feature) => card(ctx, feature)));
    status.textContent = t('projects.count', { count: collection.features.length });
  } catch (error) {
    if (!signal.aborted) status.textContent = t('projects.failed');
  }
  return { title: t('projects.title') };
}

function card(ctx, feature) {
  const { t } = ctx.i18n;
  const p = feature.properties;
  return h('li', { class: 'card' },
    h('h2', {}, h('a', { href: `#/projects/${feature.id}`, text: p.title })),
    h('p', { class: 'meta' },
      h('span', { class: `badge stage-${p.stage}`, text: t(`stage.${p.stage}`) }),
      ' ',
      t('proposals.count', { count: p.proposalCount }),
      ' · ',
      p.open ? t('projects.open') : t('projects.closed')),
    h('p', { text: p.summary }));
}
