/**
 * The outcome suite's cases: every zoo network at the preset the picker gives it, and every lesson's
 * experiment, each with the claim it must reproduce on a CPU-only laptop. Each case drives the real app
 * (appPage.ts) and returns what it measured; none of them knows the answer in advance.
 */
import type { Page } from '@playwright/test';
import { ZOO } from '../../src/arch/index';
import { lessonHref } from '../../src/ui/classroom/lessons';
import { idle, openApp, trainAndEvaluate, valueOf } from './appPage';

export interface CaseContext {
  page: Page;
  /** The app's URL, ending in `/`. */
  appUrl: string;
}

export interface CaseOutcome {
  measured: string;
  pass: boolean;
  seconds: number;
  values: Record<string, number>;
}

export interface LessonCase {
  id: string;
  claim: string;
  /** A deadline for the whole case (the runner gives up after it). */
  timeoutSec: number;
  run: (ctx: CaseContext) => Promise<CaseOutcome>;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const secs = (v: number) => `${v.toFixed(0)} s`;

/** A zoo network at the picker's preset on MNIST: its training recipe, and its smaller copy where the recipe has one. */
export interface NetworkPreset {
  arch: string;
  variant?: string;
  aux?: boolean;
  /** Test accuracy it must reach (MNIST: chance is 10 %). */
  minAccuracy: number;
  /** Wall-clock budget of Train → evaluated, seconds. */
  budgetSec: number;
  /** Extra URL settings (the short CI subset trains less). */
  extra?: string;
}

const presetName = (p: NetworkPreset) => `${p.arch}${p.variant ? `-${p.variant}` : ''}${p.aux ? '-aux' : ''}`;

/** One network's preset: open `?arch=…`, press Train, read the test accuracy. */
export function networkCase(p: NetworkPreset): LessonCase {
  const title = `${ZOO.get(p.arch)?.title ?? p.arch}${p.variant ? ` (${p.variant})` : ''}${p.aux ? ' + aux' : ''}`;
  return {
    id: `net:${presetName(p)}`,
    claim: `${title} learns at its preset: test accuracy ≥ ${pct(p.minAccuracy)} on MNIST (chance 10 %) within ${p.budgetSec} s`,
    timeoutSec: p.budgetSec * 3 + 60,
    run: async ({ page, appUrl }) => {
      const query = new URLSearchParams({ arch: p.arch, ...(p.variant ? { variant: p.variant } : {}), ...(p.aux ? { aux: '1' } : {}) });
      await openApp(page, appUrl, `${query}${p.extra ? `&${p.extra}` : ''}`);
      const r = await trainAndEvaluate(page, p.budgetSec * 3);
      return {
        measured: `test accuracy ${pct(r.testAccuracy)} in ${secs(r.seconds)}`,
        pass: r.testAccuracy >= p.minAccuracy && r.seconds <= p.budgetSec,
        seconds: r.seconds,
        values: { testAccuracy: r.testAccuracy, seconds: r.seconds },
      };
    },
  };
}

/** Opens a lesson's own link (as its card's button does) with a seed. */
async function openLesson(ctx: CaseContext, id: Parameters<typeof lessonHref>[0], seed: number, extra = ''): Promise<void> {
  await openApp(ctx.page, ctx.appUrl, `${lessonHref(id)}&seed=${seed}${extra ? `&${extra}` : ''}`);
}

async function selectAndWait(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).selectOption(value);
  await idle(page);
}

/** Lesson 1: both LeNet-5s learn; the 1998 one (or classic, where 1998 is not in the zoo) more slowly. */
export function lenetThenAndNow(seed: number, extra = ''): LessonCase {
  const then = ZOO.get('lenet5')?.variants.includes('1998') ? '1998' : 'classic';
  return {
    id: `lesson:lenet-then-and-now:seed-${seed}`,
    claim: `LeNet-5 ${then} and modern both learn (test accuracy ≥ 80 %) with the lesson's budget; ${then} ends lower or slower`,
    timeoutSec: 600,
    run: async (ctx) => {
      await openLesson(ctx, 'lenet-then-and-now', seed, extra);
      await selectAndWait(ctx.page, 'variant-select', then);
      const a = await trainAndEvaluate(ctx.page, 240);
      await selectAndWait(ctx.page, 'variant-select', 'modern');
      const b = await trainAndEvaluate(ctx.page, 240);
      const slower = a.testAccuracy < b.testAccuracy || a.seconds > b.seconds;
      return {
        measured: `${then} ${pct(a.testAccuracy)} in ${secs(a.seconds)}, modern ${pct(b.testAccuracy)} in ${secs(b.seconds)}: ${then} ${((b.testAccuracy - a.testAccuracy) * 100).toFixed(1)} points lower, ${(a.seconds / b.seconds).toFixed(1)}× the time`,
        pass: a.testAccuracy >= 0.8 && b.testAccuracy >= 0.8 && slower,
        seconds: a.seconds + b.seconds,
        values: { thenAccuracy: a.testAccuracy, modernAccuracy: b.testAccuracy, thenSeconds: a.seconds, modernSeconds: b.seconds },
      };
    },
  };
}

/** Lesson 2: AlexNet and VGG both learn at the lesson's settings; their parameters and MACs are shown side by side. */
export function goingDeeper(seed: number): LessonCase {
  return {
    id: `lesson:going-deeper:seed-${seed}`,
    claim: 'AlexNet and VGG-11 both learn at the lesson’s settings (their picker presets): test accuracy ≥ 50 % (chance 10 %), each within the presets’ 180 s',
    timeoutSec: 900,
    run: async (ctx) => {
      await openLesson(ctx, 'going-deeper', seed);
      const vgg = await trainAndEvaluate(ctx.page, 300);
      const vggParams = Number((await ctx.page.getByTestId('total-params').textContent())?.replace(/\D/g, ''));
      await selectAndWait(ctx.page, 'arch-select', 'alexnet');
      const alex = await trainAndEvaluate(ctx.page, 300);
      const alexParams = Number((await ctx.page.getByTestId('total-params').textContent())?.replace(/\D/g, ''));
      return {
        measured: `VGG-11 ${pct(vgg.testAccuracy)} in ${secs(vgg.seconds)}, AlexNet ${pct(alex.testAccuracy)} in ${secs(alex.seconds)} (summaries: VGG-11 ${vggParams.toLocaleString('en-US')} parameters, AlexNet ${alexParams.toLocaleString('en-US')})`,
        pass: vgg.testAccuracy >= 0.5 && alex.testAccuracy >= 0.5 && vgg.seconds <= 180 && alex.seconds <= 180,
        seconds: vgg.seconds + alex.seconds,
        values: { vggAccuracy: vgg.testAccuracy, alexnetAccuracy: alex.testAccuracy, vggSeconds: vgg.seconds, alexnetSeconds: alex.seconds },
      };
    },
  };
}

/** Lesson 3: the depth experiment's lecture preset shows degradation for plain nets, none for residual ones. */
export function whyResnet(seed: number, preset = 'lecture', budgetSec = 300): LessonCase {
  return {
    id: `lesson:why-resnet:seed-${seed}`,
    claim: `depth experiment (${preset}): the deeper plain net ends ≥ 10 points higher in training error than the shallower one; the deeper residual net no more than 2 points higher than the shallower one; within ${budgetSec} s`,
    timeoutSec: budgetSec * 3,
    run: async (ctx) => {
      await openLesson(ctx, 'why-resnet', seed);
      const panel = ctx.page.getByTestId('depth-experiment');
      await panel.getByTestId('depth-preset').selectOption(preset);
      await panel.getByTestId('depth-seed').fill(String(seed));
      const t0 = Date.now();
      await panel.getByTestId('depth-run').click();
      await panel.locator('[data-testid="depth-result"], [data-testid="depth-error"]').first().waitFor({ state: 'visible', timeout: budgetSec * 3 * 1000 });
      const seconds = (Date.now() - t0) / 1000;
      if ((await panel.getByTestId('depth-error').count()) > 0) throw new Error((await panel.getByTestId('depth-error').textContent()) ?? 'depth error');
      const rows = await panel.getByTestId('depth-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        arch: tr.getAttribute('data-arch') ?? '', error: Number(tr.querySelector('[data-testid="depth-train-error"]')?.getAttribute('data-value')),
      })));
      const depthOf = (a: string) => Number(a.replace(/\D/g, ''));
      const family = (f: string) => rows.filter((r) => r.arch.startsWith(f)).sort((x, y) => depthOf(x.arch) - depthOf(y.arch));
      const plain = family('plain');
      const res = family('resnet');
      const [p0, p1, r0, r1] = [plain[0], plain.at(-1), res[0], res.at(-1)];
      if (!p0 || !p1 || !r0 || !r1 || p0 === p1) throw new Error(`depth table lacks a pair: ${JSON.stringify(rows)}`);
      const plainGap = p1.error - p0.error;
      const resGap = r1.error - r0.error;
      return {
        measured: `training error ${p0.arch} ${pct(p0.error)} → ${p1.arch} ${pct(p1.error)} (${(plainGap * 100).toFixed(1)} points); ${r0.arch} ${pct(r0.error)} → ${r1.arch} ${pct(r1.error)} (${(resGap * 100).toFixed(1)} points) in ${secs(seconds)}`,
        pass: plainGap >= 0.1 && resGap <= 0.02 && seconds <= budgetSec,
        seconds,
        values: { plainShallow: p0.error, plainDeep: p1.error, residualShallow: r0.error, residualDeep: r1.error, seconds },
      };
    },
  };
}

/** Lesson 4: the 1×1 bottleneck's cost figures, as the course gives them. */
export function inceptionCost(): LessonCase {
  return {
    id: 'lesson:inception-cost',
    claim: 'the cost explorer shows 120,422,400 multiplications for the 5×5 convolution and 12,443,648 through the 16-channel 1×1 bottleneck (about 10× fewer)',
    timeoutSec: 120,
    run: async (ctx) => {
      const t0 = Date.now();
      await openLesson(ctx, 'inception-cost', 42);
      const number = async (id: string) => Number(((await ctx.page.getByTestId(id).textContent()) ?? '').replace(/\D/g, ''));
      await ctx.page.getByTestId('cost-direct').waitFor({ state: 'visible', timeout: 60_000 });
      const direct = await number('cost-direct');
      const withBottleneck = await number('cost-with');
      return {
        measured: `${direct.toLocaleString('en-US')} vs ${withBottleneck.toLocaleString('en-US')} (${(direct / withBottleneck).toFixed(1)}×)`,
        pass: direct === 120_422_400 && withBottleneck === 12_443_648,
        seconds: (Date.now() - t0) / 1000,
        values: { direct, withBottleneck },
      };
    },
  };
}

/** Lesson 5: transfer beats scratch with little data; Train in transfer mode gives the comparison's own result. */
export function transferLittleData(seed: number): LessonCase {
  return {
    id: `lesson:transfer-little-data:seed-${seed}`,
    claim: 'with 5 images per class of the digits 5–9, LeNet-5 pretrained on the digits 0–4 (new head, frozen base) beats training from scratch by ≥ 10 points of test accuracy; Train in transfer mode gets the comparison’s transfer result (±2 points)',
    timeoutSec: 600,
    run: async (ctx) => {
      const page = ctx.page;
      await openLesson(ctx, 'transfer-little-data', seed);
      const t0 = Date.now();
      await page.getByTestId('base-select').selectOption('lenet5-mnist-0to4');
      await page.getByTestId('load-base').click();
      await page.getByTestId('base-info').waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('[data-testid="class-choice"]').first().waitFor({ state: 'attached', timeout: 60_000 });
      for (const digit of [5, 6, 7, 8, 9]) await page.locator(`[data-testid="class-choice"][value="${digit}"]`).check();
      await page.getByTestId('transfer-per-class').fill('5');
      await page.getByTestId('apply-head').click();
      await page.getByTestId('transfer-installed').waitFor({ state: 'visible', timeout: 60_000 });
      await page.getByTestId('transfer-compare-button').click();
      await page.getByTestId('transfer-compare-result').waitFor({ state: 'visible', timeout: 300_000 });
      const scratch = (await valueOf(page, 'transfer-compare-scratch')) ?? NaN;
      const transfer = (await valueOf(page, 'transfer-compare-transfer')) ?? NaN;
      await idle(page);
      const viaTrain = await trainAndEvaluate(page, 300);
      const seconds = (Date.now() - t0) / 1000;
      return {
        measured: `scratch ${pct(scratch)}, transfer ${pct(transfer)} (+${((transfer - scratch) * 100).toFixed(1)} points); Train in transfer mode ${pct(viaTrain.testAccuracy)}`,
        pass: transfer - scratch >= 0.1 && Math.abs(viaTrain.testAccuracy - transfer) <= 0.02,
        seconds,
        values: { scratch, transfer, viaTrain: viaTrain.testAccuracy, seconds },
      };
    },
  };
}

/**
 * Lesson 6: with little data, augmentation narrows the train–validation gap and raises validation accuracy.
 * `epochs` shortens the comparison as a student would, in the panel's own field (CI's reduced budget);
 * omitted, the lesson's 40.
 */
export function augmentation(seed: number, epochs?: number): LessonCase {
  return {
    id: `lesson:augmentation:seed-${seed}${epochs ? `:${epochs}-epochs` : ''}`,
    claim: `at the lesson’s settings${epochs ? ` (${epochs} epochs)` : ''}, the augmented run ends with a smaller train–validation gap and a higher validation accuracy (≥ +1 point) than the plain run`,
    timeoutSec: 600,
    run: async (ctx) => {
      const page = ctx.page;
      await openLesson(ctx, 'augmentation', seed);
      const panel = page.getByTestId('augment-experiment');
      if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').first().click();
      if (epochs) await panel.getByTestId('compare-epochs').fill(String(epochs));
      const t0 = Date.now();
      await panel.getByTestId('compare-run').click();
      await panel.getByTestId('compare-progress').waitFor({ state: 'visible', timeout: 60_000 });
      await panel.getByTestId('compare-progress').waitFor({ state: 'detached', timeout: 500_000 });
      const seconds = (Date.now() - t0) / 1000;
      if ((await panel.getByTestId('compare-error').count()) > 0) throw new Error((await panel.getByTestId('compare-error').textContent()) ?? 'compare error');
      const row = async (run: string, attr: string) => Number(await panel.getByTestId(`compare-row-${run}`).getAttribute(attr));
      const [plainVal, plainGap, augVal, augGap] = [await row('plain', 'data-final'), await row('plain', 'data-gap'), await row('augmented', 'data-final'), await row('augmented', 'data-gap')];
      return {
        measured: `validation ${pct(plainVal)} → ${pct(augVal)} with augmentation; train–validation gap ${(plainGap * 100).toFixed(1)} → ${(augGap * 100).toFixed(1)} points, in ${secs(seconds)}`,
        pass: augGap < plainGap && augVal >= plainVal + 0.01,
        seconds,
        values: { plainVal, plainGap, augVal, augGap, seconds },
      };
    },
  };
}

/** Lesson 7: the headline metrics are epoch means, and the validation accuracy predicts the test accuracy. */
export function kerasWorkflow(seed: number): LessonCase {
  return {
    id: `lesson:keras-workflow:seed-${seed}`,
    claim: 'the headline accuracy is labelled as the epoch’s running mean, and the validation accuracy is within 3 points of the test accuracy',
    timeoutSec: 400,
    run: async (ctx) => {
      await openLesson(ctx, 'keras-workflow', seed);
      const r = await trainAndEvaluate(ctx.page, 300);
      const label = (await ctx.page.getByTestId('metric-accuracy').locator('xpath=..').textContent()) ?? '';
      const val = r.valAccuracy ?? NaN;
      return {
        measured: `validation ${pct(val)}, test ${pct(r.testAccuracy)} (${((val - r.testAccuracy) * 100).toFixed(1)} points); headline “${label.trim()}”`,
        pass: Math.abs(val - r.testAccuracy) <= 0.03 && /epoch mean/.test(label),
        seconds: r.seconds,
        values: { valAccuracy: val, testAccuracy: r.testAccuracy, seconds: r.seconds },
      };
    },
  };
}

/**
 * The networks the issue names, each at the picker's preset, with what it must reach and how fast
 * (seconds from Train to the test accuracy over all 2,000 bundled MNIST test images; README). Plain-56
 * is lesson 3's network that trains worse: its bar is 2.5× chance, not 50 % (every recipe tried is in
 * src/recipes/recipes.ts).
 */
export const NETWORK_PRESETS: readonly NetworkPreset[] = [
  { arch: 'lenet5', minAccuracy: 0.9, budgetSec: 180 },
  { arch: 'lenet5', variant: 'classic', minAccuracy: 0.9, budgetSec: 120 },
  ...(ZOO.get('lenet5')?.variants.includes('1998') ? [{ arch: 'lenet5', variant: '1998', minAccuracy: 0.8, budgetSec: 180 }] : []),
  { arch: 'alexnet', minAccuracy: 0.5, budgetSec: 180 },
  { arch: 'vgg11', minAccuracy: 0.5, budgetSec: 180 },
  { arch: 'vgg16', minAccuracy: 0.5, budgetSec: 180 },
  { arch: 'resnet18', minAccuracy: 0.5, budgetSec: 180 },
  { arch: 'resnet50', minAccuracy: 0.5, budgetSec: 240 },
  { arch: 'resnet20', minAccuracy: 0.5, budgetSec: 240 },
  { arch: 'resnet56', minAccuracy: 0.5, budgetSec: 240 },
  { arch: 'plain20', minAccuracy: 0.5, budgetSec: 240 },
  { arch: 'plain56', minAccuracy: 0.25, budgetSec: 300 },
  { arch: 'googlenet', minAccuracy: 0.5, budgetSec: 180 },
  { arch: 'googlenet', aux: true, minAccuracy: 0.5, budgetSec: 240 },
];

/**
 * The presets the going-deeper lesson already trains: its link opens VGG-11 at the picker's preset and
 * switching to AlexNet applies AlexNet's, and its claim holds them to the presets' bar and budget
 * (≥ 50 %, ≤ 180 s) on every seed — so the full suite does not train them a fourth time.
 */
const COVERED_BY_GOING_DEEPER = new Set(['alexnet', 'vgg11']);

/** Every case of the full suite: the network presets, then each lesson over `seeds`. */
export function fullSuite(seeds: readonly number[]): LessonCase[] {
  return [
    ...NETWORK_PRESETS.filter((p) => !COVERED_BY_GOING_DEEPER.has(p.arch)).map(networkCase),
    ...seeds.map((s) => lenetThenAndNow(s)),
    ...seeds.map(goingDeeper),
    ...seeds.map((s) => whyResnet(s)),
    inceptionCost(),
    ...seeds.map(transferLittleData),
    ...seeds.map((s) => augmentation(s)), // not map(augmentation): the index would become its epochs
    ...seeds.map(kerasWorkflow),
  ];
}
