import { lrn } from '../blocks';
import { GraphBuilder } from '../graphBuilder';
import { conv, dense, dropout, maxPool } from '../layers';
import type { ArchGraph } from '../types';
import { widthOf, type ResolvedOptions } from './options';

/**
 * AlexNet (Krizhevsky et al. 2012), the `paper` variant: 227×227×3, five convolutions 96-256-384-384-256
 * with ReLU, local response normalisation after conv1 and conv2, overlapping 3×3/2 max pooling, and
 * FC 4096-4096 with dropout. With `groups` 2, conv2, conv4 and conv5 are split across the two GPUs
 * as in the paper (each half sees only its own half of the channels).
 */
function alexnetPaper(o: ResolvedOptions): ArchGraph {
  const g = o.groups;
  const c = (n: number) => widthOf(n, o, g);
  const b = new GraphBuilder('alexnet-paper');
  let x = b.input(o.input);
  x = b.inBlock({ type: 'stage', id: 'features' }, () => {
    let y = b.add('conv1', conv(c(96), 11, { strides: 4, activation: 'relu' }), [x]);
    y = lrn(b, y, 'lrn1');
    y = b.add('pool1', maxPool(3, 2), [y]);
    y = b.add('conv2', conv(c(256), 5, { padding: 'same', groups: g, activation: 'relu' }), [y]);
    y = lrn(b, y, 'lrn2');
    y = b.add('pool2', maxPool(3, 2), [y]);
    y = b.add('conv3', conv(c(384), 3, { padding: 'same', activation: 'relu' }), [y]);
    y = b.add('conv4', conv(c(384), 3, { padding: 'same', groups: g, activation: 'relu' }), [y]);
    y = b.add('conv5', conv(c(256), 3, { padding: 'same', groups: g, activation: 'relu' }), [y]);
    return b.add('pool5', maxPool(3, 2), [y]);
  });
  if (o.noTop) return b.build();
  b.inBlock({ type: 'head', id: 'classifier' }, () => {
    x = b.add('flatten', { kind: 'flatten' }, [x]);
    x = b.add('fc6', dense(widthOf(4096, o), 'relu'), [x]);
    x = b.add('drop6', dropout(0.5), [x]);
    x = b.add('fc7', dense(widthOf(4096, o), 'relu'), [x]);
    x = b.add('drop7', dropout(0.5), [x]);
    x = b.add('predictions', dense(o.classes, 'softmax'), [x]);
  });
  return b.build();
}

/**
 * torchvision's `alexnet()` (the "one weird trick" single-GPU version): 224×224×3, 64-192-384-256-256,
 * no LRN, explicit padding. 61,100,840 parameters.
 */
function alexnetTorchvision(o: ResolvedOptions): ArchGraph {
  const c = (n: number) => widthOf(n, o);
  const pad = (p: number) => ({ top: p, bottom: p, left: p, right: p });
  const b = new GraphBuilder('alexnet-torchvision');
  let x = b.input(o.input);
  x = b.inBlock({ type: 'stage', id: 'features' }, () => {
    let y = b.add('conv1', conv(c(64), 11, { strides: 4, padding: pad(2), activation: 'relu' }), [x]);
    y = b.add('pool1', maxPool(3, 2), [y]);
    y = b.add('conv2', conv(c(192), 5, { padding: pad(2), activation: 'relu' }), [y]);
    y = b.add('pool2', maxPool(3, 2), [y]);
    y = b.add('conv3', conv(c(384), 3, { padding: pad(1), activation: 'relu' }), [y]);
    y = b.add('conv4', conv(c(256), 3, { padding: pad(1), activation: 'relu' }), [y]);
    y = b.add('conv5', conv(c(256), 3, { padding: pad(1), activation: 'relu' }), [y]);
    return b.add('pool5', maxPool(3, 2), [y]);
  });
  if (o.noTop) return b.build();
  b.inBlock({ type: 'head', id: 'classifier' }, () => {
    x = b.add('flatten', { kind: 'flatten' }, [x]);
    x = b.add('drop6', dropout(0.5), [x]);
    x = b.add('fc6', dense(widthOf(4096, o), 'relu'), [x]);
    x = b.add('drop7', dropout(0.5), [x]);
    x = b.add('fc7', dense(widthOf(4096, o), 'relu'), [x]);
    x = b.add('predictions', dense(o.classes, 'softmax'), [x]);
  });
  return b.build();
}

/** AlexNet: `paper` (2012, LRN, optional two-GPU groups) or `torchvision`. */
export function alexnet(o: ResolvedOptions): ArchGraph {
  return o.variant === 'torchvision' ? alexnetTorchvision(o) : alexnetPaper(o);
}
