import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ActivationName, KernelInit } from '../../arch';
import { applyActivation, toActivationName } from './activation';
import { expectFeatureMap, firstShape, firstTensor, type Kwargs, type LayerArgs } from './layerTypes';
import { toKernelInit, uniformPerLastAxis } from './weightInit';

/** Constructor arguments of {@link Subsampling2D}. */
export interface Subsampling2DArgs extends LayerArgs {
  /** [ph, pw]. */
  poolSize: readonly [number, number];
  /** [sh, sw]; default = poolSize. */
  strides?: readonly [number, number];
  /** Default linear. */
  activation?: ActivationName;
  /** glorotUniform (default): coefficients start at 1/(ph·pw); lecun98: U(±2.4/(ph·pw)). */
  kernelInit?: KernelInit;
  /** Seed of the coefficients' initial values (lecun98); null or absent = unseeded. */
  seed?: number | null;
}

/**
 * LeNet-5's subsampling layer (S2, S4; LeCun et al. 1998, §II.B). Input [batch, H, W, C] → output
 * [batch, Ho, Wo, C], 'valid' windows:
 * y[b, i, j, c] = f(coefficient[c] · Σ_{u < ph, v < pw} x[b, i·sh + u, j·sw + v, c] + bias[c]).
 * Weights: `coefficient` [C], `bias` [C] (2 per map). The window sum is ph·pw times an average pool,
 * whose gradient every backend has. Keras: `AveragePooling2D` × (ph·pw·coefficient) + bias, then f.
 */
export class Subsampling2D extends tfl.layers.Layer {
  static className = 'Subsampling2D';
  readonly poolSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly activation: ActivationName;
  readonly kernelInit: KernelInit;
  readonly seed: number | null;
  private coefficient: tfl.LayerVariable | null = null;
  private bias: tfl.LayerVariable | null = null;

  constructor(args: Subsampling2DArgs) {
    super(args);
    this.poolSize = [args.poolSize[0], args.poolSize[1]];
    this.strides = args.strides ? [args.strides[0], args.strides[1]] : this.poolSize;
    this.activation = toActivationName(args.activation ?? 'linear');
    this.kernelInit = toKernelInit(args.kernelInit);
    this.seed = args.seed ?? null;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = firstShape(inputShape);
    expectFeatureMap(this.name, 'Subsampling2D', shape);
    const c = shape[3];
    if (c == null) throw new Error(`Layer "${this.name}" (Subsampling2D) needs a known channel count.`);
    const window = this.poolSize[0] * this.poolSize[1];
    this.coefficient = this.addWeight('coefficient', [c], 'float32', tfl.initializers.constant({ value: 1 / window }));
    if (this.kernelInit === 'lecun98') {
      const initial = uniformPerLastAxis([c], new Array<number>(c).fill(2.4 / window), this.seed);
      this.coefficient.write(initial);
      initial.dispose();
    }
    this.bias = this.addWeight('bias', [c], 'float32', tfl.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const [batch, h, w, c] = firstShape(inputShape);
    const out = (n: number | null, k: number, s: number) => (n == null ? null : Math.floor((n - k) / s) + 1);
    return [batch, out(h, this.poolSize[0], this.strides[0]), out(w, this.poolSize[1], this.strides[1]), c];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      if (!this.coefficient || !this.bias) throw new Error(`Layer "${this.name}" (Subsampling2D) is not built.`);
      const x = firstTensor(inputs) as tf.Tensor4D;
      const mean = tf.avgPool(x, [this.poolSize[0], this.poolSize[1]], [this.strides[0], this.strides[1]], 'valid');
      const scale = tf.mul(this.coefficient.read(), this.poolSize[0] * this.poolSize[1]);
      return applyActivation(tf.add(tf.mul(mean, scale), this.bias.read()), this.activation);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), poolSize: [...this.poolSize], strides: [...this.strides], activation: this.activation, kernelInit: this.kernelInit, seed: this.seed };
  }
}

tf.serialization.registerClass(Subsampling2D);
