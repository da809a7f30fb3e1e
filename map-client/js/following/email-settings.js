// Whether notifications also come by e-mail, and in which language. Where the server sends no
// e-mail, the choice is kept and the page says so.
import { h, uid } from '../dom.js';

export function emailSettings({ ctx, email }) {
  const { t } = ctx.i18n;
  const checkboxId = uid('email-enabled');
  const selectId = uid('email-language');
  const enabled = h('input', { type: 'checkbox', id: checkboxId, checked: email.enabled });
  const language = h('select', { id: selectId },
    h('option', { value: 'nl', lang: 'nl', text: 'Nederlands', selected: email.language === 'nl' }),
    h('option', { value: 'en', lang: 'en', text: 'English', selected: email.language === 'en' }));
  const save = async (body) => {
    try {
      const saved = await ctx.api.patch('/api/following/email', body);
      ctx.announce(saved.enabled ? t('following.emailOn') : t('following.emailOff'));
    } catch (error) {
      ctx.announce(error.message || t('error.generic'));
    }
  };
  enabled.addEventListener('change', () => save({ enabled: enabled.checked }));
  language.addEventListener('change', () => save({ language: language.value }));
  return h('section', { 'aria-labelledby': 'email-heading', id: 'email-settings' },
    h('h2', { id: 'email-heading', text: t('following.emailHeading') }),
    email.available ? null : h('p', { class: 'meta', id: 'email-unavailable', text: t('following.emailUnavailable') }),
    h('p', { class: 'checkbox' }, enabled, ' ', h('label', { for: checkboxId, text: t('following.emailEnabled') })),
    h('p', {}, h('label', { for: selectId, text: t('following.emailLanguage') }), ' ', language));
}
