import { scaleLinear } from 'd3-scale';

/** RGB, 0–255. */
export type Rgb = readonly [number, number, number];

/** Viridis at nine evenly spaced stops (perceptually uniform, readable in grey and by colour-blind readers). */
const VIRIDIS: readonly Rgb[] = [
  [68, 1, 84], [71, 45, 123], [59, 82, 139], [44, 114, 142], [33, 145, 140], [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

/** A warm ramp for heat maps over images (transparent-friendly: dark blue → red → yellow). */
const HEAT: readonly Rgb[] = [[0, 0, 140], [0, 90, 255], [0, 220, 220], [120, 255, 80], [255, 220, 0], [255, 80, 0], [200, 0, 0]];

/** A 256-entry lookup table [256 × 3] interpolating `stops` linearly (D3's piecewise scale). */
export function rampLut(stops: readonly Rgb[]): Uint8Array {
  const at = scaleLinear<number>().domain(stops.map((_, i) => (i / (stops.length - 1)) * 255)).clamp(true);
  const lut = new Uint8Array(256 * 3);
  for (let c = 0; c < 3; c++) {
    at.range(stops.map((s) => s[c]));
    for (let i = 0; i < 256; i++) lut[i * 3 + c] = Math.round(at(i));
  }
  return lut;
}

export const VIRIDIS_LUT = rampLut(VIRIDIS);
export const HEAT_LUT = rampLut(HEAT);

/** `value` → LUT index 0–255 over [min, max] (clamped; a flat range maps everything to 0). */
export function lutIndex(min: number, max: number): (value: number) => number {
  if (!(max > min)) return () => 0;
  const scale = scaleLinear().domain([min, max]).range([0, 255]).clamp(true);
  return (v) => Math.round(scale(v));
}

/** CSS `linear-gradient` of a LUT, for the legend bar. */
export function lutGradient(lut: Uint8Array, steps = 8): string {
  const colours = Array.from({ length: steps + 1 }, (_, i) => {
    const j = Math.round((i / steps) * 255) * 3;
    return `rgb(${lut[j]}, ${lut[j + 1]}, ${lut[j + 2]})`;
  });
  return `linear-gradient(to right, ${colours.join(', ')})`;
}
