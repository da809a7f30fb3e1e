// A proposal's variants: each can be shown over the original on the map, and compared side by
// side with the measures the server computes.
import { h } from './dom.js';
import { COLOURS, shapeLayer } from './map.js';

export function createVariants({ ctx, proposal, map }) {
  const { t } = ctx.i18n;
  const list = h('ul', { class: 'variants', id: 'variant-list' });
  const status = h('p', { role: 'status' });
  const section = h('section', { 'aria-labelledby': 'variants-heading' },
    h('h2', { id: 'variants-heading', text: t('variants.heading') }), status, list);
  const shown = new Map();

  async function load() {
    try {
      const data = await ctx.api.get(`/api/proposals/${proposal.id}/variants`);
      const visible = data.features.filter((f) => !f.properties.hidden && !f.properties.withdrawn);
      list.replaceChildren(...visible.map(item));
      status.textContent = t('variants.count', { count: visible.length });
    } catch {
      status.textContent = t('variants.failed');
    }
  }

  function item(feature) {
    const p = feature.properties;
    const toggle = h('button', { type: 'button', id: `variant-toggle-${feature.id}`, 'aria-pressed': 'false', text: t('variants.show') });
    const compareButton = h('button', { type: 'button', id: `variant-compare-${feature.id}`, 'aria-expanded': 'false', text: t('variants.compare') });
    const comparison = h('div', { id: `variant-comparison-${feature.id}`, hidden: true });
    toggle.addEventListener('click', () => {
      const on = !shown.has(feature.id);
      if (on) shown.set(feature.id, shapeLayer({ data: feature, colour: COLOURS.variant, weight: 4, dashArray: '10 6' }).addTo(map));
      else {
        shown.get(feature.id).remove();
        shown.delete(feature.id);
      }
      toggle.setAttribute('aria-pressed', String(on));
      ctx.announce(on ? t('variants.shown', { title: p.title }) : t('variants.hiddenOnMap', { title: p.title }));
    });
    compareButton.addEventListener('click', async () => {
      const open = comparison.hidden;
      compareButton.setAttribute('aria-expanded', String(open));
      comparison.hidden = !open;
      if (open && !comparison.firstChild) {
        try {
          comparison.replaceChildren(comparisonTable(ctx, await ctx.api.get(`/api/variants/${feature.id}/comparison`)));
        } catch {
          comparison.replaceChildren(h('p', { text: t('variants.compareFailed') }));
        }
      }
    });
    return h('li', { class: 'variant' },
      h('h3', { text: p.title }),
      h('p', { class: 'meta', text: `${p.author?.displayName ?? ''} · ${ctx.i18n.formatDate(p.createdAt)}` }),
      p.description ? h('p', { class: 'description', text: p.description }) : null,
      h('div', { class: 'actions' }, toggle, compareButton),
      comparison);
  }

  load();
  return { element: section };
}

function comparisonTable(ctx, data) {
  const { t, formatNumber } = ctx.i18n;
  const [original, variant] = data.features;
  const m = (value, unit) => `${formatNumber(value, { maximumFractionDigits: 1 })} ${unit}`;
  const row = (label, a, b) => h('tr', {}, h('th', { scope: 'row', text: label }), h('td', { text: a }), h('td', { text: b }));
  const c = data.comparison;
  return h('div', {},
    h('table', { class: 'comparison' },
      h('caption', { class: 'visually-hidden', text: t('variants.tableCaption') }),
      h('thead', {}, h('tr', {}, h('td'), h('th', { scope: 'col', text: t('variants.original') }), h('th', { scope: 'col', text: t('variants.variant') }))),
      h('tbody', {},
        row(t('variants.title'), original.properties.title, variant.properties.title),
        row(t('variants.length'), m(original.properties.lengthM, 'm'), m(variant.properties.lengthM, 'm')),
        row(t('variants.area'), m(original.properties.areaM2, 'm²'), m(variant.properties.areaM2, 'm²')))),
    h('ul', {},
      h('li', { text: t('variants.distance', { value: m(c.distanceM, 'm') }) }),
      h('li', { text: t('variants.hausdorff', { value: m(c.hausdorffM, 'm') }) }),
      c.sharedAreaShare === null || c.sharedAreaShare === undefined ? null
        : h('li', { text: t('variants.shared', { value: formatNumber(c.sharedAreaShare, { style: 'percent' }) }) })));
}
