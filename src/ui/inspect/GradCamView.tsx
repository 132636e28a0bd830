import { useEffect, useRef } from 'react';
import type { GradCam } from '../../engine/inspect/inspectProtocol';
import { HEAT_LUT } from '../../views/inspect/colorRamp';
import { heatRgba } from '../../views/inspect/featureGrid';
import { fill, useLocaleFormat } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';
import { useNames } from '../i18n/names';
import { ColorLegend } from './ColorLegend';
import { paintNetworkInput } from './networkInput';

type Shape3 = [number, number, number];

interface Props {
  cam: GradCam;
  /** The inspected image, uint8 [h, w, c] at the dataset's size. */
  image: { pixels: Uint8Array; shape: Shape3 };
  /** The model's input [H, W, C]: the frame the heat map covers. */
  input: Shape3;
  /** Explain another class. */
  onExplain: (classIndex: number) => void;
  /** The dataset the classes are of (their names are said in the UI language). */
  datasetId?: string;
}

const SIZE = 168;

/** Grad-CAM heat over the image as the network sees it, and the top-k prediction bars (click one to explain it). */
export function GradCamView({ cam, image, input, onExplain, datasetId }: Props) {
  const t = useMessages(inspectMessages);
  const names = useNames();
  const className = names.className(datasetId, cam.className);
  const f = useLocaleFormat();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    paintNetworkInput(el, image.pixels, image.shape, input, SIZE);
    const ctx = el.getContext('2d');
    const [h, w] = cam.shape;
    const heat = document.createElement('canvas');
    heat.width = w;
    heat.height = h;
    const hctx = heat.getContext('2d');
    if (!ctx || !hctx || cam.rawMax <= 0) return;
    hctx.putImageData(new ImageData(heatRgba(cam.heat, HEAT_LUT, 0.65), w, h), 0, 0);
    // Bilinear upsampling of the coarse map over the whole input frame, as Grad-CAM is usually shown.
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(heat, 0, 0, SIZE, SIZE);
  }, [cam, image, input]);

  const note = cam.rawMax > 0 ? fill(t('camNote'), { layer: cam.layer, className }) : fill(t('camNone'), { layer: cam.layer, className });
  return (
    <div className="gradcam">
      <figure className="inspect-figure">
        <canvas
          ref={canvas}
          width={SIZE}
          height={SIZE}
          data-testid="gradcam-overlay"
          data-layer={cam.layer}
          data-class={cam.classIndex}
          data-heat-shape={cam.shape.join('x')}
          role="img"
          aria-label={`${fill(t('camHeading'), { layer: cam.layer })}: ${className}`}
        />
        <figcaption>
          <b>{fill(t('camHeading'), { layer: cam.layer })}</b>
          <ColorLegend min="0" max="1" label={className} lut={HEAT_LUT} />
          {note}
        </figcaption>
      </figure>
      <div>
        <h4>{fill(t('topK'), { k: cam.top.length })}</h4>
        <ol className="predict-bars inspect-topk" data-testid="inspect-topk">
          {cam.top.map((p) => (
            <li key={p.index}>
              <button type="button" className={p.index === cam.classIndex ? 'link active' : 'link'} aria-pressed={p.index === cam.classIndex} title={fill(t('explain'), { className: names.className(datasetId, p.name) })} onClick={() => onExplain(p.index)}>
                {names.className(datasetId, p.name)}
              </button>
              <span className="bar" style={{ width: `${Math.max(1, p.probability * 100)}%` }} />
              <span data-testid="topk-probability">{f.percent(p.probability, 1)}</span>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
