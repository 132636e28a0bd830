/**
 * A Keras 3 model config (config.json of a `.keras` file, e.g. a student's Colab model) read into the
 * playground's arch graph, so it can be shown, summarised, trained and cut like a zoo network. Every
 * layer becomes one node of the same name; a layer or option the playground cannot compute stops the
 * import with a message naming it.
 */
import { inferGraph, type ActivationName, type ArchGraph, type GraphOutput, type KernelInit, type LayerNode, type LayerSpec, type Padding } from '../arch/index';
import { kerasError } from '../messages/index';
import { KERAS_HELPER_SEPARATOR } from './kerasLayers';
import { activationFromKeras, kernelInitFromKeras } from './kerasObjects';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keras classes the import understands (ours included), for the message that names the others. */
export const SUPPORTED_KERAS_LAYERS = [
  'InputLayer', 'Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'GlobalAveragePooling2D', 'BatchNormalization', 'Activation', 'ReLU', 'Softmax',
  'Dense', 'Flatten', 'Dropout', 'ZeroPadding2D', 'Add', 'Concatenate', 'Rescaling', 'GroupedConv2D', 'LocalResponseNorm', 'PadShortcut',
  'TableConv2D', 'Subsampling2D', 'EuclideanRBF',
] as const;

/** One Keras layer as read from the config: class, name, config and the layers its call reads. */
interface RawLayer {
  readonly className: string;
  readonly name: string;
  readonly config: Obj;
  readonly inputs: readonly string[];
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const pair = (v: unknown, fallback: number): [number, number] =>
  Array.isArray(v) ? [num(v[0], fallback), num(v[1] ?? v[0], fallback)] : [num(v, fallback), num(v, fallback)];

/** The class name without a registration package (`cnn_playground>PadShortcut` → `PadShortcut`). */
function classOf(entry: Obj): string {
  const name = typeof entry.class_name === 'string' ? entry.class_name : '?';
  return name.includes('>') ? name.slice(name.lastIndexOf('>') + 1) : name;
}

function unsupportedOption(l: RawLayer, option: string, value: unknown): never {
  throw kerasError('keras.unsupportedOption', { layer: l.name, type: l.className, option, value: JSON.stringify(value) ?? String(value) });
}

/** Checks `config[key]` is one of `allowed` (absent counts as the first). */
function expectOption(l: RawLayer, key: string, allowed: readonly unknown[]): void {
  const value = l.config[key];
  if (value === undefined || value === null) return;
  if (!allowed.some((a) => JSON.stringify(a) === JSON.stringify(value))) unsupportedOption(l, key, value);
}

function activationOf(l: RawLayer, value: unknown = l.config.activation): ActivationName {
  const found = activationFromKeras(value);
  if (!found) throw kerasError('keras.unsupportedActivation', { layer: l.name, activation: typeof value === 'string' ? value : JSON.stringify(value) });
  return found;
}

/** `kernelInit` of a spec, when the file names one the playground has (Glorot, our default, stays absent). */
function kernelInitOf(value: unknown): { kernelInit?: KernelInit } {
  const init = kernelInitFromKeras(value);
  return init ? { kernelInit: init } : {};
}

/** A list of lists of numbers (C3's table, the RBF centres), or the option is refused. */
function numberRows(l: RawLayer, key: string): number[][] {
  const v = l.config[key];
  if (!Array.isArray(v) || v.length === 0 || !v.every((row) => Array.isArray(row) && row.length > 0 && row.every((x) => typeof x === 'number' && Number.isFinite(x)))) return unsupportedOption(l, key, v);
  return v as number[][];
}

function paddingOf(l: RawLayer): Padding {
  const p = l.config.padding ?? 'valid';
  if (p === 'valid' || p === 'same') return p;
  return unsupportedOption(l, 'padding', p);
}

function channelsLast(l: RawLayer): void {
  expectOption(l, 'data_format', ['channels_last']);
}

function zeroPadding(l: RawLayer): LayerSpec {
  channelsLast(l);
  const p = l.config.padding ?? 1;
  let rows: [number, number];
  let cols: [number, number];
  if (typeof p === 'number') rows = cols = [p, p];
  else if (Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number')) {
    rows = [p[0] as number, p[0] as number];
    cols = [p[1] as number, p[1] as number];
  } else if (Array.isArray(p) && p.length === 2 && p.every(Array.isArray)) {
    rows = pair(p[0], 0);
    cols = pair(p[1], 0);
  } else return unsupportedOption(l, 'padding', p);
  return { kind: 'zeroPad', padding: { top: rows[0], bottom: rows[1], left: cols[0], right: cols[1] } };
}

/** The arch spec of one Keras layer. @throws UserError naming the layer, its class or option. */
function specOf(l: RawLayer): LayerSpec {
  const c = l.config;
  switch (l.className) {
    case 'Conv2D':
    case 'GroupedConv2D': {
      channelsLast(l);
      expectOption(l, 'dilation_rate', [[1, 1], 1]);
      return {
        kind: 'conv2d', filters: num(c.filters, 0), kernel: pair(c.kernel_size, 1), strides: pair(c.strides, 1), padding: paddingOf(l),
        groups: num(c.groups, 1), useBias: c.use_bias !== false, activation: activationOf(l), ...kernelInitOf(c.kernel_initializer),
      };
    }
    case 'TableConv2D': {
      const padding = paddingOf(l);
      if (typeof padding !== 'string') return unsupportedOption(l, 'padding', c.padding);
      return {
        kind: 'tableConv2d', table: numberRows(l, 'table'), kernel: pair(c.kernel_size, 1), strides: pair(c.strides, 1), padding,
        useBias: c.use_bias !== false, activation: activationOf(l), ...(c.kernel_initializer === 'lecun98' ? { kernelInit: 'lecun98' as const } : {}),
      };
    }
    case 'Subsampling2D': {
      const pool = pair(c.pool_size, 2);
      return { kind: 'subsample', pool, strides: c.strides == null ? pool : pair(c.strides, 1), activation: activationOf(l), ...(c.kernel_initializer === 'lecun98' ? { kernelInit: 'lecun98' as const } : {}) };
    }
    case 'EuclideanRBF':
      return { kind: 'rbf', centres: numberRows(l, 'centres') };
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      channelsLast(l);
      const pool = pair(c.pool_size, 2);
      return { kind: l.className === 'MaxPooling2D' ? 'maxPool' : 'avgPool', pool, strides: c.strides == null ? pool : pair(c.strides, 1), padding: paddingOf(l) };
    }
    case 'GlobalAveragePooling2D':
      channelsLast(l);
      expectOption(l, 'keepdims', [false]);
      return { kind: 'globalAvgPool' };
    case 'BatchNormalization':
      expectOption(l, 'axis', [-1, 3, [-1], [3]]);
      expectOption(l, 'center', [true]);
      expectOption(l, 'scale', [true]);
      expectOption(l, 'renorm', [false]);
      return { kind: 'batchNorm', epsilon: num(c.epsilon, 1e-3), momentum: num(c.momentum, 0.99) };
    case 'Activation':
      return { kind: 'activation', activation: activationOf(l) };
    case 'ReLU':
      expectOption(l, 'max_value', [null]);
      expectOption(l, 'negative_slope', [0]);
      expectOption(l, 'threshold', [0]);
      return { kind: 'activation', activation: 'relu' };
    case 'Softmax':
      expectOption(l, 'axis', [-1]);
      return { kind: 'activation', activation: 'softmax' };
    case 'Dense':
      return { kind: 'dense', units: num(c.units, 0), useBias: c.use_bias !== false, activation: activationOf(l), ...kernelInitOf(c.kernel_initializer) };
    case 'Flatten':
      channelsLast(l);
      return { kind: 'flatten' };
    case 'Dropout':
      expectOption(l, 'noise_shape', [null]);
      return { kind: 'dropout', rate: num(c.rate, 0) };
    case 'ZeroPadding2D':
      return zeroPadding(l);
    case 'Add':
      return { kind: 'add' };
    case 'Concatenate':
      expectOption(l, 'axis', [-1, 3]);
      return { kind: 'concat' };
    case 'Rescaling':
      if (typeof c.scale !== 'number') unsupportedOption(l, 'scale', c.scale);
      if (c.offset !== undefined && typeof c.offset !== 'number') unsupportedOption(l, 'offset', c.offset);
      return { kind: 'rescale', scale: num(c.scale, 1), offset: num(c.offset, 0) };
    case 'LocalResponseNorm':
      return { kind: 'lrn', depthRadius: num(c.depth_radius, 2), bias: num(c.bias, 2), alpha: num(c.alpha, 1e-4), beta: num(c.beta, 0.75) };
    case 'PadShortcut':
      return { kind: 'padShortcut', stride: num(c.stride, 1), filters: num(c.filters, 1) };
    default:
      throw kerasError('keras.unsupportedLayer', { layer: l.name, type: l.className, supported: SUPPORTED_KERAS_LAYERS.filter((s) => s !== 'InputLayer').join(', ') });
  }
}

/** [H, W, C] of an input layer's batch shape. */
function inputShape(config: Obj): number[] {
  const batch = config.batch_shape ?? config.batch_input_shape;
  const shape = Array.isArray(batch) ? batch.slice(1) : [];
  if (shape.length !== 3 || !shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d > 0)) {
    throw kerasError('keras.inputShape', { shape: JSON.stringify(batch ?? null) });
  }
  return shape as number[];
}

/** The layers a functional layer's (only) call reads, from Keras 3's `__keras_tensor__` args or Keras 2's `[name, node, tensor, kwargs]` lists. */
function inboundOf(entry: Obj, name: string): string[] {
  const nodes = Array.isArray(entry.inbound_nodes) ? entry.inbound_nodes : [];
  if (nodes.length === 0) return [];
  if (nodes.length > 1) throw kerasError('keras.sharedLayer', { layer: name });
  const histories: unknown[] = [];
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (typeof v[0] === 'string' && typeof v[1] === 'number') histories.push(v);
      else v.forEach(collect);
    } else if (isObj(v)) {
      if (v.class_name === '__keras_tensor__' && isObj(v.config)) histories.push(v.config.keras_history);
    }
  };
  const node = nodes[0];
  collect(isObj(node) ? node.args : node);
  return histories.map((h) => {
    if (!Array.isArray(h) || typeof h[0] !== 'string') throw kerasError('keras.badReference', { layer: name, input: JSON.stringify(h) });
    if (h[1] !== 0) throw kerasError('keras.sharedLayer', { layer: h[0] });
    return h[0];
  });
}

const tensorNames = (v: unknown): string[] => {
  if (!Array.isArray(v)) return [];
  if (typeof v[0] === 'string') return [v[0]];
  return v.flatMap(tensorNames);
};

function lossWeightsOf(root: Obj, count: number): number[] {
  const weights = isObj(root.compile_config) ? root.compile_config.loss_weights : null;
  return Array.from({ length: count }, (_, i) => (Array.isArray(weights) && typeof weights[i] === 'number' ? weights[i] : i === 0 ? 1 : 0.3));
}

/**
 * Folds each `X__pad` ZeroPadding2D that only feeds a `valid` window `X` into X's explicit padding: the
 * helper the playground writes in front of an explicitly padded convolution or pool (see kerasLayers.ts)
 * becomes that node's padding again, so a file the playground wrote reads back as the same graph.
 */
function foldPaddingHelpers(nodes: readonly LayerNode[]): LayerNode[] {
  const readers = new Map<string, number>();
  for (const n of nodes) for (const i of n.inputs) readers.set(i, (readers.get(i) ?? 0) + 1);
  const helpers = new Map<string, LayerNode>();
  for (const n of nodes) {
    const owner = n.name.endsWith(`${KERAS_HELPER_SEPARATOR}pad`) ? n.name.slice(0, -`${KERAS_HELPER_SEPARATOR}pad`.length) : null;
    const target = owner ? nodes.find((m) => m.name === owner) : undefined;
    const windowed = target && (target.spec.kind === 'conv2d' || target.spec.kind === 'maxPool' || target.spec.kind === 'avgPool') && target.spec.padding === 'valid';
    if (n.spec.kind === 'zeroPad' && target && windowed && target.inputs.length === 1 && target.inputs[0] === n.name && readers.get(n.name) === 1) helpers.set(target.name, n);
  }
  const folded = new Set([...helpers.values()].map((h) => h.name));
  return nodes
    .filter((n) => !folded.has(n.name))
    .map((n) => {
      const helper = helpers.get(n.name);
      if (!helper || helper.spec.kind !== 'zeroPad' || (n.spec.kind !== 'conv2d' && n.spec.kind !== 'maxPool' && n.spec.kind !== 'avgPool')) return n;
      return { ...n, spec: { ...n.spec, padding: helper.spec.padding }, inputs: helper.inputs };
    });
}

/**
 * The arch graph of a Keras 3 Sequential or Functional config (config.json's object). The first
 * output is the main classifier; further outputs are auxiliaries with the file's loss weights.
 * @param fileName for messages.
 * @throws UserError naming the first unsupported layer, option, shared layer or bad reference; ArchError when the shapes do not fit.
 */
export function graphFromKerasConfig(root: unknown, fileName: string): ArchGraph {
  if (!isObj(root) || !isObj(root.config)) throw kerasError('keras.notModel', { file: fileName, type: 'unknown object' });
  const cls = classOf(root);
  const config = root.config;
  const entries = Array.isArray(config.layers) ? config.layers.filter(isObj) : [];
  const name = typeof config.name === 'string' ? config.name : fileName.replace(/\.keras$/i, '');
  const raw: RawLayer[] = [];
  let inputName = 'input';
  let input: number[] | null = null;
  let outputs: string[];
  if (cls === 'Sequential') {
    let previous: string | null = null;
    for (const e of entries) {
      const c = isObj(e.config) ? e.config : {};
      const layerName = typeof c.name === 'string' ? c.name : `layer_${raw.length}`;
      if (classOf(e) === 'InputLayer') {
        input = inputShape(c);
        inputName = layerName;
        previous = layerName;
        continue;
      }
      if (!input) {
        input = inputShape({ batch_shape: c.batch_shape ?? c.batch_input_shape ?? config.build_input_shape });
        previous = inputName;
      }
      raw.push({ className: classOf(e), name: layerName, config: c, inputs: [previous ?? inputName] });
      previous = layerName;
    }
    outputs = raw.length ? [raw[raw.length - 1].name] : [];
  } else if (cls === 'Functional' || cls === 'Model') {
    const inputs = tensorNames(config.input_layers);
    if (inputs.length !== 1) throw kerasError('keras.inputCount', { count: inputs.length });
    inputName = inputs[0];
    for (const e of entries) {
      const c = isObj(e.config) ? e.config : {};
      const layerName = typeof e.name === 'string' ? e.name : typeof c.name === 'string' ? c.name : `layer_${raw.length}`;
      if (classOf(e) === 'InputLayer') {
        if (layerName !== inputName) throw kerasError('keras.inputCount', { count: 2 });
        input = inputShape(c);
        continue;
      }
      raw.push({ className: classOf(e), name: layerName, config: c, inputs: inboundOf(e, layerName) });
    }
    outputs = tensorNames(config.output_layers);
  } else {
    throw kerasError('keras.notModel', { file: fileName, type: cls });
  }
  if (!input) throw kerasError('keras.inputShape', { shape: 'none' });
  const nodes: LayerNode[] = [{ name: inputName, spec: { kind: 'input', shape: input }, inputs: [] }];
  const known = new Set([inputName]);
  for (const l of raw) {
    const spec = specOf(l);
    const missing = l.inputs.find((i) => !known.has(i));
    if (missing !== undefined || l.inputs.length === 0) throw kerasError('keras.badReference', { layer: l.name, input: missing ?? '(none)' });
    nodes.push({ name: l.name, spec, inputs: l.inputs });
    known.add(l.name);
  }
  const weights = lossWeightsOf(root, outputs.length);
  const graphOutputs: GraphOutput[] = outputs.map((o, i) => ({ node: o, role: i === 0 ? 'main' : 'aux', lossWeight: weights[i] }));
  for (const o of outputs) if (!known.has(o)) throw kerasError('keras.badReference', { layer: 'outputs', input: o });
  const graph: ArchGraph = { name, nodes: foldPaddingHelpers(nodes), outputs: graphOutputs };
  inferGraph(graph); // shapes must fit: throws an ArchError naming the layer otherwise
  return graph;
}
