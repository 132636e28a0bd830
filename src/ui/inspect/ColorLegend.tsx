import { lutGradient, VIRIDIS_LUT } from '../../views/inspect/colorRamp';

interface Props {
  /** The value at the left end, formatted. */
  min: string;
  /** The value at the right end, formatted. */
  max: string;
  label: string;
  lut?: Uint8Array;
  testId?: string;
}

/** A horizontal colour ramp labelled with the values at its ends. */
export function ColorLegend({ min, max, label, lut = VIRIDIS_LUT, testId }: Props) {
  return (
    <span className="color-legend" data-testid={testId} aria-label={`${label}: ${min} … ${max}`}>
      <span data-end="min">{min}</span>
      <span className="ramp" style={{ background: lutGradient(lut) }} aria-hidden="true" />
      <span data-end="max">{max}</span>
    </span>
  );
}
