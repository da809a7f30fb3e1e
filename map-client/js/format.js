// How figures are written in the reader's language: counts as the server gives them (numbers for
// planners; for everyone else plain digits, or "<5" and "x" where the small-count rule hides
// one), distances in metres, fractions, decimals, euros and calendar dates.

/** A count as a number, or null when hidden: raw numbers, public "0"/"125"; "<5" and "x" are not. */
export function countNumber(count) {
  if (typeof count === 'number') return count;
  return typeof count === 'string' && /^\d+$/.test(count) ? Number(count) : null;
}

/** A count as the server gave it: digits in the reader's form, a hidden one as it came; `missing` for none. */
export function countText(i18n, count, missing = '–') {
  if (count === null || count === undefined) return missing;
  const n = countNumber(count);
  return n === null ? String(count) : i18n.formatNumber(n);
}

/** For sorting: hidden small counts sit between 0 and the threshold, "x" last. */
export function countSortValue(count, threshold) {
  const n = countNumber(count);
  if (n !== null) return n;
  return typeof count === 'string' && count.startsWith('<') ? threshold / 2 : null;
}

/** A distance in whole metres, or a dash. */
export function metres(i18n, value) {
  if (value === null || value === undefined) return '–';
  return i18n.formatNumber(value, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 });
}

/** A fraction or index with two decimals (Gini 0.42). */
export function fraction(i18n, value) {
  return i18n.formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A statistic with at most `digits` decimals, or a dash when there is none. */
export function decimal(i18n, value, digits = 2) {
  return typeof value === 'number' ? i18n.formatNumber(value, { maximumFractionDigits: digits }) : '–';
}

const EUR = { style: 'currency', currency: 'EUR' };

/** Whole euros in the reader's form ("€ 12.000", "€12,000"). */
export function euros(i18n, amount) {
  return i18n.formatNumber(Number(amount) || 0, { ...EUR, maximumFractionDigits: 0, minimumFractionDigits: 0 });
}

/** Euros and cents ("€ 3,50", "€3.50"), or a dash when there is no figure. */
export function eurosAndCents(i18n, amount) {
  return typeof amount === 'number' ? i18n.formatNumber(amount, { ...EUR, maximumFractionDigits: 2 }) : '–';
}

/** A calendar date (yyyy-mm-dd), read at noon so that no time zone moves it to another day. */
export function calendarDate(i18n, iso) {
  return i18n.formatDate(`${iso}T12:00:00`);
}
