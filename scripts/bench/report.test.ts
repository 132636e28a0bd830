import { describe, expect, it } from 'vitest';
import { TRAIN_DEFAULTS } from './plan';
import { deriveAugment, deriveRuns, formatTable, type RawRun } from './report';
import type { CaseOutcome, CaseSpec } from './schema';

function outcome(examplesPerSec: number, tensors: CaseOutcome['tensors'] = null): CaseOutcome {
  return {
    actualBackend: 'x', backendNote: '', trainedExamples: 100, stoppedBy: 'examples', train: { examples: 100, seconds: 100 / examplesPerSec, examplesPerSec },
    inference: null, lastLoss: 1, tensors, mainThread: null,
  };
}

function raw(trainer: CaseSpec['trainer'], backend: CaseSpec['backend'], rate: number | null, model: CaseSpec['model'] = 'lenet5', tensors: CaseOutcome['tensors'] = null): RawRun {
  const spec: CaseSpec = { model, trainer, backend, ...TRAIN_DEFAULTS, trainExamples: 100, timeBoxSec: 10, inferenceExamples: 0 };
  return { spec, outcome: rate === null ? null : outcome(rate, tensors), error: rate === null ? 'boom' : null, wallSec: 1 };
}

describe('deriveRuns', () => {
  const runs = deriveRuns([
    raw('convnetjs-main', 'js', 100),
    raw('convnetjs-worker', 'js', 125),
    raw('tfjs-bare', 'webgl', 80),
    raw('engine', 'webgl', 60, 'lenet5', { afterWarmup: 30, afterTimed: 30, afterLeakCheck: 34, leakCheckEpochs: 2 }),
    raw('engine', 'wasm', null),
    raw('tfjs-bare', 'wasm', 900, 'resnet20'),
    raw('engine', 'wasm', 450, 'resnet20'),
  ], [{ model: 'resnet20', backend: 'cpu', reason: 'too slow' }]);

  it('divides by ConvNetJS for LeNet-5 rows only', () => {
    expect(runs[3].vsConvnetjsMain).toBeCloseTo(0.6);
    expect(runs[3].vsConvnetjsWorker).toBeCloseTo(0.48);
    expect(runs[1].vsConvnetjsMain).toBeCloseTo(1.25);
    expect(runs[6].vsConvnetjsMain).toBeNull();
  });

  it('divides the engine by the bare loop of the same model and backend', () => {
    expect(runs[3].engineOverBare).toBeCloseTo(0.75);
    expect(runs[2].engineOverBare).toBeNull();
    expect(runs[6].engineOverBare).toBeCloseTo(0.5);
  });

  it('counts leaked tensors per epoch from the leak-check epochs', () => {
    expect(runs[3].tensorsLeakedPerEpoch).toBe(2);
    expect(runs[0].tensorsLeakedPerEpoch).toBeNull();
  });

  it('keeps failures and skipped pairs as rows with their reason', () => {
    expect(runs[4]).toMatchObject({ status: 'error', error: 'boom', outcome: null, vsConvnetjsMain: null });
    expect(runs[7]).toMatchObject({ model: 'resnet20', backend: 'cpu', status: 'skipped', error: 'too slow' });
  });
});

describe('deriveAugment', () => {
  it('checks with/without against the 80% target', () => {
    const spec = { model: 'lenet5', backend: 'wasm', recipe: 'digits', ...TRAIN_DEFAULTS, trainExamples: 100, timeBoxSec: 10, inferenceExamples: 0 } as const;
    const t = (r: number) => ({ examples: 100, seconds: 100 / r, examplesPerSec: r });
    const [ok, missed, failed] = deriveAugment([
      { spec, outcome: { actualBackend: 'wasm', without: t(100), with: t(85), augmentMsPerBatch: 1 }, error: null, wallSec: 1 },
      { spec, outcome: { actualBackend: 'wasm', without: t(100), with: t(50), augmentMsPerBatch: 1 }, error: null, wallSec: 1 },
      { spec, outcome: null, error: 'no', wallSec: 1 },
    ]);
    expect(ok).toMatchObject({ ratio: 0.85, meetsTarget: true, target: 0.8 });
    expect(missed).toMatchObject({ ratio: 0.5, meetsTarget: false });
    expect(failed).toMatchObject({ status: 'error', ratio: null, meetsTarget: null });
  });
});

describe('formatTable', () => {
  it('aligns the first column left and the rest right', () => {
    expect(formatTable(['a', 'bb'], [['xyz', '1'], ['q', '22']]).split('\n')).toEqual(['a    bb', '───  ──', 'xyz   1', 'q    22']);
  });
});
