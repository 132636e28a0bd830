import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { nodeLayers } from '../../model/index';
import { categoricalCrossentropy } from '../trainStep';

/**
 * ‖∂L/∂W‖₂ and ‖W‖₂ for the kernel W of `layer` (a convolution's [kh, kw, cin, cout] or a dense layer's
 * [in, out]): L is the categorical cross-entropy of the main output over x [N, H, W, C] and one-hot
 * y [N, K], in inference mode — batch norms use their moving statistics and are not updated, and no
 * weight changes, so the probe may run between training batches. A frozen layer's kernel is measured
 * too. Null for a layer without a kernel (a pool, an activation, an add). Disposes every tensor it makes.
 */
export async function layerGradientNorm(model: tfl.LayersModel, layer: string, x: tf.Tensor4D, y: tf.Tensor2D): Promise<{ gradientNorm: number; weightNorm: number } | null> {
  const own = nodeLayers(model).get(layer)?.layer;
  const weight = own?.weights.find((w) => w.shape.length === 4 || w.shape.length === 2);
  if (!weight) return null;
  const kernel = weight.read() as tf.Variable;
  const { value, grads } = tf.variableGrads(() => {
    const out = model.apply(x, { training: false }) as tf.Tensor | tf.Tensor[];
    return categoricalCrossentropy(y, Array.isArray(out) ? out[0] : out);
  }, [kernel]);
  const norms = tf.tidy(() => tf.stack([tf.norm(grads[kernel.name]), tf.norm(kernel)]));
  try {
    const [gradientNorm, weightNorm] = await norms.data();
    return { gradientNorm, weightNorm };
  } finally {
    tf.dispose([value, norms, ...Object.values(grads)]);
  }
}
