import type { BatchOutcome } from './useUploads';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { uploadsBatchMessages } from '../i18n/uploadsBatch';

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/**
 * What the last batch did: how many images were added, the exact duplicates skipped (named), and a
 * batch the storage stopped (what was kept) or refused before writing (with the numbers).
 */
export function BatchOutcomeLines({ outcome }: { outcome: BatchOutcome }) {
  const t = useMessages(uploadsMessages);
  const tb = useMessages(uploadsBatchMessages);
  const { added, duplicateCount, duplicates, stopped, refused } = outcome;
  return (
    <>
      {refused ? (
        <p className="error-text" role="alert" data-testid="upload-error" data-reason="storage-full">
          {fill(tb('refusedFull'), { n: refused.images, needed: mb(refused.neededBytes), free: mb(refused.freeBytes) })}
        </p>
      ) : (
        <p role="status" data-testid="upload-added" data-added={added} data-duplicates={duplicateCount}>{fill(t('added'), { n: added })}</p>
      )}
      {stopped && (
        <p className="error-text" role="alert" data-testid="upload-error" data-reason={stopped.reason}>
          {fill(tb(stopped.reason === 'storage-full' ? 'stoppedFull' : 'stoppedFailed'), { kept: stopped.kept, last: stopped.lastKept ?? '–', notSaved: stopped.notSaved, first: stopped.firstNotSaved ?? '–' })}
        </p>
      )}
      {duplicateCount > 0 && (
        <details className="upload-duplicates" data-testid="upload-duplicates" data-count={duplicateCount}>
          <summary>{fill(tb('duplicatesSkipped'), { n: duplicateCount })}</summary>
          <ul>
            {duplicates.map((d) => <li key={d.name}>{fill(tb('duplicateOf'), { name: d.name, of: d.of })}</li>)}
            {duplicateCount > duplicates.length && <li>{fill(tb('duplicatesMore'), { n: duplicateCount - duplicates.length })}</li>}
          </ul>
        </details>
      )}
    </>
  );
}
