import { useCallback, useEffect, useState } from 'react';
import type { ExperimentState } from './experiment';
import { decodeExperiment, encodeExperiment, type UrlNotice } from './urlCodec';

/**
 * The experiment state, read once from the URL and written back on every change (replaceState), so the
 * address bar is always a link that reproduces the page.
 */
export function useExperiment(): {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  notices: UrlNotice[];
  dismissNotices: () => void;
} {
  const [initial] = useState(() => decodeExperiment(window.location.search));
  const [state, setState] = useState<ExperimentState>(initial.state);
  const [notices, setNotices] = useState<UrlNotice[]>(initial.notices);

  useEffect(() => {
    const query = encodeExperiment(state);
    const hidden = [...new URLSearchParams(window.location.search)].filter(([k]) => k.endsWith('_hide'));
    const extra = hidden.length ? `&${new URLSearchParams(hidden).toString()}` : '';
    window.history.replaceState(null, '', `${window.location.pathname}?${query}${extra}${window.location.hash}`);
  }, [state]);

  const update = useCallback((patch: Partial<ExperimentState>) => setState((s) => ({ ...s, ...patch })), []);
  const dismissNotices = useCallback(() => setNotices([]), []);
  return { state, update, notices, dismissNotices };
}
