import { useEffect, useState } from 'react';
import { validateAugmentConfig, type AugmentConfig } from '../../augment/config';
import { callback } from '../../engine/client';
import type { AugmentPreviewResult, PcaInfo } from '../../engine/uploads/uploadsProtocol';
import { useWorker } from '../engineContext';
import type { DatasetId } from '../experiment';
import { dataBaseUrl } from './datasetUrl';

/** Wait this long after the last change before asking the worker, so typing a number costs one preview. */
const DEBOUNCE_MS = 200;
/** Variants in the preview grid. */
export const PREVIEW_COUNT = 12;

/**
 * The augmented preview grid and PCA statistics for training image `index` of `dataset`, regenerated
 * (debounced) whenever the settings change; idle while `active` is false so a closed panel loads nothing.
 */
export function useAugmentPreview(active: boolean, dataset: DatasetId, config: AugmentConfig, seed: number, index: number) {
  const worker = useWorker();
  const [preview, setPreview] = useState<AugmentPreviewResult | null>(null);
  const [pca, setPca] = useState<PcaInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const configKey = JSON.stringify(config);
  useEffect(() => {
    if (!active || !worker) return;
    const parsed = JSON.parse(configKey) as AugmentConfig;
    if (validateAugmentConfig(parsed).length > 0) return;
    let live = true;
    const timer = setTimeout(async () => {
      try {
        await worker.core.loadDataset(dataset, dataBaseUrl(), callback(() => undefined));
        const [p, stats] = await Promise.all([worker.uploads.augmentPreview(index, parsed, seed, PREVIEW_COUNT), worker.uploads.pcaInfo()]);
        if (!live) return;
        setPreview(p);
        setPca(stats);
        setError(null);
      } catch (e) {
        if (live) setError(e instanceof Error ? e.message : String(e));
      }
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [active, worker, dataset, configKey, seed, index]);
  return { preview, pca, error };
}
