import { describe, expect, it } from 'vitest';
import { receptiveField } from './receptiveField';
import { buildArch } from './zoo/index';

describe('receptiveField', () => {
  const lenet = buildArch('lenet5');
  it('LeNet-5 c1 (5×5 valid): a 5×5 patch of the 32×32 input', () => {
    expect(receptiveField(lenet, 'c1_conv', 3, 7)).toEqual({ y0: 3, y1: 7, x0: 7, x1: 11 });
  });
  it('grows through pooling and the second convolution: c3 sees 14×14 of the input', () => {
    // c3 cell (0,0): s2 rows 0..4 → c1 rows 0..9 → input rows 0..13.
    expect(receptiveField(lenet, 'c3_conv', 0, 0)).toEqual({ y0: 0, y1: 13, x0: 0, x1: 13 });
  });
  it('a dense layer sees the whole image; same padding is clipped at the border', () => {
    expect(receptiveField(lenet, 'predictions', 0, 0)).toEqual({ y0: 0, y1: 31, x0: 0, x1: 31 });
    const resnet = buildArch('resnet20');
    const r = receptiveField(resnet, 'conv1_conv', 0, 0);
    expect(r).toEqual({ y0: 0, y1: 1, x0: 0, x1: 1 });
  });
});
