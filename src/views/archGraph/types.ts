import type { LayerKind, Shape } from '../../arch/index';

/**
 * The architecture graph as positioned marks, in graph units (1 unit = 1 CSS pixel at zoom 1).
 * The main path runs left → right along y = 0; skip arcs rise above it, auxiliary classifiers hang below.
 */

/** Where a mark sits relative to the main path. */
export type NodeRole = 'main' | 'shortcut' | 'branch' | 'aux';

/** What a block draws: a layer kind, or a collapsed inception module. */
export type NodeKind = LayerKind | 'inception';

/** One drawn block: a single layer, or a whole collapsed inception module. */
export interface LayoutNode {
  /** Unique id: the layer name, or the module id (e.g. `inception_3a`) when collapsed. */
  readonly id: string;
  /** The arch layers this block stands for (one, or every layer of a collapsed module). */
  readonly layers: readonly string[];
  readonly kind: NodeKind;
  readonly role: NodeRole;
  /** Centre of the block. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Output shape: [H, W, C] for maps, [N] for vectors. */
  readonly shape: Shape;
  /** Parameters and MACs of the layers it stands for (from inferGraph). */
  readonly params: number;
  readonly macs: number;
  /** Residual block or inception module the block belongs to, if any. */
  readonly group?: string;
  /** A short label drawn under the block, when the graph is small enough to label every layer. */
  readonly label?: string;
  /**
   * For a table convolution (LeNet-5's C3): [output map][input map], true where the output map reads
   * that input map — Table I of LeCun et al. (1998) with rows and columns swapped to fit a tall block.
   */
  readonly connectionTable?: readonly (readonly boolean[])[];
}

/** A plain connection between two blocks (data flows from → to). */
export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'flow' | 'branch' | 'aux';
  /** SVG path data. */
  readonly d: string;
}

export type ShortcutKind = 'identity' | 'zero-pad' | 'projection';

/** A residual block's shortcut, drawn as one arc over exactly the layers it bypasses. */
export interface SkipArc {
  /** The residual block id (e.g. `conv2_block1`). */
  readonly block: string;
  readonly kind: ShortcutKind;
  /** The block's input block (where the arc leaves the main path) and its `add` block (where it lands). */
  readonly from: string;
  readonly to: string;
  /** Layers of the residual branch F(x) the arc passes over, in order. */
  readonly bypassed: readonly string[];
  /** Shortcut layers drawn on the arc (W_s conv and BN for a projection; the pad for zero-pad). */
  readonly onArc: readonly string[];
  /** Horizontal extent: centres of `from` and `to`. */
  readonly x0: number;
  readonly x1: number;
  /** Top of the arc (most negative y). */
  readonly top: number;
  readonly d: string;
}

/** One of an expanded inception module's four parallel branches. */
export interface InceptionBranch {
  readonly module: string;
  /** 0: 1×1; 1: 1×1→3×3; 2: 1×1→5×5; 3: 3×3 max pool→1×1. */
  readonly index: number;
  /** Its layers, in order; the last one feeds the concat. */
  readonly layers: readonly string[];
  /** The concat block all four branches join at. */
  readonly concat: string;
  /** Output channels of the branch's last layer. */
  readonly outChannels: number;
  /** Sum of the branch layers' MACs and parameters (inferGraph's figures). */
  readonly macs: number;
  readonly params: number;
  /** Bounding box of the branch's lane, for its label and hit area. */
  readonly box: Box;
}

/** An inception module: collapsed into one block, or expanded into its branches. */
export interface ModuleLayout {
  readonly id: string;
  readonly expanded: boolean;
  /** Empty when collapsed; four when expanded. */
  readonly branches: readonly InceptionBranch[];
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A text mark (block names under the main path). */
export interface LayoutLabel {
  /** Where the label is drawn in graph units (the exported file draws it there, 10 units high). */
  readonly x: number;
  readonly y: number;
  /** The layer's or block's name. */
  readonly text: string;
  /** Second line: the layer kind and output shape ("Conv2D 28×28×6"), or a block's output shape. */
  readonly detail?: string;
  /**
   * Where the on-screen label hangs, in graph units: below `anchorY` (the bottom of its row's blocks) or,
   * for an auxiliary classifier's name, above it. On screen labels keep a constant size at every zoom.
   */
  readonly anchorY?: number;
  readonly above?: boolean;
  /** Graph units free below the anchor (the gap to the next row, when the path wraps); no limit if absent. */
  readonly room?: number;
  /** 0: shown first when labels compete for room (shape changes, stage openings); 1: the rest. */
  readonly rank?: number;
}

/** Wrapping of the main path into rows, like lines of text, so a long network fits a view whole. */
export interface WrapOptions {
  /** Rows of about equal length; a residual block or inception module never splits. */
  readonly rows: number;
  /** Room below a row's blocks before the next row's marks begin, in graph units (its labels hang there). */
  readonly rowGap: number;
}

/** The whole positioned graph. */
export interface GraphLayout {
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
  readonly skips: readonly SkipArc[];
  readonly modules: readonly ModuleLayout[];
  readonly labels: readonly LayoutLabel[];
  /** Rows the main path was wrapped into (1 when it was not). */
  readonly rows: number;
  /** Bounding box of every mark, with a margin. */
  readonly bounds: Box;
  /** Arch layer name → id of the block drawing it. */
  readonly blockOf: ReadonlyMap<string, string>;
}
