import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './graphBuilder';
import { inferGraph } from './inferGraph';
import { conv, rescale } from './layers';
import { kerasTypeName, summaryText } from './summary';

describe('rescale (Keras Rescaling)', () => {
  it('keeps the shape, has no parameters and costs no MACs; the summary calls it Rescaling', () => {
    const b = new GraphBuilder('scaled');
    let x = b.input([6, 6, 3]);
    x = b.add('input_rescaling', rescale(2, -1), [x]);
    b.add('c', conv(4, 3), [x]);
    const info = inferGraph(b.build());
    expect(info.layers[1]).toMatchObject({ kind: 'rescale', outputShape: [6, 6, 3], params: 0, macs: 0, activations: 108 });
    expect(info.totalParams).toBe(3 * 3 * 3 * 4 + 4);
    expect(kerasTypeName('rescale')).toBe('Rescaling');
    expect(summaryText(info)).toMatch(/input_rescaling \(Rescaling\)\s+\(None, 6, 6, 3\)\s+0/);
  });

  it('defaults to no offset', () => {
    expect(rescale(1 / 255)).toEqual({ kind: 'rescale', scale: 1 / 255, offset: 0 });
  });
});
