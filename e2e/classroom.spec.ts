import { expect, test } from '@playwright/test';
import { LESSON_IDS, lessonExperiment, lessonHref } from '../src/ui/classroom/lessons';
import { lessonMessages } from '../src/ui/i18n/lessons';

test.describe('share links', () => {
  test('"Copy link" copies the experiment; a new page opened on it shows the same experiment', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('./');
    await page.getByTestId('arch-select').selectOption('resnet20');
    await page.getByTestId('width-input').fill('0.5');
    await page.getByTestId('dataset-select').selectOption('fashion-mnist');
    await page.getByTestId('epochs-input').fill('3');
    await page.getByTestId('lr-input').fill('0.01');
    await page.getByTestId('share-link').click();
    await expect(page.getByTestId('share-status')).toHaveText('Link copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    await expect(page.getByTestId('share-url')).toHaveValue(copied);
    expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?v=1&/);
    for (const part of ['arch=resnet20', 'width=0.5', 'dataset=fashion-mnist', 'epochs=3', 'lr=0.01']) expect(copied).toContain(part);

    const student = await context.newPage();
    await student.goto(copied);
    await expect(student.getByTestId('arch-select')).toHaveValue('resnet20');
    await expect(student.getByTestId('width-input')).toHaveValue('0.5');
    await expect(student.getByTestId('dataset-select')).toHaveValue('fashion-mnist');
    await expect(student.getByTestId('epochs-input')).toHaveValue('3');
    await expect(student.getByTestId('lr-input')).toHaveValue('0.01');
    await expect(student.getByTestId('summary-trainable-params')).toHaveText(await page.getByTestId('summary-trainable-params').innerText());
    await expect(student.getByTestId('url-notice')).toHaveCount(0);
  });

  test('a garbled, hostile URL falls back field by field with a notice and executes nothing', async ({ page }) => {
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const hostile = new URLSearchParams([
      ['v', '1'],
      ['arch', 'vgg16'],
      ['epochs', '1e99'],
      ['batch', '99999999999999999999'],
      ['lr', 'abc'],
      ['dataset', '<svg/onload=alert(1)>'],
      ['lesson', 'javascript:alert(1)'],
      ['panel', '"]*{}body'],
      ['present', '2'],
      ['zzz', '<script>window.__pwned=1</script>'],
    ]);
    await page.goto(`./?${hostile.toString()}`);
    const notice = page.getByTestId('url-notice');
    await expect(notice).toBeVisible();
    for (const key of ['epochs', 'batch', 'lr', 'dataset', 'lesson', 'panel', 'present', 'zzz']) await expect(notice).toContainText(key);
    await expect(notice).toContainText('<script>window.__pwned=1</script>'); // shown as text, not run
    await expect(page.getByTestId('arch-select')).toHaveValue('vgg16'); // the valid field is kept
    await expect(page.getByTestId('total-params')).toHaveText('138,357,544');
    await expect(page.getByTestId('epochs-input')).toHaveValue('2');
    await expect(page.getByTestId('batch-input')).toHaveValue('64');
    await expect(page.getByTestId('dataset-select')).toHaveValue('mnist');
    await expect(page.getByTestId('lesson-card')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('html')).not.toHaveClass(/present/);
    // The link written back is clean: only the valid field remains.
    await expect(page).toHaveURL(/\?v=1&arch=vgg16$/);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

test.describe('lessons', () => {
  for (const [i, id] of LESSON_IDS.entries()) {
    test(`lesson ${i + 1} (${id}) opens its card and its network`, async ({ page }) => {
      const expected = lessonExperiment(id, 'en');
      await page.goto(`./${lessonHref(id)}`);
      await expect(page.getByTestId('lesson-card')).toBeVisible();
      await expect(page.getByTestId('lesson-heading')).toHaveText(lessonMessages.en[`${id}:title`]);
      await expect(page.getByTestId('lesson-question')).toHaveText(lessonMessages.en[`${id}:question`]);
      await expect(page.getByTestId('arch-select')).toHaveValue(expected.arch);
      if (expected.variant) await expect(page.getByTestId('variant-select')).toHaveValue(expected.variant);
      await expect(page.getByTestId('dataset-select')).toHaveValue(expected.dataset);
      await expect(page.getByTestId('epochs-input')).toHaveValue(String(expected.epochs));
      await expect(page.getByTestId(`lesson-link-${id}`)).toHaveAttribute('aria-current', 'page');
      await expect(page.getByTestId('url-notice')).toHaveCount(0);
      // The lesson's panel (another feature's, often lazily loaded) is scrolled to and focused once it is there.
      const panel = page.getByTestId(expected.panel || 'lesson-card');
      const mounted = await panel.waitFor({ state: 'attached', timeout: 10_000 }).then(() => true, () => false);
      test.info().annotations.push({ type: 'panel', description: `${expected.panel || '(none)'}: ${mounted ? 'mounted' : 'not mounted in this build'}` });
      if (expected.panel && mounted) {
        await expect(panel).toBeInViewport();
        await expect(panel).toBeFocused();
      }
    });
  }

  test('the lesson list opens a lesson in place, in the current language', async ({ page }) => {
    await page.goto('./?lang=ja');
    const list = page.getByTestId('lesson-list');
    await expect(list.locator('a')).toHaveCount(LESSON_IDS.length);
    await list.getByTestId('lesson-link-going-deeper').click();
    await expect(page.getByTestId('lesson-heading')).toHaveText(lessonMessages.ja['going-deeper:title']);
    await expect(page.getByTestId('arch-select')).toHaveValue('vgg11');
    await expect(page).toHaveURL(/lesson=going-deeper/);
    await expect(page).toHaveURL(/lang=ja/);
    await page.getByRole('button', { name: 'レッスンのカードを閉じる' }).click();
    await expect(page.getByTestId('lesson-card')).toHaveCount(0);
  });
});

test.describe('teacher mode and presentation layout', () => {
  test('`*_hide` flags hide controls; the teacher options edit them and the share link keeps them', async ({ page }) => {
    await page.goto('./?arch=resnet20&arch_hide=1&backend_hide=1&dataset_hide=1');
    await expect(page.getByTestId('total-params')).toBeVisible();
    await expect(page.getByTestId('arch-select')).toHaveCount(0);
    await expect(page.getByTestId('backend-select')).toHaveCount(0);
    await expect(page.getByTestId('dataset-select')).toHaveCount(0);
    await expect(page.getByTestId('epochs-input')).toBeVisible();
    await expect(page.getByTestId('summary-trainable-params')).toHaveText('269,722'); // ResNet-20, from the link
    await expect(page.getByTestId('share-url')).toHaveValue(/arch=resnet20&arch_hide=1&dataset_hide=1&backend_hide=1$/);
    await expect(page.getByTestId('url-notice')).toHaveCount(0);

    await page.getByTestId('hide-epochs').check();
    await expect(page.getByTestId('epochs-input')).toHaveCount(0);
    await expect(page).toHaveURL(/epochs_hide=1/);
    await page.getByTestId('hide-arch').uncheck();
    await expect(page.getByTestId('arch-select')).toHaveValue('resnet20');
    // A later experiment change keeps the flags in the address bar.
    await page.getByTestId('arch-select').selectOption('resnet32');
    await expect(page).toHaveURL(/arch=resnet32.*epochs_hide=1/);
    await page.reload();
    await expect(page.getByTestId('epochs-input')).toHaveCount(0);
    await expect(page.getByTestId('arch-select')).toHaveValue('resnet32');

    await page.goto('./?lang_hide=1&lessons_hide=1&share_hide=1');
    await expect(page.getByTestId('language-select')).toHaveCount(0);
    await expect(page.getByTestId('lesson-list')).toHaveCount(0);
    await expect(page.getByTestId('share-link')).toHaveCount(0);
  });

  test('presentation layout: large type by link or toggle', async ({ page }) => {
    await page.goto('./');
    const size = () => page.getByTestId('total-params').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const normal = await size();
    await page.getByTestId('present-toggle').check();
    await expect(page.locator('html')).toHaveClass(/present/);
    expect(await size()).toBeGreaterThan(normal * 1.3);
    await expect(page).toHaveURL(/present=1/);
    await page.goto('./?present=1');
    await expect(page.locator('html')).toHaveClass(/present/);
    await expect(page.getByTestId('present-toggle')).toBeChecked();
  });
});

test.describe('language', () => {
  test('switching to Japanese at run time translates headings and controls, and the link keeps it', async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('language-select').selectOption('ja');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('CNN プレイグラウンド');
    await expect(page.getByRole('heading', { name: 'ブラウザで訓練する' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'レッスン' })).toBeVisible();
    await expect(page.getByTestId('train-button')).toHaveText('訓練');
    await expect(page.getByRole('combobox', { name: 'データセット' })).toHaveValue('mnist');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page).toHaveURL(/lang=ja/);
    await page.reload();
    await expect(page.getByTestId('train-button')).toHaveText('訓練');
    await page.getByTestId('language-select').selectOption('en');
    await expect(page.getByTestId('train-button')).toHaveText('Train');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('?lang=ja opens in Japanese, with locale-formatted numbers', async ({ page }) => {
    await page.goto('./?lang=ja&arch=vgg16');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('CNN プレイグラウンド');
    await expect(page.getByTestId('total-params')).toHaveText((138357544).toLocaleString('ja-JP'));
  });
});

test.describe('keyboard', () => {
  test('every classroom control is reachable with Tab and shows a visible focus ring', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByTestId('backend-status')).toContainText(/\b(webgpu|webgl|wasm|cpu)\b/, { timeout: 60_000 });
    const wanted = new Set(['language-select', 'arch-select', 'lesson-link-keras-workflow', 'share-link', 'present-toggle', 'train-button']);
    const seen = new Set<string>();
    for (let i = 0; i < 80 && seen.size < wanted.size; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return { id: el.dataset.testid ?? '', outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (focused && wanted.has(focused.id)) {
        expect(focused.outline, `${focused.id} shows a focus ring`).toBe(true);
        seen.add(focused.id);
      }
    }
    expect([...seen].sort()).toEqual([...wanted].sort());
  });
});
