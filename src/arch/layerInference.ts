import { archError } from './types';
import type { LayerSpec, Pad2d, Padding, Shape } from './types';

/** Shape, parameters and multiply-accumulates of one layer, for one example. */
export interface LayerFigures {
  readonly outputShape: Shape;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
  readonly macs: number;
  /** Weighted input → output links, shared weights counted at every use (LeCun et al. 1998's count). */
  readonly connections: number;
}

const product = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);

/** "28×28×6" — how shapes are written in messages and tables. */
export function formatShape(shape: Shape): string {
  return shape.join('×');
}

/**
 * Output length of a sliding window along one axis.
 * `valid`: floor((n − k) / s) + 1; `same`: ceil(n / s) (TensorFlow's rule); explicit: floor((n + p0 + p1 − k) / s) + 1.
 */
export function windowOutput(n: number, k: number, s: number, padding: Padding, axis: 'h' | 'w'): number {
  if (padding === 'same') return Math.ceil(n / s);
  if (padding === 'valid') return Math.floor((n - k) / s) + 1;
  const [p0, p1] = axis === 'h' ? [padding.top, padding.bottom] : [padding.left, padding.right];
  return Math.floor((n + p0 + p1 - k) / s) + 1;
}

function expectRank(name: string, kind: string, shape: Shape, rank: number): void {
  if (shape.length !== rank) {
    throw archError(rank === 3 ? 'arch.needsFeatureMap' : 'arch.needsVector', { name, kind, shape: formatShape(shape) }, name);
  }
}

function slidingWindow(
  name: string,
  kind: string,
  input: Shape,
  kernel: readonly [number, number],
  strides: readonly [number, number],
  padding: Padding,
): [number, number] {
  expectRank(name, kind, input, 3);
  const [h, w] = input;
  const ho = windowOutput(h, kernel[0], strides[0], padding, 'h');
  const wo = windowOutput(w, kernel[1], strides[1], padding, 'w');
  if (!(ho >= 1 && wo >= 1) || !Number.isFinite(ho) || !Number.isFinite(wo)) {
    const params = { name, kind, kernel: `${kernel[0]}×${kernel[1]}`, stride: strides[0], padding: paddingText(padding), shape: formatShape(input), output: `${ho}×${wo}` };
    throw archError('arch.cannotSlide', params, name);
  }
  return [ho, wo];
}

function paddingText(padding: Padding): string {
  return typeof padding === 'string' ? padding : `explicit ${padding.top},${padding.bottom},${padding.left},${padding.right}`;
}

function checkPad(name: string, pad: Pad2d): void {
  if ([pad.top, pad.bottom, pad.left, pad.right].some((p) => !Number.isInteger(p) || p < 0)) {
    throw archError('arch.badPadding', { name }, name);
  }
}

/** Checks a connection table against the input's channels: rows non-empty, ascending, in range. */
function checkTable(name: string, table: readonly (readonly number[])[], channels: number): void {
  if (table.length < 1) throw archError('arch.noFilters', { name, filters: 0 }, name);
  table.forEach((row, m) => {
    const ok = row.length >= 1 && row.every((c, i) => Number.isInteger(c) && c >= 0 && c < channels && (i === 0 || c > row[i - 1]));
    if (!ok) throw archError('arch.badTable', { name, map: m, row: row.join(','), channels }, name);
  });
}

/**
 * Infers what one layer outputs and costs, given its input shapes.
 * Conventions (torchvision `_ops`, Keras parameter counts): conv MACs = Ho·Wo·Cout·Kh·Kw·Cin/groups,
 * dense MACs = in·out; bias, batch norm, activations, pooling and adds cost nothing. Batch-norm
 * moving mean/variance are non-trainable parameters. LeNet-5's kinds: a table convolution costs
 * Ho·Wo·Kh·Kw·Σ|T[m]| MACs; subsampling one multiply per output (the window sum is pooling, free);
 * an RBF unit n (subtract, square, accumulate). Connections: weighted layers only, bias included
 * (conv Ho·Wo·Cout·(Kh·Kw·Cin/groups + 1), subsampling Ho·Wo·C·(ph·pw + 1), dense out·(in + 1), RBF units·n).
 * @throws ArchError naming the layer and the shapes when the configuration is impossible.
 */
export function inferLayer(name: string, spec: LayerSpec, inputs: readonly Shape[]): LayerFigures {
  const none = { trainableParams: 0, nonTrainableParams: 0, macs: 0, connections: 0 };
  const single = (): Shape => {
    if (inputs.length !== 1) throw archError('arch.oneInput', { name, kind: spec.kind, count: inputs.length }, name);
    return inputs[0];
  };
  switch (spec.kind) {
    case 'input': {
      if (spec.shape.length !== 3 || spec.shape.some((d) => !Number.isInteger(d) || d < 1)) {
        throw archError('arch.inputShape', { shape: formatShape(spec.shape) }, name);
      }
      return { outputShape: spec.shape, ...none };
    }
    case 'conv2d': {
      const input = single();
      const [ho, wo] = slidingWindow(name, 'conv2d', input, spec.kernel, spec.strides, spec.padding);
      if (typeof spec.padding === 'object') checkPad(name, spec.padding);
      const cin = input[2];
      if (!Number.isInteger(spec.filters) || spec.filters < 1) {
        throw archError('arch.noFilters', { name, filters: spec.filters }, name);
      }
      if (cin % spec.groups !== 0 || spec.filters % spec.groups !== 0) {
        throw archError('arch.groupsDivide', { name, groups: spec.groups, channels: cin, filters: spec.filters }, name);
      }
      const perFilter = spec.kernel[0] * spec.kernel[1] * (cin / spec.groups);
      const bias = spec.useBias ? 1 : 0;
      return {
        outputShape: [ho, wo, spec.filters],
        trainableParams: (perFilter + bias) * spec.filters,
        nonTrainableParams: 0,
        macs: ho * wo * spec.filters * perFilter,
        connections: ho * wo * spec.filters * (perFilter + bias),
      };
    }
    case 'tableConv2d': {
      const input = single();
      const [ho, wo] = slidingWindow(name, spec.kind, input, spec.kernel, spec.strides, spec.padding);
      checkTable(name, spec.table, input[2]);
      const links = spec.table.reduce((n, row) => n + row.length, 0);
      const k = spec.kernel[0] * spec.kernel[1];
      const biases = spec.useBias ? spec.table.length : 0;
      return {
        outputShape: [ho, wo, spec.table.length],
        trainableParams: k * links + biases,
        nonTrainableParams: 0,
        macs: ho * wo * k * links,
        connections: ho * wo * (k * links + biases),
      };
    }
    case 'subsample': {
      const input = single();
      const [ho, wo] = slidingWindow(name, spec.kind, input, spec.pool, spec.strides, 'valid');
      const c = input[2];
      return {
        outputShape: [ho, wo, c],
        trainableParams: 2 * c,
        nonTrainableParams: 0,
        macs: ho * wo * c,
        connections: ho * wo * c * (spec.pool[0] * spec.pool[1] + 1),
      };
    }
    case 'rbf': {
      const input = single();
      expectRank(name, spec.kind, input, 1);
      const n = input[0];
      const units = spec.centres.length;
      if (units < 1) throw archError('arch.noUnits', { name, units }, name);
      spec.centres.forEach((w, i) => {
        if (w.length !== n) throw archError('arch.rbfLength', { name, unit: i, length: w.length, n }, name);
      });
      return { outputShape: [units], trainableParams: 0, nonTrainableParams: units * n, macs: units * n, connections: units * n };
    }
    case 'maxPool':
    case 'avgPool': {
      const input = single();
      const [ho, wo] = slidingWindow(name, spec.kind, input, spec.pool, spec.strides, spec.padding);
      return { outputShape: [ho, wo, input[2]], ...none };
    }
    case 'globalAvgPool': {
      const input = single();
      expectRank(name, spec.kind, input, 3);
      return { outputShape: [input[2]], ...none };
    }
    case 'lrn':
    case 'activation':
    case 'dropout':
    case 'rescale': {
      const input = single();
      if (spec.kind === 'lrn') expectRank(name, spec.kind, input, 3);
      return { outputShape: input, ...none };
    }
    case 'batchNorm': {
      const input = single();
      const c = input[input.length - 1];
      return { outputShape: input, trainableParams: 2 * c, nonTrainableParams: 2 * c, macs: 0, connections: 0 };
    }
    case 'dense': {
      const input = single();
      expectRank(name, 'dense', input, 1);
      if (!Number.isInteger(spec.units) || spec.units < 1) {
        throw archError('arch.noUnits', { name, units: spec.units }, name);
      }
      const n = input[0];
      const bias = spec.useBias ? 1 : 0;
      return { outputShape: [spec.units], trainableParams: (n + bias) * spec.units, nonTrainableParams: 0, macs: n * spec.units, connections: (n + bias) * spec.units };
    }
    case 'flatten':
      return { outputShape: [product(single())], ...none };
    case 'zeroPad': {
      const input = single();
      expectRank(name, spec.kind, input, 3);
      checkPad(name, spec.padding);
      const p = spec.padding;
      return { outputShape: [input[0] + p.top + p.bottom, input[1] + p.left + p.right, input[2]], ...none };
    }
    case 'padShortcut': {
      const input = single();
      expectRank(name, spec.kind, input, 3);
      if (spec.filters < input[2]) {
        throw archError('arch.padShrink', { name, channels: input[2], filters: spec.filters }, name);
      }
      return { outputShape: [Math.ceil(input[0] / spec.stride), Math.ceil(input[1] / spec.stride), spec.filters], ...none };
    }
    case 'add': {
      if (inputs.length < 2) throw archError('arch.addTwo', { name }, name);
      const first = formatShape(inputs[0]);
      if (inputs.some((s) => formatShape(s) !== first)) {
        throw archError('arch.addShapes', { name, shapes: inputs.map(formatShape).join(' + ') }, name);
      }
      return { outputShape: inputs[0], ...none };
    }
    case 'concat': {
      if (inputs.length < 1) throw archError('arch.concatNone', { name }, name);
      inputs.forEach((s) => expectRank(name, 'concat', s, 3));
      const [h, w] = inputs[0];
      if (inputs.some((s) => s[0] !== h || s[1] !== w)) {
        throw archError('arch.concatSize', { name, shapes: inputs.map(formatShape).join(', ') }, name);
      }
      return { outputShape: [h, w, inputs.reduce((c, s) => c + s[2], 0)], ...none };
    }
  }
}
