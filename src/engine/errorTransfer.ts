/**
 * Comlink's own "throw" handler sends only an Error's message, name and stack across the worker boundary.
 * Ours also sends `detail` (a `UserMessage`: code + parameters), so the UI can say a worker error in the
 * user's language. Installed on both sides: the worker (serialize) and the page (deserialize).
 */
import * as Comlink from 'comlink';
import { userMessageOf, type UserMessage } from '../messages/index';

interface SerializedThrow {
  isError: boolean;
  value: unknown;
}

interface SerializedError {
  message: string;
  name: string;
  stack?: string;
  detail?: UserMessage;
}

const throwMarker = Symbol.for('cnn-playground:comlink-throw');

/** Replaces Comlink's "throw" handler with one that keeps `detail`. Idempotent. */
export function installErrorTransfer(): void {
  const stock = Comlink.transferHandlers.get('throw');
  if (!stock || (stock as { [throwMarker]?: true })[throwMarker]) return;
  const handler: Comlink.TransferHandler<{ value: unknown }, SerializedThrow> & { [throwMarker]: true } = {
    [throwMarker]: true,
    canHandle: (value: unknown): value is { value: unknown } => stock.canHandle(value),
    serialize({ value }) {
      if (!(value instanceof Error)) return [{ isError: false, value }, []];
      const detail = userMessageOf(value);
      const error: SerializedError = { message: value.message, name: value.name, stack: value.stack, ...(detail ? { detail } : {}) };
      return [{ isError: true, value: error }, []];
    },
    deserialize(serialized) {
      if (serialized.isError) throw Object.assign(new Error((serialized.value as SerializedError).message), serialized.value);
      throw serialized.value;
    },
  };
  Comlink.transferHandlers.set('throw', handler as Comlink.TransferHandler<unknown, unknown>);
}
