/**
 * `Conv2DBackpropFilter` for the wasm backend, which tfjs 4.22 lacks.
 *
 * The filter gradient is itself a convolution, run on the backend's XNNPACK Conv2D:
 *
 *   dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·sh + kh − padTop, ow·sw + kw − padLeft, ci] · dy[b, oh, ow, co]
 *
 * Read with the input's channels as the batch and the batch as the channels, that is a stride-1
 * convolution of xᵀ [ci, H, W, B] by dyᵀ [OH, OW, B, co] with dilation (sh, sw):
 * out [ci, KH', KW', co], of which we keep the first KH × KW taps and reorder to [KH, KW, ci, co].
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { conv2dRaw, disposeIntermediate, f32View, transposeWasm, WASM } from './wasmKernelUtils';

interface Conv2DBackpropFilterArgs {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DBackpropFilterAttrs;
}

/** Computes dW [KH, KW, ci, co] from x [B, H, W, ci] and dy [B, OH, OW, co] (or both NCHW); dilation 1. */
export function conv2dBackpropFilter({ inputs, backend, attrs }: Conv2DBackpropFilterArgs): TensorInfo {
  const { x, dy } = inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
  if (info.dataFormat !== 'channelsLast') {
    // NCHW: bring x and dy to NHWC; the filter layout [KH, KW, ci, co] is the same for both.
    const xNhwc = transposeWasm(backend, x, [0, 2, 3, 1]);
    const dyNhwc = transposeWasm(backend, dy, [0, 2, 3, 1]);
    const dw = conv2dBackpropFilter({ inputs: { x: xNhwc, dy: dyNhwc }, backend, attrs: { ...attrs, dataFormat: 'NHWC' } });
    disposeIntermediate(backend, xNhwc);
    disposeIntermediate(backend, dyNhwc);
    return dw;
  }
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top: padTop, left: padLeft } = info.padInfo;

  // Pad bottom/right just enough that the stride-1 "gradient convolution" yields ≥ KH × KW taps;
  // rows/cols of x never touched by the forward pass fall outside the kept taps.
  const padBottom = Math.max(0, filterHeight + (outHeight - 1) * strideHeight - inHeight - padTop);
  const padRight = Math.max(0, filterWidth + (outWidth - 1) * strideWidth - inWidth - padLeft);
  const tapsH = inHeight + padTop + padBottom - (outHeight - 1) * strideHeight;
  const tapsW = inWidth + padLeft + padRight - (outWidth - 1) * strideWidth;

  const xT = transposeWasm(backend, x, [3, 1, 2, 0]); // [ci, H, W, B]
  const dyT = transposeWasm(backend, dy, [1, 2, 0, 3]); // [OH, OW, B, co]
  const taps = backend.makeOutput([inChannels, tapsH, tapsW, outChannels], 'float32');
  conv2dRaw(backend, {
    x: xT, filter: dyT, out: taps,
    batch: inChannels, inHeight, inWidth,
    filterHeight: outHeight, filterWidth: outWidth,
    padTop, padBottom, padLeft, padRight,
    dilationHeight: strideHeight, dilationWidth: strideWidth,
    strideHeight: 1, strideWidth: 1,
    inChannels: batchSize, outChannels,
  });
  disposeIntermediate(backend, xT);
  disposeIntermediate(backend, dyT);

  const dw = backend.makeOutput([filterHeight, filterWidth, inChannels, outChannels], 'float32');
  const src = f32View(backend, taps);
  const dst = f32View(backend, dw);
  // [ci, tapsH, tapsW, co] (cropped to KH × KW) → [KH, KW, ci, co]; the filter is small.
  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) {
      for (let ci = 0; ci < inChannels; ci++) {
        const from = ((ci * tapsH + kh) * tapsW + kw) * outChannels;
        const to = ((kh * filterWidth + kw) * inChannels + ci) * outChannels;
        dst.set(src.subarray(from, from + outChannels), to);
      }
    }
  }
  disposeIntermediate(backend, taps);
  return dw;
}

/** Kernel registration for {@link conv2dBackpropFilter}. */
export const conv2dBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: WASM,
  kernelFunc: conv2dBackpropFilter as unknown as KernelFunc,
};
