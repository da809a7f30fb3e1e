// What every works module says about a work's state: its status in words and colour (colour is
// never the only sign: the words go beside it, in the list, the tooltips and the legend), the
// flags delayed / on time / over budget, and the planned dates and money in the reader's form.
import { h } from '../dom.js';
import { euros, calendarDate } from '../format.js';

export const WORK_STATUSES = ['planned', 'design', 'tender', 'construction', 'done', 'cancelled'];
export const STEP_KINDS = ['design', 'tender', 'construction', 'done', 'cancelled', 'update'];

/** Status colours: distinct for common colour-vision deficiencies and at least 3:1 on the light map. */
export const STATUS_COLOURS = {
  planned: '#0072b2', design: '#6a1b9a', tender: '#8a4b00', construction: '#d55e00', done: '#007a5a', cancelled: '#1b1f24',
};

export function statusText(i18n, status) {
  return i18n.t(`works.status.${status}`);
}

export function workStatusBadge(i18n, work) {
  return h('span', { class: `badge work-status work-status-${work.status}`, text: statusText(i18n, work.status) });
}

/** The flags that apply, in words: delayed, on time, over budget. */
export function flagTexts(i18n, work) {
  const { t } = i18n;
  return [work.delayed ? t('works.flag.delayed') : null, work.onTime ? t('works.flag.onTime') : null,
    work.overBudget ? t('works.flag.overBudget') : null].filter(Boolean);
}

export function flagBadges(i18n, work) {
  return flagTexts(i18n, work).map((text) => h('span', { class: 'badge work-flag', text }));
}

/** "1 Mar 2027 – 30 Sep 2027". */
export function plannedDates(i18n, work) {
  return i18n.t('works.plannedDates', { start: calendarDate(i18n, work.plannedStart), end: calendarDate(i18n, work.plannedEnd) });
}

/** "€ 1.200 of € 45.000 spent". */
export function money(i18n, work) {
  return i18n.t('works.money', { spent: euros(i18n, work.spent), budget: euros(i18n, work.budget) });
}
