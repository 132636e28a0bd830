/**
 * Architectures as data: a typed layer graph (a DAG) that every part of the product reads —
 * shape/parameter/MAC inference, the summary table, the tfjs model builder, the graph view.
 *
 * Shapes never include the batch dimension. Image tensors are channels-last: [height, width, channels].
 */
import { message, sayMessage, UserError, type ArchMessageCode, type RichParams, type UserMessage } from '../messages/index';

/** A per-example tensor shape: [H, W, C] for feature maps, [N] for vectors. */
export type Shape = readonly number[];

/** Explicit padding in pixels on each side. */
export interface Pad2d {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** `valid` = no padding, `same` = TF/Keras "same" (output = ceil(in / stride)), or explicit pixels. */
export type Padding = 'valid' | 'same' | Pad2d;

/**
 * Element-wise activations (softmax over the last axis). `scaledTanh` is LeNet-5's squashing function
 * f(a) = A·tanh(S·a) with A = 1.7159, S = 2/3 (LeCun et al. 1998, eq. 7 and Appendix A): f(±1) = ±1,
 * and the slope is steepest where the ±1 targets lie.
 */
export type ActivationName = 'linear' | 'relu' | 'tanh' | 'sigmoid' | 'softmax' | 'scaledTanh';

/**
 * How a layer's weights start. `glorotUniform` (Keras' default): U(±√(6 / (fanIn + fanOut))).
 * `heNormal` (Keras' `he_normal`): truncated N(0, 2/F); it keeps the signal's variance through ReLU layers,
 * which a deep plain stack without batch norm (VGG, AlexNet) needs to learn at all.
 * `lecun98`: U(−2.4/F, 2.4/F) with F the fan-in of the unit (LeCun et al. 1998, Appendix A) — not Keras'
 * `lecun_uniform`, which is U(±√(3/F)). Biases start at zero either way.
 */
export type KernelInit = 'glorotUniform' | 'heNormal' | 'lecun98';

export interface InputSpec {
  readonly kind: 'input';
  /** [H, W, C]. */
  readonly shape: Shape;
}

export interface Conv2dSpec {
  readonly kind: 'conv2d';
  readonly filters: number;
  /** [kh, kw]. */
  readonly kernel: readonly [number, number];
  /** [sh, sw]. */
  readonly strides: readonly [number, number];
  readonly padding: Padding;
  /** Grouped convolution (AlexNet's two-GPU split uses 2). Input and output channels must divide by it. */
  readonly groups: number;
  readonly useBias: boolean;
  readonly activation: ActivationName;
  /** Absent: `glorotUniform`. */
  readonly kernelInit?: KernelInit;
}

export interface Pool2dSpec {
  readonly kind: 'maxPool' | 'avgPool';
  readonly pool: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: Padding;
}

export interface GlobalAvgPoolSpec {
  readonly kind: 'globalAvgPool';
}

/**
 * Local response normalisation (AlexNet §3.3), in the paper's form (alpha not divided by the window):
 * b = a / (bias + alpha · Σ_{depthRadius neighbours} a²)^beta, over n = 2·depthRadius + 1 channels.
 * The paper uses k=2, n=5, α=1e-4, β=0.75; tfjs' `localResponseNormalization` computes the same.
 */
export interface LrnSpec {
  readonly kind: 'lrn';
  readonly depthRadius: number;
  readonly bias: number;
  readonly alpha: number;
  readonly beta: number;
}

export interface BatchNormSpec {
  readonly kind: 'batchNorm';
  readonly epsilon: number;
  readonly momentum: number;
  /**
   * γ's initial value; absent: ones (Keras'). Zeros on a residual branch's last batch norm makes the block
   * start as the identity (Goyal et al. 2017; torchvision's `zero_init_residual`).
   */
  readonly gammaInit?: 'ones' | 'zeros';
}

export interface ActivationSpec {
  readonly kind: 'activation';
  readonly activation: ActivationName;
}

export interface DenseSpec {
  readonly kind: 'dense';
  readonly units: number;
  readonly useBias: boolean;
  readonly activation: ActivationName;
  /** Absent: `glorotUniform`. */
  readonly kernelInit?: KernelInit;
}

/**
 * A convolution in which each output map reads only the input maps its row of a connection table lists
 * (LeNet-5's C3, LeCun et al. 1998 Table I, which keeps the number of connections within bounds and
 * breaks the symmetry between maps). For output map m with input maps T[m]:
 * y[i, j, m] = f(b[m] + Σ_{c ∈ T[m]} Σ_{u < kh, v < kw} w[u, v, k(m, c)] · x[i·sh + u, j·sw + v, c]),
 * where k(m, c) numbers the table's connections row by row (m ascending, then c ascending in T[m]).
 * Weights: kernel [kh, kw, Σ|T[m]|], bias [filters]. Trainable parameters kh·kw·Σ|T[m]| + filters;
 * a full table (every map reads every input) is an ordinary Conv2D.
 */
export interface TableConv2dSpec {
  readonly kind: 'tableConv2d';
  /** [kh, kw]. */
  readonly kernel: readonly [number, number];
  /** [sh, sw]. */
  readonly strides: readonly [number, number];
  readonly padding: 'valid' | 'same';
  /** T[m]: the input channels output map m reads, ascending, no repeats. filters = T.length. */
  readonly table: readonly (readonly number[])[];
  readonly useBias: boolean;
  readonly activation: ActivationName;
  /** Absent: `glorotUniform` (fan-in of map m = kh·kw·|T[m]|, fan-out = kh·kw·filters). */
  readonly kernelInit?: KernelInit;
}

/**
 * LeNet-5's subsampling layers S2 and S4 (LeCun et al. 1998, §II.B): each map sums its pool window,
 * multiplies the sum by a trainable coefficient, adds a trainable bias and squashes:
 * y[i, j, c] = f(w[c] · Σ_{u < ph, v < pw} x[i·sh + u, j·sw + v, c] + b[c]) ('valid' windows).
 * Weights: coefficient [C], bias [C] — 2 trainable parameters per map.
 */
export interface SubsampleSpec {
  readonly kind: 'subsample';
  /** [ph, pw]. */
  readonly pool: readonly [number, number];
  /** [sh, sw]. */
  readonly strides: readonly [number, number];
  readonly activation: ActivationName;
  /**
   * Absent or `glorotUniform`: coefficients start at 1/(ph·pw), so the layer starts as an average pool.
   * `lecun98`: U(±2.4/(ph·pw)) (the fan-in of a unit is its window).
   */
  readonly kernelInit?: KernelInit;
}

/**
 * LeNet-5's output layer (LeCun et al. 1998, eq. 8): one Euclidean radial basis function unit per class,
 * y_i = Σ_j (x_j − w_ij)², the squared distance of the input vector x [n] to the class's fixed parameter
 * vector w_i [n] (entries ±1). A penalty: the smaller, the likelier the class. The vectors are not
 * trained (the paper chose them by hand and kept them fixed); they count as non-trainable parameters (units·n).
 */
export interface RbfSpec {
  readonly kind: 'rbf';
  /** w: one ±1 vector of length n per class (units = centres.length). */
  readonly centres: readonly (readonly number[])[];
}

export interface FlattenSpec {
  readonly kind: 'flatten';
}

export interface DropoutSpec {
  readonly kind: 'dropout';
  readonly rate: number;
}

export interface ZeroPadSpec {
  readonly kind: 'zeroPad';
  readonly padding: Pad2d;
}

/**
 * The CIFAR ResNets' "option A" shortcut (He et al. 2015, §4.2): identity, subsampled by `stride`
 * (x[:, ::s, ::s, :]) and zero-padded in the channel dimension up to `filters`. No parameters.
 */
export interface PadShortcutSpec {
  readonly kind: 'padShortcut';
  readonly stride: number;
  readonly filters: number;
}

export interface AddSpec {
  readonly kind: 'add';
}

/** Concatenate along the channel (last) axis. */
export interface ConcatSpec {
  readonly kind: 'concat';
}

/**
 * Keras' `Rescaling`: y = scale · x + offset, element-wise, no parameters. Put after the input of a
 * pretrained network that expects another pixel range than our [0, 1] (MobileNet: scale 2, offset −1
 * gives [−1, 1]).
 */
export interface RescaleSpec {
  readonly kind: 'rescale';
  readonly scale: number;
  readonly offset: number;
}

export type LayerSpec =
  | InputSpec
  | Conv2dSpec
  | Pool2dSpec
  | GlobalAvgPoolSpec
  | LrnSpec
  | BatchNormSpec
  | ActivationSpec
  | DenseSpec
  | FlattenSpec
  | DropoutSpec
  | ZeroPadSpec
  | PadShortcutSpec
  | AddSpec
  | ConcatSpec
  | RescaleSpec
  | TableConv2dSpec
  | SubsampleSpec
  | RbfSpec;

export type LayerKind = LayerSpec['kind'];

/**
 * Optional grouping a layer belongs to, for views: e.g. `{ type: 'residual', id: 'conv2_block1',
 * shortcut: 'projection' }` or `{ type: 'inception', id: 'inception_3a', branch: 1 }`.
 */
export interface BlockTag {
  readonly type: 'residual' | 'plain' | 'inception' | 'aux' | 'stem' | 'head' | 'stage';
  readonly id: string;
  /** Inception branch index 0..3 (1×1; 1×1→3×3; 1×1→5×5; pool→1×1), or undefined for the concat. */
  readonly branch?: number;
  /** For residual blocks: which shortcut the block uses. */
  readonly shortcut?: 'identity' | 'zero-pad' | 'projection';
  /** For residual blocks: true on layers of the shortcut path (W_s, its BN, or the pad shortcut). */
  readonly onShortcut?: boolean;
}

/** One node of the graph: a layer, its unique name (Keras-style hierarchical) and its inputs by name. */
export interface LayerNode {
  readonly name: string;
  readonly spec: LayerSpec;
  readonly inputs: readonly string[];
  readonly block?: BlockTag;
}

/** A named output of the graph. The main classifier has role `main`; GoogLeNet's auxiliaries `aux`. */
export interface GraphOutput {
  readonly node: string;
  readonly role: 'main' | 'aux';
  /** Weight of this output's loss in training (1 for main, 0.3 for GoogLeNet's auxiliaries). */
  readonly lossWeight: number;
}

/** An architecture: nodes in topological order (every input appears before its consumers). */
export interface ArchGraph {
  readonly name: string;
  readonly nodes: readonly LayerNode[];
  readonly outputs: readonly GraphOutput[];
  /** What the graph follows (paper, library), as a message; zoo networks always say. */
  readonly source?: UserMessage;
}

/** What inference says of one layer. */
export interface LayerInfo {
  readonly name: string;
  readonly kind: LayerKind;
  readonly inputs: readonly string[];
  readonly outputShape: Shape;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
  /** trainable + non-trainable. */
  readonly params: number;
  /** Multiply-accumulates for one example (torchvision `_ops` convention). */
  readonly macs: number;
  /**
   * Connections for one example, as LeCun et al. (1998) count them: every weighted link from an input
   * value (or the bias) to an output value, a shared weight counted at each use. Weighted layers only
   * (convolutions, subsampling, dense, RBF); 0 for the rest.
   */
  readonly connections: number;
  /** Number of activation values this layer outputs for one example. */
  readonly activations: number;
  readonly block?: BlockTag;
}

/** Inference over a whole graph. */
export interface GraphInfo {
  readonly name: string;
  readonly inputShape: Shape;
  /** Shape of the main output. */
  readonly outputShape: Shape;
  readonly layers: readonly LayerInfo[];
  readonly totalParams: number;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
  readonly macs: number;
  /** Sum of every layer's connections (see {@link LayerInfo.connections}). */
  readonly connections: number;
  /** Sum of every layer's output values for one example (forward activation memory, in values). */
  readonly activations: number;
  /** The graph's {@link ArchGraph.source}, when it has one. */
  readonly source?: UserMessage;
}

/**
 * An impossible configuration: names the layer and the shapes involved. Its `detail` (code + parameters
 * from src/messages/archMessages.ts) lets the playground say it in Japanese; `message` is the English.
 */
export class ArchError extends UserError {
  constructor(
    detail: UserMessage<ArchMessageCode>,
    readonly layer?: string,
  ) {
    super(detail, sayMessage(detail, 'en'));
    this.name = 'ArchError';
  }
}

/** Throws-ready {@link ArchError} for `code` with `params`, about `layer` when given. */
export const archError = (code: ArchMessageCode, params: RichParams = {}, layer?: string): ArchError => new ArchError(message(code, params), layer);
