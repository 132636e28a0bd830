import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, type ExperimentState } from './experiment';
import { applyChange } from './recipeState';
import { decodeExperiment, encodeExperiment } from './urlCodec';
import { en } from './i18n/en';
import { ja } from './i18n/ja';

describe('urlCodec', () => {
  it('round-trips a full experiment', () => {
    const s: ExperimentState = {
      ...DEFAULT_EXPERIMENT,
      arch: 'alexnet', variant: 'paper', input: [67, 67, 3], classes: 5, width: 0.25, groups: 2, noTop: true, convBias: false,
      dataset: 'shapes', epochs: 3, batchSize: 32, learningRate: 0.01, optimizer: 'sgd', momentum: 0.8, validationSplit: 0.2,
      trainLimit: 500, shuffle: false, seed: 7, backend: 'webgl', lang: 'ja',
    };
    const decoded = decodeExperiment(`?${encodeExperiment(s)}`);
    expect(decoded.notices).toEqual([]);
    expect(decoded.state).toEqual(s);
  });

  it('writes only what differs from the defaults', () => {
    expect(encodeExperiment(DEFAULT_EXPERIMENT)).toBe('v=1');
    // Picking ResNet-20 (as the page does) applies its training recipe: only the width differs from it.
    expect(encodeExperiment(applyChange(DEFAULT_EXPERIMENT, { arch: 'resnet20', width: 0.5 }))).toBe('v=1&arch=resnet20&width=0.5');
  });

  it('accepts the documented short form', () => {
    const { state, notices } = decodeExperiment('?arch=lenet5&dataset=mnist&epochs=2');
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ arch: 'lenet5', dataset: 'mnist', epochs: 2 });
  });

  it('falls back field by field on garbage, huge numbers, unknown keys and script', () => {
    const { state, notices } = decodeExperiment('?arch=<script>x</script>&width=1e309&epochs=99999999999&batch=-3&lr=abc&foo=bar&dataset=mnist&v=9');
    expect(state).toEqual({ ...DEFAULT_EXPERIMENT, dataset: 'mnist' });
    expect(notices.map((n) => n.key).sort()).toEqual(['arch', 'batch', 'epochs', 'foo', 'lr', 'v', 'width']);
  });

  it('drops options the chosen network does not have', () => {
    const { state, notices } = decodeExperiment('?arch=vgg16&groups=2&aux=1&variant=classic');
    expect(state).toMatchObject({ arch: 'vgg16', groups: 1, aux: false, variant: '' });
    expect(notices.map((n) => n.reason)).toEqual(['incompatible', 'incompatible', 'incompatible']);
  });
});

describe('message catalogues', () => {
  it('Japanese and English have the same keys, none empty', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const v of [...Object.values(en), ...Object.values(ja)]) expect(v.trim()).not.toBe('');
  });
});
