// The neighbourhood <select> used on sign-up and the account page.
import { h } from './dom.js';

export async function areaSelect({ ctx, selectedId, signal }) {
  const { t } = ctx.i18n;
  const select = h('select', { name: 'homeAreaId' }, h('option', { value: '', text: t('account.noArea') }));
  try {
    const data = await ctx.api.get('/api/areas', { signal });
    const areas = [...data.features].sort((a, b) => a.properties.name.localeCompare(b.properties.name, ctx.i18n.language));
    select.append(...areas.map((f) => h('option', { value: f.id, text: f.properties.name, selected: f.id === selectedId })));
  } catch {
    // Without the list the person can still sign up; the neighbourhood is optional.
  }
  return select;
}
