import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseSummaryArgs, UsageError } from './summaryArgs';

describe('parseSummaryArgs', () => {
  it('parses every flag', () => {
    expect(parseSummaryArgs(['alexnet', '--input', '227,227,3', '--classes', '10', '--width', '0.5', '--variant', 'paper', '--groups', '2', '--no-top', '--json'])).toEqual({
      arch: 'alexnet',
      options: { input: [227, 227, 3], classes: 10, width: 0.5, variant: 'paper', groups: 2, noTop: true },
      json: true,
    });
    expect(parseSummaryArgs(['resnet50', '--no-conv-bias', '--classes=5']).options).toEqual({ convBias: false, classes: 5 });
    expect(parseSummaryArgs(['googlenet', '--aux']).options).toEqual({ aux: true });
  });
  it.each([[['--json']], [['a', 'b']], [['vgg16', '--input', '1,2']], [['vgg16', '--classes', 'ten']], [['vgg16', '--width']], [['vgg16', '--frobnicate']]])(
    'refuses %j',
    (argv) => {
      expect(() => parseSummaryArgs(argv)).toThrow(UsageError);
    },
  );
});

describe('npm run summary (the CLI, end to end)', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/summary.ts', ...args], { encoding: 'utf8' });

  it('prints JSON for ResNet-50', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/summary.ts', 'resnet50', '--json'], { encoding: 'utf8' });
    const json = JSON.parse(out);
    expect(json).toMatchObject({ arch: 'resnet50', inputShape: [224, 224, 3], outputShape: [1000], totalParams: 25_636_712, trainableParams: 25_583_592, nonTrainableParams: 53_120 });
    expect(json.layers.length).toBeGreaterThan(100);
  });

  it("AlexNet (torchvision) defaults to torchvision's documented 224×224×3 input and says so", () => {
    const json = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/summary.ts', 'alexnet', '--variant', 'torchvision', '--json'], { encoding: 'utf8' }));
    expect(json).toMatchObject({ arch: 'alexnet', inputShape: [224, 224, 3], totalParams: 61_100_840, macs: 714_188_480 });
    expect(json.source).toContain('torchvision.models.alexnet');
  });

  it('prints the 1998 LeNet-5 with the paper\'s parameters and connections per layer', () => {
    const text = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/summary.ts', 'lenet5', '--variant', '1998'], { encoding: 'utf8' });
    expect(text).toMatch(/c1_conv \(Conv2D\)\s+\(None, 28, 28, 6\)\s+156\s+122,304/);
    expect(text).toMatch(/c3_conv \(TableConv2D\)\s+\(None, 10, 10, 16\)\s+1,516\s+151,600/);
    expect(text).toMatch(/c5_conv \(Conv2D\)\s+\(None, 1, 1, 120\)\s+48,120\s+48,120/);
    expect(text).toContain('Trainable params: 60,000');
  });

  it('an unknown arch or a bad option is one line on stderr and exit code 2', () => {
    for (const args of [['lenet6'], ['vgg16', '--groups', '2'], ['lenet5', '--variant', 'classic', '--input', '20,20,1'], ['vgg16', '--oops'], ['lenet5', '--variant', '1998', '--width', '0.5']]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
