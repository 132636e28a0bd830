import { VIEW_IDS, type ExperimentState, type ViewId } from '../experiment';
import { useMessages } from '../i18n/index';
import { workspaceMessages } from '../i18n/workspace';
import { encodeExperiment } from '../urlCodec';

const LABEL: Record<ViewId | '', keyof (typeof workspaceMessages)['en']> = {
  '': 'viewAll', transfer: 'viewTransfer', data: 'viewData', depth: 'viewDepth', cost: 'viewCost',
};

/**
 * The views below the workspace as links (each one a share link: `?view=…`); a click switches the view
 * in place, without reloading, and forgets the link's `panel` (it named a panel of the old view).
 */
export function ViewNav({ state, shown, update }: { state: ExperimentState; shown: ViewId | ''; update: (patch: Partial<ExperimentState>) => void }) {
  const t = useMessages(workspaceMessages);
  return (
    <nav className="view-nav" aria-label={t('viewsLabel')} data-testid="view-nav">
      {(['', ...VIEW_IDS] as const).map((view) => (
        <a
          key={view || 'all'}
          href={`?${encodeExperiment({ ...state, view, panel: '' })}`}
          data-testid={`view-${view || 'all'}`}
          aria-current={shown === view ? 'page' : undefined}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; // a new tab keeps the browser's way
            e.preventDefault();
            update({ view, panel: '' });
          }}
        >
          {t(LABEL[view])}
        </a>
      ))}
    </nav>
  );
}
