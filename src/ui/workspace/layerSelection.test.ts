import { describe, expect, it } from 'vitest';
import { selectLayer, selectedLayer } from './layerSelection';

describe('layer selection store', () => {
  it('holds one layer at a time and can be cleared', () => {
    selectLayer('c1_conv');
    expect(selectedLayer()).toBe('c1_conv');
    selectLayer('s2_pool');
    expect(selectedLayer()).toBe('s2_pool');
    selectLayer(null);
    expect(selectedLayer()).toBeNull();
  });
});
