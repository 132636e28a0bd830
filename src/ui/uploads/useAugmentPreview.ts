import { useCallback, useEffect, useRef, useState } from 'react';
import { validateAugmentConfig, type AugmentConfig } from '../../augment/config';
import { callback } from '../../engine/client';
import type { AugmentPreviewResult, PcaInfo, PreviewSource } from '../../engine/uploads/uploadsProtocol';
import { useWorker } from '../engineContext';
import type { DatasetId } from '../experiment';
import { dataBaseUrl } from './datasetUrl';
import { toUserMessage, type UserMessage } from '../../messages/index';

/** Wait this long after the last change before asking the worker, so typing a number costs one preview. */
const DEBOUNCE_MS = 200;
/** Variants in the preview grid. */
export const PREVIEW_COUNT = 12;

/** What the preview is drawn from: the dataset and the fit settings that choose its training examples. */
export interface PreviewData {
  dataset: DatasetId;
  validationSplit: number;
  trainLimit: number;
  /** The uploads' version (UploadsSnapshot.version): a change redraws a preview of "Your images". */
  uploadsVersion: number;
  /** The network's input [H, W, C]: the preview shows the image as the network sees it (null: as stored). */
  input: [number, number, number] | null;
}

/**
 * The augmented preview grid and PCA statistics of a training image of `data.dataset`, regenerated
 * (debounced) whenever the settings, the training split or (for "Your images") the uploaded images
 * change; idle while `active` is false so a closed panel loads nothing. For uploads the same image stays
 * the source while it exists: a change elsewhere redraws it, and if it was deleted (or moved out of the
 * training split) the worker picks another. `nextImage` moves on to the following training image.
 */
export function useAugmentPreview(active: boolean, data: PreviewData, config: AugmentConfig, seed: number) {
  const worker = useWorker();
  const [preview, setPreview] = useState<AugmentPreviewResult | null>(null);
  const [pca, setPca] = useState<PcaInfo | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  /** The image asked for; `serial` changes on every "another image" so the same index is asked again. */
  const [wanted, setWanted] = useState({ index: 0, serial: 0 });
  /** The uploaded image shown for the current `wanted`, kept across changes of the images. */
  const shown = useRef<{ serial: number; imageId: string | null; index: number }>({ serial: -1, imageId: null, index: 0 });
  const configKey = JSON.stringify(config);
  const { dataset, validationSplit, trainLimit } = data;
  const inputKey = data.input ? data.input.join(',') : '';
  const uploadsVersion = dataset === 'uploads' ? data.uploadsVersion : 0;
  useEffect(() => {
    if (!active || !worker) return;
    const parsed = JSON.parse(configKey) as AugmentConfig;
    if (validateAugmentConfig(parsed).length > 0) return;
    let live = true;
    const timer = setTimeout(async () => {
      const input = inputKey ? (inputKey.split(',').map(Number) as [number, number, number]) : null;
      const source: PreviewSource = { dataset: dataset === 'uploads' ? 'uploads' : 'loaded', validationSplit, trainLimit, input };
      const same = shown.current.serial === wanted.serial;
      const imageId = same && dataset === 'uploads' ? shown.current.imageId : null;
      try {
        // Bundled datasets are loaded into the engine (cached there); uploads are built by the uploads module.
        if (source.dataset === 'loaded') await worker.core.loadDataset(dataset, dataBaseUrl(), callback(() => undefined));
        const [p, stats] = await Promise.all([
          worker.uploads.augmentPreview({ source, index: wanted.index, imageId, config: parsed, seed, count: PREVIEW_COUNT }),
          worker.uploads.pcaInfo(source),
        ]);
        if (!live) return;
        shown.current = { serial: wanted.serial, imageId: p.imageId, index: p.index };
        setPreview(p);
        setPca(stats);
        setError(null);
      } catch (e) {
        if (!live) return;
        // A preview of images that are gone would mislead: show the reason instead.
        setPreview(null);
        setPca(null);
        setError(toUserMessage(e));
      }
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [active, worker, dataset, validationSplit, trainLimit, uploadsVersion, inputKey, configKey, seed, wanted]);
  const nextImage = useCallback(() => setWanted((w) => ({ index: (shown.current.serial === w.serial ? shown.current.index : w.index) + 1, serial: w.serial + 1 })), []);
  return { preview, pca, error, nextImage };
}
