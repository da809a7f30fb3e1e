// A work's evaluation figures as the server gives them: how many evaluated it and how many gave each
// rating (numbers for planners; for everyone else "<5", "x" or rounded under the small-count rule),
// the mean rating or why it is withheld, and what people wrote (never with their rating or pin).
import { h } from '../dom.js';
import { countNumber, countText, decimal } from '../format.js';

export const RATINGS = ['1', '2', '3', '4', '5'];

/** The figures: the count, the mean (or why there is none), the ratings table and how counts are shown. */
export function figuresBlock(ctx, data) {
  const { t } = ctx.i18n;
  const rows = [...RATINGS].reverse().map((r) => h('tr', {},
    h('th', { scope: 'row', text: t(`evaluations.rating.${r}`) }),
    h('td', { text: countText(ctx.i18n, data.ratings[r]) })));
  return h('div', { class: 'evaluation-figures', id: 'evaluation-figures' },
    h('p', { id: 'evaluation-count', text: t('evaluations.count', { count: countText(ctx.i18n, data.evaluations) }) }),
    h('p', { id: 'evaluation-mean', text: meanText(ctx, data) }),
    h('table', { id: 'evaluation-ratings', class: 'evaluation-ratings' },
      h('caption', { text: t('evaluations.ratingsCaption') }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: t('evaluations.ratingColumn') }),
        h('th', { scope: 'col', text: t('evaluations.peopleColumn') }))),
      h('tbody', {}, rows)),
    h('p', { class: 'hint', id: 'evaluation-counts-note', text: data.raw
      ? t('evaluations.rawCounts')
      : t('evaluations.smallCounts', { threshold: data.threshold }) }));
}

function meanText(ctx, data) {
  const { t } = ctx.i18n;
  if (typeof data.meanRating === 'number') {
    return t('evaluations.mean', { mean: decimal(ctx.i18n, data.meanRating, 2) });
  }
  if (countNumber(data.evaluations) === 0) return t('evaluations.meanNone');
  return t('evaluations.meanWithheld', { threshold: data.threshold });
}

/** What people wrote, newest first, with their display names; staff also see hidden ones, marked. */
export function textsBlock(ctx, texts) {
  const { t } = ctx.i18n;
  if (!texts.length) return h('p', { id: 'evaluation-texts-none', text: t('evaluations.noTexts') });
  return h('ul', { class: 'evaluation-texts', id: 'evaluation-texts' }, texts.map((e) => h('li', {},
    h('article', { class: 'evaluation-text', id: `evaluation-${e.id}` },
      h('p', { class: 'meta' }, e.author.displayName, ' · ', ctx.i18n.formatDate(e.updatedAt),
        e.hidden ? ` · ${t('evaluations.hiddenMark')}` : ''),
      e.worksWell ? h('p', {}, h('strong', { text: `${t('evaluations.worksWell')}: ` }), e.worksWell) : null,
      e.notWorking ? h('p', {}, h('strong', { text: `${t('evaluations.notWorking')}: ` }), e.notWorking) : null))));
}
