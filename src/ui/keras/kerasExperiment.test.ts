import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../experiment';
import { classNamesFor, kerasExperimentOf } from './kerasExperiment';

describe('the page experiment for the Keras code', () => {
  it('sizes the head for the dataset, as Train does, and names the files after network and dataset', () => {
    const state = { ...DEFAULT_EXPERIMENT, arch: 'resnet20', dataset: 'shapes' as const, optimizer: 'sgd' as const };
    const { names } = classNamesFor(state, null, 10);
    expect(names).toEqual(['Circle', 'Square', 'Triangle', 'Cross', 'Ring', 'Star']);
    const e = kerasExperimentOf(state, names);
    expect(e.graph.nodes.at(-1)?.spec).toMatchObject({ kind: 'dense', units: 6 });
    expect(e).toMatchObject({ title: 'ResNet-20 (CIFAR)', stem: 'resnet20-shapes', compile: { optimizer: 'sgd' } });
    expect(kerasExperimentOf(DEFAULT_EXPERIMENT, classNamesFor(DEFAULT_EXPERIMENT, null, 10).names)).toMatchObject({ title: 'LeNet-5 (modern)', stem: 'lenet5-modern-mnist' });
  });

  it('uses the loaded upload classes, or says it guessed them', () => {
    const state = { ...DEFAULT_EXPERIMENT, dataset: 'uploads' as const };
    expect(classNamesFor(state, null, 3)).toEqual({ names: ['class 0', 'class 1', 'class 2'], guessed: true });
    const loaded = { id: 'uploads' as const, name: 'Your images', imageShape: [32, 32, 3] as [number, number, number], classNames: ['cat', 'dog'], trainCount: 8, testCount: 2 };
    expect(classNamesFor(state, loaded, 3)).toEqual({ names: ['cat', 'dog'], guessed: false });
  });
});
