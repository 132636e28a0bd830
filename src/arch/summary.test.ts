import { describe, expect, it } from 'vitest';
import { inferGraph } from './inferGraph';
import { formatBytes, formatCount, summaryJson, summaryText } from './summary';
import { buildArch } from './zoo/index';

describe('summary', () => {
  it('formats counts and sizes as Keras does', () => {
    expect(formatCount(138357544)).toBe('138,357,544');
    expect(formatCount(0)).toBe('0');
    expect(formatBytes(61706 * 4)).toBe('241.04 KB');
    expect(formatBytes(138357544 * 4)).toBe('527.79 MB');
  });

  it('prints Layer (type) | Output Shape | Param # and totals', () => {
    const text = summaryText(inferGraph(buildArch('lenet5')));
    expect(text).toContain('Layer (type)');
    expect(text).toMatch(/c1_conv \(Conv2D\)\s+\(None, 28, 28, 6\)\s+156/);
    expect(text).toContain('Total params: 61,706 (241.04 KB)');
    expect(text).toContain('Multiply-accumulates (MACs) per example: 416,520');
  });

  it('JSON has the stable keys', () => {
    const json = summaryJson('resnet50', inferGraph(buildArch('resnet50')));
    expect(Object.keys(json).slice(0, 7)).toEqual(['arch', 'inputShape', 'outputShape', 'totalParams', 'trainableParams', 'nonTrainableParams', 'macs']);
    expect(json.layers[1]).toMatchObject({ name: 'conv1_pad', kind: 'zeroPad', outputShape: [230, 230, 3], params: 0, macs: 0 });
  });
});
