import type { UploadsSnapshot } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';

/** Too few images per class, a single class, storage that will not survive a reload (damaged records: DamagedRecords; a lost database: StorageStatus). */
export function UploadWarnings({ snapshot }: { snapshot: UploadsSnapshot }) {
  const t = useMessages(uploadsMessages);
  const lines = snapshot.warnings.map((w) =>
    w.kind === 'no-images' ? t('warnNoImages') : w.kind === 'single-class' ? fill(t('warnSingleClass'), { name: w.className }) : fill(t('warnFewImages'), { name: w.className, n: w.count }),
  );
  const problem = snapshot.storage.problem?.code;
  if (problem === 'no-indexeddb') lines.push(t('storageMemory'));
  if (problem === 'open-failed') lines.push(t('storageOpenFailed'));
  if (problem === 'unreadable') lines.push(t('storageUnreadable'));
  if (lines.length === 0) return null;
  return (
    <ul className="upload-warnings notice">
      {lines.map((line) => <li key={line} data-testid="upload-warning">{line}</li>)}
    </ul>
  );
}
