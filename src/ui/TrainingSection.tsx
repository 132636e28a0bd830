import { formatShape, type ArchGraph, type GraphInfo } from '../arch/index';
import { CurvesChart } from './CurvesChart';
import { EvaluationPanel } from './EvaluationPanel';
import type { ExperimentState } from './experiment';
import { PredictPanel } from './PredictPanel';
import { TrainSettings } from './TrainSettings';
import { useTraining } from './trainingContext';
import type { Phase } from './useTrainingEngine';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  graph: ArchGraph;
  info: GraphInfo;
}

const STEPS = ['build', 'compile', 'fit', 'evaluate', 'predict'] as const;

function stepClass(step: (typeof STEPS)[number], phase: Phase, built: boolean, trained: boolean, evaluated: boolean, predicted: boolean): string {
  const done = { build: built, compile: built && phase !== 'building', fit: trained, evaluate: evaluated, predict: predicted }[step];
  const active = (step === 'build' && (phase === 'loading' || phase === 'building')) || (step === 'fit' && (phase === 'training' || phase === 'paused')) || (step === 'evaluate' && phase === 'evaluating');
  return active ? 'active' : done ? 'done' : '';
}

/** The Keras workflow on the chosen network: build → compile → fit → evaluate → predict, in the worker. */
export function TrainingSection({ state, update, info }: Props) {
  const { view, train, pause, resume, stop, evaluate, predict, pickSample } = useTraining();
  const running = view.phase === 'loading' || view.phase === 'building' || view.phase === 'training' || view.phase === 'paused' || view.phase === 'evaluating';
  const lastBatch = view.batchHistory.at(-1);
  const trained = view.epochHistory.length > 0 || view.fitResult !== null;
  const epochFraction = view.epochs ? (view.epoch + (view.batches ? view.batch / view.batches : 0)) / view.epochs : 0;
  return (
    <section className="panel training" aria-labelledby="train-heading">
      <h2 id="train-heading">Train in your browser</h2>
      <p data-testid="backend-status" className="backend-status" role="status">
        {view.backend ? (
          <>
            Backend: <b>{view.backend.name}</b> — {view.backend.reason}
          </>
        ) : view.backendError ? (
          <span className="error">Backend: {view.backendError}</span>
        ) : (
          'Backend: starting…'
        )}
        {view.tensors !== null && (
          <>
            {' '}
            · tensors in the worker: <span data-testid="tensor-count">{view.tensors}</span>
          </>
        )}
      </p>
      <ol className="steps" aria-label="Keras workflow">
        {STEPS.map((s) => (
          <li key={s} className={stepClass(s, view.phase, view.build !== null, trained, view.evaluation !== null, view.prediction !== null)}>
            {s}
          </li>
        ))}
      </ol>
      <TrainSettings state={state} update={update} backend={view.backend} disabled={running} />
      <div className="row">
        <button type="button" data-testid="train-button" disabled={running || !view.backend} onClick={() => void train()}>
          Train
        </button>
        {view.phase === 'paused' ? (
          <button type="button" className="secondary" data-testid="resume-button" onClick={resume}>
            Resume
          </button>
        ) : (
          <button type="button" className="secondary" data-testid="pause-button" disabled={view.phase !== 'training'} onClick={pause}>
            Pause
          </button>
        )}
        <button type="button" className="secondary" data-testid="stop-button" disabled={view.phase !== 'training' && view.phase !== 'paused'} onClick={stop}>
          Stop
        </button>
        <button type="button" className="secondary" data-testid="evaluate-button" disabled={running || !view.build} onClick={() => void evaluate()}>
          Evaluate
        </button>
      </div>
      {view.phase === 'loading' && (
        <label>
          Loading {state.dataset}…
          <progress data-testid="dataset-progress" value={view.datasetProgress} max={1} />
        </label>
      )}
      {view.build && (
        <p className="build-info" data-testid="build-info">
          Built <b>{view.build.name}</b>: input {formatShape(view.build.inputShape)}, {view.build.classes} classes, {view.build.totalParams.toLocaleString('en-US')} parameters
          (tfjs). Data: {view.build.adaptation}. Estimated training memory {(view.build.memoryEstimate / 2 ** 20).toFixed(1)} MiB of {(view.build.memoryBudget / 2 ** 20).toFixed(0)} MiB.
          {view.build.classes !== info.outputShape[0] && ` (The summary shows ${info.outputShape[0] ?? 0} classes; the head was sized to the dataset.)`}
        </p>
      )}
      {view.error && (
        <p className="error panel" role="alert" data-testid="training-error">
          {view.error}
        </p>
      )}
      {view.fitResult?.end === 'stopped' && <p role="status">{view.fitResult.message}</p>}
      {(view.phase === 'training' || view.phase === 'paused' || trained) && (
        <div className="progress">
          <label>
            Epoch {Math.min(view.epoch + 1, view.epochs)} / {view.epochs}
            <progress data-testid="epoch-progress" value={epochFraction} max={1} aria-valuetext={`${Math.round(epochFraction * 100)}%`} />
          </label>
          <label>
            Batch {view.batch} / {view.batches}
            <progress data-testid="batch-progress" value={view.batch} max={Math.max(1, view.batches)} />
          </label>
          <p className="metrics">
            <span>
              loss <b data-testid="metric-loss">{lastBatch ? lastBatch.loss.toFixed(4) : '–'}</b>
            </span>
            <span>
              accuracy <b data-testid="metric-accuracy">{lastBatch ? (lastBatch.accuracy * 100).toFixed(1) + '%' : '–'}</b>
            </span>
            <span>
              <b data-testid="examples-per-sec">{view.examplesPerSec.toFixed(0)}</b> examples/s
            </span>
            {view.epochHistory.at(-1)?.valAccuracy != null && (
              <span>
                val accuracy <b data-testid="metric-val-accuracy">{((view.epochHistory.at(-1)?.valAccuracy ?? 0) * 100).toFixed(1)}%</b>
              </span>
            )}
          </p>
          <div className="row">
            <CurvesChart title="Loss" metric="loss" batches={view.batchHistory} epochs={view.epochHistory} batchesPerEpoch={view.batches} />
            <CurvesChart title="Accuracy" metric="accuracy" batches={view.batchHistory} epochs={view.epochHistory} batchesPerEpoch={view.batches} />
          </div>
        </div>
      )}
      {view.evaluation && (
        <>
          <h3>Evaluate</h3>
          <EvaluationPanel result={view.evaluation} />
        </>
      )}
      {view.build && (
        <>
          <h3>Predict</h3>
          <PredictPanel dataset={view.dataset} sample={view.sample} prediction={view.prediction} canPredict={!running && view.build !== null} pickSample={(i) => void pickSample(i)} predict={(img) => void predict(img)} />
        </>
      )}
    </section>
  );
}
