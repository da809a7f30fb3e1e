// #/signin and #/signup.
import { h } from '../dom.js';
import { field, errorSlot, showErrors, clearErrors, missingFields } from '../forms.js';
import { areaSelect } from '../areas.js';

export async function signInPage(ctx, { container }) {
  const { t } = ctx.i18n;
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { id: 'sign-in-form', class: 'form', novalidate: true },
    errorSlot('sign-in-form'),
    field({ id: 'sign-in-email', label: t('account.email'), control: email }),
    field({ id: 'sign-in-password', label: t('account.password'), control: password }),
    h('button', { type: 'submit', class: 'primary', id: 'sign-in-submit', text: t('header.signIn') }));
  const routes = [['email', 'sign-in-email'], ['password', 'sign-in-password']];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const missing = missingFields([['email', email, t('form.required')], ['password', password, t('form.required')]]);
    if (missing) {
      showErrors({ form, error: missing, routes, generalId: 'sign-in-form' });
      return;
    }
    try {
      await ctx.session.signIn({ email: email.value.trim(), password: password.value });
      ctx.announce(t('account.signedIn', { name: ctx.session.account?.displayName ?? '' }));
      ctx.router.go(returnTo(ctx));
    } catch (error) {
      showErrors({ form, error, routes, generalId: 'sign-in-form', t, fallbackMessage: t('account.signInFailed') });
    }
  });
  container.append(
    h('h1', { tabindex: '-1', text: t('header.signIn') }),
    form,
    h('p', {}, t('account.noAccount'), ' ', h('a', { href: '#/signup', text: t('header.signUp') })));
  return { title: t('header.signIn') };
}

export async function signUpPage(ctx, { container, signal }) {
  const { t } = ctx.i18n;
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', minlength: '10', required: true });
  const displayName = h('input', { type: 'text', name: 'displayName', autocomplete: 'nickname', maxlength: '80', required: true });
  const area = await areaSelect({ ctx, signal });
  if (signal.aborted) return {};
  const form = h('form', { id: 'sign-up-form', class: 'form', novalidate: true },
    errorSlot('sign-up-form'),
    field({ id: 'sign-up-email', label: t('account.email'), control: email }),
    field({ id: 'sign-up-password', label: t('account.password'), hint: t('account.passwordHint'), control: password }),
    field({ id: 'sign-up-display-name', label: t('account.displayName'), hint: t('account.displayNameHint'), control: displayName }),
    field({ id: 'sign-up-home-area', label: t('account.homeArea'), hint: t('account.homeAreaHint'), control: area }),
    h('button', { type: 'submit', class: 'primary', id: 'sign-up-submit', text: t('header.signUp') }));
  const routes = [['email', 'sign-up-email'], ['password', 'sign-up-password'], ['displayName', 'sign-up-display-name'], ['homeAreaId', 'sign-up-home-area']];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const missing = missingFields([
      ['email', email, t('form.required')], ['password', password, t('form.required')], ['displayName', displayName, t('form.required')],
    ]);
    const fields = { ...(missing?.fields ?? {}) };
    if (!fields.email && email.validity.typeMismatch) fields.email = t('account.emailInvalid');
    if (!fields.password && password.value.length < 10) fields.password = t('account.passwordTooShort');
    if (Object.keys(fields).length) {
      showErrors({ form, error: { fields }, routes, generalId: 'sign-up-form' });
      return;
    }
    const account = {
      email: email.value.trim(), password: password.value, displayName: displayName.value.trim(),
      homeAreaId: area.value ? Number(area.value) : null,
    };
    try {
      // Sign-up answers alike whether or not the address has an account (so it tells nobody who
      // has one); signing in with the same details is what shows whether it worked.
      await ctx.api.post('/api/accounts', account);
    } catch (error) {
      showErrors({ form, error, routes, generalId: 'sign-up-form', t, fallbackMessage: t('error.generic') });
      return;
    }
    try {
      await ctx.session.signIn({ email: account.email, password: account.password });
      ctx.announce(t('account.created'));
      ctx.router.go(returnTo(ctx));
    } catch (error) {
      const message = error?.status === 401 ? t('account.signUpThenSignInFailed') : error?.message;
      showErrors({ form, error: { message }, routes, generalId: 'sign-up-form', t, fallbackMessage: t('error.generic') });
    }
  });
  container.append(h('h1', { tabindex: '-1', text: t('header.signUp') }), form);
  return { title: t('header.signUp') };
}

// Back to where the person was when they chose to sign in, unless that was a sign-in page.
function returnTo(ctx) {
  const previous = ctx.router.previous;
  return previous && !['/signin', '/signup'].includes(previous) ? `#${previous}` : '#/';
}
