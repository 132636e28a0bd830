import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch } from '../../arch/index';
import { buildModel } from '../../model/index';
import { useCpuBackend } from '../../model/testing/cpuBackend';
import { inspectableLayers } from './inspectLayers';

beforeAll(useCpuBackend);

describe('inspectableLayers of the 1998 LeNet-5', () => {
  it('lists its feature maps, C1 as the first convolution and S4 (5×5) for Grad-CAM', () => {
    const graph = buildArch('lenet5', { variant: '1998' });
    const model = buildModel(graph, { seed: 1 });
    const layers = inspectableLayers(model, graph);
    expect(layers.layers.map((l) => l.name)).toEqual(['input_scale', 'c1_conv', 's2_subsample', 'c3_conv', 's4_subsample', 'c5_conv']);
    expect(layers.firstConv).toBe('c1_conv');
    expect(layers.gradCamLayer).toBe('s4_subsample');
    model.dispose();
  });
});
