import { describe, expect, it } from 'vitest';
import { createKernelPool, runChunks, type HelperPort, type JobMessage } from './kernelPool';
import { jobItems, maxPoolGradImages, runJobItems, type ParallelJob, type PoolGradGeometry } from './parallelKernels';

/** 2×2 / 2 pooling over B×6×6×3, on a shared "heap" holding x, dy and dx one after another. */
function setup(batch: number) {
  const g: PoolGradGeometry = {
    batch, inHeight: 6, inWidth: 6, channels: 3, outHeight: 3, outWidth: 3, strideHeight: 2, strideWidth: 2,
    dilationHeight: 1, dilationWidth: 1, effectiveFilterHeight: 2, effectiveFilterWidth: 2, padTop: 0, padLeft: 0,
  };
  const nx = batch * 6 * 6 * 3;
  const ny = batch * 3 * 3 * 3;
  const heap = new SharedArrayBuffer(4 * (2 * nx + ny));
  const x = new Float32Array(heap, 0, nx);
  const dy = new Float32Array(heap, 4 * nx, ny);
  const dx = new Float32Array(heap, 4 * (nx + ny), nx);
  // Ties on purpose (ReLU zeros): the first maximum must win.
  for (let i = 0; i < nx; i++) x[i] = i % 5 === 0 ? 0 : Math.sin(i) > 0 ? Math.sin(i) : 0;
  for (let i = 0; i < ny; i++) dy[i] = (i % 7) - 3;
  dx.fill(123); // stale values: every chunk must clear its own images
  const job: ParallelJob = { kind: 'maxPoolGrad', geometry: g, x: [0, nx], dy: [4 * nx, ny], dx: [4 * (nx + ny), nx] };
  const expected = new Float32Array(nx);
  maxPoolGradImages(x, dy, expected, g, 0, batch);
  return { heap, dx, job, expected };
}

describe('kernel pool', () => {
  it('a helper that claims chunks first and the training thread finish the job together, as inline', () => {
    const { heap, dx, job, expected } = setup(9);
    let helped = 0;
    const eager: HelperPort = {
      postMessage: (m: JobMessage) => {
        // Claims one chunk, then stops (as a helper the OS deschedules would).
        const control = new Int32Array(m.control);
        const c = Atomics.add(control, 0, 1);
        const items = jobItems(m.job);
        runJobItems(m.heap, m.job, Math.floor((c * items) / m.chunks), Math.floor(((c + 1) * items) / m.chunks));
        Atomics.add(control, 1, 1);
        helped++;
      },
      terminate: () => undefined,
    };
    const pool = createKernelPool([eager]);
    pool.run(heap, job);
    expect(helped).toBe(1);
    expect(pool.jobs).toBe(1);
    expect(Array.from(dx)).toEqual(Array.from(expected));
  });

  it('a helper that never wakes costs nothing: the training thread steals every chunk', () => {
    const { heap, dx, job, expected } = setup(5);
    const late: JobMessage[] = [];
    const pool = createKernelPool([{ postMessage: (m) => void late.push(m), terminate: () => undefined }]);
    pool.run(heap, job);
    expect(Array.from(dx)).toEqual(Array.from(expected));
    // When it finally runs, everything is claimed: it writes nothing.
    dx.fill(7);
    runChunks(late[0]);
    expect(dx.every((v) => v === 7)).toBe(true);
  });

  it('without shared memory the job runs inline', () => {
    const { job, expected } = setup(3);
    const plain = new ArrayBuffer(4 * (job.dx[0] / 4 + job.dx[1]));
    const src = setup(3);
    new Uint8Array(plain).set(new Uint8Array(src.heap));
    createKernelPool([{ postMessage: () => { throw new Error('no helper for plain memory'); }, terminate: () => undefined }]).run(plain, job);
    expect(Array.from(new Float32Array(plain, job.dx[0], job.dx[1]))).toEqual(Array.from(expected));
  });
});

