/**
 * Saying worker messages (`UserMessage`: code + parameters) in the current UI language. Pure rendering
 * lives in src/messages; this is its React face.
 */
import { useContext } from 'react';
import { sayMessage, toUserMessage, type UserMessage } from '../../messages/index';
import { LangContext } from './index';

/** `say(m)` renders a message in the current language; `sayError(e)` does the same for any thrown value. */
export function useSay(): { say: (m: UserMessage) => string; sayError: (e: unknown) => string } {
  const lang = useContext(LangContext);
  return { say: (m) => sayMessage(m, lang), sayError: (e) => sayMessage(toUserMessage(e), lang) };
}
