import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ArchGraph } from '../arch/index';
import { callback } from '../engine/client';
import type {
  BackendStatus, BuildResult, CompileSettings, DatasetInfo, EvaluateResult, FitResult, FitSettings, Prediction, SampleImage, TrainEvent,
} from '../engine/protocol';
import type { EngineClient } from '../engine/client';
import { engineError, toUserMessage, type UserMessage } from '../messages/index';
import { useWorker } from './engineContext';
import type { ExperimentState } from './experiment';
import { coalesceFrames } from './frameCoalescer';
import { coresOption } from './coresParam';

export interface EpochPoint {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
  examplesPerSec: number;
}

export interface BatchPoint {
  step: number;
  loss: number;
  accuracy: number;
}

export type Phase = 'idle' | 'loading' | 'building' | 'training' | 'paused' | 'evaluating' | 'done';

/**
 * The one definition of "a run holds the model": loading, building, training or paused. The network,
 * dataset and training settings cannot change then, and Train is disabled. An evaluation is not a run:
 * Train (or a network change) cancels it.
 */
export function isBusy(phase: Phase): boolean {
  return phase === 'loading' || phase === 'building' || phase === 'training' || phase === 'paused';
}

/** The epoch's running means so far (as Keras' progress bar shows them), and the rate of the last batch. */
export interface RunningMetrics {
  loss: number;
  accuracy: number;
  /** Networks with auxiliary classifiers: the main classifier's own loss (running mean). */
  mainLoss: number | null;
  learningRate: number;
}

export interface TrainingView {
  backend: BackendStatus | null;
  backendError: UserMessage | null;
  dataset: DatasetInfo | null;
  datasetProgress: number;
  build: BuildResult | null;
  phase: Phase;
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  batchHistory: BatchPoint[];
  epochHistory: EpochPoint[];
  examplesPerSec: number;
  /** Running means of the current (or last) epoch; null before the first batch. */
  running: RunningMetrics | null;
  /** The last precise-BN pass: batch-norm statistics recomputed over `examples` training images after `epoch` (1-based). */
  batchNorm: { epoch: number; examples: number; layers: number } | null;
  fitResult: FitResult | null;
  /** What went wrong, as data: rendered in the current language (switching language re-says it). */
  error: UserMessage | null;
  evaluation: EvaluateResult | null;
  /** While an evaluation runs: test images done of total. */
  evaluationProgress: { done: number; total: number } | null;
  /** The last evaluation was cancelled (by its Cancel button, Train or a network change). */
  evaluationCancelled: boolean;
  prediction: Prediction | null;
  sample: SampleImage | null;
  /** Tensors alive in the worker (tf.memory().numTensors), refreshed after each engine operation. */
  tensors: number | null;
  /** Set while a feature module's model (e.g. transfer learning) is installed instead of one built from the arch. */
  adopted: string | null;
}

/**
 * A model a feature module installed in the worker (transfer learning: a pretrained base with a new
 * head): Train fits it with `fit` instead of building one from the picked architecture.
 */
export interface AdoptedModel {
  /** Shown in the UI: e.g. "transfer". */
  label: string;
  build: BuildResult;
  dataset: DatasetInfo;
  /** Compiles (after the module's freezing) and fits the installed model in the worker. */
  fit: (compile: CompileSettings, fit: FitSettings, onEvent: (e: TrainEvent) => void) => Promise<FitResult>;
  /** The per-epoch history it was trained with (a kept model brings its own back). */
  history?: EpochPoint[];
}

const INITIAL: TrainingView = {
  backend: null, backendError: null, dataset: null, datasetProgress: 0, build: null, phase: 'idle', epoch: 0, epochs: 0, batch: 0, batches: 0,
  batchHistory: [], epochHistory: [], examplesPerSec: 0, running: null, batchNorm: null, fitResult: null, error: null, evaluation: null, evaluationProgress: null, evaluationCancelled: false, prediction: null, sample: null, tensors: null, adopted: null,
};

const message = toUserMessage;

/** The data folder, resolved against the page (the worker resolves relative URLs against its own script). */
function dataBaseUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}data`, window.location.href).href;
}

/** The page's training view as a store: components read it through selectors (trainingContext.tsx). */
export type TrainingStore = StoreApi<TrainingView>;

/**
 * Drives the worker through the Keras workflow — build → compile → fit → evaluate → predict — and keeps
 * what the UI shows in one store. A batch event changes only the batch fields, at most once a frame,
 * so only the components that select them re-render. The worker is started once per page; switching
 * backend re-initialises it.
 */
export function useTrainingEngine(state: ExperimentState, graphFor: (classes: number) => ArchGraph | null, graphKey: string) {
  const [store] = useState<TrainingStore>(() => createStore<TrainingView>()(() => INITIAL));
  const worker = useWorker();
  const engineRef = useRef<EngineClient | null>(null);
  const adoptedRef = useRef<AdoptedModel | null>(null);
  useEffect(() => {
    engineRef.current = worker ? worker.core : null;
  }, [worker]);
  const patch = useCallback((p: Partial<TrainingView> | ((v: TrainingView) => Partial<TrainingView>)) => store.setState(p), [store]);

  useEffect(() => {
    const engine = engineRef.current;
    if (!engine) return;
    let live = true;
    adoptedRef.current = null; // init() disposes every model, an adopted one too
    patch({ backend: null, backendError: null, build: null, adopted: null });
    engine.init(state.backend, coresOption(window.location.search)).then(
      (backend) => live && patch({ backend }),
      (e) => live && patch({ backendError: message(e) }),
    );
    return () => {
      live = false;
    };
  }, [state.backend, patch, worker]);

  const refreshTensors = useCallback(async () => {
    const engine = engineRef.current;
    if (!engine) return;
    try {
      patch({ tensors: await engine.numTensors() });
    } catch {
      // Before the backend is up tf.memory() throws (a network switch racing the first init): the next
      // engine operation refreshes the count; an unhandled rejection here would only be noise.
    }
  }, [patch]);

  // A different network or dataset makes the trained model meaningless: reset the view before the
  // browser paints (a layout effect: the store's readers re-render synchronously) and dispose the model
  // in the worker. A run or evaluation still in flight when the model key changes belongs to the old
  // model: its results are dropped (the generation moved on), so the view never mixes two models.
  const modelKey = `${graphKey}|${state.dataset}`;
  const generation = useRef(0);
  const shownKey = useRef(modelKey);
  useLayoutEffect(() => {
    generation.current++;
    adoptedRef.current = null;
    if (shownKey.current === modelKey) return;
    shownKey.current = modelKey;
    store.setState({ build: null, fitResult: null, evaluation: null, evaluationProgress: null, evaluationCancelled: false, prediction: null, batchHistory: [], epochHistory: [], running: null, batchNorm: null, error: null, phase: 'idle', epoch: 0, batch: 0, adopted: null });
  }, [modelKey, store]);
  useEffect(() => {
    const engine = engineRef.current;
    if (engine) void engine.disposeModel().then(() => refreshTensors());
  }, [modelKey, refreshTensors]);
  /** A patch that applies only while the model of generation `g` is the current one. */
  const patchFor = useCallback((g: number) => (p: Parameters<typeof patch>[0]) => {
    if (generation.current === g) patch(p);
  }, [patch]);
  const evaluation = useRef<Promise<void> | null>(null);

  /** Evaluates on the whole test set as a job of its own: progress per batch, cancelled by {@link cancelEvaluation}. */
  const evaluate = useCallback(async () => {
    const engine = engineRef.current;
    if (!engine || evaluation.current) return;
    const set = patchFor(generation.current);
    set({ phase: 'evaluating', evaluationProgress: { done: 0, total: 0 }, evaluationCancelled: false });
    const job = (async () => {
      try {
        const result = await engine.evaluate(0, callback((done: number, total: number) => set({ evaluationProgress: { done, total } })));
        set({ evaluation: result, phase: 'done', evaluationProgress: null });
      } catch (e) {
        const m = message(e);
        if (m.code === 'engine.evaluationCancelled') set({ phase: 'done', evaluationProgress: null, evaluationCancelled: true });
        else set({ error: m, phase: 'done', evaluationProgress: null });
      }
    })();
    evaluation.current = job;
    try {
      await job;
    } finally {
      evaluation.current = null;
    }
    await refreshTensors();
  }, [patchFor, refreshTensors]);

  /** Cancels a running evaluation at its next batch and waits until it has ended. */
  const cancelEvaluation = useCallback(async () => {
    const job = evaluation.current;
    if (!job) return;
    await engineRef.current?.stop();
    await job;
  }, []);

  const train = useCallback(async () => {
    const engine = engineRef.current;
    if (!engine) return;
    const adopted = adoptedRef.current;
    // Train while the last run's evaluation is still going: that evaluation is of a model about to change.
    await cancelEvaluation();
    const g = generation.current;
    const patch = patchFor(g);
    let onFitEnd = (): void => undefined;
    patch({ phase: 'loading', error: null, fitResult: null, evaluation: null, evaluationCancelled: false, prediction: null, batchHistory: [], epochHistory: [], running: null, batchNorm: null, epoch: 0, batch: 0 });
    try {
      const compileSettings: CompileSettings = { optimizer: state.optimizer, learningRate: state.learningRate, momentum: state.momentum, loss: 'categoricalCrossentropy', schedule: state.schedule };
      if (adopted) {
        // An adopted model is already built (and frozen) in the worker; its fit compiles after freezing.
        patch({ dataset: adopted.dataset, build: adopted.build, datasetProgress: 1 });
      } else {
        // A cached dataset reports its parts faster than the screen refreshes: the bar moves once a frame.
        const progress = coalesceFrames<number>((shares) => patch({ datasetProgress: shares[shares.length - 1] }));
        const dataset = await engine.loadDataset(state.dataset, dataBaseUrl(), callback((loaded: number, total: number) => progress.push(total ? loaded / total : 0)), state.trainLimit);
        progress.flush();
        patch({ dataset, datasetProgress: 1, phase: 'building' });
        const graph = graphFor(dataset.classNames.length);
        if (!graph) throw engineError('engine.impossibleNetwork');
        const build = await engine.build(graph, state.seed, { batchSize: state.batchSize, optimizer: state.optimizer });
        patch({ build });
        await engine.compile(compileSettings);
      }
      patch({ phase: 'training' });
      let step = 0;
      // Batches can end faster than the screen refreshes (LeNet on WASM: hundreds a second): their
      // points are gathered and applied once a frame. Every other event applies what is pending first.
      const batchEnds = coalesceFrames<Extract<TrainEvent, { type: 'batchEnd' }>>((events) => {
        const last = events[events.length - 1];
        const points = events.map((e) => ({ step: ++step, loss: e.loss, accuracy: e.accuracy }));
        const running = { loss: last.meanLoss, accuracy: last.meanAccuracy, mainLoss: last.meanMainLoss ?? null, learningRate: last.learningRate };
        patch((v) => ({ batch: last.batch + 1, batches: last.batches, examplesPerSec: last.examplesPerSec, running, batchHistory: [...v.batchHistory, ...points] }));
      });
      onFitEnd = () => batchEnds.flush();
      const onEvent = (e: TrainEvent) => {
        if (e.type === 'batchEnd') {
          batchEnds.push(e);
          return;
        }
        batchEnds.flush();
        if (e.type === 'epochStart') patch({ epoch: e.epoch, epochs: e.epochs, batches: e.batches, batch: 0 });
        else if (e.type === 'batchNormRecomputed') {
          patch({ batchNorm: { epoch: e.epoch + 1, examples: e.examples, layers: e.layers } });
        } else if (e.type === 'epochEnd') {
          patch((v) => ({ epochHistory: [...v.epochHistory, { ...e, epoch: e.epoch + 1 }] }));
        } else if (e.type === 'paused') patch({ phase: 'paused' });
        else if (e.type === 'resumed') patch({ phase: 'training' });
      };
      // The augmentation is installed in the worker's session as its batch transform; every fit of its model applies it.
      await engine.setAugmentation(state.augment, state.augmentSeed);
      const fitSettings: FitSettings = { epochs: state.epochs, batchSize: state.batchSize, validationSplit: state.validationSplit, shuffle: state.shuffle, seed: state.seed, trainLimit: state.trainLimit };
      const fitResult = adopted ? await adopted.fit(compileSettings, fitSettings, callback(onEvent)) : await engine.fit(fitSettings, callback(onEvent));
      onFitEnd();
      const failed = fitResult.end === 'nan' || fitResult.end === 'error' || fitResult.end === 'device-lost';
      patch({ fitResult, phase: 'done', error: failed ? fitResult.detail : null });
      // The worker already moved to another backend and rebuilt the model (adopted ones too) with the last
      // epoch's weights: show that backend; init() would dispose the model the message says is kept.
      if (fitResult.end === 'device-lost') patch({ backend: await engine.currentBackend() });
      // A stopped run is evaluated too, as a job of its own (its own progress and Cancel; Train stays usable).
      if (!failed && generation.current === g) void evaluate();
    } catch (e) {
      onFitEnd();
      patch({ error: message(e), phase: 'idle' });
    }
    await refreshTensors();
  }, [state, graphFor, patchFor, evaluate, cancelEvaluation, refreshTensors]);

  // One set of run controls: the worker's session pauses or stops whichever job trains its model
  // (a fit built here or an adopted transfer model's fit).
  const pause = useCallback(() => void engineRef.current?.pause(), []);
  const resume = useCallback(() => void engineRef.current?.resume(), []);
  const stop = useCallback(() => void engineRef.current?.stop(), []);

  /**
   * Installs (or, with null, forgets) a feature module's model as the one Train fits. `fresh` clears
   * the curves and results (a new model); without it only the build info and dataset are updated
   * (e.g. after re-freezing the same model).
   */
  const adoptModel = useCallback((adopted: AdoptedModel | null, fresh = true) => {
    adoptedRef.current = adopted;
    const reset = fresh ? { fitResult: null, evaluation: null, evaluationProgress: null, evaluationCancelled: false, prediction: null, batchHistory: [], epochHistory: adopted?.history ?? [], running: null, batchNorm: null, error: null, phase: 'idle' as const, epoch: 0, batch: 0 } : {};
    patch({ ...reset, adopted: adopted?.label ?? null, build: adopted?.build ?? null, dataset: adopted?.dataset ?? null });
    void refreshTensors();
  }, [patch, refreshTensors]);

  const pickSample = useCallback(async (index: number) => {
    const engine = engineRef.current;
    if (!engine) return;
    try {
      if (!store.getState().dataset) patch({ dataset: await engine.loadDataset(state.dataset, dataBaseUrl(), callback(() => undefined), state.trainLimit) });
      patch({ sample: await engine.sample(index), prediction: null });
    } catch (e) {
      patch({ error: message(e) });
    }
  }, [patch, store, state.dataset, state.trainLimit]);

  const predict = useCallback(async (image: { pixels: Uint8Array | Float32Array; shape: [number, number, number]; label?: number }) => {
    const engine = engineRef.current;
    if (!engine) return;
    try {
      patch({ prediction: await engine.predict(image, 5) });
    } catch (e) {
      patch({ error: message(e) });
    }
    await refreshTensors();
  }, [patch, refreshTensors]);

  const actions = useMemo(
    () => ({ train, pause, resume, stop, evaluate, cancelEvaluation, predict, pickSample, adoptModel }),
    [train, pause, resume, stop, evaluate, cancelEvaluation, predict, pickSample, adoptModel],
  );
  return { store, actions };
}
