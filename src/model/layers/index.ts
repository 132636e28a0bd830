/** Custom tfjs layers of the zoo; importing this module registers them for save/load. */
export { GroupedConv2D, type GroupedConv2DArgs } from './groupedConv2d';
export { LocalResponseNorm, type LocalResponseNormArgs } from './localResponseNorm';
export { PadShortcut, type PadShortcutArgs } from './padShortcut';
export { FreezableBatchNorm, type BatchNormArgs } from './freezableBatchNorm';
export { applyActivation } from './activation';
