/**
 * The outcome suite's short subset (the full one is `npm run lessons`): a few lessons and a network preset
 * at their real settings where they are fast, so a regression in what the lessons teach fails CI.
 */
import { expect, test } from '@playwright/test';
import { augmentation, inceptionCost, networkCase, transferLittleData, type LessonCase } from '../scripts/lessons/cases';

const quick: LessonCase[] = [
  networkCase({ arch: 'lenet5', minAccuracy: 0.85, budgetSec: 240, extra: 'epochs=1&limit=3000' }),
  inceptionCost(),
  transferLittleData(1),
  augmentation(1),
];

for (const c of quick) {
  test(`${c.id}: ${c.claim}`, async ({ page, baseURL }) => {
    test.setTimeout(c.timeoutSec * 1000);
    const outcome = await c.run({ page, appUrl: baseURL ?? '' });
    console.log(`${c.id}: ${outcome.measured}`);
    expect(outcome.pass, outcome.measured).toBe(true);
  });
}
