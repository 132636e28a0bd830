/**
 * The outcome suite's short subset (the full one is `npm run lessons`): a few lessons and a network preset
 * at their real settings where they are fast (the augmentation comparison at a reduced budget), so a
 * regression in what the lessons teach fails CI.
 */
import { expect, test } from '@playwright/test';
import { augmentation, inceptionCost, networkCase, transferLittleData, type LessonCase } from '../scripts/lessons/cases';

const quick: LessonCase[] = [
  networkCase({ arch: 'lenet5', minAccuracy: 0.85, budgetSec: 240, extra: 'epochs=2&limit=6000' }),
  inceptionCost(),
  transferLittleData(1),
  // The lesson's comparison at half its 40 epochs (Node, seeds 1–3: +3.3 / +3.0 / +6.3 points at 20).
  augmentation(1, 20),
];

for (const c of quick) {
  test(`${c.id}: ${c.claim}`, async ({ page, baseURL }) => {
    test.setTimeout(c.timeoutSec * 1000);
    const outcome = await c.run({ page, appUrl: baseURL ?? '' });
    console.log(`${c.id}: ${outcome.measured}`);
    expect(outcome.pass, outcome.measured).toBe(true);
  });
}
