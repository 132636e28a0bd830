import { describe, expect, it } from 'vitest';
import { EVERYTHING, megabytes, planOffline, scopeOf } from './offlinePlan';

const entries = [
  { path: 'data/mnist/manifest.json', bytes: 6203, cached: true },
  { path: 'data/mnist/train-images-0.u8.gz', bytes: 481369, cached: false },
  { path: 'data/fashion-mnist/manifest.json', bytes: 2861, cached: false },
  { path: 'models/index.json', bytes: 2011, cached: true },
  { path: 'models/lenet5-mnist/weights.bin', bytes: 246824, cached: false },
];

describe('planOffline', () => {
  it('a lesson on MNIST needs MNIST only; the transfer lesson adds the pretrained bases', () => {
    const mnist = planOffline(entries, scopeOf({ dataset: 'mnist', panel: '', lesson: 'lenet-then-and-now' }));
    expect(mnist.files.map((f) => f.path)).toEqual(['data/mnist/manifest.json', 'data/mnist/train-images-0.u8.gz']);
    expect(mnist.totalBytes).toBe(487572);
    expect(mnist.missingBytes).toBe(481369);
    const transfer = planOffline(entries, scopeOf({ dataset: 'fashion-mnist', panel: 'transfer-panel', lesson: '' }));
    expect(transfer.files.map((f) => f.path)).toEqual(['data/fashion-mnist/manifest.json', 'models/index.json', 'models/lenet5-mnist/weights.bin']);
  });

  it('generated shapes need no download; everything covers every file', () => {
    expect(planOffline(entries, scopeOf({ dataset: 'shapes', panel: '', lesson: '' })).files).toEqual([]);
    const all = planOffline(entries, EVERYTHING);
    expect(all.files).toHaveLength(entries.length);
    expect(all.missing).toHaveLength(3);
  });

  it('sizes in megabytes with one decimal', () => {
    expect(megabytes(9_784_321)).toBe(9.8);
    expect(megabytes(0)).toBe(0);
  });
});
