import { ArchPanel } from './ArchPanel';
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

/** The playground: pick a network and its options, read its summary, train it. */
export function App() {
  const { state, update, notices, dismissNotices } = useExperiment();
  const arch = useArchInfo(state);
  const t = CATALOGUES[state.lang];
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
        <label className="lang">
          {t.language}
          <select data-testid="language-select" value={state.lang} onChange={(e) => update({ lang: e.target.value as Lang })}>
            <option value="en">English</option>
            <option value="ja">日本語</option>
          </select>
        </label>
      </header>
      <UrlNoticeBanner notices={notices} onDismiss={dismissNotices} />
      <main className="layout">
        <div className="sidebar">
          <ErrorBoundary fallback={panelError}>
            <ArchPanel state={state} update={update} />
          </ErrorBoundary>
        </div>
        <div className="content">
          <ErrorBoundary fallback={panelError}>
            <NetworkNote arch={state.arch} />
          </ErrorBoundary>
          {'error' in arch ? (
            <div className="panel error" role="alert" data-testid="arch-error">
              {t.archError} {arch.error}
            </div>
          ) : (
            <>
              <ErrorBoundary fallback={panelError}>
                <TrainingSection state={state} update={update} graph={arch.graph} info={arch.info} />
              </ErrorBoundary>
              <ErrorBoundary fallback={panelError}>
                <SummaryPanel info={arch.info} />
              </ErrorBoundary>
            </>
          )}
        </div>
      </main>
      </TrainingProvider>
      </EngineProvider>
    </LangContext.Provider>
  );
}
