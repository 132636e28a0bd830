/**
 * Adam in one kernel per variable on the wasm backend. tfjs' AdamOptimizer runs 14 kernels per
 * variable per step (mul, add, square, div, sqrt …), each with its scalar uploads and tape-free
 * bookkeeping; for LeNet-5 that is 140 of a step's ~230 kernels. {@link FusedAdamOptimizer} is the
 * same optimizer (same class name, slots, weights and config, so saving and Keras export are
 * unchanged) whose update on wasm is one pass over each variable, rounding to float32 after every
 * operation in tfjs' order, so the result is bit for bit the stock one. On other backends it is the
 * stock AdamOptimizer.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, NamedTensorMap, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, WASM } from './wasmKernelUtils';

/** Our kernel's name (no tfjs kernel has it). */
export const FUSED_ADAM_STEP = 'CnnPlaygroundAdamStep';

/** Hyper-parameters of one step (accumulated β powers come in as tensors). */
export interface AdamStepAttrs {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

interface AdamStepArgs {
  inputs: { value: TensorInfo; gradient: TensorInfo; m: TensorInfo; v: TensorInfo; accBeta1: TensorInfo; accBeta2: TensorInfo };
  backend: BackendWasm;
  attrs: AdamStepAttrs;
}

const f = Math.fround;

/**
 * One Adam step over flat float32 arrays (all of one variable's length), writing the new value and
 * moments to the `out*` arrays; `accBeta1`/`accBeta2` are β₁ᵗ, β₂ᵗ before this step's update:
 * m' = β₁m + (1−β₁)g, v' = β₂v + (1−β₂)g², w' = w − lr · (m'/(1−β₁ᵗ)) / (√(v'/(1−β₂ᵗ)) + ε).
 */
export function adamStep(
  w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, accBeta1: number, accBeta2: number,
  a: AdamStepAttrs, outW: Float32Array, outM: Float32Array, outV: Float32Array,
): void {
  // The scalars as tfjs uploads them: float32 tensors made from JS doubles.
  const b1 = f(a.beta1);
  const b2 = f(a.beta2);
  const c1 = f(1 - a.beta1);
  const c2 = f(1 - a.beta2);
  const eps = f(a.epsilon);
  const step = f(-a.learningRate);
  const d1 = f(1 - accBeta1);
  const d2 = f(1 - accBeta2);
  for (let i = 0; i < w.length; i++) {
    const gi = g[i];
    const m1 = f(f(m[i] * b1) + f(gi * c1));
    const v1 = f(f(v[i] * b2) + f(f(gi * gi) * c2));
    const mHat = f(m1 / d1);
    const vHat = f(v1 / d2);
    outW[i] = f(f(f(mHat / f(f(Math.sqrt(vHat)) + eps)) * step) + w[i]);
    outM[i] = m1;
    outV[i] = v1;
  }
}

function fusedAdamKernel({ inputs, backend, attrs }: AdamStepArgs): TensorInfo[] {
  const { value, gradient, m, v, accBeta1, accBeta2 } = inputs;
  const outW = backend.makeOutput(value.shape, 'float32');
  const outM = backend.makeOutput(value.shape, 'float32');
  const outV = backend.makeOutput(value.shape, 'float32');
  adamStep(
    f32View(backend, value), f32View(backend, gradient), f32View(backend, m), f32View(backend, v),
    f32View(backend, accBeta1)[0], f32View(backend, accBeta2)[0], attrs,
    f32View(backend, outW), f32View(backend, outM), f32View(backend, outV),
  );
  return [outW, outM, outV];
}

/** Kernel registration for the fused step (wasm only). */
export const fusedAdamConfig: KernelConfig = {
  kernelName: FUSED_ADAM_STEP,
  backendName: WASM,
  kernelFunc: fusedAdamKernel as unknown as KernelFunc,
};

/** AdamOptimizer's private state, which the fused step reads and updates as the stock one does. */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
}

/** tfjs' Adam whose step on wasm (with our kernel registered) is one kernel per variable. */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  /**
   * Applies one step from gradients shaped as their variables. Falls back to the stock step off wasm,
   * or when the fused kernel is not registered, or for a non-float32 variable.
   */
  override applyGradients(variableGradients: Parameters<tf.AdamOptimizer['applyGradients']>[0]): void {
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    const values = names.map((name) => tf.engine().registeredVariables[name]);
    if (tf.getBackend() !== WASM || tf.getKernel(FUSED_ADAM_STEP, WASM) === undefined || values.some((x) => x.dtype !== 'float32')) {
      super.applyGradients(variableGradients);
      return;
    }
    const state = this as unknown as AdamState;
    const attrs: AdamStepAttrs = { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = values[i];
        state.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        state.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : (variableGradients as NamedTensorMap)[name];
        if (gradient == null) return;
        const m = state.accumulatedFirstMoment[i]!.variable;
        const v = state.accumulatedSecondMoment[i]!.variable;
        const [w1, m1, v1] = tf.engine().runKernel(
          FUSED_ADAM_STEP, { value, gradient, m, v, accBeta1: state.accBeta1, accBeta2: state.accBeta2 }, attrs as unknown as NamedAttrMap,
        ) as tf.Tensor[];
        m.assign(m1);
        v.assign(v1);
        value.assign(w1);
      });
      state.accBeta1.assign(tf.mul(state.accBeta1, this.beta1));
      state.accBeta2.assign(tf.mul(state.accBeta2, this.beta2));
    });
    this.incrementIterations();
  }
}
