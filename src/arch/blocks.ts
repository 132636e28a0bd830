import type { GraphBuilder } from './graphBuilder';
import { act, avgPool, batchNorm, conv, dense, dropout, lrnSpec, maxPool } from './layers';
import type { LrnSpec, Padding } from './types';

/**
 * The building blocks of the classic networks, named in the course's words. Each takes a builder and
 * the name of its input node and returns the name of its output node, like a Keras functional block.
 */

export interface ConvBnReluOptions {
  filters: number;
  kernel: number;
  strides?: number;
  padding?: Padding;
  useBias?: boolean;
  bnEpsilon?: number;
  /** Skip the final ReLU (the last conv of a residual branch is added before its activation). */
  relu?: boolean;
}

/** conv → batch norm → ReLU, named `${name}_conv`, `${name}_bn`, `${name}_relu`. */
export function convBnRelu(b: GraphBuilder, x: string, name: string, o: ConvBnReluOptions): string {
  x = b.add(`${name}_conv`, conv(o.filters, o.kernel, { strides: o.strides, padding: o.padding ?? 'same', useBias: o.useBias ?? true }), [x]);
  x = b.add(`${name}_bn`, batchNorm(o.bnEpsilon), [x]);
  return o.relu === false ? x : b.add(`${name}_relu`, act('relu'), [x]);
}

/** AlexNet's local response normalisation as its own node. */
export function lrn(b: GraphBuilder, x: string, name: string, options: Partial<Omit<LrnSpec, 'kind'>> = {}): string {
  return b.add(name, lrnSpec(options), [x]);
}

/**
 * How a residual block carries x to the add: `identity` when shapes match; `projection` is W_s, a 1×1
 * convolution (+ BN) with the block's stride; `zero-pad` is the CIFAR "option A" identity, subsampled
 * and zero-padded in channels; `none` makes the block plain (no shortcut) for the depth experiment.
 */
export type ShortcutKind = 'identity' | 'projection' | 'zero-pad' | 'none';

export interface ResidualBlockOptions {
  filters: number;
  stride: number;
  shortcut: ShortcutKind;
  useBias: boolean;
  bnEpsilon: number;
}

function shortcutPath(
  b: GraphBuilder,
  x: string,
  name: string,
  kind: Exclude<ShortcutKind, 'none'>,
  o: ResidualBlockOptions,
  outChannels: number,
): string {
  return b.inBlock({ type: 'residual', id: name, shortcut: kind, onShortcut: true }, () => {
    if (kind === 'projection') {
      const s = b.add(`${name}_0_conv`, conv(outChannels, 1, { strides: o.stride, useBias: o.useBias }), [x]);
      return b.add(`${name}_0_bn`, batchNorm(o.bnEpsilon), [s]);
    }
    if (kind === 'zero-pad') return b.add(`${name}_0_pad`, { kind: 'padShortcut', stride: o.stride, filters: outChannels }, [x]);
    return x;
  });
}

function tag(name: string, o: ResidualBlockOptions) {
  return o.shortcut === 'none'
    ? ({ type: 'plain', id: name } as const)
    : ({ type: 'residual', id: name, shortcut: o.shortcut } as const);
}

function closeBlock(b: GraphBuilder, x: string, residual: string, name: string, o: ResidualBlockOptions, outChannels: number): string {
  if (o.shortcut === 'none') return b.add(`${name}_out`, act('relu'), [residual]);
  const shortcut = shortcutPath(b, x, name, o.shortcut, o, outChannels);
  const sum = b.add(`${name}_add`, { kind: 'add' }, [shortcut, residual]);
  return b.add(`${name}_out`, act('relu'), [sum]);
}

/**
 * The basic residual block of ResNet-18/34 and the CIFAR ResNets: two 3×3 conv-BN layers, then
 * relu(F(x) + shortcut(x)). The first conv carries the stride.
 */
export function residualBlock(b: GraphBuilder, x: string, name: string, o: ResidualBlockOptions): string {
  return b.inBlock(tag(name, o), () => {
    let r = convBnRelu(b, x, `${name}_1`, { filters: o.filters, kernel: 3, strides: o.stride, useBias: o.useBias, bnEpsilon: o.bnEpsilon });
    r = convBnRelu(b, r, `${name}_2`, { filters: o.filters, kernel: 3, useBias: o.useBias, bnEpsilon: o.bnEpsilon, relu: false });
    return closeBlock(b, x, r, name, o, o.filters);
  });
}

/**
 * The bottleneck block of ResNet-50/101/152 (Keras `residual_block_v1`): 1×1 (stride) → 3×3 → 1×1 to
 * 4·filters, then relu(F(x) + shortcut(x)).
 */
export function bottleneckBlock(b: GraphBuilder, x: string, name: string, o: ResidualBlockOptions): string {
  return b.inBlock(tag(name, o), () => {
    const common = { useBias: o.useBias, bnEpsilon: o.bnEpsilon };
    let r = convBnRelu(b, x, `${name}_1`, { filters: o.filters, kernel: 1, strides: o.stride, padding: 'valid', ...common });
    r = convBnRelu(b, r, `${name}_2`, { filters: o.filters, kernel: 3, ...common });
    r = convBnRelu(b, r, `${name}_3`, { filters: 4 * o.filters, kernel: 1, padding: 'valid', ...common, relu: false });
    return closeBlock(b, x, r, name, o, 4 * o.filters);
  });
}

/** Widths of an inception module, in the column order of Table 1 of Szegedy et al. (2014). */
export interface InceptionWidths {
  c1: number;
  c3reduce: number;
  c3: number;
  c5reduce: number;
  c5: number;
  poolProj: number;
}

/**
 * An inception module: four parallel branches — 1×1; 1×1 → 3×3; 1×1 → 5×5; 3×3 max-pool → 1×1 —
 * concatenated along channels. The 1×1 "reduce" convolutions are the bottlenecks that cut the cost.
 */
export function inceptionBlock(b: GraphBuilder, x: string, name: string, w: InceptionWidths, useBias = true): string {
  const relu = (filters: number, kernel: number, input: string, layer: string): string =>
    b.add(layer, conv(filters, kernel, { padding: 'same', useBias, activation: 'relu' }), [input]);
  const branch = (i: number, fn: () => string): string => b.inBlock({ type: 'inception', id: name, branch: i }, fn);
  const b1 = branch(0, () => relu(w.c1, 1, x, `${name}_1x1`));
  const b2 = branch(1, () => relu(w.c3, 3, relu(w.c3reduce, 1, x, `${name}_3x3_reduce`), `${name}_3x3`));
  const b3 = branch(2, () => relu(w.c5, 5, relu(w.c5reduce, 1, x, `${name}_5x5_reduce`), `${name}_5x5`));
  const b4 = branch(3, () => relu(w.poolProj, 1, b.add(`${name}_pool`, maxPool(3, 1, 'same'), [x]), `${name}_pool_proj`));
  return b.inBlock({ type: 'inception', id: name }, () => b.add(`${name}_concat`, { kind: 'concat' }, [b1, b2, b3, b4]));
}

export interface AuxClassifierOptions {
  classes: number;
  /** Width multiplier for the 128-channel conv and the 1024-unit FC. */
  width: number;
}

/**
 * GoogLeNet's auxiliary classifier: 5×5/3 average pool → 1×1 conv 128 (ReLU) → FC 1024 (ReLU) →
 * dropout 0.7 → FC classes (softmax). Its loss is added to the main loss with weight 0.3 in training.
 */
export function auxClassifier(b: GraphBuilder, x: string, name: string, o: AuxClassifierOptions): string {
  return b.inBlock({ type: 'aux', id: name }, () => {
    const w = (c: number) => Math.max(1, Math.round(c * o.width));
    let y = b.add(`${name}_avgpool`, avgPool(5, 3, 'valid'), [x]);
    y = b.add(`${name}_conv`, conv(w(128), 1, { activation: 'relu' }), [y]);
    y = b.add(`${name}_flatten`, { kind: 'flatten' }, [y]);
    y = b.add(`${name}_fc`, dense(w(1024), 'relu'), [y]);
    y = b.add(`${name}_dropout`, dropout(0.7), [y]);
    return b.add(`${name}_predictions`, dense(o.classes, 'softmax'), [y]);
  });
}
