import type { ExperimentState } from '../experiment';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { offlineMessages } from '../i18n/offline';
import { EVERYTHING, megabytes, planOffline, scopeOf, type OfflinePlan } from './offlinePlan';
import { useOfflineContent } from './useOfflineContent';

/**
 * "Make available offline": stores the datasets and models of this lesson (or of every lesson) in the
 * browser in advance, with the total size, a progress bar, and what is already stored.
 */
export function OfflinePanel({ state }: { state: ExperimentState }) {
  const t = useMessages(offlineMessages);
  const { state: offline, download } = useOfflineContent();
  const entries = offline.kind === 'ready' || offline.kind === 'downloading' || offline.kind === 'failed' ? offline.entries : [];
  const here = planOffline(entries, scopeOf(state));
  const all = planOffline(entries, EVERYTHING);
  const busy = offline.kind === 'downloading';
  const usable = offline.kind !== 'unavailable' && offline.kind !== 'checking';
  const mb = (bytes: number) => megabytes(bytes).toFixed(1);
  const status = (plan: OfflinePlan): string =>
    plan.files.length === 0 ? t('nothingNeeded')
      : plan.missingBytes === 0 ? fill(t('stored'), { size: mb(plan.totalBytes) })
      : fill(t('missing'), { missing: mb(plan.missingBytes), total: mb(plan.totalBytes) });
  return (
    <section className="panel offline-panel" aria-labelledby="offline-heading" data-testid="offline-panel">
      <h2 id="offline-heading">{t('heading')}</h2>
      <p className="hint">{t('intro')}</p>
      {!usable && offline.kind === 'unavailable' && <p className="hint" data-testid="offline-status">{t('unavailable')}</p>}
      {usable && (
        <>
          <div className="row">
            <button type="button" data-testid="offline-this" disabled={busy || here.files.length === 0} onClick={() => void download(here.missing)}>
              {fill(t(state.lesson ? 'thisLesson' : 'thisPage'), { size: mb(here.totalBytes) })}
            </button>
          </div>
          <div className="row">
            <button type="button" className="secondary" data-testid="offline-all" disabled={busy} onClick={() => void download(all.missing)}>
              {fill(t('everything'), { size: mb(all.totalBytes) })}
            </button>
          </div>
          {busy && (
            <progress data-testid="offline-progress" max={offline.totalBytes} value={offline.doneBytes} aria-label={fill(t('progress'), { done: mb(offline.doneBytes), total: mb(offline.totalBytes) })} />
          )}
          <p role="status" data-testid="offline-status" className={offline.kind === 'failed' ? 'error-text' : 'hint'}>
            {busy ? fill(t('progress'), { done: mb(offline.doneBytes), total: mb(offline.totalBytes) })
              : offline.kind === 'failed' ? fill(t('failed'), { detail: offline.detail })
              : status(here)}
          </p>
        </>
      )}
    </section>
  );
}
