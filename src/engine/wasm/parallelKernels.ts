/**
 * The loops of our WASM training kernels that run in chunks on the kernel pool (kernelPool.ts): pure
 * functions over views of the wasm heap, shared by the training worker and its helper workers. Each
 * chunk writes a disjoint part of the output, so chunks may run in any order on any thread.
 */

/** MaxPoolGrad's geometry (NHWC), as plain numbers so that it crosses to a helper in a message. */
export interface PoolGradGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  channels: number;
  outHeight: number;
  outWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  effectiveFilterHeight: number;
  effectiveFilterWidth: number;
  padTop: number;
  padLeft: number;
}

/**
 * dx for images [b0, b1): zeroes their part of `dx`, then sends each output's gradient to the first
 * maximum of its window (row-major scan, strict `>`, padding skipped), as the cpu backend does.
 * `x`, `dy`, `dx` are whole-tensor float32 views (NHWC).
 */
export function maxPoolGradImages(x: Float32Array, dy: Float32Array, dx: Float32Array, g: PoolGradGeometry, b0: number, b1: number): void {
  const C = g.channels;
  const imageIn = g.inHeight * g.inWidth * C;
  dx.fill(0, b0 * imageIn, b1 * imageIn);
  if (isPlain2x2(g)) {
    maxPoolGrad2x2(x, dy, dx, g, b0, b1);
    return;
  }
  const colStep = g.dilationWidth * C;
  for (let b = b0; b < b1; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      const rowCorner = oh * g.strideHeight - g.padTop;
      let rowMin = rowCorner;
      while (rowMin < 0) rowMin += g.dilationHeight;
      const rowMax = Math.min(g.inHeight, rowCorner + g.effectiveFilterHeight);
      for (let ow = 0; ow < g.outWidth; ow++) {
        const colCorner = ow * g.strideWidth - g.padLeft;
        let colMin = colCorner;
        while (colMin < 0) colMin += g.dilationWidth;
        const colMax = Math.min(g.inWidth, colCorner + g.effectiveFilterWidth);
        const dyBase = ((b * g.outHeight + oh) * g.outWidth + ow) * C;
        for (let d = 0; d < C; d++) {
          let best = Number.NEGATIVE_INFINITY;
          let where = -1;
          for (let r = rowMin; r < rowMax; r += g.dilationHeight) {
            const rowAt = (b * g.inHeight + r) * g.inWidth * C + d;
            for (let at = rowAt + colMin * C, end = rowAt + colMax * C; at < end; at += colStep) {
              const v = x[at];
              if (v > best) {
                best = v;
                where = at;
              }
            }
          }
          if (where >= 0) dx[where] += dy[dyBase + d];
        }
      }
    }
  }
}

/** The pooling of nearly every net here (2×2, stride 2, no padding or dilation): its own unrolled loop. */
function isPlain2x2(g: PoolGradGeometry): boolean {
  return g.effectiveFilterHeight === 2 && g.effectiveFilterWidth === 2 && g.strideHeight === 2 && g.strideWidth === 2
    && g.dilationHeight === 1 && g.dilationWidth === 1 && g.padTop === 0 && g.padLeft === 0
    && 2 * g.outHeight <= g.inHeight && 2 * g.outWidth <= g.inWidth;
}

/** {@link maxPoolGradImages} for {@link isPlain2x2} windows (dx already zeroed): same first-maximum rule. */
function maxPoolGrad2x2(x: Float32Array, dy: Float32Array, dx: Float32Array, g: PoolGradGeometry, b0: number, b1: number): void {
  const C = g.channels;
  const rowStep = g.inWidth * C;
  let out = b0 * g.outHeight * g.outWidth * C;
  for (let b = b0; b < b1; b++) {
    for (let oh = 0; oh < g.outHeight; oh++) {
      for (let ow = 0; ow < g.outWidth; ow++) {
        const corner = ((b * g.inHeight + 2 * oh) * g.inWidth + 2 * ow) * C;
        for (let d = 0; d < C; d++, out++) {
          const a = corner + d;
          let best = Number.NEGATIVE_INFINITY;
          let where = -1;
          let v = x[a];
          if (v > best) {
            best = v;
            where = a;
          }
          v = x[a + C];
          if (v > best) {
            best = v;
            where = a + C;
          }
          v = x[a + rowStep];
          if (v > best) {
            best = v;
            where = a + rowStep;
          }
          if (x[a + rowStep + C] > best) where = a + rowStep + C;
          if (where >= 0) dx[where] += dy[out];
        }
      }
    }
  }
}

/** A chunked job a helper can run: which loop, its arguments, and the heap offsets of its tensors. */
export type ParallelJob = {
  kind: 'maxPoolGrad';
  geometry: PoolGradGeometry;
  /** Byte offsets and float lengths of x, dy, dx on the heap. */
  x: [number, number];
  dy: [number, number];
  dx: [number, number];
};

/** Items a job splits into (images, for MaxPoolGrad). */
export function jobItems(job: ParallelJob): number {
  return job.geometry.batch;
}

/** Runs items [i0, i1) of `job` on `heap` (the wasm memory's SharedArrayBuffer, or its ArrayBuffer). */
export function runJobItems(heap: ArrayBufferLike, job: ParallelJob, i0: number, i1: number): void {
  const f = ([offset, length]: [number, number]) => new Float32Array(heap, offset, length);
  maxPoolGradImages(f(job.x), f(job.dy), f(job.dx), job.geometry, i0, i1);
}
