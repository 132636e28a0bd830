/**
 * Messages the worker (or any non-UI code) produces for the user, as data: a code from a typed catalogue
 * and its parameters. The UI renders them in its language (`src/messages/engineMessages.ts` holds the
 * English and Japanese templates); the English text stays in `Error.message` for logs, scripts and the CLI.
 * Pure TypeScript: no tfjs, no React.
 */

/** Values a template may insert: names, numbers, shapes already written as text. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A user-facing message as data. */
export interface UserMessage<Code extends string = string> {
  readonly code: Code;
  readonly params: MessageParams;
}

/**
 * Fills `{name}` placeholders, e.g. `fill('Epoch {n} / {total}', { n: 1, total: 5 })`. Values are inserted
 * as text (React escapes them); unknown placeholders stay as written.
 */
export function fill(template: string, values: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The placeholder names a template uses, sorted (the catalogue test compares them across languages). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/** An Error that carries its message as data, so the UI can say it in the user's language. */
export class UserError extends Error {
  constructor(
    readonly detail: UserMessage,
    englishText: string,
    options?: { cause?: unknown },
  ) {
    super(englishText, options);
    this.name = 'UserError';
  }
}

const isUserMessage = (v: unknown): v is UserMessage =>
  typeof v === 'object' && v !== null && typeof (v as UserMessage).code === 'string' && typeof (v as UserMessage).params === 'object' && (v as UserMessage).params !== null;

/**
 * The message an error carries as data, if any: a {@link UserError}, or an Error rebuilt on the other
 * side of the worker boundary with a `detail` property (see `src/engine/errorTransfer.ts`).
 */
export function userMessageOf(error: unknown): UserMessage | null {
  if (typeof error !== 'object' || error === null) return null;
  const detail = (error as { detail?: unknown }).detail;
  return isUserMessage(detail) ? detail : null;
}
