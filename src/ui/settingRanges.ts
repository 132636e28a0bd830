/**
 * The valid ranges of the numeric training settings: one schema that the share-link codec (urlCodec.ts)
 * parses with and the settings form (TrainSettings.tsx) offers and clamps to, so a link the teacher
 * makes is a link the student's page accepts.
 */
export const SETTING_RANGES = {
  epochs: { min: 1, max: 200, integer: true },
  batchSize: { min: 1, max: 1024, integer: true },
  learningRate: { min: 1e-7, max: 1e4, integer: false },
  momentum: { min: 0, max: 0.999, integer: false },
  bnMomentum: { min: 0, max: 0.9999, integer: false },
  validationSplit: { min: 0, max: 0.5, integer: false },
  trainLimit: { min: 0, max: 1_000_000, integer: true },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
} as const;

export type RangedSetting = keyof typeof SETTING_RANGES;

/** `value` brought into the setting's range (rounded for an integer setting); `fallback` when not a number. */
export function clampSetting(field: RangedSetting, value: number, fallback: number): number {
  const { min, max, integer } = SETTING_RANGES[field];
  if (!Number.isFinite(value)) return fallback;
  const v = integer ? Math.round(value) : value;
  return Math.min(max, Math.max(min, v));
}
