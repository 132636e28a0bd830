import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LESSON_IDS, lessonHref } from '../src/ui/classroom/lessons';
import { VIEW_IDS } from '../src/ui/experiment';

/** Runs axe (WCAG 2.1 A/AA and best practices) and returns the serious and critical violations, readable. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}

async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('backend-status')).toContainText(/\b(webgpu|webgl|wasm|cpu)\b/, { timeout: 60_000 });
  await expect(page.getByTestId('total-params')).toBeVisible();
}

test.describe('accessibility (axe): no serious or critical violation', () => {
  test('the page at its defaults', async ({ page }) => {
    await page.goto('./');
    await ready(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('after training, evaluation and a prediction', async ({ page }) => {
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=256');
    await ready(page);
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
    await page.getByTestId('random-test-image').click();
    await page.getByTestId('predict-button').click();
    await expect(page.getByTestId('predict-result').locator('li')).toHaveCount(5);
    expect(await seriousViolations(page)).toEqual([]);

    // The drawing pad works without a pointer: arrows move the pen, Space lowers/lifts it.
    const pad = page.getByTestId('draw-pad');
    await expect(pad).toHaveAttribute('tabindex', '0');
    await pad.focus();
    await expect(page.getByTestId('draw-pad-pen')).toBeVisible();
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Space');
    const lit = await pad.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] > 128) n++;
      return { lit: n, centreColumn: d[(c.height / 2) * c.width * 4 + (c.width / 2) * 4], corner: d[0] };
    });
    expect(lit.lit).toBeGreaterThan(1000); // a vertical stroke 18 px wide and 128 px long
    expect(lit.centreColumn).toBe(255);
    expect(lit.corner).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The result of the test image is on screen: the drawing's prediction must replace it.
    const ofTestImage = (await page.getByTestId('predict-result').textContent()) ?? '';
    await page.getByTestId('predict-drawing').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('predict-result')).not.toHaveText(ofTestImage);
    await expect(page.getByTestId('predict-result').locator('li')).toHaveCount(5);
    await pad.focus();
    await page.keyboard.press('Delete');
    expect(await pad.evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 0 && v > 0))).toBe(false);
  });

  test('the Japanese UI, in the presentation layout', async ({ page }) => {
    await page.goto('./?lang=ja&present=1');
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('every view (?view=), in both languages', async ({ page }) => {
    for (const lang of ['en', 'ja']) {
      // One load per language; the views are switched in place, as a user does.
      await page.goto(`./?lang=${lang}&view=${VIEW_IDS[0]}`);
      await expect(page.getByTestId('backend-status')).toContainText(/\b(webgpu|webgl|wasm|cpu)\b/, { timeout: 60_000 });
      await expect(page).toHaveTitle(lang === 'ja' ? 'CNN プレイグラウンド' : 'CNN Playground');
      for (const view of VIEW_IDS) {
        await page.getByTestId(`view-${view}`).click();
        await expect(page.getByTestId(`view-${view}`)).toHaveAttribute('aria-current', 'page');
        // The summary is in the every-panel view only: wait for the view's own panel.
        await expect(page.locator(`[data-view="${view}"] .panel`).first()).toBeVisible();
        expect(await seriousViolations(page), `${lang} ${view}`).toEqual([]);
      }
    }
  });

  for (const id of LESSON_IDS) {
    test(`lesson ${id}`, async ({ page }) => {
      await page.goto(`./${lessonHref(id)}`);
      await ready(page);
      await expect(page.getByTestId('lesson-card')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
