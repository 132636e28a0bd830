import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { firstShape, firstTensor, type Kwargs, type LayerArgs } from './layerTypes';

/** Constructor arguments of {@link EuclideanRBF}. */
export interface EuclideanRBFArgs extends LayerArgs {
  /** The fixed parameter vectors w_i, one per unit, each as long as the input vector. */
  centres: readonly (readonly number[])[];
}

/**
 * LeNet-5's output layer (LeCun et al. 1998, eq. 8): Euclidean radial basis function units.
 * Input x [batch, n] → output y [batch, units], y[b, i] = Σ_j (x[b, j] − centres[i, j])², a penalty
 * (0 when F6 draws the class's bitmap exactly). Weights: `centres` [units, n], NOT trainable (the paper
 * fixes them by hand), so they count as non-trainable parameters and are saved with the model.
 * Keras: `tf.reduce_sum(tf.square(x[:, None, :] - centres[None]), -1)` with a non-trainable weight.
 */
export class EuclideanRBF extends tfl.layers.Layer {
  static className = 'EuclideanRBF';
  readonly centres: readonly (readonly number[])[];
  private weight: tfl.LayerVariable | null = null;

  constructor(args: EuclideanRBFArgs) {
    super(args);
    this.centres = args.centres.map((w) => [...w]);
    const n = this.centres[0]?.length ?? 0;
    if (this.centres.length < 1 || n < 1 || this.centres.some((w) => w.length !== n)) {
      throw new Error(`Layer "${this.name}" (EuclideanRBF) needs one or more parameter vectors of equal, non-zero length.`);
    }
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = firstShape(inputShape);
    const n = this.centres[0].length;
    if (shape.length !== 2 || shape[1] !== n) {
      throw new Error(`Layer "${this.name}" (EuclideanRBF) needs a [batch, ${n}] input, got [${shape.join(', ')}].`);
    }
    this.weight = this.addWeight('centres', [this.centres.length, n], 'float32', tfl.initializers.zeros(), undefined, false);
    const values = tf.tensor2d(this.centres.map((w) => [...w]));
    this.weight.write(values);
    values.dispose();
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return [firstShape(inputShape)[0], this.centres.length];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      if (!this.weight) throw new Error(`Layer "${this.name}" (EuclideanRBF) is not built.`);
      const x = firstTensor(inputs) as tf.Tensor2D;
      // [batch, 1, n] − [units, n] → [batch, units, n] → Σ over n.
      return tf.sum(tf.square(tf.sub(tf.expandDims(x, 1), this.weight.read())), -1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), centres: this.centres.map((w) => [...w]) };
  }
}

tf.serialization.registerClass(EuclideanRBF);
