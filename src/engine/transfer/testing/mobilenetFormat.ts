/**
 * A tiny network in the format of tfjs' hosted ImageNet MobileNet v1 (what MOBILENET_URL serves): a
 * Keras 2.1 model converted with tensorflowjs_converter — `modelTopology.model_config` of class `Model`,
 * snake_case configs, `Activation('relu6')`, depthwise/pointwise blocks named `conv_dw_i` / `conv_pw_i`,
 * a `Reshape → Dropout → conv_preds → softmax → Reshape` classifier, weights named `layer/weight` in one
 * group split over two shard files. Deterministic weights, so unit tests and the e2e test (which serves
 * it from a local server) can load it without a network. Pure TypeScript: no tfjs.
 */

/** The layer the e2e test and unit tests cut at (MobileNet's own cut is `conv_pw_13_relu`). */
export const TINY_MOBILENET_CUT = 'conv_pw_2_relu';
/** Input [H, W, C]: MNIST pads into it (28 → 32) and the colour shapes fit as they are. */
export const TINY_MOBILENET_INPUT = [32, 32, 3] as const;

type Json = Record<string, unknown>;
interface Weight {
  name: string;
  shape: number[];
  /** How the values are drawn: uniform in ±scale around centre. */
  centre: number;
  scale: number;
}

const init = (cls: string, config: Json = {}) => ({ class_name: cls, config });
const noReg = { kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null };

function conv(name: string, filters: number, kernel: number, stride: number, bias: boolean): Json {
  return {
    class_name: 'Conv2D',
    config: {
      name, trainable: true, filters, kernel_size: [kernel, kernel], strides: [stride, stride], padding: 'same', data_format: 'channels_last', dilation_rate: [1, 1],
      activation: 'linear', use_bias: bias, kernel_initializer: init('VarianceScaling', { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null }), bias_initializer: init('Zeros'), ...noReg,
    },
  };
}

function depthwise(name: string, stride: number): Json {
  return {
    class_name: 'DepthwiseConv2D',
    config: {
      name, trainable: true, kernel_size: [3, 3], strides: [stride, stride], padding: 'same', data_format: 'channels_last', depth_multiplier: 1, activation: 'linear', use_bias: false,
      depthwise_initializer: init('VarianceScaling', { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null }), bias_initializer: init('Zeros'),
      depthwise_regularizer: null, bias_regularizer: null, activity_regularizer: null, depthwise_constraint: null, bias_constraint: null,
    },
  };
}

function batchNorm(name: string): Json {
  return {
    class_name: 'BatchNormalization',
    config: {
      name, trainable: true, axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true,
      beta_initializer: init('Zeros'), gamma_initializer: init('Ones'), moving_mean_initializer: init('Zeros'), moving_variance_initializer: init('Ones'),
      beta_regularizer: null, gamma_regularizer: null, beta_constraint: null, gamma_constraint: null,
    },
  };
}

const activation = (name: string, fn: string): Json => ({ class_name: 'Activation', config: { name, trainable: true, activation: fn } });

/** The layers in order, each fed by the one before (the functional form Keras writes). */
function layerList(classes: number): { layers: Json[]; weights: Weight[] } {
  const [h, w, c] = TINY_MOBILENET_INPUT;
  const plain: Json[] = [
    { class_name: 'InputLayer', config: { batch_input_shape: [null, h, w, c], dtype: 'float32', sparse: false, name: 'input_1' } },
    conv('conv1', 8, 3, 2, false), batchNorm('conv1_bn'), activation('conv1_relu', 'relu6'),
    depthwise('conv_dw_1', 1), batchNorm('conv_dw_1_bn'), activation('conv_dw_1_relu', 'relu6'),
    conv('conv_pw_1', 16, 1, 1, false), batchNorm('conv_pw_1_bn'), activation('conv_pw_1_relu', 'relu6'),
    depthwise('conv_dw_2', 2), batchNorm('conv_dw_2_bn'), activation('conv_dw_2_relu', 'relu6'),
    conv('conv_pw_2', 32, 1, 1, false), batchNorm('conv_pw_2_bn'), activation('conv_pw_2_relu', 'relu6'),
    { class_name: 'GlobalAveragePooling2D', config: { name: 'global_average_pooling2d_1', trainable: true, data_format: 'channels_last' } },
    { class_name: 'Reshape', config: { name: 'reshape_1', trainable: true, target_shape: [1, 1, 32] } },
    { class_name: 'Dropout', config: { name: 'dropout', trainable: true, rate: 0.001, noise_shape: null, seed: null } },
    conv('conv_preds', classes, 1, 1, true), activation('act_softmax', 'softmax'),
    { class_name: 'Reshape', config: { name: 'reshape_2', trainable: true, target_shape: [classes] } },
  ];
  const layers = plain.map((l, i) => {
    const name = (l.config as Json).name as string;
    return { ...l, name, inbound_nodes: i === 0 ? [] : [[[(plain[i - 1].config as Json).name, 0, 0, {}]]] };
  });
  const bn = (n: string, channels: number): Weight[] => [
    { name: `${n}/gamma`, shape: [channels], centre: 1, scale: 0.2 },
    { name: `${n}/beta`, shape: [channels], centre: 0, scale: 0.1 },
    { name: `${n}/moving_mean`, shape: [channels], centre: 0, scale: 0.1 },
    { name: `${n}/moving_variance`, shape: [channels], centre: 1, scale: 0.2 },
  ];
  const weights: Weight[] = [
    { name: 'conv1/kernel', shape: [3, 3, c, 8], centre: 0, scale: 0.5 }, ...bn('conv1_bn', 8),
    { name: 'conv_dw_1/depthwise_kernel', shape: [3, 3, 8, 1], centre: 0, scale: 0.5 }, ...bn('conv_dw_1_bn', 8),
    { name: 'conv_pw_1/kernel', shape: [1, 1, 8, 16], centre: 0, scale: 0.5 }, ...bn('conv_pw_1_bn', 16),
    { name: 'conv_dw_2/depthwise_kernel', shape: [3, 3, 16, 1], centre: 0, scale: 0.5 }, ...bn('conv_dw_2_bn', 16),
    { name: 'conv_pw_2/kernel', shape: [1, 1, 16, 32], centre: 0, scale: 0.4 }, ...bn('conv_pw_2_bn', 32),
    { name: 'conv_preds/kernel', shape: [1, 1, 32, classes], centre: 0, scale: 0.3 },
    { name: 'conv_preds/bias', shape: [classes], centre: 0, scale: 0.01 },
  ];
  return { layers, weights };
}

/** mulberry32: the same values in Node and the browser. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The model's files: model.json (as text) and two weight shards, by the names model.json gives them. */
export function tinyMobilenetFiles(classes = 10, seed = 7): { json: string; shards: { name: string; data: ArrayBuffer }[] } {
  const { layers, weights } = layerList(classes);
  const next = random(seed);
  const values = Float32Array.from(weights.flatMap((w) => Array.from({ length: w.shape.reduce((a, b) => a * b, 1) }, () => w.centre + (2 * next() - 1) * w.scale)));
  const bytes = new Uint8Array(values.buffer);
  // tensorflowjs_converter cuts one group into shards at byte boundaries, even inside a weight.
  const half = Math.floor(bytes.length / 2);
  const shards = [
    { name: 'group1-shard1of2', data: bytes.slice(0, half).buffer },
    { name: 'group1-shard2of2', data: bytes.slice(half).buffer },
  ];
  const modelJson = {
    modelTopology: {
      keras_version: '2.1.4-tf',
      backend: 'tensorflow',
      model_config: { class_name: 'Model', config: { name: 'model_1', layers, input_layers: [['input_1', 0, 0]], output_layers: [['reshape_2', 0, 0]] } },
    },
    weightsManifest: [{ paths: shards.map((s) => s.name), weights: weights.map((w) => ({ name: w.name, shape: w.shape, dtype: 'float32' })) }],
  };
  return { json: JSON.stringify(modelJson), shards };
}
