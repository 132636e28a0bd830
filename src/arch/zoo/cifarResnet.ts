import { convBnRelu, residualBlock, type ShortcutKind } from '../blocks';
import { GraphBuilder } from '../graphBuilder';
import { dense } from '../layers';
import type { ArchGraph } from '../types';
import { widthOf, type ResolvedOptions } from './options';

/** Depths 6n + 2 of the CIFAR-10 ResNets (He et al. 2015, §4.2) and their plain counterparts. */
export const CIFAR_DEPTHS = [8, 20, 32, 44, 56, 110] as const;
export type CifarDepth = (typeof CIFAR_DEPTHS)[number];

/**
 * The CIFAR-10 networks of §4.2: a 3×3 conv with 16 filters, then three stages of n basic blocks with
 * 16, 32 and 64 filters on 32×32, 16×16 and 8×8 maps, global average pooling and a softmax; 6n + 2
 * weighted layers. Residual: "option A" shortcuts — identity, and where the shape changes, identity
 * subsampled and zero-padded in channels (no parameters). Plain: the same layers with no shortcuts.
 * No convolution biases (BN follows every conv). ResNet-20 has 269,722 trainable parameters.
 */
export function cifarNet(depth: CifarDepth, residual: boolean, o: ResolvedOptions): ArchGraph {
  const n = (depth - 2) / 6;
  const b = new GraphBuilder(`${residual ? 'resnet' : 'plain'}${depth}`);
  let x = b.input(o.input);
  x = b.inBlock({ type: 'stem', id: 'conv1' }, () =>
    convBnRelu(b, x, 'conv1', { filters: widthOf(16, o), kernel: 3, useBias: false }),
  );
  let channels = widthOf(16, o);
  [16, 32, 64].forEach((base, stage) => {
    const filters = widthOf(base, o);
    for (let i = 0; i < n; i++) {
      const stride = i === 0 && stage > 0 ? 2 : 1;
      const changes = stride !== 1 || filters !== channels;
      const shortcut: ShortcutKind = !residual ? 'none' : changes ? 'zero-pad' : 'identity';
      x = residualBlock(b, x, `stage${stage + 1}_block${i + 1}`, { filters, stride, shortcut, useBias: false, bnEpsilon: 1e-3 });
      channels = filters;
    }
  });
  if (o.noTop) return b.build();
  b.inBlock({ type: 'head', id: 'classifier' }, () => {
    x = b.add('avg_pool', { kind: 'globalAvgPool' }, [x]);
    x = b.add('predictions', dense(o.classes, 'softmax'), [x]);
  });
  return b.build();
}
