/**
 * The Keras bridge in the worker (`worker.keras.…` from the UI): the current model as a `.keras` file,
 * the current dataset as an `.npz` for the generated code's `--data`, and the model's predictions on
 * the first test images (with the exact inputs it saw) so Keras' predictions can be compared. It reads
 * the engine's current model, graph and data; it changes nothing.
 */
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { inferGraph } from '../../arch/index';
import { npzBytes } from '../../keras/index';
import { kerasError } from '../../messages/index';
import type { Engine } from '../engine';
import { makeBatch } from '../batches';
import { predictMain } from '../trainStep';
import { writeKerasFile } from './kerasFile';
import type { KerasApi, KerasDownload } from './kerasProtocol';

type Shape3 = [number, number, number];

const safe = (name: string) => name.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'model';
const buffer = (bytes: Uint8Array): ArrayBuffer => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer));
const download = (name: string, bytes: Uint8Array): KerasDownload => {
  const file = { name, bytes: buffer(bytes) };
  return Comlink.transfer(file, [file.bytes]);
};

/** `worker.keras` (see KerasApi in kerasProtocol.ts): one per worker, reading the session's model and dataset. */
export class KerasFeature implements KerasApi {
  constructor(private readonly core: Engine) {}

  /** The current model (trained here, a transfer model or an imported one) as `<stem>.keras`. */
  async exportModel(stem?: string): Promise<KerasDownload> {
    await this.core.ready();
    const { model, graph } = this.core.session;
    if (!model || !graph) throw kerasError('keras.needModel');
    return download(`${safe(stem ?? graph.name)}.keras`, await writeKerasFile(model, graph));
  }

  /**
   * The current dataset as `<stem>.npz`: x_train, y_train, x_test, y_test (uint8, (N, H, W, C) and (N,)),
   * in the playground's order, so the generated code's split is the playground's.
   */
  async exportData(stem: string): Promise<KerasDownload> {
    const { data } = this.core.session;
    if (!data) throw kerasError('keras.needData');
    const [h, w, c] = data.imageShape;
    return download(`${safe(stem)}.npz`, npzBytes({
      x_train: { data: data.train.images, shape: [data.train.count, h, w, c] },
      y_train: { data: data.train.labels, shape: [data.train.count] },
      x_test: { data: data.test.images, shape: [data.test.count, h, w, c] },
      y_test: { data: data.test.labels, shape: [data.test.count] },
    }));
  }

  /**
   * The current model's main-output probabilities for the first `count` test images, with those images
   * exactly as the model saw them: `<stem>.npz` holding x (float32 (N, H, W, C), adapted to the input),
   * probabilities (float32 (N, classes)) and labels (int32 (N,)). In Keras: `model.predict(d["x"])`.
   */
  async exportPredictions(stem: string, count = 32): Promise<KerasDownload> {
    await this.core.ready();
    const { model, graph, data } = this.core.session;
    if (!model || !graph) throw kerasError('keras.needModel');
    if (!data) throw kerasError('keras.needData');
    const info = inferGraph(graph);
    const input = info.inputShape as Shape3;
    const n = Math.min(count, data.test.count);
    const { x, y, labels } = makeBatch(data.test, data.imageShape, Int32Array.from({ length: n }, (_, i) => i), input, info.outputShape[0]);
    const p = predictMain(model, x);
    try {
      const [xs, ps] = await Promise.all([x.data(), p.data()]);
      return download(`${safe(stem)}.npz`, npzBytes({
        x: { data: Float32Array.from(xs), shape: [n, ...input] },
        probabilities: { data: Float32Array.from(ps), shape: [...p.shape] },
        labels: { data: Int32Array.from(labels), shape: [n] },
      }));
    } finally {
      tf.dispose([x, y, p]);
    }
  }
}
