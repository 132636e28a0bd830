import { ArchPanel } from './ArchPanel';
import { ClassroomPanels } from './classroom/ClassroomPanels';
import { LessonCard } from './classroom/LessonCard';
import { useHidden } from './classroom/useHidden';
import { usePageSettings } from './classroom/usePageSettings';
import { EngineProvider } from './engineContext';
import { ErrorBoundary } from './ErrorBoundary';
import { TrainingProvider } from './trainingContext';
import type { Lang } from './experiment';
import { LangContext, CATALOGUES } from './i18n/index';
import { NetworkNote } from './NetworkNote';
import { SummaryPanel } from './SummaryPanel';
import { TrainingSection } from './TrainingSection';
import { useArchInfo } from './useArchInfo';
import { useExperiment } from './useExperiment';
import { UrlNoticeBanner } from './UrlNoticeBanner';
import { BuildStamp } from './update/BuildStamp';
import { UpdateBanner } from './update/UpdateBanner';
import { TrainingCurves } from './workspace/TrainingCurves';
import { ViewNav } from './workspace/ViewNav';
import { shownView, shows } from './workspace/views';
import { lazyPanel } from './lazyPanel';
import { sayMessage } from '../messages/index';

// Heavy views load after the first view (their own chunks): the page shows the picker, summary and
// training controls from about 120 KB of gzipped JavaScript (measure: npx tsx scripts/mainBundleSize.ts).
const WorkspaceGraph = lazyPanel(() => import('./workspace/WorkspaceGraph').then((m) => m.WorkspaceGraph));
const CostExplorer = lazyPanel(() => import('./graph/CostExplorer').then((m) => m.CostExplorer));
const DepthExperimentPanel = lazyPanel(() => import('./inspect/DepthExperimentPanel').then((m) => m.DepthExperimentPanel));
const FeatureMapsPanel = lazyPanel(() => import('./inspect/FeatureMapsPanel').then((m) => m.FeatureMapsPanel));
const LayerInspector = lazyPanel(() => import('./workspace/LayerInspector').then((m) => m.LayerInspector));
const UploadsSection = lazyPanel(() => import('./uploads/UploadsSection').then((m) => m.UploadsSection));
const TransferPanel = lazyPanel(() => import('./transfer/TransferPanel').then((m) => m.TransferPanel));
const KerasPanel = lazyPanel(() => import('./keras/KerasPanel').then((m) => m.KerasPanel));

/** The playground: pick a network and its options, read its summary, train it. */
export function App() {
  const { state, update, notices, dismissNotices } = useExperiment();
  const arch = useArchInfo(state);
  const t = CATALOGUES[state.lang];
  usePageSettings(state);
  const langHidden = useHidden('lang');
  const view = shownView(state);
  const panelError = (message: string) => (
    <div className="panel error" role="alert">
      {t.pageError} <code>{message}</code>
    </div>
  );
  return (
    <LangContext.Provider value={state.lang}>
      <EngineProvider>
      <TrainingProvider state={state}>
      <header className="app-header">
        <div>
          <h1 lang={state.lang}>{t.appTitle}</h1>
          <p className="tagline">{t.tagline}</p>
        </div>
        {!langHidden && <label className="lang">
          {t.language}
          <select data-testid="language-select" value={state.lang} onChange={(e) => update({ lang: e.target.value as Lang })}>
            <option value="en" lang="en">English</option>
            <option value="ja" lang="ja">日本語</option>
          </select>
        </label>}
      </header>
      <UrlNoticeBanner notices={notices} onDismiss={dismissNotices} />
      <UpdateBanner />
      <main className="workspace-page">
        <div className="workspace">
          <div className="ws-left">
            <ErrorBoundary fallback={panelError}>
              <ArchPanel state={state} update={update} />
            </ErrorBoundary>
            {!('error' in arch) && (
              <ErrorBoundary fallback={panelError}>
                <TrainingSection state={state} update={update} graph={arch.graph} info={arch.info} />
              </ErrorBoundary>
            )}
          </div>
          <div className="ws-centre">
            <ErrorBoundary fallback={panelError}>
              <LessonCard state={state} update={update} />
            </ErrorBoundary>
            {'error' in arch ? (
              <div className="panel error" role="alert" data-testid="arch-error">
                {t.archError} {sayMessage(arch.error, state.lang)}
              </div>
            ) : (
              <ErrorBoundary fallback={panelError}>
                <WorkspaceGraph graph={arch.graph} info={arch.info} />
              </ErrorBoundary>
            )}
            <ErrorBoundary fallback={panelError}>
              <TrainingCurves />
            </ErrorBoundary>
          </div>
          <div className="ws-right">
            {!('error' in arch) && (
              <ErrorBoundary fallback={panelError}>
                <LayerInspector graph={arch.graph} info={arch.info} />
              </ErrorBoundary>
            )}
          </div>
        </div>
        <div className="layout">
          <div className="sidebar">
            <ErrorBoundary fallback={panelError}>
              <ClassroomPanels state={state} update={update} />
            </ErrorBoundary>
          </div>
          <div className="content">
            <ViewNav state={state} shown={view} update={update} />
            {/* Views hide their panels instead of unmounting them: a panel's state (an installed transfer
                model, a running experiment, its results) stays while another view is shown. */}
            <div className="view-panels" hidden={view !== ''}>
              <ErrorBoundary fallback={panelError}>
                <NetworkNote arch={state.arch} />
              </ErrorBoundary>
              {!('error' in arch) && (
                <>
                  <ErrorBoundary fallback={panelError}>
                    <FeatureMapsPanel />
                  </ErrorBoundary>
                  <ErrorBoundary fallback={panelError}>
                    <SummaryPanel info={arch.info} />
                  </ErrorBoundary>
                  <ErrorBoundary fallback={panelError}>
                    <KerasPanel state={state} info={arch.info} />
                  </ErrorBoundary>
                </>
              )}
            </div>
            <div className="view-panels" hidden={!shows(view, 'transfer')} data-view="transfer">
              <ErrorBoundary fallback={panelError}>
                <TransferPanel state={state} update={update} />
              </ErrorBoundary>
            </div>
            <div className="view-panels" hidden={!shows(view, 'data')} data-view="data">
              <ErrorBoundary fallback={panelError}>
                <UploadsSection state={state} update={update} panelError={panelError} />
              </ErrorBoundary>
            </div>
            <div className="view-panels" hidden={!shows(view, 'cost')} data-view="cost">
              <ErrorBoundary fallback={panelError}>
                <CostExplorer />
              </ErrorBoundary>
            </div>
            <div className="view-panels" hidden={!shows(view, 'depth')} data-view="depth">
              <ErrorBoundary fallback={panelError}>
                <DepthExperimentPanel />
              </ErrorBoundary>
            </div>
          </div>
        </div>
      </main>
      <footer className="app-footer">
        <BuildStamp />
      </footer>
      </TrainingProvider>
      </EngineProvider>
    </LangContext.Provider>
  );
}
