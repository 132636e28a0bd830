import { useEffect, useState } from 'react';
import type { ModelFiles, SavedModel } from '../../engine/transfer/transferProtocol';
import { message, transferError } from '../../messages/index';
import { useMessages } from '../i18n/index';
import { transferMessages } from '../i18n/transfer';
import { useRenderCount } from '../renderCount';
import { useTrainingStore, useTrainingView } from '../trainingContext';
import { isBusy } from '../useTrainingEngine';
import { fill, useLocaleFormat } from '../i18n/format';
import type { TrainingRecord } from '../../engine/transfer/transferProtocol';
import { chartsPng, downloadBlob, historyCsv } from './historyFiles';
import type { TransferHook } from './useTransfer';

interface Props {
  hook: TransferHook;
  disabled: boolean;
}

/** Reads picked files: the one model.json as text, every other file as bytes. */
async function readPicked(files: readonly File[]): Promise<ModelFiles | 'none' | 'many'> {
  const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (json.length === 0) return 'none';
  if (json.length > 1) return 'many';
  const weights = await Promise.all(files.filter((f) => f !== json[0]).map(async (f) => ({ name: f.name, data: await f.arrayBuffer() })));
  return { json: await json[0].text(), weights };
}

/**
 * Keep what you trained: IndexedDB (save, list, load, delete), tfjs files (download, import with
 * validation — a refused import keeps the current model), the history as CSV and the curves as PNG.
 */
export function KeepPanel({ hook, disabled }: Props) {
  const t = useMessages(transferMessages);
  useRenderCount('KeepPanel');
  // What the panel shows; the curves and the history are read when a button asks for them, so a batch does not re-render it.
  const view = useTrainingView((v) => ({ adopted: v.adopted, build: v.build, fitResult: v.fitResult, busy: isBusy(v.phase) }));
  const store = useTrainingStore();
  const f = useLocaleFormat();
  // Without a transfer model, the training panel's own trained model is what Save and Download keep.
  const scratch = !hook.installed && view.adopted === null && view.build !== null && view.fitResult !== null && !view.busy;
  const keepable = hook.installed !== null || scratch;
  const [name, setName] = useState('my-transfer-model');
  /** How the kept model was trained: the page's settings (its share link) and the epochs behind the curves. */
  const record = (): TrainingRecord => {
    const now = store.getState();
    return {
      settings: `${now.build?.name ?? ''} ${new URLSearchParams(window.location.search).toString()}`.trim(),
      epochs: now.epochHistory.map(({ epoch, loss, accuracy, valLoss, valAccuracy }) => ({ epoch, loss, accuracy, valLoss, valAccuracy })),
      testAccuracy: now.evaluation?.accuracy ?? null,
    };
  };
  const [saved, setSaved] = useState<SavedModel[]>([]);
  const transfer = hook.transfer;
  useEffect(() => {
    if (transfer) transfer.listSaved().then(setSaved, () => setSaved([]));
  }, [transfer]);
  // A saved model names its classes (metadata); a foreign one must fit all classes of the dataset.
  const request = () => hook.subsetRequest([], hook.perClass);

  const save = () => void hook.run('working', async () => {
    if (!transfer) return;
    setSaved(await transfer.saveToBrowser(name, record()));
    hook.setNotice({ key: 'savedAs', params: { name: name.trim() } });
  });
  const loadSaved = (which: string) => void hook.run('working', async () => {
    if (!transfer) return;
    const st = await transfer.loadFromBrowser(which, request());
    hook.install(st, true);
    hook.setNotice({ key: 'imported', params: { name: which, classes: st.dataset.classNames.length } });
  });
  const remove = (which: string) => void hook.run('working', async () => {
    if (transfer) setSaved(await transfer.removeSaved(which));
  });
  const exportModel = () => void hook.run('working', async () => {
    if (!transfer) return;
    const files = await transfer.exportModel(name, record());
    downloadBlob(new Blob([files.json], { type: 'application/json' }), files.jsonName);
    downloadBlob(new Blob([files.weights], { type: 'application/octet-stream' }), files.binName);
  });
  const importModel = (list: FileList | null, input: HTMLInputElement) => void hook.run('working', async () => {
    const picked = await readPicked(Array.from(list ?? []));
    input.value = '';
    if (picked === 'none' || picked === 'many') throw transferError(picked === 'none' ? 'transfer.needJson' : 'transfer.tooManyJson');
    if (!transfer) return;
    const st = await transfer.importModel(picked, request());
    hook.install(st, true);
    hook.setNotice({ key: 'imported', params: { name: st.build.name, classes: st.dataset.classNames.length } });
  });
  const exportHistory = () => {
    const now = store.getState();
    if (now.batchHistory.length === 0) return hook.setError(message('transfer.noHistory'));
    downloadBlob(new Blob([historyCsv(now.batchHistory, now.epochHistory, now.batches)], { type: 'text/csv' }), `${name.trim() || 'training'}-history.csv`);
  };
  const exportCurves = () => void hook.run('working', async () => {
    const charts = (['loss', 'accuracy'] as const)
      .map((m) => document.querySelector<SVGSVGElement>(`[data-testid="chart-${m}"] svg`))
      .filter((svg): svg is SVGSVGElement => svg !== null);
    if (store.getState().batchHistory.length === 0 || charts.length === 0) throw transferError('transfer.noCurves');
    const titles = charts.map((svg) => svg.getAttribute('aria-label') ?? '');
    downloadBlob(await chartsPng(charts.map((svg, i) => ({ svg, title: titles[i] }))), `${name.trim() || 'training'}-curves.png`);
  });

  return (
    <section className="transfer-keep" aria-labelledby="transfer-keep-heading">
      <h3 id="transfer-keep-heading">{t('keep')}</h3>
      {scratch && <p className="hint" data-testid="keep-scratch">{t('keepScratch')}</p>}
      {hook.installed?.record && (
        <p className="hint" data-testid="kept-record">
          {fill(t('keptRecord'), { settings: hook.installed.record.settings || '–', accuracy: hook.installed.record.testAccuracy === null ? '–' : f.percent(hook.installed.record.testAccuracy, 1) })}
        </p>
      )}
      <div className="row">
        <label>
          {t('saveName')}
          <input data-testid="transfer-model-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={40} />
        </label>
        <button type="button" data-testid="save-browser" disabled={disabled || !keepable} onClick={save}>
          {t('saveBrowser')}
        </button>
        <button type="button" data-testid="export-model" disabled={disabled || !keepable} onClick={exportModel}>
          {t('exportModel')}
        </button>
      </div>
      <label>
        {t('importModel')}
        <input data-testid="import-model" type="file" multiple accept=".json,.bin,application/json,application/octet-stream" disabled={disabled} onChange={(e) => importModel(e.target.files, e.target)} />
      </label>
      <label>
        {t('importKeras')}
        <input data-testid="import-keras-model" type="file" accept=".keras,application/zip" disabled={disabled} onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void hook.importKeras(file);
        }} />
      </label>
      <div className="row">
        <button type="button" className="secondary" data-testid="export-history" onClick={exportHistory}>
          {t('exportHistory')}
        </button>
        <button type="button" className="secondary" data-testid="export-curves" onClick={exportCurves}>
          {t('exportCurves')}
        </button>
      </div>
      <h4>{t('savedList')}</h4>
      {saved.length === 0 ? (
        <p className="hint">{t('noSaved')}</p>
      ) : (
        <ul className="transfer-saved">
          {saved.map((m) => (
            <li key={m.name} data-testid="saved-model">
              <span>{m.name}</span> <span className="hint">{m.savedAt.slice(0, 16).replace('T', ' ')}</span>{' '}
              <button type="button" className="secondary" disabled={disabled} onClick={() => loadSaved(m.name)}>
                {t('load')}
              </button>{' '}
              <button type="button" className="secondary" disabled={disabled} onClick={() => remove(m.name)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        <code>{t('kerasHint')}</code>
      </p>
    </section>
  );
}
