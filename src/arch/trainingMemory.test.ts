import { describe, expect, it } from 'vitest';
import { inferGraph } from './inferGraph';
import { estimateTrainingMemory } from './trainingMemory';
import { buildArch } from './zoo/index';

describe('estimateTrainingMemory', () => {
  it('adds weights, gradients, optimizer state and activations', () => {
    const info = inferGraph(buildArch('lenet5'));
    const m = estimateTrainingMemory(info, 64, 'adam');
    expect(m.weights).toBe(61_706 * 4);
    expect(m.gradients).toBe(61_706 * 4);
    expect(m.optimizerState).toBe(61_706 * 8);
    expect(m.activations).toBe(info.activations * 64 * 8);
    expect(m.total).toBe(m.weights + m.gradients + m.optimizerState + m.activations);
  });

  it('full VGG-16 at batch 64 needs gigabytes', () => {
    const m = estimateTrainingMemory(inferGraph(buildArch('vgg16')), 64, 'adam');
    expect(m.total).toBeGreaterThan(8 * 2 ** 30);
  });
});
