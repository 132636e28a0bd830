import { archError } from '../types';
import type { ArchGraph } from '../types';
import { alexnet } from './alexnet';
import { cifarNet, type CifarDepth } from './cifarResnet';
import { googlenet } from './googlenet';
import { lenet5 } from './lenet';
import { validateOptions, type ArchOptions, type ResolvedOptions } from './options';
import { imagenetResnet, RESNET_STAGES } from './resnet';
import { vgg, VGG_STAGES } from './vgg';

export type { ArchOptions, ResolvedOptions } from './options';

export type ArchFamily = 'lenet' | 'alexnet' | 'vgg' | 'resnet' | 'cifar-resnet' | 'plain' | 'googlenet';

/** Which options a network understands beyond input, classes and width. */
export interface ZooFlags {
  readonly groups?: boolean;
  readonly convBias?: boolean;
  readonly aux?: boolean;
}

/** One network of the zoo: its reference defaults and its builder. */
export interface ZooEntry {
  readonly id: string;
  readonly family: ArchFamily;
  readonly title: string;
  readonly year: number;
  readonly defaultInput: readonly [number, number, number];
  readonly defaultClasses: number;
  /** Variants, the first being the default. */
  readonly variants: readonly string[];
  readonly flags: ZooFlags;
  /** Default for `convBias` (Keras' ResNets have conv biases; CIFAR ResNets have none). */
  readonly defaultConvBias: boolean;
  readonly build: (o: ResolvedOptions) => ArchGraph;
}

const IMAGENET: readonly [number, number, number] = [224, 224, 3];
const CIFAR: readonly [number, number, number] = [32, 32, 3];

const entries: ZooEntry[] = [
  { id: 'lenet5', family: 'lenet', title: 'LeNet-5', year: 1998, defaultInput: [32, 32, 1], defaultClasses: 10, variants: ['modern', 'classic'], flags: {}, defaultConvBias: true, build: lenet5 },
  { id: 'alexnet', family: 'alexnet', title: 'AlexNet', year: 2012, defaultInput: [227, 227, 3], defaultClasses: 1000, variants: ['paper', 'torchvision'], flags: { groups: true }, defaultConvBias: true, build: alexnet },
  ...(Object.keys(VGG_STAGES) as (keyof typeof VGG_STAGES)[]).map((id): ZooEntry => ({
    id, family: 'vgg', title: `VGG-${id.slice(3)}`, year: 2014, defaultInput: IMAGENET, defaultClasses: 1000, variants: [], flags: {}, defaultConvBias: true, build: (o) => vgg(id, o),
  })),
  ...(Object.keys(RESNET_STAGES) as (keyof typeof RESNET_STAGES)[]).map((id): ZooEntry => ({
    id, family: 'resnet', title: `ResNet-${id.slice(6)}`, year: 2015, defaultInput: IMAGENET, defaultClasses: 1000, variants: [], flags: { convBias: true }, defaultConvBias: true, build: (o) => imagenetResnet(id, o),
  })),
  ...([8, 20, 32, 44, 56, 110] as const).flatMap((depth: CifarDepth): ZooEntry[] => [
    { id: `resnet${depth}`, family: 'cifar-resnet', title: `ResNet-${depth} (CIFAR)`, year: 2015, defaultInput: CIFAR, defaultClasses: 10, variants: [], flags: {}, defaultConvBias: false, build: (o) => cifarNet(depth, true, o) },
    { id: `plain${depth}`, family: 'plain', title: `Plain-${depth} (CIFAR)`, year: 2015, defaultInput: CIFAR, defaultClasses: 10, variants: [], flags: {}, defaultConvBias: false, build: (o) => cifarNet(depth, false, o) },
  ]),
  { id: 'googlenet', family: 'googlenet', title: 'GoogLeNet', year: 2014, defaultInput: IMAGENET, defaultClasses: 1000, variants: [], flags: { aux: true }, defaultConvBias: true, build: googlenet },
];

/** The zoo, in the order of the picker: LeNet-5, AlexNet, VGG, ResNet, CIFAR ResNets, plain nets, GoogLeNet. */
export const ZOO: ReadonlyMap<string, ZooEntry> = new Map(entries.map((e) => [e.id, e]));

/** The ids of every network, in picker order. */
export const ARCH_IDS: readonly string[] = entries.map((e) => e.id);

/** Looks up a zoo entry. @throws ArchError listing the known ids when `id` is unknown. */
export function zooEntry(id: string): ZooEntry {
  const entry = ZOO.get(id);
  if (!entry) throw archError('arch.unknownArch', { id, known: ARCH_IDS.join(', ') });
  return entry;
}

/** Fills in the entry's defaults and validates. @throws ArchError for a bad option. */
export function resolveOptions(entry: ZooEntry, options: ArchOptions = {}): ResolvedOptions {
  const variant = options.variant ?? entry.variants[0] ?? 'default';
  if (options.variant !== undefined && !entry.variants.includes(options.variant)) {
    const known = entry.variants.length ? entry.variants.join(', ') : 'none';
    throw archError('arch.noVariant', { title: entry.title, variant: String(options.variant), known });
  }
  if (options.groups !== undefined && options.groups !== 1 && !entry.flags.groups) {
    throw archError('arch.groupsOnlyAlexnet', { title: entry.title });
  }
  if (options.aux && !entry.flags.aux) throw archError('arch.auxOnlyGooglenet', { title: entry.title });
  const resolved: ResolvedOptions = {
    input: options.input ?? entry.defaultInput,
    classes: options.classes ?? entry.defaultClasses,
    width: options.width ?? 1,
    variant,
    groups: options.groups ?? 1,
    noTop: options.noTop ?? false,
    convBias: options.convBias ?? entry.defaultConvBias,
    aux: options.aux ?? false,
  };
  validateOptions(resolved);
  return resolved;
}

/** Builds the architecture graph of a zoo network. @throws ArchError for unknown ids or bad options. */
export function buildArch(id: string, options: ArchOptions = {}): ArchGraph {
  const entry = zooEntry(id);
  return entry.build(resolveOptions(entry, options));
}
