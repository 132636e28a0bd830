import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ActivationName, KernelInit } from '../../arch';
import { applyActivation, toActivationName } from './activation';
import { expectFeatureMap, firstShape, firstTensor, type Kwargs, type LayerArgs } from './layerTypes';
import { toKernelInit, uniformPerLastAxis } from './weightInit';

/** Constructor arguments of {@link TableConv2D}. */
export interface TableConv2DArgs extends LayerArgs {
  /** table[m]: the input channels output map m reads, ascending; filters = table.length. */
  table: readonly (readonly number[])[];
  /** [kh, kw]. */
  kernelSize: readonly [number, number];
  /** [sh, sw]; default [1, 1]. */
  strides?: readonly [number, number];
  /** Default valid. */
  padding?: 'valid' | 'same';
  /** Default true. */
  useBias?: boolean;
  /** Default linear. */
  activation?: ActivationName;
  /** Default glorotUniform. */
  kernelInit?: KernelInit;
  /** Seed of the kernel's initial values; null or absent = unseeded. */
  seed?: number | null;
}

/** Output length of a convolution along one axis (TF rules); null stays null. */
function convLength(n: number | null, k: number, s: number, padding: 'valid' | 'same'): number | null {
  if (n == null) return null;
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

/**
 * A convolution whose output map m reads only the input maps `table[m]` (LeNet-5's C3, Table I of
 * LeCun et al. 1998). Input [batch, H, W, Cin] → output [batch, Ho, Wo, filters]:
 * y[b, i, j, m] = f(bias[m] + Σ_{c ∈ table[m]} Σ_{u, v} kernel[u, v, k(m, c)] · x[b, i·sh + u, j·sw + v, c]),
 * with k(m, c) the connection's index when the table is read row by row (m, then c ascending).
 * Weights: `kernel` [kh, kw, Σ|table[m]|] (only the connections that exist, so the parameter count is the
 * paper's), `bias` [filters]. The call scatters the kernel into a dense [kh, kw, Cin, filters] one (zeros
 * where the table has no connection) by a matrix product with a fixed 0/1 matrix, then runs one conv2d:
 * conv2d, matMul and reshape have gradients on every backend (wasm included, see src/engine/wasm/).
 * Keras: the same two steps, `tf.reshape(kernel, [kh·kw, n]) @ S` → reshape → `tf.nn.conv2d`.
 */
export class TableConv2D extends tfl.layers.Layer {
  static className = 'TableConv2D';
  readonly table: readonly (readonly number[])[];
  readonly kernelSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: 'valid' | 'same';
  readonly useBias: boolean;
  readonly activation: ActivationName;
  readonly kernelInit: KernelInit;
  readonly seed: number | null;
  private kernel: tfl.LayerVariable | null = null;
  private bias: tfl.LayerVariable | null = null;
  /** The 0/1 scatter matrix [connections, Cin·filters], row-major, set in build(). */
  private scatter: Float32Array | null = null;
  private inputChannels = 0;

  constructor(args: TableConv2DArgs) {
    super(args);
    this.table = args.table.map((row) => [...row]);
    this.kernelSize = [args.kernelSize[0], args.kernelSize[1]];
    this.strides = args.strides ? [args.strides[0], args.strides[1]] : [1, 1];
    this.padding = args.padding ?? 'valid';
    this.useBias = args.useBias ?? true;
    this.activation = toActivationName(args.activation ?? 'linear');
    this.kernelInit = toKernelInit(args.kernelInit);
    this.seed = args.seed ?? null;
    if (this.table.length < 1 || this.table.some((row) => row.length < 1)) {
      throw new Error(`Layer "${this.name}" (TableConv2D): every output map needs at least one input map.`);
    }
  }

  /** Number of connections Σ|table[m]| (the kernel's last axis). */
  get connections(): number {
    return this.table.reduce((n, row) => n + row.length, 0);
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = firstShape(inputShape);
    expectFeatureMap(this.name, 'TableConv2D', shape);
    const cin = shape[3];
    if (cin == null || this.table.some((row) => row.some((c) => !Number.isInteger(c) || c < 0 || c >= cin))) {
      throw new Error(`Layer "${this.name}" (TableConv2D): the table names input maps outside 0…${String(cin == null ? '?' : cin - 1)}.`);
    }
    this.inputChannels = cin;
    const [kh, kw] = this.kernelSize;
    const filters = this.table.length;
    const n = this.connections;
    this.scatter = new Float32Array(n * cin * filters);
    const limits: number[] = [];
    let k = 0;
    this.table.forEach((row, m) => {
      const fanIn = kh * kw * row.length;
      const limit = this.kernelInit === 'lecun98' ? 2.4 / fanIn : Math.sqrt(6 / (fanIn + kh * kw * filters));
      for (const c of row) {
        (this.scatter as Float32Array)[k * cin * filters + c * filters + m] = 1;
        limits.push(limit);
        k++;
      }
    });
    this.kernel = this.addWeight('kernel', [kh, kw, n], 'float32', tfl.initializers.zeros());
    const initial = uniformPerLastAxis([kh, kw, n], limits, this.seed);
    this.kernel.write(initial);
    initial.dispose();
    if (this.useBias) this.bias = this.addWeight('bias', [filters], 'float32', tfl.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const [batch, h, w] = firstShape(inputShape);
    const [kh, kw] = this.kernelSize;
    const [sh, sw] = this.strides;
    return [batch, convLength(h, kh, sh, this.padding), convLength(w, kw, sw, this.padding), this.table.length];
  }

  /** The dense [kh, kw, Cin, filters] kernel the table stands for (zeros where maps are not connected). */
  denseKernel(): tf.Tensor4D {
    return tf.tidy(() => {
      if (!this.kernel || !this.scatter) throw new Error(`Layer "${this.name}" (TableConv2D) is not built.`);
      const [kh, kw] = this.kernelSize;
      const filters = this.table.length;
      const flat = tf.reshape(this.kernel.read(), [kh * kw, this.connections]);
      const s = tf.tensor2d(this.scatter, [this.connections, this.inputChannels * filters]);
      return tf.reshape(tf.matMul(flat, s), [kh, kw, this.inputChannels, filters]) as tf.Tensor4D;
    });
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = firstTensor(inputs) as tf.Tensor4D;
      const y = tf.conv2d(x, this.denseKernel(), [this.strides[0], this.strides[1]], this.padding);
      return applyActivation(this.bias ? tf.add(y, this.bias.read()) : y, this.activation);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      table: this.table.map((row) => [...row]),
      kernelSize: [...this.kernelSize],
      strides: [...this.strides],
      padding: this.padding,
      useBias: this.useBias,
      activation: this.activation,
      kernelInit: this.kernelInit,
      seed: this.seed,
    };
  }
}

tf.serialization.registerClass(TableConv2D);
