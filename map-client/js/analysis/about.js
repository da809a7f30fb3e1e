// The analysis page's "about" section: what the chosen method shows and what it does not, and the
// server's account of how it computed this answer.
import { h } from '../dom.js';
import { methodNote, present } from '../blocks.js';

/** Fills the explanation for a method; serverMethod: the answer's method text, null while loading. */
export function explain(ctx, explanation, method, serverMethod) {
  const { t } = ctx.i18n;
  const open = explanation.querySelector('details')?.open ?? false;
  explanation.replaceChildren(...present([
    h('h3', { text: t(`analysis.layer.${method}`) }),
    h('p', { id: 'analysis-shows', text: t(`analysis.${method}.shows`) }),
    h('p', { id: 'analysis-not', text: t(`analysis.${method}.not`) }),
    serverMethod ? methodNote(t('analysis.method'), serverMethod, open) : null,
  ]));
}
