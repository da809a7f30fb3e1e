// Drawing what was built, for planners on the work page: the drawing tools the proposal form uses
// (Geoman on the map, and drawing with the keyboard), then save it as the work's as-built geometry
// or clear it (built as proposed).
import { h } from '../dom.js';
import { addDrawingToolbar } from '../geoman.js';
import { createKeyboardDrawing } from '../keyboard-draw.js';
import { insideArea } from '../geometry.js';

export function asBuiltEditor({ ctx, map, project, work, onChange }) {
  const { t } = ctx.i18n;
  const kinds = ['point', 'line', 'polygon'];
  let drawn = null;
  const status = h('p', { id: 'as-built-status', role: 'status', class: 'location-status', text: t('works.asBuilt.none') });
  const save = h('button', { type: 'button', class: 'primary', id: 'as-built-save', disabled: true, text: t('works.asBuilt.save') });
  const clear = h('button', { type: 'button', class: 'secondary', id: 'as-built-clear', disabled: !work.asBuilt, text: t('works.asBuilt.clear') });
  const chosen = (geometry) => {
    drawn = geometry;
    save.disabled = !geometry;
    status.textContent = !geometry ? t('works.asBuilt.none')
      : insideArea(geometry, project.geometry) ? t('works.asBuilt.drawn') : t('works.asBuilt.outside');
    ctx.announce(status.textContent);
  };
  addDrawingToolbar({ ctx, map, kinds });
  map.on('pm:create', ({ layer }) => {
    layer.on('pm:edit', () => chosen(layer.toGeoJSON().geometry));
    chosen(layer.toGeoJSON().geometry);
  });
  map.on('pm:remove', () => chosen(null));
  const keyboard = createKeyboardDrawing({ ctx, map, kinds, area: project.geometry, onFinish: chosen });
  const put = async (asBuilt, done) => {
    try {
      const updated = await ctx.api.patch(`/api/works/${work.id}`, { asBuilt });
      ctx.announce(done);
      onChange(updated);
    } catch (error) {
      status.textContent = error?.fields?.asBuilt ?? error?.message ?? t('error.generic');
    }
  };
  save.addEventListener('click', () => put(drawn, t('works.asBuilt.saved')));
  clear.addEventListener('click', () => put(null, t('works.asBuilt.cleared')));
  return {
    element: h('div', { class: 'as-built-editor', id: 'as-built-editor' },
      h('h3', { text: t('works.asBuilt.heading') }), h('p', { class: 'hint', text: t('works.asBuilt.hint') }),
      keyboard.element, status, h('div', { class: 'actions' }, save, clear)),
    destroy() { keyboard.destroy(); },
  };
}
