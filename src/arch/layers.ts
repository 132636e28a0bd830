import type {
  ActivationName,
  ActivationSpec,
  BatchNormSpec,
  Conv2dSpec,
  DenseSpec,
  DropoutSpec,
  KernelInit,
  LrnSpec,
  Pad2d,
  Padding,
  Pool2dSpec,
  RbfSpec,
  RescaleSpec,
  SubsampleSpec,
  TableConv2dSpec,
  ZeroPadSpec,
} from './types';

/** Layer-spec constructors with Keras' defaults, so block and zoo code reads like the papers. */

export interface ConvOptions {
  strides?: number;
  padding?: Padding;
  groups?: number;
  useBias?: boolean;
  activation?: ActivationName;
  /** Absent: Glorot uniform. */
  kernelInit?: KernelInit;
}

/** A k×k convolution with `filters` output channels (Keras defaults: stride 1, valid, bias, linear). */
export function conv(filters: number, kernel: number, options: ConvOptions = {}): Conv2dSpec {
  const s = options.strides ?? 1;
  return {
    kind: 'conv2d',
    filters,
    kernel: [kernel, kernel],
    strides: [s, s],
    padding: options.padding ?? 'valid',
    groups: options.groups ?? 1,
    useBias: options.useBias ?? true,
    activation: options.activation ?? 'linear',
    ...(options.kernelInit ? { kernelInit: options.kernelInit } : {}),
  };
}

/**
 * A k×k, stride-1, valid convolution whose output map m reads only the input maps `table[m]`
 * (LeNet-5's C3); `filters` is `table.length`.
 */
export function tableConv(table: readonly (readonly number[])[], kernel: number, options: Pick<ConvOptions, 'activation' | 'kernelInit' | 'useBias'> = {}): TableConv2dSpec {
  return {
    kind: 'tableConv2d',
    kernel: [kernel, kernel],
    strides: [1, 1],
    padding: 'valid',
    table,
    useBias: options.useBias ?? true,
    activation: options.activation ?? 'linear',
    ...(options.kernelInit ? { kernelInit: options.kernelInit } : {}),
  };
}

/** LeNet-5's subsampling over pool×pool windows (stride = pool): f(coefficient · window sum + bias) per map. */
export function subsample(pool: number, activation: ActivationName, kernelInit?: KernelInit): SubsampleSpec {
  return { kind: 'subsample', pool: [pool, pool], strides: [pool, pool], activation, ...(kernelInit ? { kernelInit } : {}) };
}

/** Euclidean RBF output units with fixed parameter vectors `centres` (one per class). */
export function rbf(centres: readonly (readonly number[])[]): RbfSpec {
  return { kind: 'rbf', centres };
}

/** Max pooling over pool×pool windows (stride defaults to the pool size, as in Keras). */
export function maxPool(pool: number, strides = pool, padding: Padding = 'valid'): Pool2dSpec {
  return { kind: 'maxPool', pool: [pool, pool], strides: [strides, strides], padding };
}

/** Average pooling over pool×pool windows (stride defaults to the pool size, as in Keras). */
export function avgPool(pool: number, strides = pool, padding: Padding = 'valid'): Pool2dSpec {
  return { kind: 'avgPool', pool: [pool, pool], strides: [strides, strides], padding };
}

/** A fully connected layer. */
export function dense(units: number, activation: ActivationName = 'linear', useBias = true, kernelInit?: KernelInit): DenseSpec {
  return { kind: 'dense', units, useBias, activation, ...(kernelInit ? { kernelInit } : {}) };
}

/** Batch normalisation over the channel axis (Keras defaults ε = 1e-3, momentum 0.99). */
export function batchNorm(epsilon = 1e-3, momentum = 0.99): BatchNormSpec {
  return { kind: 'batchNorm', epsilon, momentum };
}

/** A standalone activation layer. */
export function act(activation: ActivationName): ActivationSpec {
  return { kind: 'activation', activation };
}

/** Dropout with the given drop rate. */
export function dropout(rate: number): DropoutSpec {
  return { kind: 'dropout', rate };
}

/** Symmetric zero padding of `p` pixels on every side, or explicit sides. */
export function zeroPad(p: number | Pad2d): ZeroPadSpec {
  const padding = typeof p === 'number' ? { top: p, bottom: p, left: p, right: p } : p;
  return { kind: 'zeroPad', padding };
}

/** y = scale · x + offset (Keras `Rescaling`), e.g. `rescale(2, -1)` maps [0, 1] to [−1, 1]. */
export function rescale(scale: number, offset = 0): RescaleSpec {
  return { kind: 'rescale', scale, offset };
}

/** AlexNet's local response normalisation with the paper's constants (k=2, n=5, α=1e-4, β=0.75). */
export function lrnSpec(options: Partial<Omit<LrnSpec, 'kind'>> = {}): LrnSpec {
  return { kind: 'lrn', depthRadius: options.depthRadius ?? 2, bias: options.bias ?? 2, alpha: options.alpha ?? 1e-4, beta: options.beta ?? 0.75 };
}

/** Scales a channel count by a width multiplier, keeping at least one channel. */
export function scaleWidth(channels: number, width: number): number {
  return Math.max(1, Math.round(channels * width));
}
