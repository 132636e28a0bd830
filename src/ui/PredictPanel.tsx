import { useEffect, useRef, useState } from 'react';
import type { DatasetInfo, Prediction, SampleImage } from '../engine/protocol';
import { fill, useLocaleFormat } from './i18n/format';
import { useMessages } from './i18n/index';
import { trainingMessages } from './i18n/training';
import { invertPixels, paintPixels, readImageFile, readPixels } from './imagePixels';
import { DrawPad, type DrawPadHandle } from './DrawPad';
import { toUserMessage, type UserMessage } from '../messages/index';
import { workspaceMessages } from './i18n/workspace';
import { predictMessages } from './i18n/predict';
import { useNames } from './i18n/names';
import { useRenderCount } from './renderCount';

interface Props {
  dataset: DatasetInfo | null;
  sample: SampleImage | null;
  prediction: Prediction | null;
  canPredict: boolean;
  pickSample: (index: number) => void;
  predict: (image: { pixels: Uint8Array; shape: [number, number, number]; label?: number }) => void;
}

type Shape3 = [number, number, number];
/** An image to predict on, as it came (a test image, the drawing, an upload) and where it came from. */
type Source = { pixels: Uint8Array; shape: Shape3 } & ({ source: 'test'; index: number; label: number } | { source: 'drawing' } | { source: 'upload'; name: string });
/**
 * What the shown prediction was made on: the source, and `fed`, the pixels the network got (inverted
 * when `inverted`); `was` is the result on screen when it was asked for.
 */
type PredictedOn = Source & { from: Source; fed: Uint8Array; inverted: boolean; was?: Prediction | null };

/** Predict: a test image, an uploaded image or one drawn on a canvas, with top-k probabilities. */
export function PredictPanel({ dataset, sample, prediction, canPredict, pickSample, predict }: Props) {
  useRenderCount('PredictPanel');
  const sampleCanvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<DrawPadHandle>(null);
  const [uploadError, setUploadError] = useState<UserMessage | null>(null);
  const [predictedOn, setPredictedOn] = useState<PredictedOn | null>(null);
  const predictedCanvas = useRef<HTMLCanvasElement>(null);
  const tw = useMessages(workspaceMessages);
  const tp = useMessages(predictMessages);
  const [invert, setInvert] = useState(false);
  const predictOn = (on: Source, inverted = invert) => {
    setUploadError(null);
    const fed = inverted ? invertPixels(on.pixels) : on.pixels;
    // The result on screen until the new one arrives belongs to the old image: remember it to hide it.
    setPredictedOn({ ...on, from: on, fed, inverted, was: prediction });
    predict({ pixels: fed, shape: on.shape, label: on.source === 'test' ? on.label : undefined });
  };
  /** Invert applies to the next image, and at once to the one shown (predicted again). */
  const toggleInvert = (next: boolean) => {
    setInvert(next);
    if (predictedOn && canPredict && !uploadError) predictOn(predictedOn.from, next);
  };
  const { say } = tp;
  const shape = dataset?.imageShape ?? [28, 28, 1];
  const t = useMessages(trainingMessages);
  const f = useLocaleFormat();
  const names = useNames();

  useEffect(() => {
    if (sample && sampleCanvas.current) paintPixels(sampleCanvas.current, sample.pixels, sample.shape);
  }, [sample]);
  // Bars are shown only with the image they belong to; a refused upload clears them.
  const shown = prediction && predictedOn && prediction !== predictedOn.was && !uploadError ? { prediction, on: predictedOn } : null;
  useEffect(() => {
    if (shown && predictedCanvas.current) paintPixels(predictedCanvas.current, shown.on.fed, shown.on.shape);
  }, [shown?.on]); // eslint-disable-line react-hooks/exhaustive-deps

  const name = (i: number) => names.className(dataset?.id, dataset?.classNames[i] ?? String(i));
  return (
    <div className="predict">
      <div className="row">
        <div>
          <canvas ref={sampleCanvas} className="pixelated" width={28} height={28} style={{ width: 84, height: 84 }} role="img" aria-label={sample ? fill(t('testImage'), { index: sample.index, label: name(sample.label) }) : t('noTestImage')} data-testid="sample-canvas" />
          <div className="row">
            <button type="button" className="secondary" data-testid="random-test-image" onClick={() => pickSample(Math.floor(Math.random() * 100000))}>
              {t('randomTestImage')}
            </button>
            <button type="button" data-testid="predict-button" disabled={!canPredict || !sample} onClick={() => sample && predictOn({ source: 'test', pixels: sample.pixels, shape: sample.shape, index: sample.index, label: sample.label })}>
              {t('predict')}
            </button>
          </div>
          {sample && <p>{fill(t('trueLabel'), { label: name(sample.label) })}</p>}
        </div>
        <div>
          <DrawPad handle={pad} />
          <div className="row">
            <button type="button" className="secondary" onClick={() => pad.current?.clear()}>
              {t('clear')}
            </button>
            <button type="button" data-testid="predict-drawing" disabled={!canPredict} onClick={() => {
              const canvas = pad.current?.canvas();
              if (canvas) predictOn({ source: 'drawing', pixels: readPixels(canvas, shape), shape: [...shape] });
            }}>
              {t('predictDrawing')}
            </button>
          </div>
        </div>
        <label>
          {t('upload')}
          <input
            type="file"
            accept="image/*"
            data-testid="predict-upload"
            disabled={!canPredict}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setUploadError(null);
              try {
                predictOn({ source: 'upload', name: file.name, pixels: await readImageFile(file, shape), shape: [...shape] });
              } catch (error) {
                setPredictedOn(null);
                setUploadError(toUserMessage(error));
              }
            }}
          />
        </label>
      </div>
      <label className="inline" title={tp('invertHint')}>
        <input type="checkbox" data-testid="predict-invert" checked={invert} onChange={(e) => toggleInvert(e.target.checked)} />
        {tp('invert')}
      </label>
      {uploadError && (
        <p className="error" role="alert" data-testid="predict-upload-error">
          {say(uploadError)}
        </p>
      )}
      {shown && (
        <div className="row predict-shown">
          <figure className="inspect-figure predict-input" data-testid="predict-shown" data-source={shown.on.source}>
            {/* An upload as prepared for the network: the same crop, background and size as a training image. */}
            <canvas ref={predictedCanvas} className="pixelated" width={shown.on.shape[1]} height={shown.on.shape[0]} style={{ width: 84, height: 84 }} data-testid="predict-input" role="img" aria-label={shown.on.source === 'upload' ? t('preparedInput') : tw('predictedOn')} />
            <figcaption data-testid="predict-source">
              {tw('predictedOn')}:{' '}
              {shown.on.source === 'test'
                ? fill(tw('sourceTest'), { index: shown.on.index, label: name(shown.on.label) })
                : shown.on.source === 'upload'
                  ? fill(tw('sourceUpload'), { name: shown.on.name })
                  : tw('sourceDrawing')}
              {shown.on.source === 'upload' && <span className="small-text"> — {t('preparedInput')}</span>}
              {shown.on.inverted && <span className="small-text" data-testid="predict-inverted"> ({tp('inverted')})</span>}
            </figcaption>
          </figure>
          <ol className="predict-bars" data-testid="predict-result" aria-label={t('topPredictions')}>
            {shown.prediction.top.map((p) => (
              <li key={p.index}>
                <span>{names.className(dataset?.id, p.name)}</span>
                <span className="bar" style={{ width: `${Math.max(1, p.probability * 100)}%` }} />
                <span>{f.percent(p.probability, 1)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
