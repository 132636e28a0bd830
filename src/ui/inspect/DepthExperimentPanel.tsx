import { useEffect, useState } from 'react';
import { DEPTH_PRESETS, type DepthExperimentResult, type DepthProgress, type DepthReference } from '../../engine/inspect/depthPresets';
import { DepthReferencePanel } from './DepthReferencePanel';
import { callback } from '../../engine/client';
import { useWorker } from '../engineContext';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';
import { useNames } from '../i18n/names';
import { useRenderCount } from '../renderCount';
import { useTrainingView } from '../trainingContext';
import { isBusy } from '../useTrainingEngine';
import { DepthErrorChart } from './DepthErrorChart';
import { DepthResultTable } from './DepthResultTable';
import { dataBaseUrl } from '../uploads/datasetUrl';
import { GradientExplanation } from './GradientExplanation';
import { GradientNormsChart } from './GradientNormsChart';
import { toUserMessage, type UserMessage } from '../../messages/index';

/**
 * The depth experiment (He et al. 2015): plain vs residual nets of several depths trained in the worker
 * with one budget; plots what the run produced — final training error against depth, and per-layer
 * gradient norms at the first step of the deepest pair — with the settings it used.
 */
export function DepthExperimentPanel() {
  const t = useMessages(inspectMessages);
  const names = useNames();
  const f = useLocaleFormat();
  const inspect = useWorker()?.inspect ?? null;
  useRenderCount('DepthExperimentPanel');
  // Busy or not, not which phase: a run's phase changes (loading → building → training) re-render nothing here.
  const view = useTrainingView((v) => ({ busy: isBusy(v.phase), backend: v.backend }));
  const [preset, setPreset] = useState<keyof typeof DEPTH_PRESETS>('lecture');
  const [seed, setSeed] = useState(DEPTH_PRESETS.lecture.seed);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<DepthProgress | null>(null);
  const [result, setResult] = useState<DepthExperimentResult | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  const { say } = t;
  const training = view.busy;
  // The full-length run, computed offline (scripts/depthReference.ts): its own chunk, fetched with the panel.
  const [reference, setReference] = useState<DepthReference | null>(null);
  useEffect(() => {
    let live = true;
    import('../../engine/inspect/depthReference.json').then((m) => live && setReference(m.default as DepthReference), () => undefined);
    return () => {
      live = false;
    };
  }, []);

  const run = async () => {
    if (!inspect) return;
    setRunning(true);
    setError(null);
    setProgress(null);
    try {
      setResult(await inspect.runDepthExperiment({ ...DEPTH_PRESETS[preset], seed }, callback((p: DepthProgress) => setProgress(p)), dataBaseUrl()));
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setRunning(false);
    }
  };

  const s = result?.settings;
  return (
    <section className="panel depth-experiment" aria-labelledby="depth-heading" data-testid="depth-experiment">
      <h2 id="depth-heading">{t('depthHeading')}</h2>
      <p className="hint">{t('depthIntro')}</p>
      <div className="row">
        <label>
          {t('preset')}
          <select
            data-testid="depth-preset"
            value={preset}
            disabled={running}
            onChange={(e) => {
              const id = e.target.value === 'quick' ? 'quick' : 'lecture';
              setPreset(id);
              setSeed(DEPTH_PRESETS[id].seed);
            }}
          >
            <option value="lecture">{t('presetLecture')}</option>
            <option value="quick">{t('presetQuick')}</option>
          </select>
        </label>
        <label>
          {t('seed')}
          <input data-testid="depth-seed" type="number" min={0} step={1} value={seed} disabled={running} onChange={(e) => setSeed(Math.max(0, Math.round(Number(e.target.value) || 0)))} />
        </label>
        <button type="button" data-testid="depth-run" disabled={running || training || !inspect || !view.backend} onClick={() => void run()}>
          {t('run')}
        </button>
        <button type="button" className="secondary" data-testid="depth-stop" disabled={!running} onClick={() => void inspect?.stopDepthExperiment()}>
          {t('stop')}
        </button>
      </div>
      {training && !running && <p role="status">{t('busyTraining')}</p>}
      {running && progress && (
        <p role="status" data-testid="depth-progress">
          <progress value={progress.run + progress.batch / progress.batches / progress.epochs + progress.epoch / progress.epochs} max={progress.runs} />{' '}
          {fill(t('progress'), {
            arch: `${progress.family === 'plain' ? 'plain' : 'resnet'}${progress.depth}`,
            i: progress.run + 1,
            n: progress.runs,
            epoch: progress.epoch + 1,
            epochs: progress.epochs,
            batch: progress.batch,
            batches: progress.batches,
            loss: f.fixed(progress.loss, 3),
            seconds: f.fixed(progress.elapsedSeconds, 0),
          })}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="depth-error">
          {say(error)}
        </p>
      )}
      {result && s && (
        <div data-testid="depth-result">
          <div className="row">
            <DepthErrorChart runs={result.runs} />
            <GradientNormsChart norms={result.gradientNorms} />
          </div>
          <GradientExplanation norms={result.gradientNorms} />
          <DepthResultTable runs={result.runs} />
          <p className="hint" data-testid="depth-settings">
            {fill(t('settings'), {
              examples: f.count(s.examples), data: t((s.dataset ?? 'shapes') === 'mnist' ? (s.inputSize === 16 ? 'dataMnist16' : 'dataMnist') : 'dataShapes'),
              epochs: s.epochs,
              batch: s.batchSize,
              optimizer: s.optimizer === 'sgd' ? fill(names.t('sgdMomentum'), { momentum: s.momentum }) : 'Adam',
              lr: s.learningRate,
              width: s.width,
              seed: s.seed,
              backend: result.backend,
              seconds: f.fixed(result.seconds, 1),
            })}
          </p>
          {s.zeroInitResidual && <p className="hint" data-testid="depth-zero-init">{t('zeroInitNote')}</p>}
          {s.preset === 'quick' && <p className="hint">{t('quickCaveat')}</p>}
        </div>
      )}
      {reference && <DepthReferencePanel reference={reference} />}
    </section>
  );
}
