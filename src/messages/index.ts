/**
 * Every catalogue of non-UI messages, merged per language, so the UI can render any `UserMessage` the
 * worker sends. A feature adds its catalogue file here (one line).
 */
import { message, renderMessage, type CatalogueLang, type MessageCatalogue } from './catalogue';
import { archMessages } from './archMessages';
import { augmentMessages } from './augmentMessages';
import { engineMessages } from './engineMessages';
import { inspectMessages } from './inspectMessages';
import { uploadsMessages } from './uploadsMessages';
import { transferMessages } from './transferMessages';
import { kerasMessages } from './kerasMessages';
import { zooMessages } from './zooMessages';
import { datasetMessages } from './datasetMessages';
import { userMessageOf, type UserMessage } from './userMessage';

export { catalogueError, defineCatalogue, LOCALE, message, renderMessage, type CatalogueLang, type MessageCatalogue, type RichParams } from './catalogue';
export { archMessages, type ArchMessageCode } from './archMessages';
export { augmentMessages, type AugmentMessageCode } from './augmentMessages';
export { engineError, engineMessages, type EngineMessageCode } from './engineMessages';
export { inspectError, inspectMessages, type InspectMessageCode } from './inspectMessages';
export { uploadsError, uploadsMessages, type UploadsMessageCode } from './uploadsMessages';
export { transferError, transferMessages, type TransferMessageCode } from './transferMessages';
export { kerasError, kerasMessages, type KerasMessageCode } from './kerasMessages';
export { zooMessages, type ZooMessageCode } from './zooMessages';
export { classNameIn, classNameParam, datasetIdParam, datasetMessages, type DatasetMessageCode } from './datasetMessages';
export { fill, placeholders, userMessageOf, UserError, type MessageParams, type UserMessage } from './userMessage';

/** All catalogues (the test checks codes are unique and both languages match). */
export const MESSAGE_CATALOGUES: readonly MessageCatalogue<string>[] = [archMessages, augmentMessages, engineMessages, inspectMessages, transferMessages, uploadsMessages, zooMessages, kerasMessages, datasetMessages];

const merged = (lang: CatalogueLang): Readonly<Record<string, string>> => Object.assign({}, ...MESSAGE_CATALOGUES.map((c) => c[lang]));
const TEMPLATES: Record<CatalogueLang, Readonly<Record<string, string>>> = { en: merged('en'), ja: merged('ja') };

/** `m` in `lang`, with nested messages in the same language. */
export function sayMessage(m: UserMessage, lang: CatalogueLang): string {
  return renderMessage(m, TEMPLATES[lang], lang);
}

/** What an error says, as data: its own message when it carries one, else its text as `error.unexpected`. */
export function toUserMessage(error: unknown): UserMessage {
  return userMessageOf(error) ?? message('error.unexpected', { detail: error instanceof Error ? error.message : String(error) });
}
