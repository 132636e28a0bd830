import { GraphBuilder } from '../graphBuilder';
import { avgPool, conv, dense, maxPool } from '../layers';
import type { ArchGraph } from '../types';
import { lenet1998 } from './lenet1998';
import { widthOf, type ResolvedOptions } from './options';

/**
 * LeNet-5 (LeCun et al. 1998) on 32×32×1: conv 6@5×5 → pool → conv 16@5×5 → pool → FC 120 → 84 → classes.
 * No padding, so H×W shrinks 32 → 28 → 14 → 10 → 5 while channels grow 1 → 6 → 16.
 * `classic`: tanh and 2×2 average pooling, as LeNet-5 is usually rebuilt from the paper (e.g. in Keras
 * tutorials). The paper's own subsampling (a trainable coefficient and bias before a sigmoid) belongs to
 * the `1998` variant: a plain sigmoid after average pooling squeezes every map into (0.27, 0.73) and,
 * measured here, left the net at chance (9–12 % on MNIST) after 6,000 images at any learning rate,
 * where tanh + average pooling reaches 77 % after 2,000.
 * C5 is a 5×5 convolution over the 5×5 S4 map, so inputs smaller than 32×32 are impossible.
 * `modern`: ReLU and max pooling, and C5 as a dense layer, as it is usually taught today.
 * Both: 61,706 parameters, 416,520 MACs at 32×32×1.
 * `1998`: the paper's own network (subsampling with trainable coefficients, C3's connection table, RBF
 * output), see {@link lenet1998}.
 */
export function lenet5(o: ResolvedOptions): ArchGraph {
  if (o.variant === '1998') return lenet1998(o);
  const classic = o.variant === 'classic';
  const a = classic ? 'tanh' : 'relu';
  const pool = classic ? avgPool : maxPool;
  const b = new GraphBuilder(`lenet5-${o.variant}`);
  let x = b.input(o.input);
  x = b.inBlock({ type: 'stage', id: 'features' }, () => {
    let y = b.add('c1_conv', conv(widthOf(6, o), 5, { activation: a }), [x]);
    y = b.add('s2_pool', pool(2), [y]);
    y = b.add('c3_conv', conv(widthOf(16, o), 5, { activation: a }), [y]);
    y = b.add('s4_pool', pool(2), [y]);
    return y;
  });
  if (o.noTop) return b.build();
  b.inBlock({ type: 'head', id: 'classifier' }, () => {
    if (classic) {
      // The paper's C5 is a 5×5 convolution that happens to cover the whole 5×5 S4 map: 1×1×120.
      x = b.add('c5_conv', conv(widthOf(120, o), 5, { activation: a }), [x]);
      x = b.add('flatten', { kind: 'flatten' }, [x]);
    } else {
      x = b.add('flatten', { kind: 'flatten' }, [x]);
      x = b.add('c5_dense', dense(widthOf(120, o), a), [x]);
    }
    x = b.add('f6_dense', dense(widthOf(84, o), a), [x]);
    x = b.add('predictions', dense(o.classes, 'softmax'), [x]);
  });
  return b.build();
}
