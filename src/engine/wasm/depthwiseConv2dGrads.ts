/**
 * `DepthwiseConv2dNativeBackpropFilter` and `DepthwiseConv2dNativeBackpropInput` for the wasm
 * backend, which tfjs 4.22 lacks. Plain loops over the wasm heap with channels innermost; our zoo
 * builds grouped convolutions from ordinary convs, so these serve completeness, not speed.
 *
 * With d2 = d1·chMul + dm indexing output channels (NHWC, filter [KH, KW, inC, chMul]):
 *   y[b, oh, ow, d2] = Σ_{kh, kw} x[b, oh·sh + kh·dh − padTop, ow·sw + kw·dw − padLeft, d1] · W[kh, kw, d1, dm]
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  backend_util,
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
  type DepthwiseConv2dNativeBackpropFilterAttrs,
  type DepthwiseConv2dNativeBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { f32View, WASM } from './wasmKernelUtils';

/**
 * Visits every (input pixel, filter tap, output pixel) triple of a depthwise convolution, passing
 * flat offsets of the x pixel, the filter tap and the dy pixel (each at channel 0).
 */
function forEachTap(info: backend_util.Conv2DInfo, visit: (xAt: number, wAt: number, dyAt: number) => void): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const { top: padTop, left: padLeft } = info.padInfo;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const dyAt = ((b * outHeight + oh) * outWidth + ow) * outChannels;
        for (let kh = 0; kh < filterHeight; kh++) {
          const h = oh * strideHeight + kh * dilationHeight - padTop;
          if (h < 0 || h >= inHeight) continue;
          for (let kw = 0; kw < filterWidth; kw++) {
            const w = ow * strideWidth + kw * dilationWidth - padLeft;
            if (w < 0 || w >= inWidth) continue;
            visit(((b * inHeight + h) * inWidth + w) * inChannels, (kh * filterWidth + kw) * outChannels, dyAt);
          }
        }
      }
    }
  }
}

interface FilterGradArgs {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: BackendWasm;
  attrs: DepthwiseConv2dNativeBackpropFilterAttrs;
}

/** dW [KH, KW, inC, chMul] from x [B, H, W, inC] and dy [B, OH, OW, inC·chMul]. */
export function depthwiseConv2dBackpropFilter({ inputs, backend, attrs }: FilterGradArgs): TensorInfo {
  const { x, dy } = inputs;
  const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, dilations, pad, dimRoundingMode, true,
  );
  const chMul = info.outChannels / info.inChannels;
  const acc = new Float64Array(info.filterHeight * info.filterWidth * info.outChannels);
  const dw = backend.makeOutput(filterShape, 'float32');
  const xs = f32View(backend, x);
  const g = f32View(backend, dy);
  forEachTap(info, (xAt, wAt, dyAt) => {
    for (let d2 = 0; d2 < info.outChannels; d2++) {
      acc[wAt + d2] += xs[xAt + Math.floor(d2 / chMul)] * g[dyAt + d2];
    }
  });
  f32View(backend, dw).set(acc);
  return dw;
}

interface InputGradArgs {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: BackendWasm;
  attrs: DepthwiseConv2dNativeBackpropInputAttrs;
}

/** dx [B, H, W, inC] from dy [B, OH, OW, inC·chMul] and W [KH, KW, inC, chMul]. */
export function depthwiseConv2dBackpropInput({ inputs, backend, attrs }: InputGradArgs): TensorInfo {
  const { dy, filter } = inputs;
  const { strides, dilations, pad, dimRoundingMode, inputShape } = attrs;
  const info = backend_util.computeConv2DInfo(
    inputShape, filter.shape as [number, number, number, number], strides, dilations, pad, dimRoundingMode, true,
  );
  const chMul = info.outChannels / info.inChannels;
  const acc = new Float64Array(info.batchSize * info.inHeight * info.inWidth * info.inChannels);
  const dx = backend.makeOutput(info.inShape, 'float32');
  const w = f32View(backend, filter);
  const g = f32View(backend, dy);
  forEachTap(info, (xAt, wAt, dyAt) => {
    for (let d2 = 0; d2 < info.outChannels; d2++) {
      acc[xAt + Math.floor(d2 / chMul)] += g[dyAt + d2] * w[wAt + d2];
    }
  });
  f32View(backend, dx).set(acc);
  return dx;
}

/** Kernel registration for {@link depthwiseConv2dBackpropFilter}. */
export const depthwiseConv2dBackpropFilterConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropFilter,
  backendName: WASM,
  kernelFunc: depthwiseConv2dBackpropFilter as unknown as KernelFunc,
};

/** Kernel registration for {@link depthwiseConv2dBackpropInput}. */
export const depthwiseConv2dBackpropInputConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropInput,
  backendName: WASM,
  kernelFunc: depthwiseConv2dBackpropInput as unknown as KernelFunc,
};
