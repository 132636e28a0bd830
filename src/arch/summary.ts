import { sayMessage } from '../messages/index';
import type { GraphInfo, LayerInfo } from './types';

/** Keras' layer class names, for a summary that reads like `model.summary()`. */
const KERAS_TYPE: Record<LayerInfo['kind'], string> = {
  input: 'InputLayer',
  conv2d: 'Conv2D',
  maxPool: 'MaxPooling2D',
  avgPool: 'AveragePooling2D',
  globalAvgPool: 'GlobalAveragePooling2D',
  lrn: 'LocalResponseNorm',
  batchNorm: 'BatchNormalization',
  activation: 'Activation',
  dense: 'Dense',
  flatten: 'Flatten',
  dropout: 'Dropout',
  zeroPad: 'ZeroPadding2D',
  padShortcut: 'PadShortcut',
  add: 'Add',
  concat: 'Concatenate',
  rescale: 'Rescaling',
  tableConv2d: 'TableConv2D',
  subsample: 'Subsampling2D',
  rbf: 'EuclideanRBF',
};

/** The Keras class name of a layer kind (e.g. `conv2d` → `Conv2D`). */
export function kerasTypeName(kind: LayerInfo['kind']): string {
  return KERAS_TYPE[kind];
}

/** 1234567 → "1,234,567" (locale-independent, for the CLI and tests). */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Bytes as Keras prints them: "241.04 KB", "527.79 MB" (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(2)} ${units[unit]}`;
}

/** Output shape as Keras prints it, with the batch dimension: "(None, 28, 28, 6)". */
export function formatKerasShape(shape: readonly number[]): string {
  return `(None, ${shape.join(', ')})`;
}

/**
 * A Keras-style summary: `Layer (type) | Output Shape | Param # | Connections | MACs` per layer (the source
 * the network follows above it), then the totals with their sizes (float32), the connections and the
 * multiply-accumulates per example.
 */
export function summaryText(info: GraphInfo): string {
  const rows = info.layers.map((l) => [`${l.name} (${kerasTypeName(l.kind)})`, formatKerasShape(l.outputShape), formatCount(l.params), formatCount(l.connections), formatCount(l.macs)]);
  const header = ['Layer (type)', 'Output Shape', 'Param #', 'Connections', 'MACs'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)) + 2);
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i] - 2).padEnd(widths[i]) : c.padEnd(widths[i]))).join('').trimEnd();
  const rule = (ch: string) => ch.repeat(widths.reduce((a, b) => a + b, 0));
  const out = [`Model: "${info.name}"`, ...(info.source ? [`Source: ${sayMessage(info.source, 'en')}`] : []), rule('━'), line(header), rule('━')];
  rows.forEach((r, i) => {
    out.push(line(r));
    if (i < rows.length - 1) out.push(rule('─'));
  });
  out.push(rule('━'));
  out.push(`Total params: ${formatCount(info.totalParams)} (${formatBytes(info.totalParams * 4)})`);
  out.push(`Trainable params: ${formatCount(info.trainableParams)} (${formatBytes(info.trainableParams * 4)})`);
  out.push(`Non-trainable params: ${formatCount(info.nonTrainableParams)} (${formatBytes(info.nonTrainableParams * 4)})`);
  out.push(`Connections per example: ${formatCount(info.connections)}`);
  out.push(`Multiply-accumulates (MACs) per example: ${formatCount(info.macs)}`);
  out.push(`Activation memory per example (forward, float32): ${formatBytes(info.activations * 4)}`);
  return out.join('\n');
}

/** The `--json` form of a summary (the CLI's stable interface). */
export interface SummaryJson {
  arch: string;
  inputShape: number[];
  outputShape: number[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  macs: number;
  activationBytes: number;
  layers: { name: string; kind: string; outputShape: number[]; params: number; trainableParams: number; macs: number; inputs: string[]; connections: number }[];
  /** Connections per example (LeCun et al. 1998's count, see `LayerInfo.connections`). */
  connections: number;
  /** Which source the network follows, in English (absent for graphs not from the zoo). */
  source?: string;
}

/** The summary as one JSON-able object: `{arch, inputShape, outputShape, totalParams, …, layers, connections, source}`. */
export function summaryJson(arch: string, info: GraphInfo): SummaryJson {
  return {
    arch,
    inputShape: [...info.inputShape],
    outputShape: [...info.outputShape],
    totalParams: info.totalParams,
    trainableParams: info.trainableParams,
    nonTrainableParams: info.nonTrainableParams,
    macs: info.macs,
    activationBytes: info.activations * 4,
    layers: info.layers.map((l) => ({
      name: l.name,
      kind: l.kind,
      outputShape: [...l.outputShape],
      params: l.params,
      trainableParams: l.trainableParams,
      macs: l.macs,
      inputs: [...l.inputs],
      connections: l.connections,
    })),
    connections: info.connections,
    ...(info.source ? { source: sayMessage(info.source, 'en') } : {}),
  };
}
