import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { npyBytes, npzBytes } from './npz';

describe('.npy / .npz', () => {
  it('writes the version 1.0 preamble, a 64-byte aligned header and the raw values', () => {
    const bytes = npyBytes({ data: Uint8Array.from([1, 2, 3, 4, 5, 6]), shape: [2, 3] });
    expect(Array.from(bytes.slice(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLength = bytes[8] + 256 * bytes[9];
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.slice(10, 10 + headerLength));
    expect(header).toMatch(/^\{'descr': '\|u1', 'fortran_order': False, 'shape': \(2, 3\), \} *\n$/);
    expect(Array.from(bytes.slice(10 + headerLength))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new TextDecoder().decode(npyBytes({ data: new Float32Array(3), shape: [3] }).slice(10, 80))).toContain("'descr': '<f4', 'fortran_order': False, 'shape': (3,)");
  });

  it('zips arrays as name.npy and refuses a shape that does not fit', () => {
    const files = unzipSync(npzBytes({ x_train: { data: new Uint8Array(4), shape: [1, 2, 2, 1] }, y_train: { data: new Uint8Array(1), shape: [1] } }));
    expect(Object.keys(files)).toEqual(['x_train.npy', 'y_train.npy']);
    expect(() => npyBytes({ data: new Uint8Array(5), shape: [2, 3] })).toThrow(/holds 6 values, got 5/);
  });
});
