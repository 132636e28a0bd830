/**
 * Checks a parsed `manifest.json` against what the loader relies on, with errors that name the
 * offending field, so a stale or hand-edited manifest fails before any shard is fetched.
 */
import { MANIFEST_FORMAT, type BundledDatasetId, type DatasetManifest, type ShardInfo, type SplitManifest } from './datasetTypes';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function checkShard(value: unknown, where: string): ShardInfo {
  if (!isObject(value)) throw new Error(`${where} is not an object`);
  const { file, count, bytes, gzipBytes, sha256 } = value;
  // A file name, never a path: the manifest must not send fetches elsewhere.
  if (typeof file !== 'string' || !/^[\w.-]+$/.test(file)) throw new Error(`${where}.file is not a plain file name`);
  if (!isCount(count) || !isCount(bytes) || !isCount(gzipBytes)) throw new Error(`${where}: count, bytes and gzipBytes must be non-negative integers`);
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`${where}.sha256 is not 64 lower-case hex digits`);
  return { file, count, bytes, gzipBytes, sha256 };
}

function checkSplit(value: unknown, where: string, bytesPerImage: number, numClasses: number): SplitManifest {
  if (!isObject(value)) throw new Error(`${where} is not an object`);
  const { count, classCounts, images, labels } = value;
  if (!isCount(count)) throw new Error(`${where}.count is not a non-negative integer`);
  if (!Array.isArray(classCounts) || classCounts.length !== numClasses || !classCounts.every(isCount)) {
    throw new Error(`${where}.classCounts must list ${numClasses} counts`);
  }
  if (!Array.isArray(images) || images.length === 0) throw new Error(`${where}.images must list at least one shard`);
  const imageShards = images.map((s, k) => checkShard(s, `${where}.images[${k}]`));
  const labelShard = checkShard(labels, `${where}.labels`);
  for (const s of imageShards) {
    if (s.bytes !== s.count * bytesPerImage) throw new Error(`${where}: ${s.file} holds ${s.count} images, so it must be ${s.count * bytesPerImage} bytes, not ${s.bytes}`);
  }
  const imageTotal = imageShards.reduce((sum, s) => sum + s.count, 0);
  if (imageTotal !== count) throw new Error(`${where}: image shards hold ${imageTotal} images but count is ${count}`);
  if (labelShard.count !== count || labelShard.bytes !== count) throw new Error(`${where}.labels must hold ${count} one-byte labels`);
  const classTotal = (classCounts as number[]).reduce((sum, n) => sum + n, 0);
  if (classTotal !== count) throw new Error(`${where}.classCounts add up to ${classTotal}, not ${count}`);
  return { count, classCounts: classCounts as number[], images: imageShards, labels: labelShard };
}

/**
 * Validates a parsed manifest.
 * @param json the parsed `manifest.json`
 * @param expectedId the dataset the caller asked for
 * @throws Error naming the first field that is missing or inconsistent
 */
export function parseManifest(json: unknown, expectedId: BundledDatasetId): DatasetManifest {
  const where = `${expectedId}/manifest.json`;
  if (!isObject(json)) throw new Error(`${where} is not a JSON object`);
  const { format, id, name, imageShape, classNames, layout, source } = json;
  if (format !== MANIFEST_FORMAT) throw new Error(`${where} has format ${JSON.stringify(format)}; this app reads ${MANIFEST_FORMAT}`);
  if (id !== expectedId) throw new Error(`${where} describes ${JSON.stringify(id)}`);
  if (typeof name !== 'string') throw new Error(`${where}: name is not a string`);
  if (!Array.isArray(imageShape) || imageShape.length !== 3 || !imageShape.every((d) => isCount(d) && d > 0)) {
    throw new Error(`${where}: imageShape must be [height, width, channels]`);
  }
  if (!Array.isArray(classNames) || classNames.length < 2 || classNames.length > 256 || !classNames.every((c) => typeof c === 'string')) {
    throw new Error(`${where}: classNames must list 2 to 256 names`);
  }
  if (!isObject(source)) throw new Error(`${where}: source is not an object`);
  const [h, w, c] = imageShape as number[];
  return {
    format,
    id: expectedId,
    name,
    imageShape: [h, w, c],
    classNames: classNames as string[],
    layout: typeof layout === 'string' ? layout : '',
    source: {
      package: String(source.package),
      version: String(source.version),
      selection: String(source.selection),
      dataLicense: String(source.dataLicense),
    },
    train: checkSplit(json.train, `${where} train`, h * w * c, classNames.length),
    test: checkSplit(json.test, `${where} test`, h * w * c, classNames.length),
  };
}
