/**
 * A correct `MaxPoolGrad` for the wasm backend, replacing tfjs 4.22's, which sends the gradient to
 * the wrong element (e.g. the window's first element when every value in it is negative).
 *
 * Semantics match the cpu backend: each output's gradient goes to the first maximum of its window
 * in row-major scan order (strict `>`, padding skipped); overlapping windows accumulate.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  backend_util,
  MaxPoolGrad,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { f32View, makeZeros, WASM } from './wasmKernelUtils';

interface MaxPoolGradArgs {
  inputs: { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  backend: BackendWasm;
  attrs: MaxPoolGradAttrs;
}

/** dx [B, H, W, C] from dy [B, OH, OW, C] and the pooled input x (NHWC). */
export function maxPoolGrad({ inputs, backend, attrs }: MaxPoolGradArgs): TensorInfo {
  const { dy, input } = inputs;
  const { filterSize, strides, pad, dimRoundingMode } = attrs;
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: C, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const { effectiveFilterHeight, effectiveFilterWidth } = info;
  const { top: padTop, left: padLeft } = info.padInfo;

  const dx = makeZeros(backend, input.shape, 'float32');
  const x = f32View(backend, input);
  const g = f32View(backend, dy);
  const out = f32View(backend, dx);
  const colStep = dilationWidth * C;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const rowCorner = oh * strideHeight - padTop;
      let rowMin = rowCorner;
      while (rowMin < 0) rowMin += dilationHeight;
      const rowMax = Math.min(inHeight, rowCorner + effectiveFilterHeight);
      for (let ow = 0; ow < outWidth; ow++) {
        const colCorner = ow * strideWidth - padLeft;
        let colMin = colCorner;
        while (colMin < 0) colMin += dilationWidth;
        const colMax = Math.min(inWidth, colCorner + effectiveFilterWidth);
        const dyBase = ((b * outHeight + oh) * outWidth + ow) * C;
        for (let d = 0; d < C; d++) {
          // Window rows then columns with a strict ">" keeps the cpu backend's "first maximum wins".
          let best = Number.NEGATIVE_INFINITY;
          let where = -1;
          for (let r = rowMin; r < rowMax; r += dilationHeight) {
            const rowAt = ((b * inHeight + r) * inWidth) * C + d;
            for (let at = rowAt + colMin * C, end = rowAt + colMax * C; at < end; at += colStep) {
              const v = x[at];
              if (v > best) {
                best = v;
                where = at;
              }
            }
          }
          if (where >= 0) out[where] += g[dyBase + d];
        }
      }
    }
  }
  return dx;
}

/** Kernel registration for {@link maxPoolGrad} (overrides the backend's own). */
export const maxPoolGradConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: WASM,
  kernelFunc: maxPoolGrad as unknown as KernelFunc,
};
