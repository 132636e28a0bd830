import { expect, test } from '@playwright/test';

/** One session in the worker: Stop stops, the evaluation is a job of its own, the network cannot change under a run. */
test.describe('session', () => {
  test('Stop during AlexNet ×0.25 training: Train is usable within 5 s; the evaluation that follows shows its progress and can be cancelled', async ({ page }) => {
    test.setTimeout(300_000);
    // AlexNet's recipe trains a ×0.25 copy at 96×96 (batch 32).
    await page.goto('./?arch=alexnet&epochs=3');
    await expect(page.getByTestId('backend-status')).toContainText(/Backend: (webgpu|webgl|wasm|cpu)/, { timeout: 60_000 });
    await expect(page.getByTestId('training-recipe')).toContainText('×0.25');
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('batch-progress')).not.toHaveAttribute('value', '0', { timeout: 120_000 });
    // While the run holds the model, the network cannot change, and the page says why.
    await expect(page.getByTestId('arch-select')).toBeDisabled();
    await expect(page.getByTestId('arch-locked')).toContainText('stop it to change the network');
    const stoppedAt = Date.now();
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('train-button')).toBeEnabled({ timeout: 5_000 });
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    await expect(page.getByText(/Stopped at epoch 1, batch \d+; the trained weights are kept/)).toBeVisible();
    await expect(page.getByTestId('arch-select')).toBeEnabled();
    // The evaluation of the stopped run is a job: progress over the test images, and its own Cancel.
    await expect(page.getByTestId('evaluate-progress')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('evaluation-job')).toContainText(/Evaluating on the test set: [\d,]+ of [\d,]+ images/);
    await page.getByTestId('evaluate-cancel').click();
    await expect(page.getByTestId('evaluation-cancelled')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('evaluate-progress')).toHaveCount(0);
    await expect(page.getByTestId('training-error')).toHaveCount(0);
    await expect(page.getByTestId('train-button')).toBeEnabled();
    await expect(page.getByTestId('evaluate-button')).toBeEnabled();
    // The weights are kept: predicting works on them.
    await page.getByTestId('random-test-image').click();
    await page.getByTestId('predict-button').click();
    await expect(page.getByTestId('predict-result').locator('li')).toHaveCount(5);
  });

  test('switching network after a stopped run: no "Build a model first" beside a kept run, history cleared with the model', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('./?arch=lenet5&dataset=mnist&epochs=5&limit=3000&batch=32');
    await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('batch-progress')).not.toHaveAttribute('value', '0', { timeout: 60_000 });
    await expect(page.getByTestId('arch-select')).toBeDisabled();
    await page.getByTestId('stop-button').click();
    await expect(page.getByTestId('train-button')).toBeEnabled({ timeout: 10_000 });
    // Switching while the stopped run's evaluation is still going cancels it with the old model.
    await page.getByTestId('arch-select').selectOption('resnet20');
    await expect(page.getByTestId('build-info')).toHaveCount(0);
    await expect(page.getByTestId('training-error')).toHaveCount(0);
    await expect(page.getByTestId('epoch-progress')).toHaveCount(0);
    await expect(page.getByText(/Stopped at epoch/)).toHaveCount(0);
    await expect(page.getByTestId('tensor-count')).toHaveText('0', { timeout: 20_000 });
    // And the new network trains from there.
    await page.getByTestId('epochs-input').fill('1');
    await page.getByTestId('limit-input').fill('128');
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 180_000 });
    await expect(page.getByTestId('training-error')).toHaveCount(0);
  });

  test("the Summary's trainable and non-trainable counts follow the installed transfer model's freeze state", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('./?dataset=mnist');
    await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
    await expect(page.getByTestId('summary-trainable-params')).toHaveText('61,706');
    await page.getByTestId('base-select').selectOption('lenet5-mnist-0to4');
    await page.getByTestId('load-base').click();
    await expect(page.getByTestId('class-choice')).toHaveCount(10, { timeout: 60_000 });
    for (const digit of ['5', '6', '7']) await page.locator(`[data-testid="class-choice"][value="${digit}"]`).check();
    await page.getByTestId('transfer-per-class').fill('20');
    await page.getByTestId('apply-head').click();
    await expect(page.getByTestId('transfer-installed')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('trainable-params')).toHaveText('1,203');
    await expect(page.getByTestId('summary-trainable-params')).toHaveText('1,203');
    await expect(page.getByTestId('summary-installed')).toBeVisible();
    const total = Number((await page.getByTestId('total-params').textContent())?.replace(/,/g, ''));
    expect(Number((await page.getByTestId('non-trainable-params').textContent())?.replace(/,/g, ''))).toBe(total - 1203);
    await page.getByTestId('freeze-control').selectOption('all');
    await expect(page.getByTestId('summary-trainable-params')).toHaveText('3,775');
    await expect(page.getByTestId('non-trainable-params')).toHaveText('0');
  });
});
