// The participation page's table of areas: every figure of the map, sortable by any column (the
// map's accessible equivalent). Sorting redraws the table only and says so.
import { h } from '../dom.js';
import { countText, countSortValue } from '../format.js';
import { COUNTS, formatMeasure } from '../measures.js';
import { scroller } from '../blocks.js';

function areaColumns(ctx, data) {
  const { t } = ctx.i18n;
  const i18n = ctx.i18n;
  const raw = data.view === 'raw';
  const threshold = data.threshold ?? 5;
  const count = (key) => ({
    key, numeric: true, label: t(`part.measure.${key}`),
    value: (a) => countSortValue(a[key], threshold), text: (a) => countText(i18n, a[key], ''),
  });
  return [
    { key: 'name', label: t('part.col.name'), value: (a) => a.name ?? '', text: (a) => a.name ?? '' },
    { key: 'code', label: t('part.col.code'), value: (a) => a.code ?? '', text: (a) => a.code ?? '' },
    {
      key: 'population', numeric: true, label: t('part.col.population'), value: (a) => a.population ?? null,
      text: (a) => (typeof a.population === 'number' ? i18n.formatNumber(a.population) : t('part.unknown')),
    },
    count('participants'),
    {
      key: 'ratePer1000', numeric: true, label: t('part.measure.ratePer1000'), value: (a) => a.ratePer1000 ?? null,
      text: (a) => (typeof a.ratePer1000 === 'number' ? formatMeasure(i18n, 'ratePer1000', a.ratePer1000) : '–'),
    },
    {
      key: 'ratio', numeric: true, label: raw ? t('part.col.ratioInterval') : t('part.measure.ratio'), value: (a) => a.ratio ?? null,
      text: (a) => ratioText(i18n, a, raw),
    },
    {
      key: 'representation', label: t('part.col.representation'), value: (a) => t(`part.rep.${a.representation ?? 'UNKNOWN'}`),
      text: (a) => t(`part.rep.${a.representation ?? 'UNKNOWN'}`),
    },
    ...COUNTS.map(count),
  ];
}

/** The representation ratio, with its interval in the raw view. */
function ratioText(i18n, a, raw) {
  if (typeof a.ratio !== 'number') return '–';
  const ratio = formatMeasure(i18n, 'ratio', a.ratio);
  if (!raw || typeof a.ratioLower !== 'number' || typeof a.ratioUpper !== 'number') return ratio;
  return i18n.t('part.ratioWithInterval', { ratio, low: formatMeasure(i18n, 'ratio', a.ratioLower), high: formatMeasure(i18n, 'ratio', a.ratioUpper) });
}

function compare(column, dir, language) {
  const sign = dir === 'ascending' ? 1 : -1;
  return (a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    if (x === null && y === null) return 0;
    if (x === null) return 1; // unknowns last either way
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), language);
    return sign * order;
  };
}

/** A column's heading: a button that sorts by it (again: the other way), with aria-sort. */
function columnHeading({ ctx, state, column, active, onSort }) {
  const { t } = ctx.i18n;
  const button = h('button', {
    type: 'button', class: 'sort', id: `sort-${column.key}`, text: column.label,
    on: {
      click: () => {
        state.sort = active
          ? { key: column.key, dir: state.sort.dir === 'ascending' ? 'descending' : 'ascending' }
          : { key: column.key, dir: column.numeric ? 'descending' : 'ascending' };
        onSort();
        document.getElementById(`sort-${column.key}`)?.focus();
        ctx.announce(t('part.table.sorted', { column: column.label, dir: t(`part.sort.${state.sort.dir}`) }));
      },
    },
  });
  return h('th', { scope: 'col', 'aria-sort': active ? state.sort.dir : null, class: column.numeric ? 'num' : null }, button);
}

export function areaTable({ ctx, data, state, onSort }) {
  const { t } = ctx.i18n;
  const columns = areaColumns(ctx, data);
  const sortColumn = columns.find((c) => c.key === state.sort.key) ?? columns[0];
  const rows = [...(data.areas ?? [])].sort(compare(sortColumn, state.sort.dir, ctx.i18n.language));
  const head = h('tr', {}, columns.map((column) => columnHeading({ ctx, state, column, active: column.key === sortColumn.key, onSort })));
  const body = h('tbody', {}, rows.map((area) => h('tr', { dataset: { areaId: area.areaId, representation: area.representation ?? 'UNKNOWN' } },
    columns.map((column, i) => (i === 0
      ? h('th', { scope: 'row', dataset: { col: column.key }, text: column.text(area) })
      : h('td', { class: column.numeric ? 'num' : null, dataset: { col: column.key }, text: column.text(area) }))))));
  const caption = h('caption', { id: 'area-table-caption', text: t('part.table.caption', { count: rows.length }) });
  const table = h('table', { class: 'data', id: 'area-table' }, caption, h('thead', {}, head), body);
  const note = data.view === 'raw' ? null : h('p', { class: 'hint', text: t('part.table.publicNote', { threshold: data.threshold ?? 5 }) });
  return [note, h('p', { class: 'hint', text: t('part.table.sortHint') }), scroller('area-table-caption', table)];
}
