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
