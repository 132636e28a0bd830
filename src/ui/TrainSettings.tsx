import type { BackendStatus } from '../engine/protocol';
import { useHidden } from './classroom/useHidden';
import { useRenderCount } from './renderCount';
import { clampSetting, SETTING_RANGES as R } from './settingRanges';
import type { BackendChoice, DatasetId, ExperimentState, OptimizerName } from './experiment';
import { useMessages } from './i18n/index';
import { recipeMessages } from './i18n/recipe';
import { trainingMessages } from './i18n/training';
import { recipeOf } from './recipeState';
import type { KernelInit } from '../arch/index';
import type { RecipeSchedule } from '../recipes/recipes';
import { uploadsMessages } from './i18n/uploads';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  backend: BackendStatus | null;
  disabled: boolean;
  /** Whether the network has batch norm (its momentum is then a setting). */
  hasBatchNorm?: boolean;
}

/**
 * Dataset, compile (optimizer, learning rate, loss) and fit (epochs, batch, split, shuffle, seed) settings.
 * A teacher's link can hide any of them (`?dataset_hide=1`, see classroom/hiddenControls.ts).
 */
export function TrainSettings({ state, update, backend, disabled, hasBatchNorm = false }: Props) {
  useRenderCount('TrainSettings');
  const t = useMessages(trainingMessages);
  const tr = useMessages(recipeMessages);
  const recipe = recipeOf(state);
  const tu = useMessages(uploadsMessages);
  const hide = {
    dataset: useHidden('dataset'), backend: useHidden('backend'), optimizer: useHidden('optimizer'), lr: useHidden('lr'),
    momentum: useHidden('momentum'), loss: useHidden('loss'), epochs: useHidden('epochs'), batch: useHidden('batch'),
    valsplit: useHidden('valsplit'), limit: useHidden('limit'), seed: useHidden('seed'), shuffle: useHidden('shuffle'),
  };
  const num = (v: string, fallback: number) => (Number.isFinite(Number(v)) && v.trim() !== '' ? Number(v) : fallback);
  return (
    <div className="grid-2">
      {!hide.dataset && <label>
        {t('dataset')}
        <select data-testid="dataset-select" value={state.dataset} disabled={disabled} onChange={(e) => update({ dataset: e.target.value as DatasetId })}>
          <option value="mnist">{t('datasetMnist')}</option>
          <option value="fashion-mnist">{t('datasetFashion')}</option>
          <option value="shapes">{t('datasetShapes')}</option>
          <option value="uploads">{tu('datasetUploads')}</option>
        </select>
      </label>}
      {!hide.backend && <label>
        {t('backend')}
        <select data-testid="backend-select" value={state.backend} disabled={disabled} onChange={(e) => update({ backend: e.target.value as BackendChoice })}>
          <option value="auto">{t('automatic')}</option>
          {(backend?.available ?? ['webgpu', 'webgl', 'wasm', 'cpu']).map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>}
      {!hide.optimizer && <label>
        {t('optimizer')}
        <select data-testid="optimizer-select" value={state.optimizer} disabled={disabled} onChange={(e) => update({ optimizer: e.target.value as OptimizerName })}>
          <option value="adam">Adam</option>
          <option value="sgd">{t('sgd')}</option>
          <option value="rmsprop">RMSprop</option>
        </select>
      </label>}
      {!hide.lr && <label>
        {t('learningRate')}
        <input data-testid="lr-input" type="number" step="any" min={R.learningRate.min} max={R.learningRate.max} value={state.learningRate} disabled={disabled} onChange={(e) => update({ learningRate: clampSetting('learningRate', num(e.target.value, state.learningRate), state.learningRate) })} />
      </label>}
      {state.optimizer !== 'adam' && !hide.momentum && (
        <label>
          {t('momentum')}
          <input type="number" step={0.05} min={R.momentum.min} max={R.momentum.max} value={state.momentum} disabled={disabled} onChange={(e) => update({ momentum: clampSetting('momentum', num(e.target.value, state.momentum), state.momentum) })} />
        </label>
      )}
      {!hide.lr && <label>
        {tr('schedule')}
        <select data-testid="schedule-select" value={state.schedule} disabled={disabled} onChange={(e) => update({ schedule: e.target.value as RecipeSchedule })}>
          <option value="constant">{tr('scheduleConstant')}</option>
          <option value="cosine">{tr('scheduleCosine')}</option>
        </select>
      </label>}
      <label>
        {tr('initializer')}
        <select data-testid="init-select" value={state.initializer} disabled={disabled} onChange={(e) => update({ initializer: e.target.value as KernelInit })}>
          <option value="glorotUniform">{tr('glorot')}</option>
          <option value="heNormal">{tr('he')}</option>
          <option value="lecun98">{tr('lecun98')}</option>
        </select>
      </label>
      {hasBatchNorm && <label>
        {tr('bnMomentum')}
        <input data-testid="bn-momentum-input" type="number" step={0.01} min={R.bnMomentum.min} max={R.bnMomentum.max} value={state.bnMomentum} disabled={disabled} onChange={(e) => update({ bnMomentum: clampSetting('bnMomentum', num(e.target.value, state.bnMomentum), state.bnMomentum) })} />
      </label>}
      {recipe.scale && state.width === 1 && state.input === null && <label className="check">
        <input data-testid="fullsize-check" type="checkbox" checked={state.fullSize} disabled={disabled} onChange={(e) => update({ fullSize: e.target.checked })} />
        {tr('fullSize')}
      </label>}
      {!hide.loss && <label>
        {t('lossFunction')}
        <select disabled value="cce">
          <option value="cce">{t('crossEntropy')}</option>
        </select>
      </label>}
      {!hide.epochs && <label>
        {t('epochs')}
        <input data-testid="epochs-input" type="number" min={R.epochs.min} max={R.epochs.max} value={state.epochs} disabled={disabled} onChange={(e) => update({ epochs: clampSetting('epochs', num(e.target.value, state.epochs), state.epochs) })} />
      </label>}
      {!hide.batch && <label>
        {t('batchSize')}
        <input data-testid="batch-input" type="number" min={R.batchSize.min} max={R.batchSize.max} value={state.batchSize} disabled={disabled} onChange={(e) => update({ batchSize: clampSetting('batchSize', num(e.target.value, state.batchSize), state.batchSize) })} />
      </label>}
      {!hide.valsplit && <label>
        {t('validationSplit')}
        <input type="number" min={R.validationSplit.min} max={R.validationSplit.max} step={0.05} value={state.validationSplit} disabled={disabled} onChange={(e) => update({ validationSplit: clampSetting('validationSplit', num(e.target.value, state.validationSplit), state.validationSplit) })} />
      </label>}
      {!hide.limit && <label>
        {t('trainLimit')}
        <input data-testid="limit-input" type="number" min={R.trainLimit.min} max={R.trainLimit.max} step={100} value={state.trainLimit} disabled={disabled} onChange={(e) => update({ trainLimit: clampSetting('trainLimit', num(e.target.value, state.trainLimit), state.trainLimit) })} />
      </label>}
      {!hide.seed && <label>
        {t('seed')}
        <input type="number" min={R.seed.min} max={R.seed.max} value={state.seed} disabled={disabled} onChange={(e) => update({ seed: clampSetting('seed', num(e.target.value, state.seed), state.seed) })} />
      </label>}
      {!hide.shuffle && <label className="check">
        <input type="checkbox" checked={state.shuffle} disabled={disabled} onChange={(e) => update({ shuffle: e.target.checked })} />
        {t('shuffle')}
      </label>}
    </div>
  );
}
