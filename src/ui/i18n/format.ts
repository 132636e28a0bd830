import { useContext } from 'react';
import type { Lang } from '../experiment';
import { LangContext } from './index';

/** The BCP 47 locale each UI language formats numbers with. */
export const LOCALE: Record<Lang, string> = { en: 'en-US', ja: 'ja-JP' };

/**
 * Fills `{name}` placeholders of a catalogue string, e.g. `fill('Epoch {n} / {total}', { n: 1, total: 5 })`.
 * Values are inserted as text (React escapes them); unknown placeholders stay as written.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Number formatters for one language. */
export interface LocaleFormat {
  /** A count with the locale's grouping: 61,706. */
  count: (n: number) => string;
  /** A fixed number of decimals, no grouping (values tests and scripts parse back): 0.1234. */
  fixed: (n: number, digits: number) => string;
  /** A fraction as a percentage with fixed decimals: 0.975 → 97.5%. */
  percent: (fraction: number, digits: number) => string;
}

/** Formatters for `lang`, pure (usable outside React). */
export function localeFormat(lang: Lang): LocaleFormat {
  const locale = LOCALE[lang];
  return {
    count: (n) => n.toLocaleString(locale),
    fixed: (n, digits) => n.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }),
    percent: (fraction, digits) => fraction.toLocaleString(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }),
  };
}

/** Number formatters for the current UI language. */
export function useLocaleFormat(): LocaleFormat {
  return localeFormat(useContext(LangContext));
}
