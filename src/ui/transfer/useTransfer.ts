import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { callback } from '../../engine/client';
import type { CompileSettings, DatasetInfo, FitSettings, TrainEvent } from '../../engine/protocol';
import type { BaseEntry, BaseInfo, BaseSource, FreezeMode, SubsetRequest, TransferFitResult, TransferState } from '../../engine/transfer/transferProtocol';
import { toUserMessage, type UserMessage } from '../../messages/index';
import { useWorker } from '../engineContext';
import type { ExperimentState } from '../experiment';
import type { transferMessages } from '../i18n/transfer';
import { useTrainingActions, useTrainingView } from '../trainingContext';

/** Test images per class of the new task: enough for a stable accuracy, quick to evaluate. */
export const TEST_PER_CLASS = 200;

/** A note of the panel as data (a key of the panel's catalogue and its values), said in the current language. */
export interface TransferNotice {
  key: keyof typeof transferMessages.en;
  params: Record<string, string | number>;
}

/** A folder of the site, as an absolute URL (the worker resolves relative URLs against its own script). */
export function siteUrl(folder: string): string {
  return new URL(`${import.meta.env.BASE_URL}${folder}`, window.location.href).href;
}

/**
 * The transfer-learning workflow of the page: shipped bases, the loaded base, the new task (dataset,
 * classes, images per class), the installed transfer model and its freezing. Installing adopts the
 * model into the training context, so Train / Evaluate / Predict act on it; when the training context
 * drops it (network, dataset or backend changed) the worker's transfer state is released.
 */
export function useTransfer(state: ExperimentState) {
  const worker = useWorker();
  // A Comlink remote makes a new proxy on every property read: keep one per worker.
  const transfer = useMemo(() => worker?.transfer ?? null, [worker]);
  const { adoptModel } = useTrainingActions();
  const view = useTrainingView((v) => ({ adopted: v.adopted, phase: v.phase }));
  const [bases, setBases] = useState<BaseEntry[]>([]);
  const [base, setBase] = useState<BaseInfo | null>(null);
  const [dataset, setDataset] = useState<DatasetInfo | null>(null);
  const [installed, setInstalled] = useState<TransferState | null>(null);
  const [cache, setCache] = useState<TransferFitResult['cache'] | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  // Errors and notes are kept as data and said at display time, so switching language re-says them.
  const [error, setError] = useState<UserMessage | null>(null);
  const [notice, setNotice] = useState<TransferNotice | null>(null);
  /** Training images per class of the new task (0 = all); also used when a saved model is loaded. */
  const [perClass, setPerClass] = useState(20);

  useEffect(() => {
    if (!transfer) return;
    let live = true;
    transfer.listBases(siteUrl('models')).then((b) => live && setBases(b), (e) => live && setError(toUserMessage(e)));
    return () => {
      live = false;
    };
  }, [transfer]);

  // The training context dropped the model (new network, dataset or backend): give the data back.
  const adoptedRef = useRef(view.adopted);
  useEffect(() => {
    const was = adoptedRef.current;
    adoptedRef.current = view.adopted;
    if (was && !view.adopted && transfer) {
      setInstalled(null);
      setCache(undefined);
      void transfer.release();
    }
  }, [view.adopted, transfer]);

  // Class names belong to the dataset: forget them when it changes.
  const [shownDataset, setShownDataset] = useState(state.dataset);
  if (shownDataset !== state.dataset) {
    setShownDataset(state.dataset);
    setDataset(null);
  }

  /** Runs one worker job, showing `label` while it runs and its error if it fails. */
  const run = useCallback(async <T,>(label: string, job: () => Promise<T>): Promise<T | null> => {
    setBusy(label);
    setError(null);
    setNotice(null);
    try {
      return await job();
    } catch (e) {
      setError(toUserMessage(e));
      return null;
    } finally {
      setBusy(null);
    }
  }, []);

  const loadBase = useCallback((source: BaseSource) => run('loadingBase', async () => {
    if (!transfer) return;
    setBase(await transfer.loadBase(source));
  }), [run, transfer]);

  const describeDataset = useCallback(() => run('working', async () => {
    if (!transfer) return;
    setDataset(await transfer.describeDataset(state.dataset, siteUrl('data')));
  }), [run, transfer, state.dataset]);

  const subsetRequest = useCallback((classes: number[], perClass: number): SubsetRequest => ({
    datasetId: state.dataset, dataUrl: siteUrl('data'), classes, perClass, testPerClass: TEST_PER_CLASS, seed: state.seed,
  }), [state.dataset, state.seed]);

  /** Adopts a worker-installed model into the training context (Train then fits it through `transfer.fit`). */
  const install = useCallback((st: TransferState, fresh: boolean) => {
    if (!transfer) return;
    setInstalled(st);
    if (fresh) setCache(undefined);
    adoptModel({
      label: 'transfer', build: st.build, dataset: st.dataset,
      fit: async (compile: CompileSettings, fit: FitSettings, onEvent: (e: TrainEvent) => void) => {
        // As the comparison trains its transfer arm: every training image of the new task, no validation
        // split (the task's test images are measured after training), so both give one result.
        const result = await transfer.fit(compile, { ...fit, validationSplit: 0, trainLimit: 0 }, onEvent);
        setCache(result.cache);
        return result;
      },
      history: st.record?.epochs.map((e) => ({ ...e, examplesPerSec: 0 })),
    }, fresh);
  }, [adoptModel, transfer]);

  const applyHead = useCallback((o: { classes: number[]; cutAt: string; pooling: 'avg' | 'flatten'; mode: FreezeMode }) => run('applying', async () => {
    if (!transfer) return false;
    const st = await transfer.applyHead(
      { subset: subsetRequest(o.classes, perClass), cutAt: o.cutAt, pooling: o.pooling, seed: state.seed, mode: o.mode, plan: { batchSize: state.batchSize, optimizer: state.optimizer } },
      callback(() => undefined),
    );
    install(st, true);
    return true;
  }).then((ok) => ok === true), [run, transfer, subsetRequest, perClass, state.seed, state.batchSize, state.optimizer, install]);

  const setFreeze = useCallback((mode: FreezeMode) => run('working', async () => {
    if (!transfer) return;
    install(await transfer.setFreeze(mode), false);
  }), [run, transfer, install]);

  /** Back to training networks from the picker: the full dataset returns and the transfer model is freed. */
  const leave = useCallback(async () => {
    if (!transfer || !worker) return;
    await transfer.release();
    await worker.core.disposeModel();
    adoptModel(null);
    setInstalled(null);
  }, [transfer, worker, adoptModel]);

  /** Imports a .keras file: the loaded base always, the installed model when its classifier fits the dataset. */
  const importKeras = useCallback((file: File) => run('working', async () => {
    if (!transfer) return;
    const { base: loaded, state: st, reason } = await transfer.importKeras(file.name, await file.arrayBuffer(), subsetRequest([], perClass));
    // The head setup asks for the class names itself when it has none, which would clear this job's note.
    setDataset(await transfer.describeDataset(state.dataset, siteUrl('data')));
    setBase(loaded);
    if (st) {
      install(st, true);
      setNotice({ key: 'kerasImported', params: { name: file.name, classes: st.dataset.classNames.length } });
    } else {
      setNotice({ key: 'kerasBaseOnly', params: { name: file.name } });
      setError(reason);
    }
  }), [run, transfer, subsetRequest, perClass, install, state.dataset]);

  return {
    transfer, bases, base, dataset, installed, cache, busy, error, notice, setError, setNotice, perClass, setPerClass,
    training: view.phase === 'training' || view.phase === 'paused' || view.phase === 'loading' || view.phase === 'evaluating',
    run, loadBase, describeDataset, subsetRequest, install, applyHead, setFreeze, leave, importKeras,
  };
}

export type TransferHook = ReturnType<typeof useTransfer>;
