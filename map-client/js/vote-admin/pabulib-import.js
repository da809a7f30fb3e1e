// Importing a published Pabulib instance (.pb) as a read-only vote to replay: a file chosen from
// disk (or its text pasted), sent as text to POST /api/projects/{id}/votes/pabulib. The server
// counts it at once with both rules; the page then opens its results.
import { h } from '../dom.js';
import { field, errorSlot, clearErrors, showErrors } from '../forms.js';
import { rawRequest } from './common.js';

export function pabulibImportForm({ ctx, projectId, onImported }) {
  const { t } = ctx.i18n;
  const file = h('input', { type: 'file', accept: '.pb,text/plain', name: 'pabulibFile' });
  const text = h('textarea', { name: 'pabulibText', rows: '6', spellcheck: 'false', class: 'mono' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'pabulib-submit', text: t('voteAdmin.pabulib.submit') });
  const status = h('p', { role: 'status', id: 'pabulib-status', class: 'list-status' });
  const form = h('form', { id: 'pabulib-form', class: 'form wide', novalidate: true, 'aria-labelledby': 'pabulib-heading' },
    h('h2', { id: 'pabulib-heading', text: t('voteAdmin.pabulib.heading') }),
    h('p', { class: 'hint', text: t('voteAdmin.pabulib.intro') }),
    errorSlot('pabulib-form'),
    field({ id: 'pabulib-file', label: t('voteAdmin.pabulib.file'), control: file }),
    field({ id: 'pabulib-text', label: t('voteAdmin.pabulib.text'), control: text, hint: t('voteAdmin.pabulib.textHint') }),
    submit, status);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = file.files?.[0] ? await file.files[0].text() : text.value;
    if (!body.trim()) {
      showErrors({ form, error: { fields: { pabulibFile: t('voteAdmin.pabulib.empty') } }, routes: [['pabulibFile', 'pabulib-file']], generalId: 'pabulib-form' });
      return;
    }
    submit.disabled = true;
    status.textContent = t('voteAdmin.pabulib.sending');
    try {
      const answer = await rawRequest(ctx, 'POST', `/api/projects/${projectId}/votes/pabulib`, { body, contentType: 'text/plain; charset=utf-8' });
      const vote = JSON.parse(answer.text);
      status.textContent = t('voteAdmin.pabulib.done', { title: vote.title });
      ctx.announce(status.textContent);
      onImported(vote);
    } catch (error) {
      status.textContent = '';
      // The server names the line of the file that it could not read; that is about the file.
      showErrors({ form, error, routes: [], generalId: 'pabulib-form', t: ctx.i18n.t, fallbackMessage: t('error.generic') });
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
