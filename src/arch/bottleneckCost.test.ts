import { describe, expect, it } from 'vitest';
import { bottleneckCost, COURSE_BOTTLENECK_EXAMPLE } from './bottleneckCost';

describe('bottleneckCost', () => {
  it("reproduces the course's 1×1 bottleneck example", () => {
    const a = bottleneckCost(COURSE_BOTTLENECK_EXAMPLE);
    expect(a.direct).toBe(120_422_400);
    expect(a.reduce).toBe(2_408_448);
    expect(a.conv).toBe(10_035_200);
    expect(a.withBottleneck).toBe(12_443_648);
    expect(a.saving).toBeCloseTo(9.68, 2);
  });
});
