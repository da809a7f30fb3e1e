// #/account — change one's display name and home neighbourhood.
import { h } from '../dom.js';
import { field, errorSlot, showErrors, clearErrors, missingFields } from '../forms.js';
import { areaSelect } from '../areas.js';

export async function accountPage(ctx, { container, signal }) {
  const { t } = ctx.i18n;
  const title = t('account.title');
  container.append(h('h1', { tabindex: '-1', text: title }));
  if (!ctx.session.signedIn) {
    container.append(h('p', {}, h('a', { href: '#/signin', text: t('header.signIn') })));
    return { title };
  }
  const account = ctx.session.account;
  if (account.guest) {
    // A guest made by joining a meeting has no email or password and changes nothing here.
    container.append(h('p', { text: t('account.guest', { name: account.displayName }) }));
    return { title };
  }
  const displayName = h('input', { type: 'text', name: 'displayName', maxlength: '80', value: account.displayName, required: true });
  const area = await areaSelect({ ctx, selectedId: account.homeArea?.id, signal });
  if (signal.aborted) return {};
  const form = h('form', { id: 'account-form', class: 'form', novalidate: true },
    errorSlot('account-form'),
    h('p', { class: 'meta', text: t('account.signedInAs', { email: account.email }) }),
    field({ id: 'account-display-name', label: t('account.displayName'), control: displayName }),
    field({ id: 'account-home-area', label: t('account.homeArea'), hint: t('account.homeAreaHint'), control: area }),
    h('button', { type: 'submit', class: 'primary', id: 'account-submit', text: t('account.save') }));
  const routes = [['displayName', 'account-display-name'], ['homeAreaId', 'account-home-area']];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const missing = missingFields([['displayName', displayName, t('form.required')]]);
    if (missing) {
      showErrors({ form, error: missing, routes, generalId: 'account-form' });
      return;
    }
    try {
      const updated = await ctx.api.patch('/api/accounts/me', {
        displayName: displayName.value.trim(), homeAreaId: area.value ? Number(area.value) : null,
      });
      ctx.session.replaceAccount(updated?.email ? updated : { ...account, displayName: displayName.value.trim() });
      ctx.announce(t('account.saved'));
    } catch (error) {
      showErrors({ form, error, routes, generalId: 'account-form', t, fallbackMessage: t('error.generic') });
    }
  });
  container.append(form);
  return { title };
}
