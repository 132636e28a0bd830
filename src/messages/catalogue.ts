/**
 * Typed message catalogues for text produced outside the UI (the worker, src/data, src/arch): one
 * template per code in English and Japanese. Codes carry their feature as a prefix ("engine.", "fit.",
 * "backend.") so catalogues merge without clashes.
 */
import { fill, UserError, type MessageParams, type UserMessage } from './userMessage';

/** The UI languages every catalogue covers. */
export type CatalogueLang = 'en' | 'ja';

/** The BCP 47 locale each language formats numbers and dates with: the one place that maps a language to a locale. */
export const LOCALE: Readonly<Record<CatalogueLang, string>> = { en: 'en-US', ja: 'ja-JP' };

/** One feature's templates: the same codes in both languages. */
export interface MessageCatalogue<Code extends string> {
  readonly en: Readonly<Record<Code, string>>;
  readonly ja: Readonly<Record<Code, string>>;
}

/** Declares a catalogue (the type checks that Japanese has every English code and no other). */
export const defineCatalogue = <Code extends string>(c: MessageCatalogue<Code>): MessageCatalogue<Code> => c;

/** Parameters may be text, numbers, nested messages (said in the same language) or lists of them. */
export type RichParams = Readonly<Record<string, string | number | UserMessage | readonly UserMessage[]>>;

/** A message as data; nested messages in `params` stay data until rendered. */
export function message<Code extends string>(code: Code, params: RichParams = {}): UserMessage<Code> {
  return { code, params: params as MessageParams };
}

/** How lists of nested messages are joined, per language. */
const LIST_SEPARATOR: Record<CatalogueLang, string> = { en: ', ', ja: '、' };

/**
 * Renders `m` with `templates` (all codes of all catalogues in one language); nested messages are rendered
 * the same way. An unknown code renders as its code and parameters, never as nothing.
 */
export function renderMessage(m: UserMessage, templates: Readonly<Record<string, string>>, lang: CatalogueLang): string {
  const template = templates[m.code];
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params as RichParams)) {
    if (typeof v === 'string' || typeof v === 'number') values[k] = v;
    else if (Array.isArray(v)) values[k] = (v as readonly UserMessage[]).map((x) => renderMessage(x, templates, lang)).join(LIST_SEPARATOR[lang]);
    else values[k] = renderMessage(v as UserMessage, templates, lang);
  }
  if (template === undefined) return `${m.code} ${JSON.stringify(values)}`;
  return fill(template, values);
}

/**
 * An Error whose data is `code` + `params` and whose `message` is the English text (for logs, scripts and
 * tests); the UI translates the data.
 */
export function catalogueError<Code extends string>(catalogue: MessageCatalogue<Code>, code: Code, params: RichParams = {}, options?: { cause?: unknown }): UserError {
  const m = message(code, params);
  return new UserError(m, renderMessage(m, catalogue.en, 'en'), options);
}
