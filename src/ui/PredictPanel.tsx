import { useEffect, useRef, useState } from 'react';
import type { DatasetInfo, Prediction, SampleImage } from '../engine/protocol';
import { fill, useLocaleFormat } from './i18n/format';
import { useMessages } from './i18n/index';
import { trainingMessages } from './i18n/training';
import { paintPixels, readImageFile, readPixels } from './imagePixels';
import { DrawPad, type DrawPadHandle } from './DrawPad';
import { toUserMessage, type UserMessage } from '../messages/index';
import { useSay } from './i18n/say';

interface Props {
  dataset: DatasetInfo | null;
  sample: SampleImage | null;
  prediction: Prediction | null;
  canPredict: boolean;
  pickSample: (index: number) => void;
  predict: (image: { pixels: Uint8Array; shape: [number, number, number]; label?: number }) => void;
}

/** Predict: a test image, an uploaded image or one drawn on a canvas, with top-k probabilities. */
export function PredictPanel({ dataset, sample, prediction, canPredict, pickSample, predict }: Props) {
  const sampleCanvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<DrawPadHandle>(null);
  const [uploadError, setUploadError] = useState<UserMessage | null>(null);
  /** The uploaded photo as prepared for the network (the same crop, background and size as a training image). */
  const [prepared, setPrepared] = useState<{ pixels: Uint8Array; shape: [number, number, number] } | null>(null);
  const preparedCanvas = useRef<HTMLCanvasElement>(null);
  const { say } = useSay();
  const shape = dataset?.imageShape ?? [28, 28, 1];
  const t = useMessages(trainingMessages);
  const f = useLocaleFormat();

  useEffect(() => {
    if (sample && sampleCanvas.current) paintPixels(sampleCanvas.current, sample.pixels, sample.shape);
  }, [sample]);
  useEffect(() => {
    if (prepared && preparedCanvas.current) paintPixels(preparedCanvas.current, prepared.pixels, prepared.shape);
  }, [prepared]);

  const name = (i: number) => dataset?.classNames[i] ?? String(i);
  return (
    <div className="predict">
      <div className="row">
        <div>
          <canvas ref={sampleCanvas} className="pixelated" width={28} height={28} style={{ width: 84, height: 84 }} role="img" aria-label={sample ? fill(t('testImage'), { index: sample.index, label: name(sample.label) }) : t('noTestImage')} data-testid="sample-canvas" />
          <div className="row">
            <button type="button" className="secondary" data-testid="random-test-image" onClick={() => pickSample(Math.floor(Math.random() * 100000))}>
              {t('randomTestImage')}
            </button>
            <button type="button" data-testid="predict-button" disabled={!canPredict || !sample} onClick={() => sample && predict({ pixels: sample.pixels, shape: sample.shape, label: sample.label })}>
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
              if (canvas) predict({ pixels: readPixels(canvas, shape), shape: [...shape] });
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
              setPrepared(null);
              try {
                const image = { pixels: await readImageFile(file, shape), shape: [...shape] as [number, number, number] };
                setPrepared(image);
                predict(image);
              } catch (error) {
                setUploadError(toUserMessage(error));
              }
            }}
          />
        </label>
        {prepared && (
          <figure className="predict-input">
            <canvas ref={preparedCanvas} className="pixelated" style={{ width: 84, height: 84 }} data-testid="predict-input" role="img" aria-label={t('preparedInput')} />
            <figcaption className="small-text">{t('preparedInput')}</figcaption>
          </figure>
        )}
      </div>
      {uploadError && (
        <p className="error" role="alert" data-testid="predict-upload-error">
          {say(uploadError)}
        </p>
      )}
      {prediction && (
        <ol className="predict-bars" data-testid="predict-result" aria-label={t('topPredictions')}>
          {prediction.top.map((p) => (
            <li key={p.index}>
              <span>{p.name}</span>
              <span className="bar" style={{ width: `${Math.max(1, p.probability * 100)}%` }} />
              <span>{f.percent(p.probability, 1)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
