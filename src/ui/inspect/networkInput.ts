import { planAdaptation } from '../../data/adaptInput';

type Shape3 = readonly [number, number, number];

/**
 * Paints an image [h, w, c] (uint8) as the network sees it, filling a canvas of `size`×`size` CSS pixels
 * (device pixels = size): the model input's frame, the image zero-padded (black border) or stretched into
 * it as the engine adapts it, in grey when the network takes one channel. Main thread, small images only.
 */
export function paintNetworkInput(canvas: HTMLCanvasElement, pixels: Uint8Array, shape: Shape3, input: Shape3, size: number): void {
  const [h, w, c] = shape;
  const plan = planAdaptation(shape, input);
  const source = document.createElement('canvas');
  source.width = w;
  source.height = h;
  const sctx = source.getContext('2d');
  const ctx = canvas.getContext('2d');
  if (!sctx || !ctx) return;
  const image = sctx.createImageData(w, h);
  const grey = input[2] === 1;
  for (let i = 0; i < h * w; i++) {
    const [r, g, b] = c === 3 ? [pixels[i * 3], pixels[i * 3 + 1], pixels[i * 3 + 2]] : [pixels[i], pixels[i], pixels[i]];
    const y = 0.299 * r + 0.587 * g + 0.114 * b;
    image.data.set(grey ? [y, y, y, 255] : [r, g, b, 255], i * 4);
  }
  sctx.putImageData(image, 0, 0);
  canvas.width = size;
  canvas.height = size;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, size, size);
  ctx.imageSmoothingEnabled = false;
  const sx = size / input[1];
  const sy = size / input[0];
  if (plan.spatial === 'pad') ctx.drawImage(source, plan.pad.left * sx, plan.pad.top * sy, w * sx, h * sy);
  else ctx.drawImage(source, 0, 0, size, size);
}
