import { useState } from 'react';
import { defaultAugmentConfig, recommendedAugmentConfig, recommendedDigitAugmentConfig, augmentConfigProblems, type AugmentConfig } from '../../augment/config';
import type { ExperimentState } from '../experiment';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { AugmentOpControls } from './AugmentOpControls';
import { AugmentPreviewGrid } from './AugmentPreviewGrid';
import { PcaComponents } from './PcaComponents';
import { useAugmentPreview } from './useAugmentPreview';
import { useFieldLabels, withFieldLabel } from './augmentFields';
import { useArchInfo } from '../useArchInfo';
import './uploads.css';

interface Props {
  state: ExperimentState;
  update: (patch: Partial<ExperimentState>) => void;
  /** UploadsSnapshot.version: the preview of "Your images" is redrawn when the images change. */
  uploadsVersion: number;
}

/**
 * The augmentation settings of the experiment (used by the next training run), with a live preview of
 * a training image of the chosen dataset and the PCA colour statistics of the examples training uses.
 * Collapsed until opened, so the page loads no dataset for it unasked.
 */
export function AugmentPanel({ state, update, uploadsVersion }: Props) {
  const t = useMessages(uploadsMessages);
  const { say } = t;
  const [open, setOpen] = useState(false);
  const config = state.augment;
  const problems = augmentConfigProblems(config);
  const arch = useArchInfo(state);
  const input = 'info' in arch ? (arch.info.inputShape.slice(0, 3) as [number, number, number]) : null;
  const source = { dataset: state.dataset, validationSplit: state.validationSplit, trainLimit: state.trainLimit, uploadsVersion, input };
  const { preview, pca, error, nextImage } = useAugmentPreview(open, source, config, state.augmentSeed);
  const labelOf = useFieldLabels();
  const set = (c: AugmentConfig) => update({ augment: c });
  return (
    <details className="panel augment" data-testid="augment-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="augment-summary">{t('augmentHeading')}</summary>
      <p className="muted">{t('augmentIntro')}</p>
      <div className="row">
        <button type="button" className="secondary small" data-testid="aug-recipe-photos" onClick={() => set(recommendedAugmentConfig)}>{t('recipePhotos')}</button>
        <button type="button" className="secondary small" onClick={() => set(recommendedDigitAugmentConfig)}>{t('recipeDigits')}</button>
        <button type="button" className="secondary small" onClick={() => set(defaultAugmentConfig)}>{t('allOff')}</button>
        <label className="inline">
          {t('fill')}
          <select value={config.fill} onChange={(e) => set({ ...config, fill: e.target.value as AugmentConfig['fill'] })}>
            <option value="zeros">{t('fillZeros')}</option>
            <option value="edge">{t('fillEdge')}</option>
          </select>
        </label>
        <label className="inline">
          {t('seed')}
          <input type="number" data-testid="aug-seed" min={0} value={state.augmentSeed} onChange={(e) => update({ augmentSeed: Math.max(0, Math.round(Number(e.target.value) || 0)) })} />
        </label>
      </div>
      <AugmentOpControls config={config} onChange={set} notApplied={preview?.notApplied ?? []} greyInput={preview?.shape[2] === 1} />
      {problems.length > 0 && <p className="error-text" role="alert" data-testid="augment-invalid">{fill(t('invalid'), { list: problems.map((m) => say(withFieldLabel(m, labelOf))).join('; ') })}</p>}
      <h3>{t('previewHeading')}</h3>
      {error && <p className="error-text" role="alert" data-testid="augment-preview-error">{say(error)}</p>}
      {!preview && !error && open && <p className="muted">{t('previewLoading')}</p>}
      {preview && <AugmentPreviewGrid preview={preview} />}
      <button type="button" className="secondary small" data-testid="augment-next-image" onClick={nextImage}>{t('nextImage')}</button>
      <h3>{t('pcaHeading')}</h3>
      {pca && <PcaComponents info={pca} />}
    </details>
  );
}
