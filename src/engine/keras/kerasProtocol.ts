/**
 * The plain-data contract of the worker's Keras bridge (`worker.keras`, kerasApi.ts): files made in
 * the worker cross to the UI as named byte buffers (transferred, not copied).
 */

/** A file for the user to download. */
export interface KerasDownload {
  /** e.g. `lenet5-modern.keras`, `mnist.npz`. */
  name: string;
  bytes: ArrayBuffer;
}

/** The Keras bridge: reads the session's current model and dataset, changes nothing. */
export interface KerasApi {
  /** The current model (trained here, a transfer model or an imported one) as `<stem>.keras`. */
  exportModel(stem?: string): Promise<KerasDownload>;
  /** The current dataset as `<stem>.npz` (x_train, y_train, x_test, y_test; uint8 (N, H, W, C) and (N,)). */
  exportData(stem: string): Promise<KerasDownload>;
  /** The model's probabilities for the first `count` test images with those inputs, as `<stem>.npz` (x, probabilities, labels). */
  exportPredictions(stem: string, count?: number): Promise<KerasDownload>;
}
