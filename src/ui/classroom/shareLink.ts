import type { ExperimentState } from '../experiment';
import { encodeExperiment } from '../urlCodec';
import { encodeHidden, type HideableControl } from './hiddenControls';

/**
 * The link that reproduces the page: the page's address without its query, the experiment (only what
 * differs from the defaults, plus `v`), then the teacher-mode `_hide` flags.
 * @param page the page's address, e.g. `https://user.github.io/cnn-playground/?old=1#x`
 */
export function shareLink(page: string, state: ExperimentState, hidden: ReadonlySet<HideableControl>): string {
  const url = new URL(page);
  const flags = encodeHidden(hidden);
  return `${url.origin}${url.pathname}?${encodeExperiment(state)}${flags ? `&${flags}` : ''}`;
}
