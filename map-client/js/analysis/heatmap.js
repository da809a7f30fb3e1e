// The analysis page's kernel-density heatmap, drawn from the server's grid, with its bandwidth,
// cell size and highest density.
import { heatmapLayer, heatmapLegend } from '../analysis-layers.js';

/** Draws the answer into the view: a grid with no density draws no layer, only its legend. */
export function drawHeatmap(ctx, view, answer) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const format = (v) => i18n.formatNumber(v, { maximumFractionDigits: v < 10 ? 1 : 0 });
  const alt = t('analysis.heatmap.alt', { max: format(answer.maxValue ?? 0), proposals: answer.proposals ?? 0 });
  if (answer.outline && answer.maxValue > 0) view.layer = heatmapLayer({ map: view.map, grid: answer, alt });
  view.legend.replaceChildren(heatmapLegend({ t, maxValue: answer.maxValue ?? 0, format }));
  view.status.textContent = t('analysis.heatmap.loaded', {
    bandwidth: i18n.formatNumber(answer.bandwidth ?? 0, { maximumFractionDigits: 0 }),
    cell: i18n.formatNumber(answer.cellSize ?? 0, { maximumFractionDigits: 1 }),
    max: format(answer.maxValue ?? 0),
  });
  view.mapElement.setAttribute('aria-label', alt);
}
