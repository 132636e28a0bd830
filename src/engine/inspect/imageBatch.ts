import * as tf from '@tensorflow/tfjs-core';
import { formatShape } from '../../arch/index';
import type { ImageDataset } from '../../data/datasetTypes';
import { adaptBatch } from '../batches';
import type { SampleImage } from '../protocol';
import type { InspectImage } from './inspectProtocol';
import { inspectError } from '../../messages/index';

type Shape3 = [number, number, number];

/** A test-set example as the UI draws it (uint8, the dataset's shape). */
export function testImage(data: ImageDataset, index: number): SampleImage {
  const count = data.test.count;
  if (count < 1) throw new Error(`${data.name} has no test images.`);
  const i = ((Math.trunc(index) % count) + count) % count;
  const size = data.imageShape[0] * data.imageShape[1] * data.imageShape[2];
  return { index: i, label: data.test.labels[i], shape: [...data.imageShape] as Shape3, pixels: data.test.images.slice(i * size, (i + 1) * size) };
}

/**
 * One image as the network sees it: x [1, H, W, C] in [0, 1], brought first to the dataset's H×W (as
 * Engine.predict does for uploads) and then adapted to `input` by `adaptBatch`, exactly as training
 * batches are. The caller disposes x. @throws Error when the pixel count does not match the shape.
 */
export function imageBatch(image: InspectImage, data: ImageDataset, input: Shape3): { x: tf.Tensor4D; sample: SampleImage | null } {
  const sample = 'testIndex' in image ? testImage(data, image.testIndex) : null;
  const { pixels, shape } = sample ?? (image as Exclude<InspectImage, { testIndex: number }>);
  const [h, w, c] = shape;
  if (pixels.length !== h * w * c) throw inspectError('inspect.imageSize', { count: pixels.length, shape: formatShape(shape) });
  if (c !== data.imageShape[2]) throw inspectError('inspect.imageChannels', { channels: c, dataset: data.name, expected: data.imageShape[2] });
  const floats = pixels instanceof Float32Array ? pixels : Float32Array.from(pixels, (v) => v / 255);
  const x = tf.tidy(() => {
    const raw = tf.tensor4d(floats, [1, h, w, c]);
    const sized = h === data.imageShape[0] && w === data.imageShape[1] ? raw : tf.image.resizeBilinear(raw, [data.imageShape[0], data.imageShape[1]], true);
    return adaptBatch(sized, input);
  });
  return { x, sample };
}
