// The participation page's inequality: the Lorenz curve (from the raw view's points only) with
// the Gini and Hoover indices.
import { h } from '../dom.js';
import { fraction } from '../format.js';
import { lorenzChart } from '../charts.js';

export function lorenzSection(ctx, data) {
  const { t } = ctx.i18n;
  const totals = data.totals ?? {};
  const indices = [];
  if (typeof totals.gini === 'number') indices.push(t('part.gini', { value: fraction(ctx.i18n, totals.gini) }));
  if (typeof totals.hoover === 'number') indices.push(t('part.hoover', { value: fraction(ctx.i18n, totals.hoover) }));
  const text = h('p', { id: 'part-gini', text: indices.join(' ') || t('part.indices.none') });
  const points = data.lorenz ?? [];
  if (!points.length) {
    return [h('p', { id: 'lorenz-note', text: data.view === 'raw' ? t('part.lorenz.empty') : t('part.lorenz.plannersOnly') }), text];
  }
  const chart = lorenzChart({
    id: 'lorenz-chart',
    points,
    title: t('part.lorenz.title'),
    description: t('part.lorenz.desc', { count: points.length }),
    labels: { x: t('part.lorenz.x'), y: t('part.lorenz.y'), equality: t('part.lorenz.equality') },
  });
  return [h('figure', { class: 'chart-figure' }, chart), text];
}
