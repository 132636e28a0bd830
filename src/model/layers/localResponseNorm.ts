import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { expectFeatureMap, firstShape, firstTensor, type Kwargs, type LayerArgs } from './layerTypes';

/** Constructor arguments of {@link LocalResponseNorm}. */
export interface LocalResponseNormArgs extends LayerArgs {
  /** Half-width r of the channel window (the paper's n = 2r + 1). */
  depthRadius: number;
  /** The paper's k. */
  bias: number;
  /** The paper's α, multiplying the sum of squares as is (not divided by the window size). */
  alpha: number;
  /** The paper's β. */
  beta: number;
}

/**
 * AlexNet's local response normalisation across channels (tfjs' `localResponseNormalization`):
 * b[…, c] = a[…, c] / (bias + alpha · Σ_{c' = c−r … c+r} a[…, c']²)^beta, the window clipped at the ends.
 * Input and output [batch, H, W, C]; no weights.
 */
export class LocalResponseNorm extends tfl.layers.Layer {
  static className = 'LocalResponseNorm';
  readonly depthRadius: number;
  readonly bias: number;
  readonly alpha: number;
  readonly beta: number;

  constructor(args: LocalResponseNormArgs) {
    super(args);
    this.depthRadius = args.depthRadius;
    this.bias = args.bias;
    this.alpha = args.alpha;
    this.beta = args.beta;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    expectFeatureMap(this.name, 'LocalResponseNorm', firstShape(inputShape));
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return firstShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() =>
      tf.localResponseNormalization(firstTensor(inputs) as tf.Tensor4D, this.depthRadius, this.bias, this.alpha, this.beta),
    );
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), depthRadius: this.depthRadius, bias: this.bias, alpha: this.alpha, beta: this.beta };
  }
}

tf.serialization.registerClass(LocalResponseNorm);
