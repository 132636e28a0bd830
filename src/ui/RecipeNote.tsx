import { buildArch, formatShape, inferGraph, ZOO } from '../arch/index';
import { DATASET_CHANNELS, DATASET_CLASSES, RECIPE_FIELDS, sameRecipeValue, TRANSFER_RECIPE, type RecipeField } from '../recipes/recipes';
import { PRECISE_BN_EXAMPLES } from '../engine/protocol';
import type { ExperimentState } from './experiment';
import { fill, useLocaleFormat } from './i18n/format';
import { useMessages } from './i18n/index';
import { recipeMessages } from './i18n/recipe';
import { trainingMessages } from './i18n/training';
import { uploadsMessages } from './i18n/uploads';
import { recipeOf, recipeSettings, trainingArchOptions } from './recipeState';
import { archOptionsOf } from './useArchInfo';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  /** Whether the network has batch norm (its statistics are recomputed before validation). */
  hasBatchNorm: boolean;
  disabled: boolean;
  /** A transfer model is installed: Train and the comparison use transfer learning's recipe. */
  transfer?: boolean;
}

const FIELD_LABEL: Record<RecipeField, `field${string}` & keyof (typeof recipeMessages)['en']> = {
  optimizer: 'fieldOptimizer', learningRate: 'fieldLearningRate', momentum: 'fieldMomentum', schedule: 'fieldSchedule', batchSize: 'fieldBatchSize',
  epochs: 'fieldEpochs', trainLimit: 'fieldTrainLimit', initializer: 'fieldInitializer', bnMomentum: 'fieldBnMomentum',
};

/** Whether a network is one of the deep plain CIFAR stacks (more than 20 layers) that lesson 3 shows training worse. */
function isDeepPlain(arch: string): boolean {
  const entry = ZOO.get(arch);
  return entry?.family === 'plain' && Number(arch.replace(/\D/g, '')) > 20;
}

/** Parameters of a zoo network built with `options`, or null when it cannot be built. */
function paramsOf(arch: string, options: Parameters<typeof buildArch>[1]): number | null {
  try {
    return inferGraph(buildArch(arch, options)).totalParams;
  } catch {
    return null;
  }
}

/**
 * "Recipe: …": the training defaults the chosen network and dataset get (src/recipes/), the smaller copy
 * Train builds when the summary's network is too large for class time, and which settings the user
 * changed, with a way back to the recipe.
 */
export function RecipeNote({ state, update, hasBatchNorm, disabled, transfer = false }: Props) {
  const t = useMessages(recipeMessages);
  const tt = useMessages(trainingMessages);
  const tu = useMessages(uploadsMessages);
  const f = useLocaleFormat();
  const recipe = transfer ? { ...recipeOf(state), ...TRANSFER_RECIPE, trainLimit: 0, scale: null } : recipeOf(state);
  const summary = archOptionsOf(state);
  const { options, scaled } = trainingArchOptions(state, summary);
  const datasetName = { mnist: tt('datasetMnist'), 'fashion-mnist': tt('datasetFashion'), shapes: tt('datasetShapes'), uploads: tu('datasetUploads') }[state.dataset];
  const network = ZOO.get(state.arch)?.title ?? state.arch;
  const optimizerName = { adam: 'Adam', sgd: tt('sgd'), rmsprop: 'RMSprop' }[recipe.optimizer];
  const parts: string[] = [];
  if (scaled && recipe.scale) {
    const shape: [number, number, number] = [recipe.scale.size, recipe.scale.size, DATASET_CHANNELS[state.dataset]];
    parts.push(fill(t('scaled'), {
      width: f.fixed(recipe.scale.width, 2), shape: formatShape(shape),
      // The copy Train builds ends in the dataset's classes (the summary's network in its own, e.g. 1,000).
      params: f.count(paramsOf(state.arch, { ...options, classes: DATASET_CLASSES[state.dataset] ?? options.classes }) ?? 0), full: f.count(paramsOf(state.arch, summary) ?? 0),
    }));
  } else if (recipe.scale && state.fullSize) {
    parts.push(fill(t('fullSizeChosen'), { params: f.count(paramsOf(state.arch, summary) ?? 0) }));
  }
  if (!transfer) parts.push(recipe.initializer === 'heNormal' ? t(hasBatchNorm ? 'initHeBn' : 'initHe') : recipe.initializer === 'lecun98' ? t('initLecun') : t('initGlorot'));
  parts.push(`${fill(t('optimizerPart'), { optimizer: optimizerName, lr: String(recipe.learningRate) })} (${recipe.schedule === 'cosine' ? t('scheduleCosine') : t('scheduleConstant')})`);
  parts.push(transfer ? fill(t('transferBatchPart'), { batch: recipe.batchSize, epochs: recipe.epochs }) : fill(t('batchPart'), { batch: recipe.batchSize, epochs: recipe.epochs, examples: recipe.trainLimit ? f.count(recipe.trainLimit) : t('allImages') }));
  if (hasBatchNorm && !transfer) parts.push(fill(t('bnPart'), { momentum: String(recipe.bnMomentum), n: f.count(PRECISE_BN_EXAMPLES) }));
  if (!transfer && isDeepPlain(state.arch)) parts.push(t('deepPlain'));
  const compared: readonly RecipeField[] = transfer ? ['optimizer', 'learningRate', 'momentum', 'schedule', 'batchSize', 'epochs'] : RECIPE_FIELDS;
  const changed = compared.filter((field) => !sameRecipeValue(state[field], recipe[field])).filter((field) => hasBatchNorm || field !== 'bnMomentum').filter((field) => state.optimizer !== 'adam' || field !== 'momentum');
  return (
    <div className="recipe-note" data-testid="training-recipe" data-scaled={scaled ? 'true' : 'false'} data-changed={changed.join(',')}>
      <p>
        <b>{transfer ? t('recipeTransfer') : fill(t('recipeFor'), { network, dataset: datasetName })}</b> {parts.join(t('partSeparator'))}{t('recipeEnd')}
      </p>
      {changed.length > 0 && (
        <p className="recipe-changed">
          {fill(t('changed'), { fields: changed.map((field) => t(FIELD_LABEL[field])).join(t('fieldSeparator')) })}{' '}
          <button type="button" className="secondary" data-testid="recipe-reset" disabled={disabled} onClick={() => update(recipeSettings(recipe))}>
            {t('useRecipe')}
          </button>
        </p>
      )}
    </div>
  );
}

