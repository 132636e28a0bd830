/** Public API of `src/data`: bundled and generated datasets, input adaptation, seeded randomness. */
export type {
  BundledDatasetId,
  DatasetManifest,
  DatasetSource,
  ImageDataset,
  ImageShape,
  ImageSplit,
  ShardInfo,
  SplitManifest,
} from './datasetTypes';
export { BUNDLED_DATASET_IDS, MANIFEST_FORMAT } from './datasetTypes';
export { loadBundledDataset, type LoadBundledOptions, type LoadProgress } from './loadBundled';
export type { FetchLike } from './fetchShard';
export { parseManifest } from './manifest';
export { COLOR_SHAPES_ID, COLOR_SHAPE_CLASS_NAMES, generateColorShapes, type ColorShapesOptions } from './colorShapes';
export { SHAPE_KINDS, shapeCoverage, type ShapeKind, type ShapePose } from './shapeRaster';
export { adaptImages, describeAdaptation, planAdaptation, MAX_PAD_FRACTION, type AdaptationPlan } from './adaptInput';
export { createRandom, deriveSeed, type Random } from './random';
