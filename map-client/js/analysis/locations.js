// The analysis page's note on how the analysed proposals sit: how many share a spot, how many are
// about the whole area (and left out), and, when a spot counts once, how many repeats that drops.
import { countText } from '../format.js';

export function showLocations(ctx, note, locations) {
  if (!locations) return;
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const text = t('analysis.locations.summary', {
    count: locations.sharedLocations,
    shared: countText(i18n, locations.sharedProposals),
    wholeArea: countText(i18n, locations.wholeArea),
  });
  note.textContent = locations.counted === 'once'
    ? `${text} ${t('analysis.locations.onceNote', { repeats: countText(i18n, locations.repeatsLeftOut) })}`
    : text;
  note.hidden = false;
}
