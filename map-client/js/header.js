// The site header: name, navigation, language switch and sign-in state.
import { h } from './dom.js';
import { LANGUAGES } from './i18n.js';
import { unreadLink } from './following/unread-link.js';

const LANGUAGE_NAMES = { nl: 'Nederlands', en: 'English' };

export function renderHeader({ element, ctx }) {
  const { t, language } = ctx.i18n;
  const languageSwitch = h('div', { class: 'language-switch', role: 'group', 'aria-label': t('header.language') },
    LANGUAGES.map((lang) => h('button', {
      type: 'button',
      id: `language-${lang}`,
      lang,
      'aria-pressed': String(lang === language),
      text: LANGUAGE_NAMES[lang],
      on: { click: () => ctx.i18n.choose(lang) },
    })));

  const account = ctx.session.signedIn
    ? [
      h('a', { href: '#/account', id: 'account-link', text: ctx.session.account?.displayName ?? t('header.account') }),
      h('button', { type: 'button', id: 'sign-out', text: t('header.signOut'), on: { click: () => signOut(ctx) } }),
    ]
    : [
      h('a', { href: '#/signin', id: 'sign-in-link', text: t('header.signIn') }),
      h('a', { href: '#/signup', id: 'sign-up-link', text: t('header.signUp') }),
    ];

  element.replaceChildren(
    h('a', { class: 'brand', href: '#/', text: 'Plein' }),
    h('nav', { 'aria-label': t('header.nav') },
      h('a', { href: '#/', text: t('header.projects') }),
      ctx.session.member ? unreadLink(ctx) : null),
    languageSwitch,
    h('div', { class: 'account', 'aria-label': t('header.accountState'), role: 'group' }, account),
  );
}

async function signOut(ctx) {
  try {
    await ctx.session.signOut();
    ctx.announce(ctx.i18n.t('header.signedOut'));
    ctx.router.go('#/');
  } catch {
    ctx.announce(ctx.i18n.t('error.generic'));
  }
}
