import type { LayerGradientNorm } from '../../engine/inspect/depthPresets';

/** What the first-step gradient norms of the deepest pair say, in numbers the explanation quotes. */
export interface GradientStory {
  /** ‖∂L/∂W‖ of the first (input-side) conv layer of each net. */
  plainInput: number;
  residualInput: number;
  /** Input-side over output-side norm of each net: below 1, the gradient shrinks on its way to the input. */
  plainRatio: number;
  residualRatio: number;
  /** True when the deep plain net's input-side gradient is the smaller one (the textbook picture). */
  plainShrinks: boolean;
}

const first = (norms: readonly LayerGradientNorm[]) => norms[0]?.norm ?? NaN;
const last = (norms: readonly LayerGradientNorm[]) => norms.at(-1)?.norm ?? NaN;

/** Reads the story out of the measured norms (plain and residual net of the same depth, input side first). */
export function gradientStory(plain: readonly LayerGradientNorm[], residual: readonly LayerGradientNorm[]): GradientStory {
  const plainInput = first(plain);
  const residualInput = first(residual);
  return {
    plainInput, residualInput,
    plainRatio: plainInput / last(plain),
    residualRatio: residualInput / last(residual),
    plainShrinks: plainInput < residualInput,
  };
}
