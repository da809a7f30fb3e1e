// The analysis page's DBSCAN clusters: outlines with labels on the map, and the list of clusters
// with their categories, words and most supported proposals.
import { h } from '../dom.js';
import { countText } from '../format.js';
import { clusterLayer, clusterLegend } from '../analysis-layers.js';

/** Draws the answer into the view: layer, legend, list, status and the map's label. */
export function drawClusters(ctx, view, answer) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const clusters = answer.features ?? [];
  view.layer = clusterLayer({
    map: view.map,
    clusters,
    label: (f) => t('analysis.clusters.label', {
      number: f.properties.cluster,
      members: countText(i18n, f.properties.members),
      words: (f.properties.words ?? []).slice(0, 3).map((w) => w.word).join(', ') || '–',
    }),
  });
  view.legend.replaceChildren(clusterLegend(t));
  view.list.replaceChildren(clusterList(ctx, clusters, answer));
  view.status.textContent = t('analysis.clusters.loaded', { count: clusters.length });
  view.mapElement.setAttribute('aria-label', t('analysis.map.clusters', { count: clusters.length }));
}

function clusterList(ctx, clusters, answer) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const summary = h('p', { id: 'cluster-summary', text: t('analysis.clusters.summary', {
    count: clusters.length, proposals: countText(i18n, answer.proposals), noise: countText(i18n, answer.noise),
  }) });
  const section = (...body) => h('section', { class: 'part-section', 'aria-labelledby': 'cluster-list-heading' },
    h('h2', { id: 'cluster-list-heading', text: t('analysis.clusters.heading') }), summary, ...body);
  if (!clusters.length) return section(h('p', { id: 'cluster-list', text: t('analysis.clusters.none') }));
  return section(h('ol', { id: 'cluster-list', class: 'cluster-list' }, clusters.map((feature) => clusterItem(ctx, feature.properties))));
}

function clusterItem(ctx, p) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const headingId = `cluster-${p.cluster}-heading`;
  const categories = (p.categories ?? []).map((c) => t('analysis.clusters.category', { category: c.category ?? t('analysis.clusters.noCategory'), count: countText(i18n, c.count) }));
  const words = (p.words ?? []).map((w) => w.word);
  return h('li', { class: 'cluster-item', dataset: { cluster: p.cluster } },
    h('h3', { id: headingId, text: t('analysis.clusters.item', { number: p.cluster, members: countText(i18n, p.members) }) }),
    h('p', { class: 'cluster-categories', text: t('analysis.clusters.categories', { list: categories.join(', ') || '–' }) }),
    words.length ? h('p', { class: 'cluster-words', text: t('analysis.clusters.words', { list: words.join(', ') }) }) : null,
    (p.mostSupported ?? []).length
      ? h('div', {}, h('p', { class: 'cluster-top-label', text: t('analysis.clusters.mostSupported') }),
        h('ul', { class: 'cluster-top' }, p.mostSupported.map((proposal) => h('li', {},
          h('a', { href: `#/proposals/${proposal.id}`, text: proposal.title ?? `#${proposal.id}` }),
          ' ', t('analysis.clusters.supports', { count: countText(i18n, proposal.supportCount) })))))
      : null);
}
