import { useContext } from 'react';
import { LOCALE } from '../../messages/index';
import type { Lang } from '../experiment';
import { LangContext } from './index';

// One i18n system: the UI's strings and the worker's messages share one `fill` and one language → locale map.
export { fill, LOCALE } from '../../messages/index';

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
