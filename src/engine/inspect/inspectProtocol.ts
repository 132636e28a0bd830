/**
 * The inspection API (`worker.inspect` in the UI) and the plain data it exchanges (no tfjs: the UI
 * imports these types). Shapes are channels-last and exclude the batch dimension. The implementation
 * (inspectApi.ts) stays private to the worker.
 */
import type { SampleImage } from '../protocol';
import type { DepthExperimentResult, DepthExperimentSettings, DepthProgress } from './depthPresets';

/** The depth experiment's contract types live with its presets (the UI also reads the presets' values). */
export type { DepthExperimentResult, DepthExperimentSettings, DepthProgress };

/** An image to inspect: pixels of any size (uint8 0–255 or float 0–1), or a test-set example by index. */
export type InspectImage = { pixels: Uint8Array | Float32Array; shape: [number, number, number] } | { testIndex: number };

/** A layer whose output is a stack of feature maps [H, W, C]. */
export interface InspectableLayer {
  name: string;
  /** The arch layer kind, e.g. `conv2d`, `maxPool`, `add`. */
  kind: string;
  /** [H, W, C]. */
  outputShape: [number, number, number];
  /** Kernel shape [kh, kw, cin, cout] for a convolution, else null. */
  kernelShape: [number, number, number, number] | null;
}

/** What `layers()` returns: the layers, and the defaults the panel opens with. */
export interface InspectLayers {
  model: string;
  layers: InspectableLayer[];
  /** The first convolution (its filters are the ones worth drawing), or null. */
  firstConv: string | null;
  /** The last feature-map layer before the classifier: where Grad-CAM looks. */
  gradCamLayer: string | null;
}

/** One image's activations at one layer. */
export interface FeatureMaps {
  layer: string;
  /** [H, W, C]. */
  shape: [number, number, number];
  /** H·W·C activations, channels-last (transferred, not copied). */
  values: Float32Array;
  min: number;
  max: number;
  /** The inspected test image, when one was asked for by index. */
  image: SampleImage | null;
}

/** Convolution kernels of one layer. */
export interface Filters {
  layer: string;
  /** [kh, kw, cin, cout]. */
  shape: [number, number, number, number];
  /** kh·kw·cin·cout weights in tfjs' layout (transferred). */
  values: Float32Array;
  min: number;
  max: number;
}

/** One class of a top-k list. */
export interface ClassProbability {
  index: number;
  name: string;
  probability: number;
}

/** A Grad-CAM heat map and the prediction it explains. */
export interface GradCam {
  layer: string;
  /** The class whose score was differentiated (the top-1 class unless one was asked for). */
  classIndex: number;
  className: string;
  /** [H', W'] of the layer's feature maps. */
  shape: [number, number];
  /** relu(Σ_k w_k A_k) divided by its maximum: values in [0, 1] (all 0 when nothing is positive). */
  heat: Float32Array;
  /** The maximum before normalising (0: no positive evidence for the class at this layer). */
  rawMax: number;
  top: ClassProbability[];
  image: SampleImage | null;
}

/** One term of a convolution's sum: kernel weight at (u, v, channel) times the input under it. */
export interface CellTerm {
  u: number;
  v: number;
  channel: number;
  weight: number;
  input: number;
}

/**
 * How one feature-map cell is computed, with the live weights: for a convolution value = f(Σ w·x + b);
 * for a pool, the max or mean of its window (`sum` = `result`, `bias` 0, activation linear).
 */
export interface CellArithmetic {
  layer: string;
  kind: 'conv2d' | 'maxPool' | 'avgPool';
  cell: { y: number; x: number; c: number };
  /** [kh, kw, cin] of the window (cin 1 for a pool, which reads one channel). */
  kernel: [number, number, number];
  /** Top-left of the window on the layer's input (may be negative under 'same' padding). */
  patchOrigin: { y0: number; x0: number };
  sum: number;
  bias: number;
  preActivation: number;
  activation: string;
  /** activation(sum + bias): what the arithmetic gives. */
  result: number;
  /** The cell's value from the forward pass (what the feature map shows). */
  value: number;
  /** The largest terms by |weight × input| (a pool: the window's values). */
  terms: CellTerm[];
  /** How many terms the sum has (padding excluded). */
  count: number;
  /** The rows and columns of the input image that reach the cell. */
  receptiveField: { y0: number; y1: number; x0: number; x1: number };
  /** [H, W, C] of the network's input. */
  inputShape: [number, number, number];
}

/** How a softmax output layer computes its probabilities for one image, with the live weights. */
export interface SoftmaxArithmetic {
  layer: string;
  /** Length of the layer's input vector (the sum in each logit has this many terms). */
  inputs: number;
  /** z_j = Σ_i x_i · W[i, j] + b_j, one per class. */
  logits: number[];
  /** max_j z_j, subtracted before exponentiating (the same probabilities, no overflow). */
  max: number;
  /** e^(z_j − max). */
  exps: number[];
  sumExp: number;
  /** exps / sumExp: what the arithmetic gives. */
  probabilities: number[];
  /** The layer's output from the forward pass (what the prediction shows). */
  forward: number[];
}

/** A layer's gradient, measured between training batches on the first `examples` training images. */
export interface LayerGradient {
  layer: string;
  /** ‖∂L/∂W‖₂ of its kernel (cross-entropy of the main output, inference mode); null without a kernel. */
  gradientNorm: number | null;
  /** ‖W‖₂ of the same kernel; null without one. */
  weightNorm: number | null;
  examples: number;
}

/** Which layer's feature maps, for which image. */
export interface FeatureMapsRequest {
  layer: string;
  image: InspectImage;
}

/** One cell (y, x, c) of a layer's output, for one image. */
export interface CellRequest {
  layer: string;
  image: InspectImage;
  y: number;
  x: number;
  c: number;
}

/** Grad-CAM for an image; by default the top-1 class at the last feature-map layer, top 5 listed. */
export interface GradCamRequest {
  image: InspectImage;
  classIndex?: number;
  layer?: string;
  k?: number;
}

/**
 * Looking inside the current model: every call but the depth experiment is short and runs between
 * training batches, so the UI may poll during training (throttled, e.g. ≤ 2 Hz). Big arrays come back
 * transferred.
 */
export interface InspectApi {
  /** The current model's feature-map layers (name, kind, [H, W, C]) and the panel's default layers. */
  layers(): Promise<InspectLayers>;
  /** One image's activations at a layer: values [H, W, C] with their min and max. */
  featureMaps(request: FeatureMapsRequest): Promise<FeatureMaps>;
  /** How one cell is computed: Σ kernel × patch + bias, then the activation (or a pool's max/mean), from the live weights. */
  cellArithmetic(request: CellRequest): Promise<CellArithmetic>;
  /** How a softmax output layer computes its probabilities: logits, e^(z − max), their sum, p, from the live weights. */
  softmaxArithmetic(request: FeatureMapsRequest): Promise<SoftmaxArithmetic>;
  /** A convolution's kernels [kh, kw, cin, cout]; by default the first convolution's. */
  filters(layer?: string): Promise<Filters>;
  /** The gradient norm of a layer's kernel on the first `examples` (default 32) training images, and its weight norm. */
  layerGradient(layer: string, examples?: number): Promise<LayerGradient>;
  /** Grad-CAM with the top-k probabilities of the same forward pass. */
  gradCam(request: GradCamRequest): Promise<GradCam>;
  /**
   * Plain vs residual nets of several depths with one budget: training error per depth and first-step
   * gradient norms. A job of the worker's session: refused while another job runs (and holds the others off).
   */
  runDepthExperiment(settings: DepthExperimentSettings, onProgress: (p: DepthProgress) => void, dataUrl?: string): Promise<DepthExperimentResult>;
  /** Stops a running depth experiment after its current batch (its promise then rejects saying so). */
  stopDepthExperiment(): Promise<void>;
}
