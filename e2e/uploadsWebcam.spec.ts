import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';

// Chromium's fake camera (a test pattern) and an auto-accepted permission prompt; this needs its own browser.
test.use({
  launchOptions: {
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

test('webcam: a captured frame joins the selected class and is stored like an upload', async ({ page, context }) => {
  await context.grantPermissions(['camera']);
  await page.goto('./');
  await page.getByTestId('new-class-name').fill('me');
  await page.getByTestId('create-class').click();
  const me = page.locator('[data-class-name="me"]');
  await expect(me).toBeVisible();
  await page.getByTestId('webcam-start').click();
  await expect(page.locator('.webcam-video')).toHaveJSProperty('readyState', 4, { timeout: 15_000 });
  await page.getByTestId('webcam-capture').click();
  await expect(me.getByTestId('class-count')).toHaveAttribute('data-count', '1', { timeout: 15_000 });
  await expect(me.getByTestId('upload-thumb')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('[data-class-name="me"]').getByTestId('class-count')).toHaveAttribute('data-count', '1', { timeout: 15_000 });
});

test('webcam: a camera frame can be looked at through the trained network (feature maps)', async ({ page, context }) => {
  await context.grantPermissions(['camera']);
  await page.goto('./?arch=lenet5&dataset=mnist&epochs=1&limit=256');
  await expect(page.getByTestId('backend-status')).toContainText('Backend:', { timeout: 60_000 });
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('test-accuracy')).toBeVisible({ timeout: 120_000 });
  const inspect = page.getByTestId('inspect-panel');
  await inspect.getByTestId('webcam-start').click();
  await expect(inspect.locator('.webcam-video')).toHaveJSProperty('readyState', 4, { timeout: 15_000 });
  await inspect.getByTestId('webcam-capture').click();
  await expect(inspect.getByTestId('inspect-image-name')).toContainText('webcam', { timeout: 15_000 });
  await expect(inspect.getByTestId('feature-maps')).toHaveAttribute('data-tiles', /\d+/);
});
