import { GraphBuilder } from '../graphBuilder';
import { conv, dense, maxPool } from '../layers';
import type { ArchGraph } from '../types';
import { widthOf, type ResolvedOptions } from './options';

/** Convolutions per stage, d2l-style: VGG is its five stages of 3×3 "same" convs, each ending in a 2×2 max pool. */
export const VGG_STAGES = {
  vgg11: [1, 1, 2, 2, 2],
  vgg13: [2, 2, 2, 2, 2],
  vgg16: [2, 2, 3, 3, 3],
  vgg19: [2, 2, 4, 4, 4],
} as const;

const VGG_CHANNELS = [64, 128, 256, 512, 512] as const;

/**
 * VGG (Simonyan & Zisserman 2014) as Keras builds it: stages of 3×3 same convolutions with ReLU, 2×2 max
 * pooling halving H×W (224 → 112 → … → 7), then FC 4096-4096-classes. VGG-16: 138,357,544 parameters.
 */
export function vgg(depth: keyof typeof VGG_STAGES, o: ResolvedOptions): ArchGraph {
  const b = new GraphBuilder(depth);
  let x = b.input(o.input);
  VGG_STAGES[depth].forEach((convs, i) => {
    const block = `block${i + 1}`;
    x = b.inBlock({ type: 'stage', id: block }, () => {
      let y = x;
      for (let j = 1; j <= convs; j++) {
        y = b.add(`${block}_conv${j}`, conv(widthOf(VGG_CHANNELS[i], o), 3, { padding: 'same', activation: 'relu' }), [y]);
      }
      return b.add(`${block}_pool`, maxPool(2), [y]);
    });
  });
  if (o.noTop) return b.build();
  b.inBlock({ type: 'head', id: 'classifier' }, () => {
    x = b.add('flatten', { kind: 'flatten' }, [x]);
    x = b.add('fc1', dense(widthOf(4096, o), 'relu'), [x]);
    x = b.add('fc2', dense(widthOf(4096, o), 'relu'), [x]);
    x = b.add('predictions', dense(o.classes, 'softmax'), [x]);
  });
  return b.build();
}
