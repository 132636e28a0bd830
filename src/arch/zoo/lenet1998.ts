import { GraphBuilder } from '../graphBuilder';
import { act, conv, dense, rbf, rescale, subsample, tableConv } from '../layers';
import { archError, type ArchGraph, type KernelInit } from '../types';
import { rbfCentres } from './digitBitmaps';
import { LENET_C3_TABLE } from './lenetC3Table';
import type { ResolvedOptions } from './options';

/** The weight initialisation of the paper (Appendix A): U(±2.4 / fan-in). */
const INIT: KernelInit = 'lecun98';

/**
 * LeNet-5 as LeCun, Bottou, Bengio and Haffner describe it (1998, §II.B, eqs. 6–9, Appendix A):
 * - the input 32×32 is scaled so that background is −0.1 and ink 1.175 (mean ≈ 0, variance ≈ 1):
 *   `input_scale` = 1.275·x − 0.1 for our [0, 1] pixels (0 = background);
 * - C1 6@5×5 → S2 subsampling (2×2 sum × coefficient + bias, squashed) → C3 16@5×5 wired by Table I →
 *   S4 subsampling → C5 120@5×5 (1×1 on a 32×32 input) → F6 84;
 * - every unit up to F6 squashes with f(a) = 1.7159·tanh(2a/3): the paper's "sigmoid squashing function"
 *   is this scaled hyperbolic tangent (eq. 7), so S2 and S4 use it too;
 * - the output: ten Euclidean RBF units y_i = Σ_j (x_j − w_ij)² with fixed ±1 vectors w_i (our own 7×12
 *   digit bitmaps; the paper's are not to hand);
 * - `predictions` = softmax(−y): its cross-entropy is y_D + log Σ_i e^{−y_i}, the paper's MAP criterion
 *   (eq. 9) without its constant e^{−j} term, so the usual training step minimises it and the arg-max of
 *   the probabilities is the arg-min of the penalties.
 * Weights start U(±2.4/F), F the fan-in (Appendix A). 60,000 trainable parameters at 32×32×1.
 * @throws ArchError for a width multiplier other than 1 (the table and the bitmaps fix every width).
 */
export function lenet1998(o: ResolvedOptions): ArchGraph {
  if (o.width !== 1) throw archError('arch.fixedWidth', { title: 'LeNet-5', variant: '1998', got: o.width });
  const f = 'scaledTanh';
  const b = new GraphBuilder('lenet5-1998');
  let x = b.input(o.input);
  x = b.inBlock({ type: 'stage', id: 'features' }, () => {
    let y = b.add('input_scale', rescale(1.275, -0.1), [x]);
    y = b.add('c1_conv', conv(6, 5, { activation: f, kernelInit: INIT }), [y]);
    y = b.add('s2_subsample', subsample(2, f, INIT), [y]);
    y = b.add('c3_conv', tableConv(LENET_C3_TABLE, 5, { activation: f, kernelInit: INIT }), [y]);
    return b.add('s4_subsample', subsample(2, f, INIT), [y]);
  });
  if (o.noTop) return b.build();
  b.inBlock({ type: 'head', id: 'classifier' }, () => {
    x = b.add('c5_conv', conv(120, 5, { activation: f, kernelInit: INIT }), [x]);
    x = b.add('flatten', { kind: 'flatten' }, [x]);
    x = b.add('f6_dense', dense(84, f, true, INIT), [x]);
    x = b.add('output_rbf', rbf(rbfCentres(o.classes)), [x]);
    x = b.add('rbf_negate', rescale(-1), [x]);
    x = b.add('predictions', act('softmax'), [x]);
  });
  return b.build();
}
