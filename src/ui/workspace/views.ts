import { VIEW_IDS, type ExperimentState, type ViewId } from '../experiment';

/** The panels (their data-testids) each view shows below the workspace. */
export const VIEW_PANELS: Readonly<Record<ViewId, readonly string[]>> = {
  transfer: ['transfer-panel'],
  data: ['uploads-panel', 'augment-panel', 'augment-experiment'],
  depth: ['depth-experiment'],
  cost: ['cost-explorer'],
};

/** The view a panel lives in, or undefined for a panel of the workspace or of every-panel view only. */
export function viewOfPanel(panel: string): ViewId | undefined {
  return VIEW_IDS.find((v) => VIEW_PANELS[v].includes(panel));
}

/**
 * The view to show: the link's `view`, unless its `panel` lives in another view (an older `?panel=` link
 * combined with a view): then the view that holds the panel, so the link still opens what it names.
 */
export function shownView(state: Pick<ExperimentState, 'view' | 'panel'>): ViewId | '' {
  if (!state.view || !state.panel) return state.view;
  const home = viewOfPanel(state.panel);
  return home && home !== state.view ? home : state.view;
}

/** Whether the view `shown` includes the panels of `view` ('' shows every view's panels). */
export const shows = (shown: ViewId | '', view: ViewId): boolean => shown === '' || shown === view;
