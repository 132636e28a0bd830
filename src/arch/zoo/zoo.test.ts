import { describe, expect, it } from 'vitest';
import { inferGraph } from '../inferGraph';
import { sayMessage } from '../../messages/index';
import { ArchError } from '../types';
import { ARCH_IDS, buildArch, defaultInputOf, zooEntry, type ArchOptions } from './index';

/** Published figures: Keras applications, torchvision, and the papers. */
const REFERENCE: { id: string; options?: ArchOptions; total: number; trainable?: number; nonTrainable?: number; macs?: number; output: number[] }[] = [
  { id: 'lenet5', total: 61_706, macs: 416_520, output: [10] },
  { id: 'lenet5', options: { variant: 'classic' }, total: 61_706, macs: 416_520, output: [10] },
  { id: 'lenet5', options: { variant: '1998' }, total: 60_840, trainable: 60_000, nonTrainable: 840, macs: 328_096, output: [10] },
  { id: 'alexnet', total: 62_378_344, output: [1000] },
  // torchvision documents 61.1 M parameters and 0.71 GFLOPS at 224×224.
  { id: 'alexnet', options: { variant: 'torchvision' }, total: 61_100_840, macs: 714_188_480, output: [1000] },
  { id: 'vgg16', total: 138_357_544, output: [1000] },
  { id: 'vgg16', options: { noTop: true }, total: 14_714_688, output: [7, 7, 512] },
  { id: 'vgg19', total: 143_667_240, output: [1000] },
  { id: 'vgg11', total: 132_863_336, output: [1000] },
  { id: 'vgg13', total: 133_047_848, output: [1000] },
  { id: 'resnet50', total: 25_636_712, trainable: 25_583_592, nonTrainable: 53_120, output: [1000] },
  { id: 'resnet50', options: { convBias: false }, total: 25_610_152, trainable: 25_557_032, nonTrainable: 53_120, output: [1000] },
  { id: 'resnet101', total: 44_707_176, trainable: 44_601_832, output: [1000] },
  { id: 'resnet152', total: 60_419_944, trainable: 60_268_520, output: [1000] },
  { id: 'resnet18', options: { convBias: false }, total: 11_699_112, trainable: 11_689_512, output: [1000] },
  { id: 'resnet34', options: { convBias: false }, total: 21_814_696, trainable: 21_797_672, output: [1000] },
  { id: 'resnet20', total: 271_098, trainable: 269_722, output: [10] },
  { id: 'plain20', total: 271_098, trainable: 269_722, output: [10] },
  { id: 'resnet56', trainable: 853_018, total: 853_018 + 2 * 2032, output: [10] },
  { id: 'resnet110', trainable: 1_727_962, total: 1_727_962 + 2 * 4048, output: [10] },
  { id: 'googlenet', total: 6_998_552, output: [1000] },
];

describe('zoo reproduces the published figures at defaults', () => {
  it.each(REFERENCE)('$id $options', ({ id, options, total, trainable, nonTrainable, macs, output }) => {
    const info = inferGraph(buildArch(id, options));
    expect(info.totalParams).toBe(total);
    if (trainable !== undefined) expect(info.trainableParams).toBe(trainable);
    if (nonTrainable !== undefined) expect(info.nonTrainableParams).toBe(nonTrainable);
    if (macs !== undefined) expect(info.macs).toBe(macs);
    expect(info.outputShape).toEqual(output);
  });
});

describe('every variant follows a named source, on the input its source documents', () => {
  const variants = ARCH_IDS.flatMap((id) => (zooEntry(id).variants.length ? zooEntry(id).variants : [undefined]).map((variant) => ({ id, variant })));

  it.each(variants)('$id $variant says its source in English and Japanese', ({ id, variant }) => {
    const graph = buildArch(id, variant ? { variant } : {});
    expect(graph.source).toBeDefined();
    const info = inferGraph(graph);
    expect(info.source).toEqual(graph.source);
    const en = sayMessage(graph.source ?? { code: '', params: {} }, 'en');
    expect(en).not.toMatch(/^zoo\./);
    expect(sayMessage(graph.source ?? { code: '', params: {} }, 'ja')).not.toMatch(/^zoo\./);
    // The source names the input the network is built on by default.
    expect(en).toContain(info.inputShape.slice(0, 2).join('×'));
  });

  it.each([
    ['lenet5', undefined, [32, 32, 1]],
    ['lenet5', '1998', [32, 32, 1]],
    ['alexnet', 'paper', [227, 227, 3]],
    ['alexnet', 'torchvision', [224, 224, 3]],
    ['vgg16', undefined, [224, 224, 3]],
    ['resnet50', undefined, [224, 224, 3]],
    ['resnet20', undefined, [32, 32, 3]],
    ['googlenet', undefined, [224, 224, 3]],
  ] as const)('%s %s defaults to %j', (id, variant, input) => {
    expect(defaultInputOf(zooEntry(id), variant)).toEqual(input);
    expect(inferGraph(buildArch(id, variant ? { variant } : {})).inputShape).toEqual(input);
  });

  it('an explicit input still wins over a variant default', () => {
    expect(inferGraph(buildArch('alexnet', { variant: 'torchvision', input: [227, 227, 3] })).inputShape).toEqual([227, 227, 3]);
  });

  it('ResNets say whether they follow Keras or torchvision', () => {
    expect(sayMessage(buildArch('resnet50').source ?? { code: '', params: {} }, 'en')).toContain('Keras applications ResNet50');
    expect(sayMessage(buildArch('resnet18', { convBias: false }).source ?? { code: '', params: {} }, 'en')).toContain("torchvision's resnet18");
    expect(sayMessage(buildArch('resnet18').source ?? { code: '', params: {} }, 'en')).toContain('Keras has no ResNet-18');
  });
});

describe('shapes', () => {
  it('LeNet-5 shrinks H×W while channels grow', () => {
    const shapes = Object.fromEntries(inferGraph(buildArch('lenet5')).layers.map((l) => [l.name, l.outputShape]));
    expect(shapes.c1_conv).toEqual([28, 28, 6]);
    expect(shapes.s2_pool).toEqual([14, 14, 6]);
    expect(shapes.c3_conv).toEqual([10, 10, 16]);
    expect(shapes.s4_pool).toEqual([5, 5, 16]);
  });

  it('VGG-16 stage outputs 112×112×64 … 7×7×512', () => {
    const layers = inferGraph(buildArch('vgg16')).layers;
    const pools = layers.filter((l) => l.kind === 'maxPool').map((l) => l.outputShape);
    expect(pools).toEqual([[112, 112, 64], [56, 56, 128], [28, 28, 256], [14, 14, 512], [7, 7, 512]]);
    expect(layers.filter((l) => l.kind === 'conv2d')).toHaveLength(13);
    expect(layers.filter((l) => l.kind === 'dense')).toHaveLength(3);
  });

  it('AlexNet (paper) maps 227 → 55 → 27 → 13 → 6', () => {
    const s = Object.fromEntries(inferGraph(buildArch('alexnet')).layers.map((l) => [l.name, l.outputShape]));
    expect(s.conv1).toEqual([55, 55, 96]);
    expect(s.pool1).toEqual([27, 27, 96]);
    expect(s.pool2).toEqual([13, 13, 256]);
    expect(s.pool5).toEqual([6, 6, 256]);
    expect(inferGraph(buildArch('alexnet')).layers.filter((l) => l.kind === 'lrn')).toHaveLength(2);
  });

  it('AlexNet --groups 2 halves the weights of conv2, conv4, conv5', () => {
    const one = Object.fromEntries(inferGraph(buildArch('alexnet')).layers.map((l) => [l.name, l.params]));
    const two = Object.fromEntries(inferGraph(buildArch('alexnet', { groups: 2 })).layers.map((l) => [l.name, l.params]));
    expect(two.conv2).toBe((5 * 5 * 48 * 256) + 256);
    expect(two.conv3).toBe(one.conv3);
    expect(two.conv4).toBe(3 * 3 * 192 * 384 + 384);
    expect(two.conv5).toBe(3 * 3 * 192 * 256 + 256);
  });

  it('ResNet-50 stages end at 56, 28, 14, 7 with 256…2048 channels', () => {
    const s = Object.fromEntries(inferGraph(buildArch('resnet50')).layers.map((l) => [l.name, l.outputShape]));
    expect(s.pool1_pool).toEqual([56, 56, 64]);
    expect(s.conv2_block3_out).toEqual([56, 56, 256]);
    expect(s.conv3_block4_out).toEqual([28, 28, 512]);
    expect(s.conv4_block6_out).toEqual([14, 14, 1024]);
    expect(s.conv5_block3_out).toEqual([7, 7, 2048]);
  });

  it('CIFAR ResNet-20 has 19 convs + 1 FC, option-A shortcuts at the two stage changes', () => {
    const g = buildArch('resnet20');
    const layers = inferGraph(g).layers;
    expect(layers.filter((l) => l.kind === 'conv2d')).toHaveLength(19);
    expect(layers.filter((l) => l.kind === 'add')).toHaveLength(9);
    expect(layers.filter((l) => l.kind === 'padShortcut').map((l) => l.name)).toEqual(['stage2_block1_0_pad', 'stage3_block1_0_pad']);
    expect(inferGraph(buildArch('plain20')).layers.filter((l) => l.kind === 'add')).toHaveLength(0);
  });

  it('GoogLeNet modules output 256, 480, 512, 512, 512, 528, 832, 832, 1024 channels', () => {
    const layers = inferGraph(buildArch('googlenet')).layers;
    const concats = layers.filter((l) => l.kind === 'concat').map((l) => l.outputShape);
    expect(concats).toEqual([
      [28, 28, 256], [28, 28, 480], [14, 14, 512], [14, 14, 512], [14, 14, 512], [14, 14, 528], [14, 14, 832], [7, 7, 832], [7, 7, 1024],
    ]);
  });

  it('GoogLeNet --aux adds two auxiliary outputs weighted 0.3', () => {
    const g = buildArch('googlenet', { aux: true });
    expect(g.outputs.map((o) => [o.role, o.lossWeight])).toEqual([['main', 1], ['aux', 0.3], ['aux', 0.3]]);
    const s = Object.fromEntries(inferGraph(g).layers.map((l) => [l.name, l]));
    expect(s.aux1_avgpool.outputShape).toEqual([4, 4, 512]);
    expect(s.aux2_avgpool.outputShape).toEqual([4, 4, 528]);
    expect(s.aux1_fc.params).toBe(2048 * 1024 + 1024);
    // Each auxiliary head: conv 1×1 128 + FC 1024 + FC 1000.
    const aux = (c: number) => c * 128 + 128 + 2048 * 1024 + 1024 + 1024 * 1000 + 1000;
    expect(inferGraph(g).totalParams).toBe(6_998_552 + aux(512) + aux(528));
  });
});

describe('options', () => {
  it.each(ARCH_IDS)('%s builds at width 0.25 on a small input with 5 classes', (id) => {
    const small = id === 'lenet5' ? [32, 32, 1] : id.startsWith('resnet') || id.startsWith('plain') ? [32, 32, 3] : [64, 64, 3];
    const input = id === 'alexnet' ? [67, 67, 3] : id.match(/^resnet\d{2,3}$/) && !['resnet20', 'resnet32', 'resnet44', 'resnet56', 'resnet110'].includes(id) ? [64, 64, 3] : small;
    const info = inferGraph(buildArch(id, { width: 0.25, classes: 5, input: input as [number, number, number] }));
    expect(info.outputShape).toEqual([5]);
    expect(info.totalParams).toBeGreaterThan(0);
  });

  it('width multiplier scales channels', () => {
    const full = inferGraph(buildArch('resnet20')).layers.find((l) => l.name === 'conv1_conv');
    const half = inferGraph(buildArch('resnet20', { width: 0.5 })).layers.find((l) => l.name === 'conv1_conv');
    expect(full?.outputShape).toEqual([32, 32, 16]);
    expect(half?.outputShape).toEqual([32, 32, 8]);
  });

  it('a 20×20 input to classic LeNet-5 is an error naming the layer and shapes', () => {
    expect(() => inferGraph(buildArch('lenet5', { variant: 'classic', input: [20, 20, 1] }))).toThrow(/c5_conv.*2×2×16/);
  });

  it('rejects unknown ids, variants and options with ArchError', () => {
    expect(() => buildArch('lenet6')).toThrow(ArchError);
    expect(() => buildArch('lenet5', { variant: 'retro' })).toThrow(/variant "retro"/);
    expect(() => buildArch('vgg16', { groups: 2 })).toThrow(/--groups/);
    expect(() => buildArch('vgg16', { aux: true })).toThrow(/--aux/);
    expect(() => buildArch('vgg16', { width: 0 })).toThrow(/--width/);
    expect(() => buildArch('vgg16', { classes: 1.5 })).toThrow(/--classes/);
    expect(() => buildArch('vgg16', { input: [0, 224, 3] })).toThrow(/--input/);
  });

  it('never yields NaN or negative sizes: tiny inputs to deep nets throw', () => {
    for (const id of ['vgg16', 'alexnet', 'lenet5']) {
      expect(() => inferGraph(buildArch(id, { input: [8, 8, 3] }))).toThrow(ArchError);
    }
    // "same"-padded networks shrink to 1×1 but never below; GoogLeNet's auxiliary 5×5/3 pool needs ≥ 5×5.
    expect(inferGraph(buildArch('googlenet', { input: [8, 8, 3] })).outputShape).toEqual([1000]);
    expect(() => inferGraph(buildArch('googlenet', { input: [64, 64, 3], aux: true }))).toThrow(/aux1_avgpool/);
  });
});
