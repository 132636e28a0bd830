/** Custom tfjs layers of the zoo; importing this module registers them for save/load. */
export { GroupedConv2D, type GroupedConv2DArgs } from './groupedConv2d';
export { LocalResponseNorm, type LocalResponseNormArgs } from './localResponseNorm';
export { PadShortcut, type PadShortcutArgs } from './padShortcut';
export { FreezableBatchNorm, type BatchNormArgs } from './freezableBatchNorm';
export { applyActivation } from './activation';
export { TableConv2D, type TableConv2DArgs } from './tableConv2d';
export { Subsampling2D, type Subsampling2DArgs } from './subsampling2d';
export { EuclideanRBF, type EuclideanRBFArgs } from './euclideanRbf';
export { ScaledTanh, scaledTanh, SCALED_TANH_A, SCALED_TANH_S } from './scaledTanh';
export { FlooredSoftmax, flooredSoftmax, PROBABILITY_FLOOR } from './flooredSoftmax';
