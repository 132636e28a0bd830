/**
 * What "keep what you trained" writes besides the model: the training history as CSV and the loss /
 * accuracy curves as one PNG. The CSV is pure (tested in Node); the PNG and the download need a DOM.
 */
import type { BatchPoint, EpochPoint } from '../useTrainingEngine';

const cell = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(v));

/**
 * One row per training batch: `step,epoch,loss,accuracy,val_loss,val_accuracy`. Batch metrics are the
 * batch's own (unsmoothed); the validation columns are filled on the last batch of each epoch.
 * @param batchesPerEpoch batches in one epoch (steps are numbered from 1 across epochs).
 */
export function historyCsv(batches: readonly BatchPoint[], epochs: readonly EpochPoint[], batchesPerEpoch: number): string {
  const per = Math.max(1, batchesPerEpoch);
  const byEpoch = new Map(epochs.map((e) => [e.epoch, e]));
  const rows = batches.map((b) => {
    const epoch = Math.ceil(b.step / per);
    const end = b.step % per === 0 ? byEpoch.get(epoch) : undefined;
    return [b.step, epoch, cell(b.loss), cell(b.accuracy), cell(end?.valLoss), cell(end?.valAccuracy)].join(',');
  });
  return ['step,epoch,loss,accuracy,val_loss,val_accuracy', ...rows].join('\n') + '\n';
}

/** Saves a blob under `name` through a temporary link (the browser's download). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium reads the blob after the click returns: revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // The page's CSS does not travel with the markup: restate the tick-label style.
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = 'text { font: 10px system-ui, sans-serif; fill: #5b6270; }';
  copy.prepend(style);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    img.src = url;
  });
}

/** Draws the given chart SVGs side by side on white, with their captions above, into one PNG. */
export async function chartsPng(charts: readonly { svg: SVGSVGElement; title: string }[], scale = 2): Promise<Blob> {
  const images = await Promise.all(charts.map((c) => svgImage(c.svg)));
  const titleHeight = 22;
  const width = images.reduce((w, img) => w + img.width, 0);
  const height = Math.max(...images.map((img) => img.height)) + titleHeight;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas in this browser.');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1d1f23';
  ctx.font = '13px system-ui, sans-serif';
  let x = 0;
  images.forEach((img, i) => {
    ctx.fillText(charts[i].title, x + 8, 15);
    ctx.drawImage(img, x, titleHeight);
    x += img.width;
  });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png'));
}
