import { useState } from 'react';
import { buildArch } from '../../arch/index';
import { AUGMENT_OPS } from '../../augment/config';
import { callback } from '../../engine/client';
import type { CompareEvent, CompareRun } from '../../engine/uploads/uploadsProtocol';
import { useWorker } from '../engineContext';
import type { ExperimentState } from '../experiment';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { uploadsBatchMessages } from '../i18n/uploadsBatch';
import { SMALL_VALIDATION, pointsPerImage, wilsonMargin } from './confidence';
import { isBusy } from '../useTrainingEngine';
import { useTrainingView } from '../trainingContext';
import { archOptionsOf } from '../useArchInfo';
import { CompareChart, type ComparePoint } from './CompareChart';
import { compareSizesOf } from './compareSizes';
import { dataBaseUrl } from './datasetUrl';
import './uploads.css';
import { toUserMessage, type UserMessage } from '../../messages/index';

type Curves = Record<CompareRun, (ComparePoint & { examplesPerSec: number })[]>;
const EMPTY: Curves = { plain: [], augmented: [] };
const RUNS: CompareRun[] = ['plain', 'augmented'];

/**
 * The regularising effect, measured: the page's network trained twice in the worker on a small subset
 * of the chosen dataset (same seed and batches), without and with the augmentation settings, with both
 * runs' training and validation accuracy side by side.
 */
export function AugmentExperiment({ state }: { state: ExperimentState }) {
  const t = useMessages(uploadsMessages);
  const tb = useMessages(uploadsBatchMessages);
  const worker = useWorker();
  // Busy or not, not which phase: a run's phase changes re-render nothing here.
  const view = useTrainingView((v) => ({ busy: isBusy(v.phase) || v.phase === 'evaluating' }));
  const [sizes, setSizes] = useState(() => compareSizesOf(state));
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ run: CompareRun; epoch: number; batch: number; batches: number } | null>(null);
  const [curves, setCurves] = useState<Curves>(EMPTY);
  const [network, setNetwork] = useState<{ name: string; classes: number } | null>(null);
  /** The sizes the worker really used (the dataset may hold fewer than asked), and what was asked. */
  const [used, setUsed] = useState<{ examples: number; validation: number; asked: { examples: number; validation: number } } | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  const { say } = tb;
  const hasAugment = AUGMENT_OPS.some((op) => state.augment[op].enabled);
  const trainingBusy = view.busy;
  const runName = (run: CompareRun) => t(run === 'plain' ? 'runPlain' : 'runAugmented');

  const start = async () => {
    if (!worker) return;
    setRunning(true);
    setError(null);
    setCurves(EMPTY);
    setUsed(null);
    try {
      const info = await worker.core.loadDataset(state.dataset, dataBaseUrl(), callback(() => undefined));
      const graph = buildArch(state.arch, { ...archOptionsOf(state), classes: info.classNames.length });
      setNetwork({ name: graph.name, classes: info.classNames.length });
      const asked = { examples: sizes.examples, validation: sizes.validation };
      const onEvent = (e: CompareEvent) => {
        if (e.type === 'runStart') setUsed({ examples: e.examples, validation: e.validation, asked });
        else if (e.type === 'batchEnd') setProgress({ run: e.run, epoch: e.epoch + 1, batch: e.batch, batches: e.batches });
        else if (e.type === 'epochEnd') setCurves((c) => ({ ...c, [e.run]: [...c[e.run], { epoch: e.epoch, accuracy: e.accuracy, valAccuracy: e.valAccuracy, examplesPerSec: e.examplesPerSec }] }));
      };
      const result = await worker.uploads.compareAugmentation({
        graph, seed: state.seed, ...sizes, batchSize: state.batchSize,
        compile: { optimizer: state.optimizer, learningRate: state.learningRate, momentum: state.momentum, loss: 'categoricalCrossentropy' },
        augment: state.augment, augmentSeed: state.augmentSeed,
      }, callback(onEvent));
      setUsed({ examples: result.examples, validation: result.validation, asked });
      const failed = result.runs.find((r) => r.end !== 'completed' && r.end !== 'stopped');
      if (failed?.detail) setError(failed.detail);
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };

  const field = (key: keyof typeof sizes, label: 'compareExamples' | 'compareValidation' | 'compareEpochs', max: number) => (
    <label className="inline">
      {t(label)}
      <input type="number" data-testid={`compare-${key}`} min={1} max={max} value={sizes[key]} disabled={running} onChange={(e) => setSizes((s) => ({ ...s, [key]: Math.min(max, Math.max(1, Math.round(Number(e.target.value) || 1))) }))} />
    </label>
  );
  const stats = (run: CompareRun) => {
    const c = curves[run];
    const vals = c.map((p) => p.valAccuracy ?? 0);
    const last = c.at(-1);
    return { final: last?.valAccuracy ?? null, best: vals.length ? Math.max(...vals) : null, gap: last && last.valAccuracy !== null ? last.accuracy - last.valAccuracy : null, speed: c.length ? c.reduce((a, p) => a + p.examplesPerSec, 0) / c.length : null };
  };
  /** The widest Wilson margin of the runs' final validation accuracies (0.5 before any result). */
  const margin = (n: number) => Math.max(...RUNS.map((run) => wilsonMargin(stats(run).final ?? 0.5, n)));
  const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
  return (
    <details className="panel augment" data-testid="augment-experiment">
      <summary>{t('compareHeading')}</summary>
      <p className="muted">{t('compareIntro')}</p>
      <div className="row">
        {field('examples', 'compareExamples', 5000)}
        {field('validation', 'compareValidation', 5000)}
        {field('epochs', 'compareEpochs', 100)}
        <button type="button" data-testid="compare-run" disabled={running || trainingBusy || !hasAugment || !worker} onClick={() => void start()}>{t('compareRun')}</button>
        <button type="button" className="secondary" disabled={!running} onClick={() => void worker?.uploads.stopComparison()}>{t('compareStop')}</button>
      </div>
      {!hasAugment && <p className="muted">{t('compareNeedsAugment')}</p>}
      {network && <p className="muted small-text">{fill(t('compareNetwork'), network)}</p>}
      {used && (
        <p className="small-text" data-testid="compare-sizes" data-examples={used.examples} data-validation={used.validation}>
          {fill(tb('compareSizes'), { examples: used.examples, validation: used.validation })}
          {(used.examples < used.asked.examples || used.validation < used.asked.validation) && ` ${fill(tb('compareSizesFewer'), { askedExamples: used.asked.examples, askedValidation: used.asked.validation })}`}
        </p>
      )}
      {used && used.validation < SMALL_VALIDATION && (
        <p className="notice small-text" data-testid="compare-confidence">
          {fill(tb('compareConfidence'), { n: used.validation, step: pointsPerImage(used.validation).toFixed(1), margin: margin(used.validation).toFixed(1) })}
        </p>
      )}
      {progress && <p role="status" data-testid="compare-progress">{fill(t('compareRunning'), { run: runName(progress.run), epoch: progress.epoch, epochs: sizes.epochs, batch: progress.batch, batches: progress.batches })}</p>}
      {error && <p className="error-text" role="alert" data-testid="compare-error">{say(error)}</p>}
      {(curves.plain.length > 0 || curves.augmented.length > 0) && (
        <>
          <div className="compare-charts">
            {RUNS.map((run) => <CompareChart key={run} title={runName(run)} points={curves[run]} epochs={sizes.epochs} testId={`compare-chart-${run}`} />)}
          </div>
          <table data-testid="compare-summary">
            <thead>
              <tr><th /><th className="num">{t('finalVal')}</th><th className="num">{t('bestVal')}</th><th className="num">{t('gap')}</th><th className="num">{t('speed')}</th></tr>
            </thead>
            <tbody>
              {RUNS.map((run) => {
                const s = stats(run);
                return (
                  <tr key={run} data-testid={`compare-row-${run}`} data-final={s.final ?? ''} data-gap={s.gap ?? ''} data-epochs={curves[run].length}>
                    <td>{runName(run)}</td>
                    <td className="num">{pct(s.final)}</td>
                    <td className="num">{pct(s.best)}</td>
                    <td className="num">{s.gap === null ? '–' : `${(s.gap * 100).toFixed(1)} pt`}</td>
                    <td className="num">{s.speed === null ? '–' : s.speed.toFixed(0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </details>
  );
}
