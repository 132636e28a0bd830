import { createContext, useContext, useMemo } from 'react';
import { LOCALE, sayMessage, toUserMessage, type MessageCatalogue, type UserMessage } from '../../messages/index';
import type { Lang } from '../experiment';
import { en, type MessageKey, type Messages } from './en';
import { ja } from './ja';

export type { MessageKey, Messages } from './en';

/** The message catalogues, one per UI language. */
export const CATALOGUES: Record<Lang, Messages> = { en, ja };

/** The current language, provided by the app. */
export const LangContext = createContext<Lang>('en');

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

/** The app's shared strings (en.ts / ja.ts) as a catalogue like any feature's: `useMessages(APP_MESSAGES)`. */
export const APP_MESSAGES: FeatureMessages<MessageKey> = CATALOGUES;

/** What {@link useMessages} returns: `t(key)`, and the same language for worker messages and errors. */
export interface Translate<K extends string> {
  (key: K): string;
  /** A worker message (code + parameters, src/messages) in the current language. */
  say: (m: UserMessage) => string;
  /** Any thrown value as a message in the current language. */
  sayError: (e: unknown) => string;
  readonly lang: Lang;
}

/**
 * The UI's one translation hook: `t(key)` over a feature's own catalogue (e.g. `src/ui/i18n/graph.ts`,
 * or APP_MESSAGES), so features add strings without editing the shared en.ts/ja.ts, with `t.say(m)` for
 * worker messages in the same language. The language comes from one place, LangContext (the app sets it
 * from the URL). Stable while the language is. A test checks every catalogue has both languages' keys.
 */
export function useMessages<K extends string>(messages: FeatureMessages<K>): Translate<K> {
  const lang = useContext(LangContext);
  return useMemo(
    () =>
      Object.assign((key: K) => messages[lang][key], {
        say: (m: UserMessage) => sayMessage(m, lang),
        sayError: (e: unknown) => sayMessage(toUserMessage(e), lang),
        lang,
      }),
    [messages, lang],
  );
}
