import { useContext, useState } from 'react';
import type { StorageState, UploadFileInput } from '../../engine/uploads/uploadsProtocol';
import { useWorker } from '../engineContext';
import { fill } from '../i18n/format';
import { LangContext, useMessages } from '../i18n/index';
import { uploadsBatchMessages, type UploadsBatchKey } from '../i18n/uploadsBatch';
import { LOCALE, toUserMessage, type CatalogueLang, type UserMessage } from '../../messages/index';
import { useStorageEstimate } from './storageEstimate';

/** "12.3 MB" / "1.2 GB" in the UI's number format. */
function bytesText(n: number, lang: CatalogueLang): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toLocaleString(LOCALE[lang], { maximumFractionDigits: u === 0 ? 0 : 1 })} ${units[u]}`;
}

interface Props {
  storage: StorageState;
  images: number;
  version: number;
  busy: boolean;
  onImport: (files: UploadFileInput[]) => void;
  onStoreAgain: () => void;
}

/**
 * Where "Your images" live and how safe they are: usage and quota of the browser's storage, whether it
 * keeps them (persistent) or may clear them, a loud notice when the database was cleared or lost while
 * the page is open (the images on the page are kept, and can be saved), and the export and import of
 * the whole dataset as a zip.
 */
export function StorageStatus({ storage, images, version, busy, onImport, onStoreAgain }: Props) {
  const t = useMessages(uploadsBatchMessages);
  const lang = useContext(LangContext);
  const { say } = t;
  const worker = useWorker();
  const { estimate, persist } = useStorageEstimate(version);
  const [persistAnswer, setPersistAnswer] = useState<boolean | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<{ images: number; classes: number; file: string } | null>(null);
  const [failure, setFailure] = useState<UserMessage | null>(null);

  const save = async () => {
    if (!worker) return;
    setExporting(true);
    setFailure(null);
    try {
      const result = await worker.uploads.exportDataset();
      const url = URL.createObjectURL(result.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = result.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setExported({ images: result.images, classes: result.classes, file: result.fileName });
    } catch (e) {
      setFailure(toUserMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const usage = storage.kind !== 'indexeddb'
    ? t('storageMemoryOnly')
    : estimate.usage !== null && estimate.quota !== null
      ? fill(t('storageUsage'), { used: bytesText(estimate.usage, lang), quota: bytesText(estimate.quota, lang) })
      : t('storageUnknown');
  const lostKey = storage.problem?.code === 'lost' ? (`storageLost${storage.problem.loss}` as UploadsBatchKey) : null;
  return (
    <div className="storage-status">
      {lostKey && (
        <div className="notice error storage-lost" role="alert" data-testid="storage-lost">
          <p>{fill(t(lostKey), { n: images })}</p>
          <div className="row">
            <button type="button" onClick={() => void save()} disabled={exporting || images === 0}>{t('exportDataset')}</button>
            <button type="button" className="secondary" data-testid="store-again" onClick={onStoreAgain}>{t('storeAgain')}</button>
          </div>
        </div>
      )}
      <p className="small-text" data-testid="storage-usage" data-usage={estimate.usage ?? ''} data-quota={estimate.quota ?? ''} data-kind={storage.kind}>
        {usage}{' '}
        {storage.kind === 'indexeddb' && estimate.persisted === true && t('storagePersistent')}
        {storage.kind === 'indexeddb' && estimate.persisted === false && (
          <>
            {t('storageBestEffort')}{' '}
            <button type="button" className="secondary small" onClick={() => void persist().then(setPersistAnswer)}>{t('storagePersist')}</button>
          </>
        )}
        {persistAnswer === false && <> {t('storagePersistDenied')}</>}
      </p>
      <div className="row dataset-transfer">
        <button type="button" className="secondary small" data-testid="export-dataset" disabled={exporting || images === 0} onClick={() => void save()}>{exporting ? t('exporting') : t('exportDataset')}</button>
        <label className="file-button small-text">
          {t('importDataset')}
          <input type="file" accept=".zip,application/zip" data-testid="import-dataset" disabled={busy} onChange={(e) => {
            onImport(Array.from(e.target.files ?? [], (file) => ({ file, path: file.name })));
            e.target.value = '';
          }} />
        </label>
      </div>
      <p className="muted small-text">{t('transferHint')}</p>
      {exported && <p role="status" className="small-text" data-testid="export-done">{fill(t('exported'), exported)}</p>}
      {failure && <p className="error-text" role="alert">{say(failure)}</p>}
    </div>
  );
}
