/**
 * A backend's float32 matmul peak: n × n by n × n products back to back for at least `minSec` (one
 * read at the end, so GPU backends are not drained between them), 2 n³ FLOP each. The bench reads
 * each backend's training FLOP/s against it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PeakOutcome, PeakSpec } from '../schema';
import { activateBenchBackend } from './setupTfjs';

export async function runPeak(spec: PeakSpec): Promise<PeakOutcome> {
  const actualBackend = await activateBenchBackend(spec.backend, spec.threads ?? true);
  const a = tf.randomNormal([spec.n, spec.n]) as tf.Tensor2D;
  const b = tf.randomNormal([spec.n, spec.n]) as tf.Tensor2D;
  try {
    const once = async (k: number): Promise<void> => {
      let last: tf.Tensor | null = null;
      for (let i = 0; i < k; i++) {
        last?.dispose();
        last = tf.matMul(a, b);
      }
      await last?.data();
      last?.dispose();
    };
    await once(1); // shaders, XNNPACK packing, JIT
    let k = 1;
    for (;;) {
      const t0 = performance.now();
      await once(k);
      const seconds = (performance.now() - t0) / 1000;
      if (seconds >= spec.minSec || k >= 4096) return { actualBackend, n: spec.n, matmuls: k, seconds, flops: (2 * spec.n ** 3 * k) / seconds };
      k = Math.max(k + 1, Math.ceil(k * Math.min(8, (1.2 * spec.minSec) / Math.max(seconds, 1e-3))));
    }
  } finally {
    tf.dispose([a, b]);
  }
}
