import { useCallback, useMemo, useState } from 'react';
import { callback } from '../../engine/client';
import type { KerasDownload } from '../../engine/keras/kerasProtocol';
import { toUserMessage, type UserMessage } from '../../messages/index';
import { dataBaseUrl } from '../uploads/datasetUrl';
import { useWorker } from '../engineContext';
import type { ExperimentState } from '../experiment';
import { downloadBlob } from '../transfer/historyFiles';
import { useTrainingView } from '../trainingContext';

/**
 * The files the worker makes for Keras (the trained model, the data, the test predictions), each
 * downloaded when ready; one job at a time, its error kept as data.
 */
export function useKerasFiles(state: ExperimentState) {
  const worker = useWorker();
  const keras = useMemo(() => worker?.keras ?? null, [worker]);
  const view = useTrainingView((v) => ({ adopted: v.adopted, build: v.build, phase: v.phase }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserMessage | null>(null);

  const run = useCallback(async (make: () => Promise<KerasDownload | undefined>) => {
    setBusy(true);
    setError(null);
    try {
      const file = await make();
      if (file) downloadBlob(new Blob([file.bytes], { type: 'application/octet-stream' }), file.name);
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setBusy(false);
    }
  }, []);

  const exportModel = useCallback((stem: string) => run(async () => keras?.exportModel(stem)), [run, keras]);
  const exportPredictions = useCallback((stem: string) => run(async () => keras?.exportPredictions(stem, 32)), [run, keras]);
  // The dataset of the page; an installed transfer model's dataset is the worker's current one already.
  const exportData = useCallback((stem: string) => run(async () => {
    if (!keras || !worker) return undefined;
    if (!view.adopted) await worker.core.loadDataset(state.dataset, dataBaseUrl(), callback(() => undefined));
    return keras.exportData(stem);
  }), [run, keras, worker, view.adopted, state.dataset]);

  return { busy, error, exportModel, exportPredictions, exportData, hasModel: view.build !== null, training: view.phase === 'training' || view.phase === 'paused' || view.phase === 'loading' || view.phase === 'evaluating' };
}
