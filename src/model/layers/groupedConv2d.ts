import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ActivationName, KernelInit } from '../../arch';
import { applyActivation, toActivationName } from './activation';
import { kernelInitializer, toKernelInit } from './weightInit';
import { expectFeatureMap, firstShape, firstTensor, type Kwargs, type LayerArgs } from './layerTypes';

/** Constructor arguments of {@link GroupedConv2D}. */
export interface GroupedConv2DArgs extends LayerArgs {
  /** Output channels; must divide by `groups`. */
  filters: number;
  /** [kh, kw]. */
  kernelSize: readonly [number, number];
  /** [sh, sw]; default [1, 1]. */
  strides?: readonly [number, number];
  /** TF "same" or "valid" (explicit padding is a zeroPadding2d layer in front). Default valid. */
  padding?: 'valid' | 'same';
  /** Number of groups; input channels must divide by it too. */
  groups: number;
  /** Default true. */
  useBias?: boolean;
  /** Default linear. */
  activation?: ActivationName;
  /** Seed of the kernel initialiser; null or absent = unseeded. */
  seed?: number | null;
  /** Kernel initialiser; absent = Glorot uniform (Keras' default). */
  initializer?: KernelInit;
}

/** Output length of a convolution along one axis (TF rules); null stays null. */
function convLength(n: number | null, k: number, s: number, padding: 'valid' | 'same'): number | null {
  if (n == null) return null;
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

/**
 * A grouped 2-D convolution (AlexNet's two-GPU split): input channels are split into `groups` equal
 * parts and each part is convolved with its own `filters / groups` filters; the results are concatenated.
 * Input [batch, H, W, Cin] → output [batch, Ho, Wo, filters].
 * Weights: `kernel` [kh, kw, Cin / groups, filters] (group g uses output columns g·filters/groups …),
 * `bias` [filters]; so it has kh·kw·(Cin/groups)·filters (+ filters) parameters, as the analytic count.
 * With `groups` 1 it is an ordinary convolution with Conv2D's weight layout.
 */
export class GroupedConv2D extends tfl.layers.Layer {
  static className = 'GroupedConv2D';
  readonly filters: number;
  readonly kernelSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: 'valid' | 'same';
  readonly groups: number;
  readonly useBias: boolean;
  readonly activation: ActivationName;
  readonly seed: number | null;
  readonly initializer: KernelInit;
  private kernel: tfl.LayerVariable | null = null;
  private bias: tfl.LayerVariable | null = null;

  constructor(args: GroupedConv2DArgs) {
    super(args);
    this.filters = args.filters;
    this.kernelSize = [args.kernelSize[0], args.kernelSize[1]];
    this.strides = args.strides ? [args.strides[0], args.strides[1]] : [1, 1];
    this.padding = args.padding ?? 'valid';
    this.groups = args.groups;
    this.useBias = args.useBias ?? true;
    this.activation = toActivationName(args.activation ?? 'linear');
    this.seed = args.seed ?? null;
    this.initializer = toKernelInit(args.initializer);
    if (!Number.isInteger(this.groups) || this.groups < 1 || this.filters % this.groups !== 0) {
      throw new Error(`Layer "${this.name}" (GroupedConv2D): filters ${this.filters} must divide by groups ${this.groups}.`);
    }
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = firstShape(inputShape);
    expectFeatureMap(this.name, 'GroupedConv2D', shape);
    const cin = shape[3];
    if (cin == null || cin % this.groups !== 0) {
      throw new Error(`Layer "${this.name}" (GroupedConv2D): input channels ${String(cin)} must divide by groups ${this.groups}.`);
    }
    const [kh, kw] = this.kernelSize;
    const init = kernelInitializer(this.seed, this.initializer, kh * kw * (cin / this.groups));
    this.kernel = this.addWeight('kernel', [kh, kw, cin / this.groups, this.filters], 'float32', init);
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], 'float32', tfl.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const [batch, h, w] = firstShape(inputShape);
    const [kh, kw] = this.kernelSize;
    const [sh, sw] = this.strides;
    return [batch, convLength(h, kh, sh, this.padding), convLength(w, kw, sw, this.padding), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      if (!this.kernel) throw new Error(`Layer "${this.name}" (GroupedConv2D) is not built.`);
      const x = firstTensor(inputs) as tf.Tensor4D;
      const kernel = this.kernel.read() as tf.Tensor4D;
      const strides: [number, number] = [this.strides[0], this.strides[1]];
      let y: tf.Tensor4D;
      if (this.groups === 1) {
        y = tf.conv2d(x, kernel, strides, this.padding);
      } else {
        // x [b, H, W, Cin] → groups × [b, H, W, Cin/g]; kernel → groups × [kh, kw, Cin/g, filters/g].
        const xs = tf.split<tf.Tensor4D>(x, this.groups, 3);
        const ks = tf.split<tf.Tensor4D>(kernel, this.groups, 3);
        y = tf.concat(xs.map((xi, g) => tf.conv2d(xi, ks[g], strides, this.padding)), 3);
      }
      const biased = this.bias ? tf.add(y, this.bias.read()) : y;
      return applyActivation(biased, this.activation);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: [...this.kernelSize],
      strides: [...this.strides],
      padding: this.padding,
      groups: this.groups,
      useBias: this.useBias,
      activation: this.activation,
      seed: this.seed,
      initializer: this.initializer,
    };
  }
}

tf.serialization.registerClass(GroupedConv2D);
