import { fill, useLocaleFormat } from './i18n/format';
import { useMessages } from './i18n/index';
import { recipeMessages } from './i18n/recipe';
import { trainingMessages } from './i18n/training';
import { useRenderCount } from './renderCount';
import { useTrainingView } from './trainingContext';

interface Props {
  /** The network has auxiliary classifiers (GoogLeNet): the total and the main loss are shown apart. */
  hasAux: boolean;
  /** The learning rate moves under a schedule: show it. */
  scheduled: boolean;
}

/**
 * The epoch and batch progress with the running metrics: the one part of the training panel that a batch
 * changes, so it alone (with the curves) re-renders during a run.
 */
export function TrainingProgress({ hasAux, scheduled }: Props) {
  useRenderCount('TrainingProgress');
  const t = useMessages(trainingMessages);
  const tr = useMessages(recipeMessages);
  const f = useLocaleFormat();
  const view = useTrainingView((v) => ({
    shown: v.phase === 'training' || v.phase === 'paused' || v.epochHistory.length > 0 || v.fitResult !== null,
    epoch: v.epoch, epochs: v.epochs, batch: v.batch, batches: v.batches,
    running: v.running, examplesPerSec: v.examplesPerSec, batchNorm: v.batchNorm,
    valAccuracy: v.epochHistory.at(-1)?.valAccuracy ?? null,
  }));
  if (!view.shown) return null;
  const { running } = view;
  const epochFraction = view.epochs ? (view.epoch + (view.batches ? view.batch / view.batches : 0)) / view.epochs : 0;
  return (
    <div className="progress">
      <label>
        {fill(t('epochOf'), { n: Math.min(view.epoch + 1, view.epochs), total: view.epochs })}
        <progress data-testid="epoch-progress" value={epochFraction} max={1} aria-valuetext={f.percent(epochFraction, 0)} />
      </label>
      <label>
        {fill(t('batchOf'), { n: view.batch, total: view.batches })}
        <progress data-testid="batch-progress" value={view.batch} max={Math.max(1, view.batches)} />
      </label>
      <p className="metrics">
        <span>
          {hasAux ? tr('meanTotalLoss') : tr('meanLoss')} <b data-testid="metric-loss">{running ? f.fixed(running.loss, 4) : '–'}</b>
        </span>
        {hasAux && (
          <span>
            {tr('meanMainLoss')} <b data-testid="metric-main-loss">{running?.mainLoss != null ? f.fixed(running.mainLoss, 4) : '–'}</b>
          </span>
        )}
        <span>
          {tr('meanAccuracy')} <b data-testid="metric-accuracy">{running ? f.percent(running.accuracy, 1) : '–'}</b>
        </span>
        {scheduled && running && (
          <span>
            {tr('learningRateNow')} <b data-testid="metric-learning-rate">{running.learningRate.toPrecision(3)}</b>
          </span>
        )}
        <span>
          <b data-testid="examples-per-sec">{f.fixed(view.examplesPerSec, 0)}</b> {t('examplesPerSec')}
        </span>
        {view.valAccuracy != null && (
          <span>
            {t('valAccuracy')} <b data-testid="metric-val-accuracy" data-value={view.valAccuracy}>{f.percent(view.valAccuracy, 1)}</b>
          </span>
        )}
      </p>
      {view.batchNorm && (
        <p className="note" data-testid="batchnorm-note">
          {fill(tr('batchNormNote'), { n: f.count(view.batchNorm.examples), epoch: view.batchNorm.epoch, layers: view.batchNorm.layers })}
        </p>
      )}
    </div>
  );
}
