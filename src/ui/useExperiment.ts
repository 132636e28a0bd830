import { useCallback, useEffect, useState } from 'react';
import type { RecipeField } from '../recipes/recipes';
import { LESSON_QUERIES } from './classroom/lessons';
import { parseHidden, type HideableControl } from './classroom/hiddenControls';
import type { ExperimentState } from './experiment';
import { applyChange } from './recipeState';
import { decodeExperiment, encodeExperiment, explicitRecipeFields, URL_FIELD, type UrlNotice } from './urlCodec';

/** The teacher-mode controls that hold a recipe setting (a hidden one is never changed by a recipe). */
const HIDDEN_RECIPE_FIELDS: Partial<Record<HideableControl, RecipeField>> = {
  optimizer: 'optimizer', lr: 'learningRate', momentum: 'momentum', epochs: 'epochs', batch: 'batchSize', limit: 'trainLimit',
};

/**
 * The training settings a change of network or dataset keeps: the open lesson's own (its budget, so that
 * "train it, then switch the variant" compares like with like) and those a teacher's link hides.
 */
function keptSettings(s: ExperimentState): Partial<Pick<ExperimentState, RecipeField>> {
  const kept: Record<string, unknown> = s.lesson ? { ...explicitRecipeFields(LESSON_QUERIES[s.lesson]) } : {};
  for (const control of parseHidden(window.location.search)) {
    const field = HIDDEN_RECIPE_FIELDS[control];
    if (field) kept[field] = s[field];
  }
  return kept as Partial<Pick<ExperimentState, RecipeField>>;
}

/**
 * `patch` without the fields a teacher's link hides: no other panel (the transfer panel's dataset
 * select) and no lesson link may change a setting the teacher fixed.
 */
export function withoutHidden(patch: Partial<ExperimentState>, hidden: ReadonlySet<HideableControl>): Partial<ExperimentState> {
  const blocked = new Set([...hidden].map((key) => URL_FIELD.get(key)).filter((f) => f !== undefined));
  return Object.fromEntries(Object.entries(patch).filter(([field]) => !blocked.has(field as keyof ExperimentState))) as Partial<ExperimentState>;
}

/**
 * The experiment state, read once from the URL and written back on every change (replaceState), so the
 * address bar is always a link that reproduces the page. A change of network or dataset applies the new
 * training recipe (src/recipes/).
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
    const hidden = [...new URLSearchParams(window.location.search)].filter(([k]) => k.endsWith('_hide') || k === 'teacher');
    const extra = hidden.length ? `&${new URLSearchParams(hidden).toString()}` : '';
    window.history.replaceState(null, '', `${window.location.pathname}?${query}${extra}${window.location.hash}`);
  }, [state]);

  const update = useCallback((change: Partial<ExperimentState>) => {
    const patch = withoutHidden(change, parseHidden(window.location.search));
    setState((s) => applyChange(s, patch, keptSettings({ ...s, ...patch })));
  }, []);
  const dismissNotices = useCallback(() => setNotices([]), []);
  return { state, update, notices, dismissNotices };
}
