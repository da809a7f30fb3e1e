// Messages, language choice and number/date formatting. Messages live in messages/{lang}.json
// as flat keys; "{name}" placeholders are filled in; a key with ".one"/".other" variants is
// chosen with Intl.PluralRules on the "count" parameter. A message with more than one count
// chooses inside itself, in ICU's plural syntax (as the server's printed reports do):
// "{count, plural, one {# cluster} other {# clusters}}", # standing for the formatted number,
// "=0 {…}" for an exact value; a value that is no number (a published "<5") takes "other";
// "{kind, select, area {an area} other {a {kind}}}" chooses by a word.

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
    const format = (value) => (typeof value === 'number' ? formatNumber(value) : String(value));
    return choosePlurals(message, params, new Intl.PluralRules(language), format)
      .replace(/\{(\w+)\}/g, (whole, name) => {
        const value = params[name];
        return value === undefined ? whole : format(value);
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

/**
 * Replaces each "{name, plural, … other {…}}" in a message by the words its value takes, and each
 * "{name, select, word {…} other {…}}" by those of its value (English's "a"/"an" before a word).
 * A number, or a text of plain digits ("1", as countText writes small counts), is a count; any
 * other text (a published "<5", "1.000" with grouping) takes "other".
 */
export function choosePlurals(message, params, rules, format = String) {
  const start = /\{(\w+),\s*(plural|select),/g;
  let out = '';
  let at = 0;
  let found;
  while ((found = start.exec(message)) !== null) {
    out += message.slice(at, found.index);
    const options = new Map();
    let i = start.lastIndex;
    for (;;) {
      const option = /^\s*(=\d+|[\w-]+)\s*\{/.exec(message.slice(i));
      if (!option) break;
      const open = i + option[0].length - 1;
      const close = closingBrace(message, open);
      options.set(option[1], message.slice(open + 1, close));
      i = close + 1;
    }
    while (/\s/.test(message[i] ?? '')) i += 1;
    if (message[i] !== '}' || !options.has('other')) return message;
    const value = params[found[1]];
    let words;
    if (found[2] === 'select') {
      words = options.get(String(value)) ?? options.get('other');
    } else {
      const count = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value ?? '') ? Number(value) : null;
      words = (count === null ? undefined : options.get(`=${count}`) ?? options.get(rules.select(count)))
        ?? options.get('other');
      words = words.replaceAll('#', value === undefined ? '#' : format(value));
    }
    out += words;
    at = i + 1;
    start.lastIndex = at;
  }
  return out + message.slice(at);
}

function closingBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

function storedChoice() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(value) ? value : null;
  } catch {
    return null;
  }
}
