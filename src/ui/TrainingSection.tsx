import { formatShape, type ArchGraph, type GraphInfo } from '../arch/index';
import { EvaluationPanel } from './EvaluationPanel';
import type { ExperimentState } from './experiment';
import { fill, useLocaleFormat } from './i18n/format';
import { useMessages } from './i18n/index';
import { trainingMessages } from './i18n/training';
import { useNames } from './i18n/names';
import { PredictPanel } from './PredictPanel';
import { RecipeNote } from './RecipeNote';
import { TrainSettings } from './TrainSettings';
import { useTrainingActions, useTrainingView } from './trainingContext';
import { TrainingProgress } from './TrainingProgress';
import { useRenderCount } from './renderCount';
import { lazyPanel } from './lazyPanel';

// Its own chunk: only a model trained on "Your images" ever shows it.
const DatasetChangedNote = lazyPanel(() => import('./uploads/DatasetChangedNote').then((m) => m.DatasetChangedNote));
import { isBusy, type Phase } from './useTrainingEngine';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  graph: ArchGraph;
  info: GraphInfo;
}

const STEPS = ['build', 'compile', 'fit', 'evaluate', 'predict'] as const;
const STEP_LABEL = { build: 'stepBuild', compile: 'stepCompile', fit: 'stepFit', evaluate: 'stepEvaluate', predict: 'stepPredict' } as const;

function stepClass(step: (typeof STEPS)[number], phase: Phase, built: boolean, trained: boolean, evaluated: boolean, predicted: boolean): string {
  const done = { build: built, compile: built && phase !== 'building', fit: trained, evaluate: evaluated, predict: predicted }[step];
  const active = (step === 'build' && (phase === 'loading' || phase === 'building')) || (step === 'fit' && (phase === 'training' || phase === 'paused')) || (step === 'evaluate' && phase === 'evaluating');
  return active ? 'active' : done ? 'done' : '';
}

/** The dataset's loading bar: its own reader of the store, so a tick re-renders only the bar. */
function DatasetProgress({ dataset }: { dataset: string }) {
  const t = useMessages(trainingMessages);
  const names = useNames();
  const share = useTrainingView((v) => v.datasetProgress);
  return (
    <label>
      {fill(t('loadingDataset'), { dataset: names.datasetId(dataset) })}
      <progress data-testid="dataset-progress" value={share} max={1} />
    </label>
  );
}

/** The evaluation job's progress and its Cancel: a batch of the evaluation re-renders only this row. */
function EvaluationJob({ cancel }: { cancel: () => void }) {
  const t = useMessages(trainingMessages);
  const f = useLocaleFormat();
  const progress = useTrainingView((v) => v.evaluationProgress);
  if (!progress) return null;
  return (
    <div className="row" data-testid="evaluation-job">
      <label>
        {fill(t('evaluatingProgress'), { done: f.count(progress.done), total: f.count(progress.total) })}
        <progress data-testid="evaluate-progress" value={progress.done} max={Math.max(1, progress.total)} />
      </label>
      <button type="button" className="secondary" data-testid="evaluate-cancel" onClick={cancel}>
        {t('evaluateCancel')}
      </button>
    </div>
  );
}

/** The Keras workflow on the chosen network: build → compile → fit → evaluate → predict, in the worker. */
export function TrainingSection({ state, update, graph, info }: Props) {
  useRenderCount('TrainingSection');
  const { train, pause, resume, stop, evaluate, cancelEvaluation, predict, pickSample } = useTrainingActions();
  // Everything but the batch fields: a batch re-renders TrainingProgress, not this panel.
  const view = useTrainingView((v) => ({
    backend: v.backend, backendError: v.backendError, tensors: v.tensors, phase: v.phase, build: v.build, dataset: v.dataset,
    evaluation: v.evaluation, evaluating: v.evaluationProgress !== null, evaluationCancelled: v.evaluationCancelled,
    prediction: v.prediction, sample: v.sample, error: v.error, fitResult: v.fitResult, adopted: v.adopted,
    trained: v.epochHistory.length > 0 || v.fitResult !== null,
  }));
  const t = useMessages(trainingMessages);
  const f = useLocaleFormat();
  const hasBatchNorm = info.layers.some((l) => l.kind === 'batchNorm');
  const hasAux = info.layers.length > 0 && graph.outputs.length > 1;
  const { say } = t;
  const busy = isBusy(view.phase);
  const evaluating = view.phase === 'evaluating';
  const trained = view.trained;
  return (
    <section className="panel training" aria-labelledby="train-heading" data-testid="training-section">
      <h2 id="train-heading">{t('heading')}</h2>
      <div className="row run-controls" id="run-controls">
        <button type="button" data-testid="train-button" disabled={busy || !view.backend} onClick={() => void train()}>
          {t('train')}
        </button>
        {view.phase === 'paused' ? (
          <button type="button" className="secondary" data-testid="resume-button" onClick={resume}>
            {t('resume')}
          </button>
        ) : (
          <button type="button" className="secondary" data-testid="pause-button" disabled={view.phase !== 'training'} onClick={pause}>
            {t('pause')}
          </button>
        )}
        <button type="button" className="secondary" data-testid="stop-button" disabled={view.phase !== 'training' && view.phase !== 'paused'} onClick={stop}>
          {t('stop')}
        </button>
        <button type="button" className="secondary" data-testid="evaluate-button" disabled={busy || evaluating || !view.build} onClick={() => void evaluate()}>
          {t('evaluate')}
        </button>
      </div>
      <p data-testid="backend-status" className="backend-status" role="status">
        {view.backend ? (
          <>
            {t('backend')}: <b>{view.backend.name}</b> — {say(view.backend.reason)}
          </>
        ) : view.backendError ? (
          <span className="error">{t('backend')}: {say(view.backendError)}</span>
        ) : (
          `${t('backend')}: ${t('backendStarting')}`
        )}
        {view.tensors !== null && (
          <>
            {' '}
            · {t('tensorsInWorker')}: <span data-testid="tensor-count">{view.tensors}</span>
          </>
        )}
      </p>
      <ol className="steps" aria-label={t('workflow')}>
        {STEPS.map((s) => (
          <li key={s} className={stepClass(s, view.phase, view.build !== null, trained, view.evaluation !== null, view.prediction !== null)}>
            {t(STEP_LABEL[s])}
          </li>
        ))}
      </ol>
      <RecipeNote state={state} update={update} hasBatchNorm={hasBatchNorm} disabled={busy} transfer={view.adopted === 'transfer'} />
      <TrainSettings state={state} update={update} backend={view.backend} disabled={busy} hasBatchNorm={hasBatchNorm} />
      {evaluating && view.evaluating && <EvaluationJob cancel={() => void cancelEvaluation()} />}
      {view.evaluationCancelled && !evaluating && (
        <p role="status" className="hint" data-testid="evaluation-cancelled">
          {t('evaluationCancelled')}
        </p>
      )}
      {view.phase === 'loading' && <DatasetProgress dataset={state.dataset} />}
      {view.build && (
        <p className="build-info" data-testid="build-info">
          {fill(t('built'), {
            name: view.build.name,
            shape: formatShape(view.build.inputShape),
            classes: view.build.classes,
            params: f.count(view.build.totalParams),
            adaptation: say(view.build.adaptation),
            memory: f.fixed(view.build.memoryEstimate / 2 ** 20, 1),
            budget: f.fixed(view.build.memoryBudget / 2 ** 20, 0),
          })}
          {view.adopted === null && view.build.classes !== info.outputShape[0] && ` ${fill(t('headResized'), { n: info.outputShape[0] ?? 0 })}`}
        </p>
      )}
      {(trained || view.evaluation) && view.dataset?.id === 'uploads' && <DatasetChangedNote dataset={view.dataset} />}
      {view.error && (
        <p className="error panel" role="alert" data-testid="training-error">
          {say(view.error)}
        </p>
      )}
      {view.fitResult?.end === 'stopped' && view.fitResult.detail && <p role="status">{say(view.fitResult.detail)}</p>}
      <TrainingProgress hasAux={hasAux} scheduled={state.schedule !== 'constant'} />
      {view.evaluation && (
        <>
          <h3>{t('evaluateHeading')}</h3>
          <EvaluationPanel result={view.evaluation} />
        </>
      )}
      {view.build && (
        <>
          <h3>{t('predictHeading')}</h3>
          <PredictPanel dataset={view.dataset} sample={view.sample} prediction={view.prediction} canPredict={!busy && !evaluating && view.build !== null} pickSample={(i) => void pickSample(i)} predict={(img) => void predict(img)} />
        </>
      )}
    </section>
  );
}
