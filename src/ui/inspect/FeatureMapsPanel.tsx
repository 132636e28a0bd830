import { useState } from 'react';
import type { InspectImage } from '../../engine/inspect/inspectProtocol';
import { useWorker } from '../engineContext';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';
import { useNames } from '../i18n/names';
import { readBitmapPixels, readImageFile } from '../imagePixels';
import { useRenderCount } from '../renderCount';
import { useTrainingView } from '../trainingContext';
import { FeatureMapCanvas } from './FeatureMapCanvas';
import { FilterCanvas } from './FilterCanvas';
import { GradCamView } from './GradCamView';
import { useThrottledFetch, type Fetched } from './useThrottledFetch';
import { WebcamCapture } from '../uploads/WebcamCapture';
import { toUserMessage, type UserMessage } from '../../messages/index';

type Shape3 = [number, number, number];
type ImagePick = { kind: 'test'; index: number } | { kind: 'upload'; id: number; name: string; pixels: Uint8Array; shape: Shape3 };

/** While training, the worker is asked at most this often (ms); feature maps, then filters and Grad-CAM. */
const LIVE_MAPS_MS = 500;
const LIVE_OTHERS_MS = 1000;

/**
 * Feature maps of any layer for any image, the first layer's filters, and Grad-CAM with the top-k
 * prediction for the final layers, all computed in the worker and refreshed during training (between
 * batches, throttled). Reads the page's model through the training context.
 */
export function FeatureMapsPanel() {
  const t = useMessages(inspectMessages);
  const names = useNames();
  const { say } = t;
  useRenderCount('FeatureMapsPanel');
  const view = useTrainingView((v) => ({ build: v.build, phase: v.phase, dataset: v.dataset, batchesDone: v.batchHistory.length }));
  const inspect = useWorker()?.inspect ?? null;
  const [pick, setPick] = useState<ImagePick>({ kind: 'test', index: 0 });
  const [layerChoice, setLayerChoice] = useState<string | null>(null);
  const [camClass, setCamClass] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<UserMessage | null>(null);
  // A new build (same network or not) is a new model: number them so every fetch is redone.
  const [seenBuild, setSeenBuild] = useState(view.build);
  const [buildId, setBuildId] = useState(0);
  if (seenBuild !== view.build) {
    setSeenBuild(view.build);
    setBuildId((i) => i + 1);
    setCamClass(null);
  }

  const live = view.phase === 'training';
  const build = inspect && view.build ? `${buildId}|${view.build.name}` : null;
  // Changes after every batch while training, and once more when it ends: the weights changed.
  const weights = build ? `${build}|${view.batchesDone}|${view.phase}` : null;
  const image: InspectImage = pick.kind === 'test' ? { testIndex: pick.index } : { pixels: pick.pixels, shape: pick.shape };
  const imageKey = pick.kind === 'test' ? `test${pick.index}` : `upload${pick.id}`;

  // Results of an earlier model (before a rebuild) are dropped rather than shown for the new one.
  const ofThisModel = <T,>(r: Fetched<T>): Fetched<T> => (build && r.key !== null && (r.key === build || r.key.startsWith(`${build}|`)) ? r : { data: null, error: null, key: null });
  const layers = ofThisModel(useThrottledFetch(build, () => (inspect ? inspect.layers() : Promise.reject(new Error('no worker'))), 0));
  const list = layers.data?.layers ?? [];
  const layer = layerChoice && list.some((l) => l.name === layerChoice) ? layerChoice : (layers.data?.firstConv ?? list[0]?.name ?? null);
  const firstConv = layers.data?.firstConv ?? null;
  const maps = ofThisModel(useThrottledFetch(
    weights && layer ? `${weights}|${layer}|${imageKey}` : null,
    () => (inspect && layer ? inspect.featureMaps({ layer, image }) : Promise.reject(new Error('no layer'))),
    live ? LIVE_MAPS_MS : 0,
  ));
  const filters = ofThisModel(useThrottledFetch(
    weights && firstConv ? `${weights}|${firstConv}` : null,
    () => (inspect && firstConv ? inspect.filters(firstConv) : Promise.reject(new Error('no conv'))),
    live ? LIVE_OTHERS_MS : 0,
  ));
  const cam = ofThisModel(useThrottledFetch(
    weights && layers.data?.gradCamLayer ? `${weights}|${imageKey}|${camClass}` : null,
    () => (inspect ? inspect.gradCam({ image, classIndex: camClass ?? undefined, k: 5 }) : Promise.reject(new Error('no worker'))),
    live ? LIVE_OTHERS_MS : 0,
  ));

  const dataset = view.dataset;
  const shownImage = pick.kind === 'upload' ? { pixels: pick.pixels, shape: pick.shape } : (cam.data?.image ?? maps.data?.image ?? null);
  const error = layers.error ?? maps.error ?? cam.error ?? filters.error ?? uploadError;
  const choose = (p: ImagePick) => {
    setPick(p);
    setCamClass(null);
  };

  return (
    <section className="panel inspect" aria-labelledby="inspect-heading" data-testid="inspect-panel">
      <h2 id="inspect-heading">{t('mapsHeading')}</h2>
      <p className="hint">{t('mapsIntro')}</p>
      {!view.build || !dataset ? (
        <p data-testid="inspect-need-model">{t('needModel')}</p>
      ) : (
        <>
          <div className="row">
            <label>
              {t('testIndex')}
              <input
                type="number"
                data-testid="inspect-test-index"
                min={0}
                max={dataset.testCount - 1}
                value={pick.kind === 'test' ? pick.index : ''}
                onChange={(e) => choose({ kind: 'test', index: Math.max(0, Math.min(dataset.testCount - 1, Math.trunc(Number(e.target.value) || 0))) })}
              />
            </label>
            <button type="button" className="secondary" onClick={() => choose({ kind: 'test', index: Math.floor(Math.random() * dataset.testCount) })}>
              {t('randomImage')}
            </button>
            <label>
              {t('upload')}
              <input
                type="file"
                accept="image/*"
                data-testid="inspect-upload"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  setUploadError(null);
                  try {
                    const shape: Shape3 = [...dataset.imageShape];
                    const pixels = await readImageFile(file, shape);
                    choose({ kind: 'upload', id: Date.now(), name: file.name, pixels, shape });
                  } catch (err) {
                    setUploadError(toUserMessage(err));
                  }
                }}
              />
            </label>
            <WebcamCapture
              disabled={false}
              onFrame={(bitmap) => {
                // A camera frame is treated like an upload: prepared at the dataset's H×W×C, then adapted.
                const shape: Shape3 = [...dataset.imageShape];
                void readBitmapPixels(bitmap, shape).then((pixels) => choose({ kind: 'upload', id: Date.now(), name: t('webcamName'), pixels, shape })).finally(() => bitmap.close());
              }}
            />
            <label>
              {t('layer')}
              <select data-testid="inspect-layer" value={layer ?? ''} onChange={(e) => setLayerChoice(e.target.value)}>
                {list.map((l) => (
                  <option key={l.name} value={l.name}>
                    {l.name} ({l.kind}, {l.outputShape.join('×')})
                  </option>
                ))}
              </select>
            </label>
          </div>
          {pick.kind === 'upload' && <p data-testid="inspect-image-name">{fill(t('uploaded'), { name: pick.name })}</p>}
          {pick.kind === 'test' && shownImage && 'index' in shownImage && (
            <p>{fill(t('inputCaption'), { index: shownImage.index, label: names.className(dataset.id, dataset.classNames[shownImage.label] ?? String(shownImage.label)) })}</p>
          )}
          {error && (
            <p className="error" role="alert" data-testid="inspect-error">
              {say(error)}
            </p>
          )}
          {maps.data && <FeatureMapCanvas maps={maps.data} />}
          {live && <p className="hint">{t('live')}</p>}
          {filters.data && <FilterCanvas filters={filters.data} />}
          {cam.data && shownImage && (
            <GradCamView cam={cam.data} datasetId={dataset.id} image={{ pixels: shownImage.pixels, shape: [...shownImage.shape] }} input={[...view.build.inputShape]} onExplain={setCamClass} />
          )}
        </>
      )}
    </section>
  );
}
