/**
 * What `npm run lessons` writes to bench-results/lessons.json: one row per case (a network's preset or a
 * lesson's experiment with one seed), with the claim it checks, what it measured and whether it held.
 */
export interface LessonCaseResult {
  /** e.g. `net:vgg16`, `lesson:why-resnet:seed-2`. */
  id: string;
  /** The claim, in words. */
  claim: string;
  /** What was measured, in words (accuracies, errors, margins). */
  measured: string;
  pass: boolean;
  /** Wall-clock seconds of the experiment (from the click to its result). */
  seconds: number;
  /** The measured numbers, for scripts. */
  values: Record<string, number>;
  /** Set when the case could not run to its end (a timeout, an error on the page). */
  error?: string;
}

export interface LessonsReport {
  schema: 'cnn-playground/lessons@1';
  startedAt: string;
  durationSec: number;
  environment: { node: string; browser: string; hardwareConcurrency: number; cpu: string; loadAverage: { start: number; end: number }; backend: string;
    /** Cases run side by side (each page then on one WASM thread). */
    parallel?: number };
  cases: LessonCaseResult[];
}
