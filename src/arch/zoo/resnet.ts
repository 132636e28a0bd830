import { bottleneckBlock, convBnRelu, residualBlock, type ShortcutKind } from '../blocks';
import { GraphBuilder } from '../graphBuilder';
import { dense, maxPool, zeroPad } from '../layers';
import type { ArchGraph } from '../types';
import { widthOf, type ResolvedOptions } from './options';

/** Blocks per stage (conv2_x … conv5_x), as in Table 1 of He et al. (2015). */
export const RESNET_STAGES = {
  resnet18: { blocks: [2, 2, 2, 2], bottleneck: false },
  resnet34: { blocks: [3, 4, 6, 3], bottleneck: false },
  resnet50: { blocks: [3, 4, 6, 3], bottleneck: true },
  resnet101: { blocks: [3, 4, 23, 3], bottleneck: true },
  resnet152: { blocks: [3, 8, 36, 3], bottleneck: true },
} as const;

/** Keras' ResNet batch-norm epsilon. */
const BN_EPSILON = 1.001e-5;

/**
 * The ImageNet ResNets, laid out as Keras' `applications/resnet.py` (names `conv2_block1_1_conv` …):
 * stem 7×7/2 conv → 3×3/2 max pool, four stages of residual blocks (64, 128, 256, 512 filters; the
 * first block of stages 3–5 has stride 2), global average pooling, softmax. A stage's first block uses the
 * projection shortcut W_s when its shape changes (always for bottleneck blocks, as Keras), identity otherwise.
 */
export function imagenetResnet(depth: keyof typeof RESNET_STAGES, o: ResolvedOptions): ArchGraph {
  const { blocks, bottleneck } = RESNET_STAGES[depth];
  const b = new GraphBuilder(depth);
  let x = b.input(o.input);
  x = b.inBlock({ type: 'stem', id: 'conv1' }, () => {
    let y = b.add('conv1_pad', zeroPad(3), [x]);
    y = convBnRelu(b, y, 'conv1', { filters: widthOf(64, o), kernel: 7, strides: 2, padding: 'valid', useBias: o.convBias, bnEpsilon: BN_EPSILON });
    y = b.add('pool1_pad', zeroPad(1), [y]);
    return b.add('pool1_pool', maxPool(3, 2), [y]);
  });
  let channels = widthOf(64, o);
  blocks.forEach((count, stage) => {
    const filters = widthOf(64 * 2 ** stage, o);
    for (let i = 0; i < count; i++) {
      const stride = i === 0 && stage > 0 ? 2 : 1;
      const out = bottleneck ? 4 * filters : filters;
      const shortcut: ShortcutKind = i === 0 && (bottleneck || stride !== 1 || out !== channels) ? 'projection' : 'identity';
      const name = `conv${stage + 2}_block${i + 1}`;
      const opts = { filters, stride, shortcut, useBias: o.convBias, bnEpsilon: BN_EPSILON };
      x = bottleneck ? bottleneckBlock(b, x, name, opts) : residualBlock(b, x, name, opts);
      channels = out;
    }
  });
  if (o.noTop) return b.build();
  b.inBlock({ type: 'head', id: 'classifier' }, () => {
    x = b.add('avg_pool', { kind: 'globalAvgPool' }, [x]);
    x = b.add('predictions', dense(o.classes, 'softmax'), [x]);
  });
  return b.build();
}
