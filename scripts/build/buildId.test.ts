import { describe, expect, it } from 'vitest';
import { bundleId } from './buildId';

describe('bundleId', () => {
  it('is 12 hex digits, the same for the same files in any order, new when any file name changes', () => {
    const files = ['assets/index-AbC123.js', 'assets/engine.worker-Zz9.js', 'index.html'];
    const id = bundleId(files);
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(bundleId([...files].reverse())).toBe(id);
    expect(bundleId(['assets/index-AbC124.js', files[1], files[2]])).not.toBe(id);
  });
});
