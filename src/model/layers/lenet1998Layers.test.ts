import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArch, LENET_C3_TABLE, rbfCentres } from '../../arch';
import { buildModel } from '../buildModel';
import { freezeLayers, unfreezeAll } from '../freeze';
import { nodeLayers } from '../inspect';
import { useCpuBackend } from '../testing/cpuBackend';
import { expectNoTensorLeak } from '../testing/expectNoLeak';
import { EuclideanRBF } from './euclideanRbf';
import { flooredSoftmax, PROBABILITY_FLOOR } from './flooredSoftmax';
import { scaledTanh } from './scaledTanh';
import { Subsampling2D } from './subsampling2d';
import { TableConv2D } from './tableConv2d';

beforeAll(useCpuBackend);

const table = [[0, 2], [1], [0, 1, 2]];

/** Builds a layer eagerly on `shape` (an eager call gives it the reference dispose() releases). */
function built<L extends tfl.layers.Layer>(layer: L, shape: number[]): L {
  tf.tidy(() => {
    layer.apply(tf.zeros(shape));
  });
  return layer;
}

/** The dense kernel [kh, kw, cin, filters] a table stands for, from the compact one, by hand. */
function maskedKernel(compact: tf.Tensor, t: readonly (readonly number[])[], cin: number): tf.Tensor4D {
  const [kh, kw] = compact.shape;
  const values = compact.arraySync() as number[][][];
  const full = Array.from({ length: kh }, () => Array.from({ length: kw }, () => Array.from({ length: cin }, () => new Array<number>(t.length).fill(0))));
  let k = 0;
  t.forEach((row, m) => row.forEach((c) => {
    for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) full[u][v][c][m] = values[u][v][k];
    k++;
  }));
  return tf.tensor4d(full);
}

/** Max |numerical − analytic| derivative of Σ f(x)·r over a few coordinates of x (central differences, float32). */
function gradientError(f: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor, coordinates: number[]): number {
  return tf.tidy(() => {
    const r = tf.randomUniform(f(x).shape, -1, 1, 'float32', 17);
    const loss = (t: tf.Tensor) => tf.sum(tf.mul(f(t), r));
    const analytic = tf.grad(loss)(x).dataSync();
    const base = x.dataSync();
    const h = 1e-2;
    let worst = 0;
    for (const i of coordinates) {
      const plus = Float32Array.from(base);
      const minus = Float32Array.from(base);
      plus[i] += h;
      minus[i] -= h;
      const numeric = (loss(tf.tensor(plus, x.shape)).dataSync()[0] - loss(tf.tensor(minus, x.shape)).dataSync()[0]) / (2 * h);
      worst = Math.max(worst, Math.abs(numeric - analytic[i]));
    }
    return worst;
  });
}

describe('TableConv2D', () => {
  it('keeps only the table\'s connections: kernel [kh, kw, Σ|T[m]|] + bias', () => {
    const layer = built(new TableConv2D({ table, kernelSize: [3, 3] }), [1, 6, 6, 3]);
    expect(layer.getWeights().map((w) => w.shape)).toEqual([[3, 3, 6], [3]]);
    expect(layer.countParams()).toBe(3 * 3 * 6 + 3);
    layer.dispose();
  });

  it('equals a dense convolution whose kernel is zero where the table has no connection', async () => {
    await expectNoTensorLeak(() => {
      const layer = built(new TableConv2D({ table, kernelSize: [3, 3], activation: 'scaledTanh', seed: 3 }), [1, 6, 6, 3]);
      tf.tidy(() => {
        const bias = tf.tensor1d([0.1, -0.2, 0.3]);
        layer.setWeights([layer.getWeights()[0], bias]);
        const x = tf.randomUniform([2, 6, 6, 3], -1, 1, 'float32', 4);
        const expected = scaledTanh(tf.add(tf.conv2d(x as tf.Tensor4D, maskedKernel(layer.getWeights()[0], table, 3), 1, 'valid'), bias));
        const actual = layer.apply(x) as tf.Tensor;
        expect(actual.shape).toEqual([2, 4, 4, 3]);
        expect(tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0]).toBeLessThan(1e-6);
      });
      layer.dispose();
    });
  });

  it('has the gradients central differences give, for its input and its compact kernel', () => {
    const layer = built(new TableConv2D({ table, kernelSize: [3, 3], activation: 'scaledTanh', seed: 5 }), [1, 5, 5, 3]);
    const x = tf.randomUniform([1, 5, 5, 3], -1, 1, 'float32', 6);
    expect(gradientError((t) => layer.apply(t) as tf.Tensor, x, [0, 7, 31, 44, 74])).toBeLessThan(2e-3);
    const [kernel, bias] = layer.getWeights();
    const viaKernel = (k: tf.Tensor) => {
      const full = tf.reshape(tf.matMul(tf.reshape(k, [9, 6]), tf.tensor2d(maskedKernelScatter())), [3, 3, 3, 3]) as tf.Tensor4D;
      return scaledTanh(tf.add(tf.conv2d(x as tf.Tensor4D, full, 1, 'valid'), bias));
    };
    // The layer's own kernel gradient (through the model weights) against differences of the same maths.
    const analytic = tf.tidy(() => {
      const r = tf.randomUniform([1, 3, 3, 3], -1, 1, 'float32', 17);
      const variables = layer.trainableWeights.map((w) => w.read() as tf.Variable);
      const { grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, r)) as tf.Scalar, variables);
      return grads[variables[0].name];
    });
    const reference = tf.tidy(() => tf.grad((k: tf.Tensor) => tf.sum(tf.mul(viaKernel(k), tf.randomUniform([1, 3, 3, 3], -1, 1, 'float32', 17))))(kernel));
    expect(tf.max(tf.abs(tf.sub(analytic, reference))).dataSync()[0]).toBeLessThan(1e-5);
    expect(gradientError(viaKernel, kernel, [0, 5, 20, 53])).toBeLessThan(2e-3);
    tf.dispose([x, analytic, reference]);
    layer.dispose();
  });

  it('starts each map U(±2.4 / fan-in) with lecun98 (fan-in 25 · |T[m]| for 5×5 kernels)', () => {
    const layer = built(new TableConv2D({ table: LENET_C3_TABLE, kernelSize: [5, 5], kernelInit: 'lecun98', seed: 1 }), [1, 14, 14, 6]);
    const k = layer.getWeights()[0].arraySync() as number[][][];
    let offset = 0;
    for (const row of LENET_C3_TABLE) {
      const limit = 2.4 / (25 * row.length);
      const values = k.flatMap((a) => a.flatMap((b) => b.slice(offset, offset + row.length)));
      expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(limit);
      expect(Math.max(...values.map(Math.abs))).toBeGreaterThan(limit / 2);
      offset += row.length;
    }
    layer.dispose();
  });

  it('refuses a table that names a map the input lacks', () => {
    const layer = new TableConv2D({ table: [[0, 3]], kernelSize: [3, 3] });
    expect(() => layer.build([null, 8, 8, 3])).toThrow(/outside 0…2/);
  });
});

/** The scatter matrix [6, 9] of `table` on 3 input maps (connection k → c·3 + m). */
function maskedKernelScatter(): number[][] {
  const s = Array.from({ length: 6 }, () => new Array<number>(9).fill(0));
  let k = 0;
  table.forEach((row, m) => row.forEach((c) => (s[k++][c * 3 + m] = 1)));
  return s;
}

describe('Subsampling2D', () => {
  it('computes f(coefficient · Σ window + bias) per map, 2 parameters per map', async () => {
    await expectNoTensorLeak(() => {
      const layer = built(new Subsampling2D({ poolSize: [2, 2], activation: 'scaledTanh' }), [1, 4, 4, 2]);
      expect(layer.countParams()).toBe(4);
      tf.tidy(() => {
        layer.setWeights([tf.tensor1d([0.5, -2]), tf.tensor1d([0.25, 1])]);
        const x = tf.tensor4d(Array.from({ length: 32 }, (_, i) => (i % 7) / 7 - 0.4), [1, 4, 4, 2]);
        const y = (layer.apply(x) as tf.Tensor).arraySync() as number[][][][];
        const v = x.arraySync() as number[][][][];
        const sum = (i: number, j: number, c: number) => v[0][2 * i][2 * j][c] + v[0][2 * i + 1][2 * j][c] + v[0][2 * i][2 * j + 1][c] + v[0][2 * i + 1][2 * j + 1][c];
        const f = (a: number) => 1.7159 * Math.tanh((2 / 3) * a);
        expect(y[0][1][0][0]).toBeCloseTo(f(0.5 * sum(1, 0, 0) + 0.25), 5);
        expect(y[0][0][1][1]).toBeCloseTo(f(-2 * sum(0, 1, 1) + 1), 5);
      });
      layer.dispose();
    });
  });

  it('starts as an average pool by default, U(±2.4/4) with lecun98', () => {
    const plain = built(new Subsampling2D({ poolSize: [2, 2] }), [1, 4, 4, 3]);
    expect(Array.from(plain.getWeights()[0].dataSync())).toEqual([0.25, 0.25, 0.25]);
    const paper = built(new Subsampling2D({ poolSize: [2, 2], kernelInit: 'lecun98', seed: 2 }), [1, 4, 4, 16]);
    const c = Array.from(paper.getWeights()[0].dataSync());
    expect(Math.max(...c.map(Math.abs))).toBeLessThanOrEqual(0.6);
    expect(new Set(c).size).toBe(16);
    [plain, paper].forEach((l) => l.dispose());
  });

  it('has the gradients central differences give', () => {
    const layer = built(new Subsampling2D({ poolSize: [2, 2], activation: 'scaledTanh', kernelInit: 'lecun98', seed: 3 }), [1, 6, 6, 2]);
    const x = tf.randomUniform([1, 6, 6, 2], -1, 1, 'float32', 8);
    expect(gradientError((t) => layer.apply(t) as tf.Tensor, x, [0, 9, 33, 70])).toBeLessThan(2e-3);
    x.dispose();
    layer.dispose();
  });
});

describe('EuclideanRBF', () => {
  const centres = [[1, -1, 1], [-1, -1, -1]];

  it('outputs y_i = Σ_j (x_j − w_ij)² and keeps its vectors out of training', async () => {
    await expectNoTensorLeak(() => {
      const layer = built(new EuclideanRBF({ centres }), [1, 3]);
      expect(layer.trainableWeights).toHaveLength(0);
      expect(layer.nonTrainableWeights.map((w) => w.shape)).toEqual([[2, 3]]);
      tf.tidy(() => {
        const y = (layer.apply(tf.tensor2d([[1, -1, 1], [0.5, 0, -2]])) as tf.Tensor).arraySync();
        expect(y).toEqual([[0, 4 + 0 + 4], [0.25 + 1 + 9, 2.25 + 1 + 1]]);
      });
      layer.dispose();
    });
  });

  it('has the gradients central differences give', () => {
    const layer = built(new EuclideanRBF({ centres: rbfCentres(10) }), [1, 84]);
    const x = tf.randomUniform([2, 84], -1.7, 1.7, 'float32', 9);
    expect(gradientError((t) => layer.apply(t) as tf.Tensor, x, [0, 40, 83, 100, 167])).toBeLessThan(5e-2);
    x.dispose();
    layer.dispose();
  });
});

describe('flooredSoftmax', () => {
  it('is softmax where no class is below the floor, with softmax\'s own gradient for any upstream', () => {
    tf.tidy(() => {
      const z = tf.randomUniform([3, 5], -2, 2, 'float32', 3);
      const r = tf.randomUniform([3, 5], -1, 1, 'float32', 4);
      expect(tf.max(tf.abs(tf.sub(flooredSoftmax(z), tf.softmax(z)))).dataSync()[0]).toBeLessThan(1e-7);
      const ours = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(flooredSoftmax(t), r)))(z);
      const stock = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.softmax(t), r)))(z);
      expect(tf.max(tf.abs(tf.sub(ours, stock))).dataSync()[0]).toBeLessThan(1e-6);
    });
  });

  it('never gives a class less than the floor, so the probabilities sum to 1 within K·floor', () => {
    tf.tidy(() => {
      const p = flooredSoftmax(tf.tensor2d([[0, -200, -400, -600]]));
      expect(Math.min(...p.dataSync())).toBeCloseTo(PROBABILITY_FLOOR, 12);
      expect(tf.sum(p).dataSync()[0]).toBeCloseTo(1, 5);
    });
  });
});

describe('the 1998 LeNet-5 as a tfjs model', () => {
  const graph = buildArch('lenet5', { variant: '1998' });

  it('uses the custom layers, applies the scaled tanh in stock Conv2D/Dense, and never trains the RBF vectors', async () => {
    await expectNoTensorLeak(() => {
      const model = buildModel(graph, { seed: 1 });
      const classes = Object.fromEntries(model.layers.map((l) => [l.name, l.getClassName()]));
      expect(classes).toMatchObject({ c1_conv: 'Conv2D', s2_subsample: 'Subsampling2D', c3_conv: 'TableConv2D', s4_subsample: 'Subsampling2D', c5_conv: 'Conv2D', f6_dense: 'Dense', output_rbf: 'EuclideanRBF', rbf_negate: 'Rescaling', predictions: 'FlooredSoftmax' });
      expect(model.trainableWeights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0)).toBe(60_000);
      unfreezeAll(model);
      freezeLayers(model, new Set());
      expect(model.getLayer('output_rbf').trainableWeights).toHaveLength(0);
      tf.tidy(() => {
        const c1 = nodeLayers(model).get('c1_conv')?.layer as tfl.layers.Layer;
        const x = tf.randomUniform([2, 32, 32, 1], 0, 1, 'float32', 3);
        const [kernel, bias] = c1.getWeights();
        const scaled = tf.sub(tf.mul(x, 1.275), 0.1) as tf.Tensor4D;
        const expected = scaledTanh(tf.add(tf.conv2d(scaled, kernel as tf.Tensor4D, 1, 'valid'), bias));
        const actual = c1.apply(scaled) as tf.Tensor;
        expect(tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0]).toBeLessThan(1e-5);
        // predictions = softmax(−y): the most likely class is the one whose bitmap F6 draws best.
        const p = model.predict(x) as tf.Tensor;
        const penalties = model.getLayer('output_rbf');
        expect(Array.from(tf.argMax(p, -1).dataSync())).toEqual(Array.from(tf.argMin(penaltiesOf(model, x, penalties.name), -1).dataSync()));
      });
      model.dispose();
    });
  });

  it('starts C1 U(±2.4/25) and F6 U(±2.4/120) (LeCun et al. 1998, Appendix A)', () => {
    const model = buildModel(graph, { seed: 2 });
    const maxAbs = (name: string) => Math.max(...Array.from(model.getLayer(name).getWeights()[0].dataSync()).map(Math.abs));
    expect(maxAbs('c1_conv')).toBeLessThanOrEqual(2.4 / 25);
    expect(maxAbs('c1_conv')).toBeGreaterThan(2.4 / 50);
    expect(maxAbs('f6_dense')).toBeLessThanOrEqual(2.4 / 120);
    expect(maxAbs('c5_conv')).toBeLessThanOrEqual(2.4 / 400);
    model.dispose();
  });

  it('saves and loads: classes, the fixed vectors and exact predictions', async () => {
    await expectNoTensorLeak(async () => {
      const model = buildModel(graph, { seed: 4 });
      let saved: tf.io.ModelArtifacts | undefined;
      await model.save(tf.io.withSaveHandler(async (a) => {
        saved = a;
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) };
      }));
      const loaded = await tfl.loadLayersModel(tf.io.fromMemory(saved as tf.io.ModelArtifacts));
      expect(loaded.layers.map((l) => l.getClassName())).toEqual(model.layers.map((l) => l.getClassName()));
      expect(loaded.getLayer('output_rbf').nonTrainableWeights).toHaveLength(1);
      const x = tf.randomUniform([3, 32, 32, 1], 0, 1, 'float32', 5);
      const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
      expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
      tf.dispose([x, a, b]);
      model.dispose();
      loaded.dispose();
    });
  });
});

/** The RBF penalties y [N, classes] of `model` for x, by running the graph's layers up to `rbf`. */
function penaltiesOf(model: tfl.LayersModel, x: tf.Tensor, rbf: string): tf.Tensor {
  let y: tf.Tensor = x;
  for (const layer of model.layers.slice(1)) {
    y = layer.apply(y) as tf.Tensor;
    if (layer.name === rbf) break;
  }
  return y;
}
