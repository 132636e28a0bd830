import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT } from './experiment';
import { applyChange, changedFromRecipe, recipeOf, trainingArchOptions } from './recipeState';
import { archOptionsOf } from './useArchInfo';
import { decodeExperiment, encodeExperiment } from './urlCodec';

describe('recipe state', () => {
  it('picking a network applies its recipe; other changes leave the settings alone', () => {
    const vgg = applyChange(DEFAULT_EXPERIMENT, { arch: 'vgg16' });
    expect(vgg).toMatchObject({ learningRate: recipeOf(vgg).learningRate, initializer: 'heNormal', trainLimit: recipeOf(vgg).trainLimit });
    expect(changedFromRecipe(vgg)).toEqual([]);
    const edited = applyChange(vgg, { learningRate: 0.01 });
    expect(changedFromRecipe(edited)).toEqual(['learningRate']);
    expect(applyChange(edited, { seed: 3 }).learningRate).toBe(0.01);
    // A new network drops the edit for its own recipe, unless told to keep it (a lesson's budget, a hidden setting).
    expect(applyChange(edited, { arch: 'resnet20' }).learningRate).toBe(recipeOf({ ...edited, arch: 'resnet20' }).learningRate);
    expect(applyChange(edited, { arch: 'resnet20' }, { learningRate: 0.01 }).learningRate).toBe(0.01);
  });

  it('the link leaves out settings equal to the recipe and restores them', () => {
    const vgg = applyChange(DEFAULT_EXPERIMENT, { arch: 'vgg16' });
    expect(encodeExperiment(vgg)).toBe('v=1&arch=vgg16');
    expect(decodeExperiment('?arch=vgg16').state).toEqual(vgg);
    const edited = { ...vgg, epochs: 5 };
    expect(encodeExperiment(edited)).toBe('v=1&arch=vgg16&epochs=5');
    expect(decodeExperiment(`?${encodeExperiment(edited)}`).state).toEqual(edited);
  });

  it('trains the recipe’s smaller copy only at the reference size and unless the full size is asked for', () => {
    const vgg = applyChange(DEFAULT_EXPERIMENT, { arch: 'vgg16' });
    expect(trainingArchOptions(vgg, archOptionsOf(vgg))).toMatchObject({ scaled: true, options: { width: 0.25, input: [32, 32, 1] } });
    expect(trainingArchOptions({ ...vgg, dataset: 'shapes' }, archOptionsOf(vgg)).options.input).toEqual([32, 32, 3]);
    expect(trainingArchOptions({ ...vgg, fullSize: true }, archOptionsOf(vgg)).scaled).toBe(false);
    const custom = { ...vgg, width: 0.5 };
    expect(trainingArchOptions(custom, archOptionsOf(custom))).toMatchObject({ scaled: false, options: { width: 0.5 } });
  });
});
