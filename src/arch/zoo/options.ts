import { archError } from '../types';

/** The user-facing options every zoo entry accepts (the CLI flags and the URL parameters). */
export interface ArchOptions {
  /** Input [H, W, C]; defaults to the network's reference input. */
  input?: readonly [number, number, number];
  /** Number of classes of the classifier head. */
  classes?: number;
  /** Width multiplier on every channel count and hidden FC width (1 = the reference network). */
  width?: number;
  /** Variant name, where the network has several (e.g. LeNet-5 `modern` / `classic`). */
  variant?: string;
  /** Grouped convolutions (AlexNet's two-GPU split). */
  groups?: number;
  /** Drop the classifier, as Keras' `include_top=False`. */
  noTop?: boolean;
  /** Convolution biases (Keras' ResNet has them; torchvision's has not). */
  convBias?: boolean;
  /** GoogLeNet's two auxiliary classifiers. */
  aux?: boolean;
}

/** Options with every default filled in by the zoo entry. */
export interface ResolvedOptions {
  readonly input: readonly [number, number, number];
  readonly classes: number;
  readonly width: number;
  readonly variant: string;
  readonly groups: number;
  readonly noTop: boolean;
  readonly convBias: boolean;
  readonly aux: boolean;
}

/** Checks the numeric options and throws a one-line ArchError naming the bad one. */
export function validateOptions(o: ResolvedOptions): void {
  const [h, w, c] = o.input;
  if (![h, w, c].every((d) => Number.isInteger(d) && d >= 1 && d <= 4096)) {
    throw archError('arch.badInputOption', { got: o.input.join(',') });
  }
  if (!Number.isInteger(o.classes) || o.classes < 1 || o.classes > 100_000) {
    throw archError('arch.badClasses', { got: o.classes });
  }
  if (!(o.width > 0 && o.width <= 4)) throw archError('arch.badWidth', { got: o.width });
  if (!Number.isInteger(o.groups) || o.groups < 1 || o.groups > 64) {
    throw archError('arch.badGroups', { got: o.groups });
  }
}

/** Scales a channel count by the width multiplier, keeping it ≥ 1 and a multiple of `multiple`. */
export function widthOf(channels: number, o: Pick<ResolvedOptions, 'width'>, multiple = 1): number {
  return Math.max(multiple, Math.round((channels * o.width) / multiple) * multiple);
}
