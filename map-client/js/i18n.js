// Messages, language choice and number/date formatting. Messages live in messages/{lang}.json
// as flat keys; "{name}" placeholders are filled in; a key with ".one"/".other" variants is
// chosen with Intl.PluralRules on the "count" parameter.

const STORAGE_KEY = 'plein.language';
export const LANGUAGES = ['nl', 'en'];

export async function createI18n({ defaultLanguage }) {
  const catalogs = new Map();
  const listeners = new Set();
  let fallback = LANGUAGES.includes(defaultLanguage) ? defaultLanguage : 'nl';
  let language = storedChoice() ?? fallback;

  async function load(lang) {
    if (!catalogs.has(lang)) {
      const response = await fetch(`/messages/${lang}.json`);
      catalogs.set(lang, response.ok ? await response.json() : {});
    }
    return catalogs.get(lang);
  }

  async function use(lang) {
    await load(lang);
    const changed = lang !== language;
    language = lang;
    document.documentElement.lang = lang;
    if (changed) listeners.forEach((listener) => listener(lang));
  }

  function t(key, params = {}) {
    const catalog = catalogs.get(language) ?? {};
    let message = catalog[key];
    if (message === undefined && 'count' in params) {
      const form = new Intl.PluralRules(language).select(params.count);
      message = catalog[`${key}.${form}`] ?? catalog[`${key}.other`];
    }
    if (message === undefined) return key;
    return message.replace(/\{(\w+)\}/g, (whole, name) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(value) : String(value);
    });
  }

  function formatNumber(value, options = {}) {
    return new Intl.NumberFormat(language, options).format(value);
  }

  function formatDate(iso, options = { dateStyle: 'medium' }) {
    return new Intl.DateTimeFormat(language, options).format(new Date(iso));
  }

  await use(language);
  await load(language === 'nl' ? 'en' : 'nl');

  return {
    t,
    formatNumber,
    formatDate,
    get language() { return language; },
    /** The person picked a language: remember it. */
    async choose(lang) {
      localStorage.setItem(STORAGE_KEY, lang);
      await use(lang);
    },
    /** A page has its own default (a project's language); used unless the person chose. */
    async usePageDefault(lang) {
      const target = storedChoice() ?? (LANGUAGES.includes(lang) ? lang : fallback);
      if (target !== language) await use(target);
    },
    onChange(listener) { listeners.add(listener); },
  };
}

function storedChoice() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(value) ? value : null;
  } catch {
    return null;
  }
}
