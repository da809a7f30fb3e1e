// The participation page's downloads: its own tables as CSV and GeoJSON (for the chosen set and
// period; the server always suppresses small counts in them), the project's datasets with their
// data dictionaries, and the report.
import { h } from '../dom.js';

export function exportLinks(ctx, projectId, data, state) {
  const { t } = ctx.i18n;
  const query = (table) => {
    const params = new URLSearchParams({ table });
    const set = state.set || data.areaSet?.id;
    if (set) params.set('set', set);
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    return params.toString();
  };
  const link = (format, table) => h('li', {}, h('a', {
    id: `export-${format}-${table}`,
    href: `/api/projects/${projectId}/participation.${format}?${query(table)}`,
    download: `participation-${projectId}-${table}.${format}`,
    text: t(`part.exports.${format}.${table}`),
  }));
  return h('div', {},
    h('p', { class: 'hint', text: t('part.exports.note') }),
    h('ul', { class: 'exports' },
      link('csv', 'areas'), link('csv', 'flows'), link('csv', 'weekly'),
      link('geojson', 'areas'), link('geojson', 'flows')),
    datasetLinks(ctx, projectId, state.set || data.areaSet?.id),
    h('p', {},
      h('a', { id: 'part-report-link', href: `/reports/projects/${projectId}?lang=${ctx.i18n.language}`, text: t('project.report') }),
      ' – ', t('part.exports.report')));
}

/**
 * The project's public data as files for GIS tools and spreadsheets (GET
 * /api/projects/{id}/exports/{dataset}.{format}), each with its data dictionary. Participation
 * follows the boundary set chosen above; the other datasets have no settings.
 */
function datasetLinks(ctx, projectId, set) {
  const { t } = ctx.i18n;
  const base = `/api/projects/${projectId}/exports`;
  const files = (dataset) => {
    const setQuery = dataset === 'participation' && set ? `set=${encodeURIComponent(set)}` : '';
    const href = (suffix, excel) => {
      const query = [setQuery, excel ? 'excel=true' : ''].filter(Boolean).join('&');
      return `${base}/${dataset}${suffix}${query ? `?${query}` : ''}`;
    };
    const file = (kind, url) => h('a', { id: `export-${dataset}-${kind}`, href: url, download: '',
      text: t(`part.exports.format.${kind}`) });
    return h('li', {}, t(`part.exports.dataset.${dataset}`), ': ',
      file('gpkg', href('.gpkg')), ' · ', file('geojson', href('.geojson')), ' · ', file('csv', href('.csv')), ' · ',
      file('excel', href('.csv', true)), ' · ',
      h('a', { id: `export-${dataset}-dictionary`, href: `${base}/${dataset}.dictionary.csv`, download: '',
        text: t('part.exports.format.dictionary') }), ' · ',
      h('a', { id: `export-${dataset}-dictionary-json`, href: `${base}/${dataset}.dictionary.json`, download: '',
        text: t('part.exports.format.dictionaryJson') }));
  };
  return h('div', { class: 'dataset-exports' },
    h('h3', { text: t('part.exports.data.heading') }),
    h('p', { class: 'hint', text: t('part.exports.data.note') }),
    h('ul', { class: 'exports' }, ['proposals', 'variants', 'comments', 'participation'].map(files)));
}
