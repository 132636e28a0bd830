/**
 * NumPy's .npy / .npz formats for the data the playground exports to Keras (`np.load("mnist.npz")`):
 * an .npz is a zip of .npy files, each a 10-byte preamble, a Python-literal header padded to 64 bytes
 * and the raw C-order values (numpy/lib/format.py, version 1.0). Small and documented, so written here.
 */
import { zipSync } from 'fflate';

/** One array for an .npz: uint8 (images, labels) or float32 (network inputs, probabilities). */
export interface NpyArray {
  readonly data: Uint8Array | Float32Array | Int32Array;
  readonly shape: readonly number[];
}

const DESCR = (data: NpyArray['data']): string => (data instanceof Uint8Array ? '|u1' : data instanceof Int32Array ? '<i4' : '<f4');

/** The .npy bytes of one array. @throws Error when the shape does not hold exactly `data.length` values. */
export function npyBytes(array: NpyArray): Uint8Array {
  const count = array.shape.reduce((a, b) => a * b, 1);
  if (count !== array.data.length) throw new Error(`npy: shape [${array.shape.join(', ')}] holds ${count} values, got ${array.data.length}`);
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let header = `{'descr': '${DESCR(array.data)}', 'fortran_order': False, 'shape': ${shape}, }`;
  // Preamble (10 bytes) + header + '\n' is padded with spaces to a multiple of 64 bytes.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = `${header.padEnd(total - 10 - 1, ' ')}\n`;
  const body = new Uint8Array(array.data.buffer, array.data.byteOffset, array.data.byteLength);
  const out = new Uint8Array(total + body.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(body, total);
  return out;
}

/** An .npz (stored, not deflated: images are read back quickly) of named arrays. */
export function npzBytes(arrays: Readonly<Record<string, NpyArray>>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(arrays).map(([name, a]) => [`${name}.npy`, npyBytes(a)])), { level: 0 });
}
