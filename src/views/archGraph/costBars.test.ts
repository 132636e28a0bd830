import { describe, expect, it } from 'vitest';
import { costBars } from './costBars';

describe('costBars', () => {
  it("puts both paths on one linear scale, the bottlenecked bar stacked", () => {
    const [direct, bottleneck] = costBars(
      [
        { id: 'direct', parts: [{ id: 'conv', value: 120_422_400 }] },
        { id: 'bottleneck', parts: [{ id: 'reduce', value: 2_408_448 }, { id: 'conv', value: 10_035_200 }] },
      ],
      400,
    );
    expect(direct.segments[0].width).toBe(400);
    expect(bottleneck.total).toBe(12_443_648);
    expect(bottleneck.segments[1].x).toBeCloseTo(bottleneck.segments[0].width, 9);
    expect(bottleneck.segments[0].width + bottleneck.segments[1].width).toBeCloseTo((400 * 12_443_648) / 120_422_400, 9);
  });

  it('copes with all-zero costs', () => {
    const [bar] = costBars([{ id: 'a', parts: [{ id: 'x', value: 0 }] }], 100);
    expect(bar.segments[0].width).toBe(0);
  });
});
