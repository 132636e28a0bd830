import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { expectFeatureMap, firstShape, firstTensor, type Kwargs, type LayerArgs } from './layerTypes';

/** Constructor arguments of {@link PadShortcut}. */
export interface PadShortcutArgs extends LayerArgs {
  /** Spatial subsampling s: keeps x[:, ::s, ::s, :]. */
  stride: number;
  /** Output channels; the input's channels come first, zeros after. */
  filters: number;
}

/**
 * The CIFAR ResNets' "option A" shortcut (He et al. 2015, §4.2): x[:, ::s, ::s, :] followed by zero
 * channels up to `filters`. Input [batch, H, W, C] → output [batch, ⌈H/s⌉, ⌈W/s⌉, filters]; no weights.
 * The subsampling is a 1×1 average pool with stride s (exact: it averages one value), because
 * `stridedSlice` has no gradient in tfjs-core while AvgPool's exists on the cpu, webgl and wasm backends.
 */
export class PadShortcut extends tfl.layers.Layer {
  static className = 'PadShortcut';
  readonly stride: number;
  readonly filters: number;

  constructor(args: PadShortcutArgs) {
    super(args);
    this.stride = args.stride;
    this.filters = args.filters;
    if (!Number.isInteger(this.stride) || this.stride < 1) {
      throw new Error(`Layer "${this.name}" (PadShortcut) needs a positive integer stride, got ${this.stride}.`);
    }
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = firstShape(inputShape);
    expectFeatureMap(this.name, 'PadShortcut', shape);
    const c = shape[3];
    if (c != null && c > this.filters) {
      throw new Error(`Layer "${this.name}" (PadShortcut) cannot shrink ${c} channels to ${this.filters}.`);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const [batch, h, w] = firstShape(inputShape);
    const sub = (n: number | null) => (n == null ? null : Math.ceil(n / this.stride));
    return [batch, sub(h), sub(w), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = firstTensor(inputs) as tf.Tensor4D;
      const sub = this.stride > 1 ? tf.avgPool(x, 1, this.stride, 'valid') : x;
      const extra = this.filters - x.shape[3];
      return extra > 0 ? tf.pad(sub, [[0, 0], [0, 0], [0, 0], [0, extra]]) : tf.clone(sub);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), stride: this.stride, filters: this.filters };
  }
}

tf.serialization.registerClass(PadShortcut);
