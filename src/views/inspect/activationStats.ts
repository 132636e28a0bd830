import { deviation, extent, mean } from 'd3-array';

/** Summary statistics of one image's activations at a layer. */
export interface ActivationStats {
  mean: number;
  /** Sample standard deviation (0 for a single value). */
  std: number;
  min: number;
  max: number;
  /** Share of the values that are exactly 0 (a ReLU's inactive units), in [0, 1]. */
  zeros: number;
  count: number;
}

/**
 * Mean, standard deviation, extent and the share of exact zeros of a layer's activations (any shape,
 * flattened), e.g. the H·W·C values of one image's feature maps. Zeros for an empty array.
 */
export function activationStats(values: Float32Array): ActivationStats {
  const count = values.length;
  if (count === 0) return { mean: 0, std: 0, min: 0, max: 0, zeros: 0, count };
  let zeros = 0;
  for (let i = 0; i < count; i++) if (values[i] === 0) zeros++;
  const [min, max] = extent(values) as [number, number];
  return { mean: mean(values) ?? 0, std: deviation(values) ?? 0, min, max, zeros: zeros / count, count };
}
