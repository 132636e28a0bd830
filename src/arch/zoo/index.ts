import { message, type UserMessage, type ZooMessageCode } from '../../messages/index';
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
  /** Default inputs of variants whose source documents another input than `defaultInput`. */
  readonly variantInputs?: Readonly<Record<string, readonly [number, number, number]>>;
  /** Which paper or library the network follows with these options (shown under its summary). */
  readonly source: (o: ResolvedOptions) => UserMessage;
  readonly build: (o: ResolvedOptions) => ArchGraph;
}

/** A zoo entry's default input for `variant` (its first variant when absent): what its source documents. */
export function defaultInputOf(entry: ZooEntry, variant?: string): readonly [number, number, number] {
  const v = variant || entry.variants[0];
  return (v !== undefined ? entry.variantInputs?.[v] : undefined) ?? entry.defaultInput;
}

const says = (code: ZooMessageCode, params: Record<string, string | number> = {}) => (): UserMessage => message(code, params);

const LENET_SOURCE: Record<string, ZooMessageCode> = { modern: 'zoo.lenetModern', classic: 'zoo.lenetClassic', '1998': 'zoo.lenet1998' };
const VGG_CONFIG: Record<string, string> = { vgg11: 'A', vgg13: 'B', vgg16: 'D', vgg19: 'E' };
const KERAS_VGG: Record<string, string> = { vgg16: 'VGG16', vgg19: 'VGG19' };
const KERAS_RESNET: Record<string, string> = { resnet50: 'ResNet50', resnet101: 'ResNet101', resnet152: 'ResNet152' };

function vggSource(id: string): () => UserMessage {
  const keras = KERAS_VGG[id];
  return keras ? says('zoo.vggKeras', { config: VGG_CONFIG[id], keras, id }) : says('zoo.vgg', { config: VGG_CONFIG[id], id });
}

function resnetSource(id: string): (o: ResolvedOptions) => UserMessage {
  return (o) => {
    if (!o.convBias) return message('zoo.resnetTorchvision', { id });
    const keras = KERAS_RESNET[id];
    return keras ? message('zoo.resnetKeras', { keras }) : message('zoo.resnetKerasStyle', { title: `ResNet-${id.slice(6)}`, id });
  };
}

const IMAGENET: readonly [number, number, number] = [224, 224, 3];
const CIFAR: readonly [number, number, number] = [32, 32, 3];

const entries: ZooEntry[] = [
  {
    id: 'lenet5', family: 'lenet', title: 'LeNet-5', year: 1998, defaultInput: [32, 32, 1], defaultClasses: 10, variants: ['modern', 'classic', '1998'], flags: {}, defaultConvBias: true,
    source: (o) => message(LENET_SOURCE[o.variant] ?? 'zoo.lenetModern'), build: lenet5,
  },
  {
    // The paper's text says 224×224, but only 227×227 gives its 55×55 conv1 maps; torchvision documents 224×224.
    id: 'alexnet', family: 'alexnet', title: 'AlexNet', year: 2012, defaultInput: [227, 227, 3], variantInputs: { torchvision: IMAGENET }, defaultClasses: 1000, variants: ['paper', 'torchvision'], flags: { groups: true }, defaultConvBias: true,
    source: (o) => message(o.variant === 'torchvision' ? 'zoo.alexnetTorchvision' : 'zoo.alexnetPaper'), build: alexnet,
  },
  ...(Object.keys(VGG_STAGES) as (keyof typeof VGG_STAGES)[]).map((id): ZooEntry => ({
    id, family: 'vgg', title: `VGG-${id.slice(3)}`, year: 2014, defaultInput: IMAGENET, defaultClasses: 1000, variants: [], flags: {}, defaultConvBias: true, source: vggSource(id), build: (o) => vgg(id, o),
  })),
  ...(Object.keys(RESNET_STAGES) as (keyof typeof RESNET_STAGES)[]).map((id): ZooEntry => ({
    id, family: 'resnet', title: `ResNet-${id.slice(6)}`, year: 2015, defaultInput: IMAGENET, defaultClasses: 1000, variants: [], flags: { convBias: true }, defaultConvBias: true, source: resnetSource(id), build: (o) => imagenetResnet(id, o),
  })),
  ...([8, 20, 32, 44, 56, 110] as const).flatMap((depth: CifarDepth): ZooEntry[] => [
    { id: `resnet${depth}`, family: 'cifar-resnet', title: `ResNet-${depth} (CIFAR)`, year: 2015, defaultInput: CIFAR, defaultClasses: 10, variants: [], flags: {}, defaultConvBias: false, source: says('zoo.cifarResnet', { depth }), build: (o) => cifarNet(depth, true, o) },
    { id: `plain${depth}`, family: 'plain', title: `Plain-${depth} (CIFAR)`, year: 2015, defaultInput: CIFAR, defaultClasses: 10, variants: [], flags: {}, defaultConvBias: false, source: says('zoo.plain', { depth }), build: (o) => cifarNet(depth, false, o) },
  ]),
  { id: 'googlenet', family: 'googlenet', title: 'GoogLeNet', year: 2014, defaultInput: IMAGENET, defaultClasses: 1000, variants: [], flags: { aux: true }, defaultConvBias: true, source: says('zoo.googlenet'), build: googlenet },
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
    input: options.input ?? defaultInputOf(entry, variant),
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

/**
 * Builds the architecture graph of a zoo network, with the source it follows (`graph.source`).
 * @throws ArchError for unknown ids or bad options.
 */
export function buildArch(id: string, options: ArchOptions = {}): ArchGraph {
  const entry = zooEntry(id);
  const resolved = resolveOptions(entry, options);
  return { ...entry.build(resolved), source: entry.source(resolved) };
}
