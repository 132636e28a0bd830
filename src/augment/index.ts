/**
 * Data augmentation for training batches. Import this barrel from the engine (worker) only: it pulls in
 * tfjs. UI code should import the pure-TypeScript modules directly: `config`, `pcaStats`, `eigen3`,
 * `random`, `affine`, `draws`, `warpPlan`.
 */
export * from './affine';
export * from './config';
export * from './draws';
export * from './eigen3';
export * from './elastic';
export * from './geometric';
export * from './pcaStats';
export * from './perImage';
export * from './photometric';
export * from './pipeline';
export * from './random';
export * from './sampler';
export * from './warpPlan';
