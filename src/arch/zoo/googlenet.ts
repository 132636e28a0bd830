import { auxClassifier, inceptionBlock, lrn, type InceptionWidths } from '../blocks';
import { GraphBuilder } from '../graphBuilder';
import { conv, dense, dropout, maxPool } from '../layers';
import type { ArchGraph } from '../types';
import { widthOf, type ResolvedOptions } from './options';

/** Table 1 of "Going deeper with convolutions": #1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj. */
export const INCEPTION_TABLE: ReadonlyArray<readonly [string, InceptionWidths]> = [
  ['inception_3a', { c1: 64, c3reduce: 96, c3: 128, c5reduce: 16, c5: 32, poolProj: 32 }],
  ['inception_3b', { c1: 128, c3reduce: 128, c3: 192, c5reduce: 32, c5: 96, poolProj: 64 }],
  ['inception_4a', { c1: 192, c3reduce: 96, c3: 208, c5reduce: 16, c5: 48, poolProj: 64 }],
  ['inception_4b', { c1: 160, c3reduce: 112, c3: 224, c5reduce: 24, c5: 64, poolProj: 64 }],
  ['inception_4c', { c1: 128, c3reduce: 128, c3: 256, c5reduce: 24, c5: 64, poolProj: 64 }],
  ['inception_4d', { c1: 112, c3reduce: 144, c3: 288, c5reduce: 32, c5: 64, poolProj: 64 }],
  ['inception_4e', { c1: 256, c3reduce: 160, c3: 320, c5reduce: 32, c5: 128, poolProj: 128 }],
  ['inception_5a', { c1: 256, c3reduce: 160, c3: 320, c5reduce: 32, c5: 128, poolProj: 128 }],
  ['inception_5b', { c1: 384, c3reduce: 192, c3: 384, c5reduce: 48, c5: 128, poolProj: 128 }],
];

/** Modules after which a 3×3/2 max pool halves H×W. */
const POOL_AFTER = new Map([['inception_3b', 'pool3'], ['inception_4e', 'pool4']]);
/** Modules whose outputs feed the auxiliary classifiers. */
const AUX_AFTER = new Map([['inception_4a', 'aux1'], ['inception_4d', 'aux2']]);

/**
 * GoogLeNet (Szegedy et al. 2014) at 224×224×3: stem (7×7/2 conv, pool, LRN, 1×1 and 3×3 convs, LRN,
 * pool), nine inception modules with real 5×5 kernels and conv biases, global average pooling, dropout
 * 0.4, softmax. 6,998,552 parameters; with `aux`, two auxiliary classifiers on 4a and 4d, lossWeight 0.3.
 */
export function googlenet(o: ResolvedOptions): ArchGraph {
  const w = (c: number) => widthOf(c, o);
  const b = new GraphBuilder(o.aux ? 'googlenet-aux' : 'googlenet');
  let x = b.input(o.input);
  x = b.inBlock({ type: 'stem', id: 'stem' }, () => {
    let y = b.add('conv1_7x7', conv(w(64), 7, { strides: 2, padding: 'same', activation: 'relu' }), [x]);
    y = b.add('pool1', maxPool(3, 2, 'same'), [y]);
    y = lrn(b, y, 'lrn1');
    y = b.add('conv2_reduce', conv(w(64), 1, { activation: 'relu' }), [y]);
    y = b.add('conv2_3x3', conv(w(192), 3, { padding: 'same', activation: 'relu' }), [y]);
    y = lrn(b, y, 'lrn2');
    return b.add('pool2', maxPool(3, 2, 'same'), [y]);
  });
  const auxOutputs: string[] = [];
  for (const [name, widths] of INCEPTION_TABLE) {
    const scaled: InceptionWidths = {
      c1: w(widths.c1), c3reduce: w(widths.c3reduce), c3: w(widths.c3),
      c5reduce: w(widths.c5reduce), c5: w(widths.c5), poolProj: w(widths.poolProj),
    };
    x = inceptionBlock(b, x, name, scaled);
    const aux = AUX_AFTER.get(name);
    if (aux && o.aux && !o.noTop) auxOutputs.push(auxClassifier(b, x, aux, { classes: o.classes, width: o.width }));
    const pool = POOL_AFTER.get(name);
    if (pool) x = b.add(pool, maxPool(3, 2, 'same'), [x]);
  }
  if (o.noTop) return b.build();
  b.inBlock({ type: 'head', id: 'classifier' }, () => {
    x = b.add('avg_pool', { kind: 'globalAvgPool' }, [x]);
    x = b.add('dropout', dropout(0.4), [x]);
    x = b.add('predictions', dense(o.classes, 'softmax'), [x]);
  });
  b.output(x, 'main', 1);
  for (const aux of auxOutputs) b.output(aux, 'aux', 0.3);
  return b.build();
}
