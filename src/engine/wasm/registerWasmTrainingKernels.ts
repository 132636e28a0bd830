/**
 * Makes tfjs' wasm backend able to train our model zoo: registers the gradient kernels tfjs 4.22
 * lacks for `wasm`, replaces the one that computes wrong gradients, and swaps in faster versions
 * of stock kernels that dominate a training step.
 *
 * | kernel                              | why                                                     |
 * |-------------------------------------|---------------------------------------------------------|
 * | Conv2DBackpropFilter                | missing; XNNPACK conv of xᵀ by dyᵀ                       |
 * | DepthwiseConv2dNativeBackprop{Filter,Input} | missing; plain loops                            |
 * | UnsortedSegmentSum                  | missing (gather's gradient); plain loop                 |
 * | MaxPoolGrad                         | stock one is wrong (all-negative windows, ties)         |
 * | Conv2DBackpropInput                 | stock one is a scalar loop; XNNPACK, per stride phase   |
 * | BatchMatMul                         | stock transposed products are scalar; XNNPACK after an explicit transpose |
 * | GatherV2                            | stock one copies element-wise; slice memcpy (model.fit batching) |
 * | Tile                                | stock one is a scalar index loop (BN's gradient tiles every step); block copies |
 * | Identity, Cast (same dtype)         | stock ones copy the tensor; shared data, as the cpu backend does |
 * | Sum, Mean over leading axes         | stock ones transpose first; one pass into per-channel sums |
 * | FusedBatchNorm (per-channel params) | stock one divides per element; one affine map per channel |
 * | CnnPlaygroundAdamStep (ours)        | Adam's update in one kernel per variable (FusedAdamOptimizer) |
 *
 * Call it after `@tensorflow/tfjs-backend-wasm` has been imported (importing it registers the stock
 * kernels and would overwrite ours), before or after `tf.setBackend('wasm')`.
 */
import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { batchMatMulConfig } from './batchMatMul';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter';
import { conv2dBackpropInputConfig } from './conv2dBackpropInput';
import { fusedBatchNormConfig } from './batchNormApply';
import { fusedAdamConfig } from './fusedAdam';
import { depthwiseConv2dBackpropFilterConfig, depthwiseConv2dBackpropInputConfig } from './depthwiseConv2dGrads';
import { gatherV2Config } from './gatherV2';
import { meanConfig, sumConfig } from './reduceLeadingAxes';
import { castConfig, identityConfig } from './shareData';
import { maxPoolGradConfig } from './maxPoolGrad';
import { rememberStockKernel } from './stockKernels';
import { tileConfig } from './tile';
import { unsortedSegmentSumConfig } from './unsortedSegmentSum';

/** Every kernel config this module installs for the `wasm` backend. */
export const wasmTrainingKernelConfigs: readonly KernelConfig[] = [
  conv2dBackpropFilterConfig,
  conv2dBackpropInputConfig,
  maxPoolGradConfig,
  depthwiseConv2dBackpropFilterConfig,
  depthwiseConv2dBackpropInputConfig,
  unsortedSegmentSumConfig,
  batchMatMulConfig,
  gatherV2Config,
  tileConfig,
  identityConfig,
  castConfig,
  sumConfig,
  meanConfig,
  fusedBatchNormConfig,
  fusedAdamConfig,
];

/**
 * Registers (or overrides) our wasm training kernels. Idempotent: a kernel already ours is left
 * alone, and a stock kernel is unregistered first so tfjs does not warn about the override.
 */
export function registerWasmTrainingKernels(): void {
  for (const config of wasmTrainingKernelConfigs) {
    const current = getKernel(config.kernelName, config.backendName);
    if (current === config) continue;
    rememberStockKernel(config.kernelName, config);
    if (current !== undefined) unregisterKernel(config.kernelName, config.backendName);
    registerKernel(config);
  }
}

/**
 * True when every one of our kernels is the one registered for `wasm` — false if, say, the wasm
 * backend module was (re)loaded after {@link registerWasmTrainingKernels} and put its own back.
 */
export function wasmTrainingKernelsActive(): boolean {
  return wasmTrainingKernelConfigs.every((c) => getKernel(c.kernelName, c.backendName) === c);
}
