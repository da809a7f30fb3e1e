// Who votes in which pot. With an account: the pots the server names for this person (their home
// area's pot and the city-wide pot), with a word on setting a home area when they have none. Signed
// out: "sign in to vote", or "I have a voting code", which asks for the code and the area on the
// letter, and then gives the same ballot. Where letters with codes went to a signed-in resident's
// area, their first ballot is confirmed with their letter's code (the server says codeRequired).
import { h } from '../dom.js';
import { field } from '../forms.js';
import { isCityPot, potName, dateTime } from './text.js';

/** The pots an account votes in when the server cannot say: the city-wide pot and the home area's. */
export function accountPotIds(vote, mine, account) {
  if (Array.isArray(mine?.pots)) return mine.pots.map(Number);
  const home = account?.homeArea?.id;
  return vote.pots.filter((pot) => isCityPot(pot) || (home !== undefined && home !== null && Number(pot.areaId) === Number(home)))
    .map((pot) => Number(pot.id));
}

/** The text box for a letter's voting code. */
export function codeControl() {
  return h('input', { type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' });
}

/** With an account, when letters went to this resident's area: the letter's code, asked once. */
function letterCodePart(ctx, codeInput) {
  const { t } = ctx.i18n;
  return h('div', { class: 'vote-code', id: 'vote-code-panel' },
    h('p', { id: 'vote-code-why', text: t('vote.who.letterCode') }),
    field({ id: 'vote-code', label: t('vote.code.label'), hint: t('vote.code.accountHint'), control: codeInput }));
}

/** With an account: the pots they vote in, a word on their home area, their ballot, and (codeInput) the letter's code. */
export function accountPanel({ ctx, vote, pots, mine, codeInput }) {
  const { t } = ctx.i18n;
  const names = pots.map((pot) => potName(ctx.i18n, pot));
  const areaPots = vote.pots.some((pot) => !isCityPot(pot));
  const votesInArea = pots.some((pot) => !isCityPot(pot));
  const home = ctx.session.account?.homeArea;
  let homeNote = null;
  if (areaPots && !votesInArea) {
    homeNote = home
      ? h('p', { class: 'hint', id: 'vote-home-note', text: t('vote.who.noAreaPot', { area: home.name }) })
      : h('p', { class: 'hint', id: 'vote-home-note' }, t('vote.who.setHome'), ' ',
        h('a', { href: '#/account', id: 'vote-home-link', text: t('vote.who.setHomeLink') }));
  }
  return h('section', { class: 'vote-who', id: 'vote-who', 'aria-labelledby': 'vote-who-heading' },
    h('h2', { id: 'vote-who-heading', text: t('vote.who.heading') }),
    h('p', { id: 'vote-who-pots', text: names.length ? t('vote.who.pots', { pots: listText(ctx, names) }) : t('vote.who.none') }),
    homeNote,
    mine?.receipt ? h('p', { class: 'cast-note', id: 'vote-cast-note',
      text: t('vote.who.cast', { at: dateTime(ctx.i18n, mine.updatedAt ?? mine.castAt), receipt: mine.receipt }) }) : null,
    codeInput ? letterCodePart(ctx, codeInput) : null);
}

/** Signed out: the way in by account, and by voting code (then onCode(areaPotId or null)). */
export function signedOutPanel({ ctx, vote, onCode }) {
  const { t } = ctx.i18n;
  const code = codeControl();
  const areaPots = vote.pots.filter((pot) => !isCityPot(pot));
  const area = h('select', {}, h('option', { value: '', text: t('vote.code.noArea') }),
    areaPots.map((pot) => h('option', { value: pot.id, text: pot.name })));
  const codeFields = h('div', { class: 'vote-code', id: 'vote-code-panel', hidden: true },
    field({ id: 'vote-code', label: t('vote.code.label'), hint: t('vote.code.hint'), control: code }),
    areaPots.length ? field({ id: 'vote-code-area', label: t('vote.code.area'), hint: t('vote.code.areaHint'), control: area }) : null);
  const start = h('button', { type: 'button', id: 'vote-code-start', text: t('vote.code.start') });
  const chosenArea = () => (area.value ? Number(area.value) : null);
  start.addEventListener('click', () => {
    codeFields.hidden = false;
    start.hidden = true;
    onCode(chosenArea());
    code.focus();
  });
  area.addEventListener('change', () => onCode(chosenArea()));
  const element = h('section', { class: 'vote-who', id: 'vote-who', 'aria-labelledby': 'vote-who-heading' },
    h('h2', { id: 'vote-who-heading', text: t('vote.who.heading') }),
    h('p', {}, t('vote.who.signedOut'), ' ', h('a', { href: '#/signin', id: 'vote-sign-in', text: t('vote.who.signIn') })),
    h('p', {}, start), codeFields);
  return { element, codeInput: code };
}

function listText(ctx, names) {
  try {
    return new Intl.ListFormat(ctx.i18n.language, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
