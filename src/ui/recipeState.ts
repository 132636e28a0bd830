/**
 * The experiment's training settings and their recipe (src/recipes/): which recipe applies, which
 * settings differ from it, and what a change of network or dataset does to them. Pure functions.
 */
import { ARCH_IDS, type ArchOptions } from '../arch/index';
import { DATASET_CHANNELS, RECIPE_FIELDS, recipeFor, sameRecipeValue, type RecipeField, type TrainingRecipe } from '../recipes/recipes';
import type { ExperimentState } from './experiment';

type RecipeSettings = Pick<ExperimentState, RecipeField>;

/** The recipe of the experiment's network, variant, auxiliary heads and dataset. */
export function recipeOf(s: Pick<ExperimentState, 'arch' | 'variant' | 'aux' | 'dataset'>): TrainingRecipe {
  return recipeFor({ arch: ARCH_IDS.includes(s.arch) ? s.arch : 'lenet5', variant: s.variant, aux: s.aux, dataset: s.dataset });
}

/** The training settings that differ from the recipe, in RECIPE_FIELDS order. */
export function changedFromRecipe(s: ExperimentState): RecipeField[] {
  const recipe = recipeOf(s);
  return RECIPE_FIELDS.filter((f) => !sameRecipeValue(s[f], recipe[f]));
}

/** The recipe's values of every training setting. */
export function recipeSettings(recipe: TrainingRecipe): RecipeSettings {
  const out: Record<string, unknown> = {};
  for (const f of RECIPE_FIELDS) out[f] = recipe[f];
  return out as RecipeSettings;
}

const recipeKeyChanged = (a: ExperimentState, b: ExperimentState) => a.arch !== b.arch || a.variant !== b.variant || a.aux !== b.aux || a.dataset !== b.dataset;

/**
 * Applies a UI change. When it changes the network, variant, auxiliary heads or dataset, the training
 * settings become the new recipe's, except those in `keep` (a lesson's own budget, a teacher's hidden
 * setting) and those the change sets itself.
 */
export function applyChange(prev: ExperimentState, patch: Partial<ExperimentState>, keep: Partial<RecipeSettings> = {}): ExperimentState {
  const next = { ...prev, ...patch };
  if (!recipeKeyChanged(prev, next)) return next;
  const own = Object.fromEntries(Object.entries(patch).filter(([k]) => (RECIPE_FIELDS as readonly string[]).includes(k)));
  return { ...next, ...recipeSettings(recipeOf(next)), ...keep, ...own };
}

/**
 * Moves the training settings from one recipe to another (e.g. into transfer learning's), keeping every
 * setting the user changed from the old recipe.
 */
export function switchRecipe(s: ExperimentState, from: TrainingRecipe, to: Partial<TrainingRecipe>): Partial<RecipeSettings> {
  const out: Record<string, unknown> = {};
  for (const f of RECIPE_FIELDS) {
    const target = to[f];
    if (target !== undefined && sameRecipeValue(s[f], from[f])) out[f] = target;
  }
  return out as Partial<RecipeSettings>;
}

/**
 * The size Train builds: the summary's network, or the recipe's smaller copy when the summary shows the
 * reference size (width 1, default input), the recipe has one and the user did not ask for the full size.
 */
export function trainingArchOptions(s: ExperimentState, summary: ArchOptions): { options: ArchOptions; scaled: boolean } {
  const scale = recipeOf(s).scale;
  if (!scale || s.fullSize || s.width !== 1 || s.input !== null) return { options: summary, scaled: false };
  return { options: { ...summary, width: scale.width, input: [scale.size, scale.size, DATASET_CHANNELS[s.dataset]] }, scaled: true };
}
