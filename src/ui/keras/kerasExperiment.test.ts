import { describe, expect, it } from 'vitest';
import { inferGraph } from '../../arch/index';
import { experimentScript } from '../../keras/index';
import { DEFAULT_EXPERIMENT, type ExperimentState } from '../experiment';
import { applyChange } from '../recipeState';
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

  it("describes the run as Train makes it: the recipe's smaller copy, initialiser, batch-norm momentum and schedule", () => {
    const vgg: ExperimentState = applyChange(DEFAULT_EXPERIMENT, { arch: 'vgg16' });
    const e = kerasExperimentOf(vgg, classNamesFor(vgg, null, 10).names);
    expect(inferGraph(e.graph).inputShape).toEqual([32, 32, 1]);
    expect(e.scaled).toMatchObject({ width: 0.25, input: [32, 32, 1] });
    expect(e.scaled?.referenceParams).toBeGreaterThan(100_000_000);
    const script = experimentScript(e);
    expect(script).toContain("its recipe's smaller copy (width 0.25, input 32x32x1,");
    expect(script).toContain('kernel_initializer="he_normal", name="block1_conv1"');
    expect(kerasExperimentOf({ ...vgg, fullSize: true }, classNamesFor(vgg, null, 10).names).scaled).toBeUndefined();

    const resnet: ExperimentState = { ...applyChange(DEFAULT_EXPERIMENT, { arch: 'resnet20' }), schedule: 'cosine' };
    const r = experimentScript(kerasExperimentOf(resnet, classNamesFor(resnet, null, 10).names));
    expect(r).toContain('layers.BatchNormalization(epsilon=0.001, momentum=0.9, name="conv1_bn")');
    expect(r).toContain('SCHEDULE = "cosine"');
    expect(r).toContain('PRECISE_BN_EXAMPLES = 512');
    expect(r).toContain('callbacks = [PreciseBatchNorm(model, x, (x_val, y_val)), batch_loss]');

    const lenet: ExperimentState = applyChange(DEFAULT_EXPERIMENT, { variant: '1998' });
    const l = experimentScript(kerasExperimentOf(lenet, classNamesFor(lenet, null, 10).names));
    expect(l).toContain('kernel_initializer=LeCun98Uniform(), name="c1_conv"');
    expect(l).toContain('OUTPUT_RBF_CENTRES = [[1.0 if cell == "#" else -1.0');
    expect(l).not.toContain('PreciseBatchNorm(');
  });
});
