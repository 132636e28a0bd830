/**
 * The networks `npm run check:keras` builds with the real Keras: every zoo network at its defaults and
 * a few non-default options (width, variant, groups, no-top, conv bias, aux, input) and training
 * recipes' options (initialiser, batch-norm momentum). The grouped, LRN AlexNet at 67×67×3 that the
 * browser exports is checked there (its predictions), not here again.
 */
import { ARCH_IDS, type ArchOptions, type TrainingOptions } from '../../src/arch/index';

export interface ZooCase {
  id: string;
  arch: string;
  options: ArchOptions;
  /** A recipe's initialiser and batch-norm momentum (they change no count or shape, but the code). */
  training?: TrainingOptions;
}

/** Every zoo id at defaults, then the option cases. */
export function zooCases(): ZooCase[] {
  const defaults = ARCH_IDS.map((arch) => ({ id: arch, arch, options: {} }));
  const options: ZooCase[] = [
    { id: 'lenet5-classic', arch: 'lenet5', options: { variant: 'classic' } },
    { id: 'lenet5-1998', arch: 'lenet5', options: { variant: '1998' } },
    { id: 'lenet5-1998-glorot-12classes', arch: 'lenet5', options: { variant: '1998', classes: 12 }, training: { initializer: 'glorotUniform' } },
    { id: 'alexnet-he-recipe', arch: 'alexnet', options: { width: 0.25, input: [96, 96, 1] }, training: { initializer: 'heNormal' } },
    { id: 'resnet20-bn0.9-recipe', arch: 'resnet20', options: {}, training: { bnMomentum: 0.9 } },
    { id: 'lenet5-width2-rgb', arch: 'lenet5', options: { width: 2, input: [32, 32, 3], classes: 6 } },
    { id: 'alexnet-groups2', arch: 'alexnet', options: { groups: 2 } },
    { id: 'alexnet-torchvision', arch: 'alexnet', options: { variant: 'torchvision' } },
    { id: 'vgg16-notop', arch: 'vgg16', options: { noTop: true } },
    { id: 'resnet50-nobias', arch: 'resnet50', options: { convBias: false } },
    { id: 'resnet18-width0.5-cifar', arch: 'resnet18', options: { width: 0.5, input: [32, 32, 3], classes: 10 } },
    { id: 'resnet20-width2', arch: 'resnet20', options: { width: 2 } },
    { id: 'googlenet-aux', arch: 'googlenet', options: { aux: true } },
    // The GoogLeNet recipe's smaller copies (quarter width, He initialisation): 64×64, and 96×96 with the auxiliary heads.
    { id: 'googlenet-he-recipe', arch: 'googlenet', options: { width: 0.25, input: [64, 64, 1] }, training: { initializer: 'heNormal' } },
    { id: 'googlenet-aux-he-recipe', arch: 'googlenet', options: { aux: true, width: 0.25, input: [96, 96, 1] }, training: { initializer: 'heNormal' } },
  ];
  return [...defaults, ...options];
}
