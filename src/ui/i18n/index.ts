import { createContext, useContext } from 'react';
import { LOCALE, type MessageCatalogue } from '../../messages/index';
import type { Lang } from '../experiment';
import { en, type MessageKey, type Messages } from './en';
import { ja } from './ja';

export type { MessageKey, Messages } from './en';

/** The message catalogues, one per UI language. */
export const CATALOGUES: Record<Lang, Messages> = { en, ja };

/** The current language, provided by the app. */
export const LangContext = createContext<Lang>('en');

/** Returns `t(key)` for the current language. */
export function useT(): (key: MessageKey) => string {
  const lang = useContext(LangContext);
  return (key) => CATALOGUES[lang][key];
}

/** Formats a number for the current language ("1,234,567" in both, but per locale). */
export function useFormatNumber(): (n: number) => string {
  const lang = useContext(LangContext);
  return (n) => n.toLocaleString(LOCALE[lang]);
}

/**
 * A feature's own message catalogue: the same keys in English and Japanese — the very type of the
 * worker's catalogues (src/messages/catalogue.ts), so there is one catalogue type.
 */
export type FeatureMessages<K extends string> = MessageCatalogue<K>;

/**
 * `t(key)` over a feature's own catalogue (e.g. `src/ui/i18n/graph.ts`), so features add strings without
 * editing the shared en.ts/ja.ts. A test checks every catalogue in this folder has both languages' keys.
 */
export function useMessages<K extends string>(messages: FeatureMessages<K>): (key: K) => string {
  const lang = useContext(LangContext);
  return (key) => messages[lang][key];
}
