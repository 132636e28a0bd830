/**
 * The 1998 LeNet-5's own layer kinds as Keras layers of the generated code (TableConv2D, Subsampling2D,
 * EuclideanRBF, see lenet1998Layers.ts for their Python): their arguments, weights in the tfjs layers'
 * order (src/model/layers/), and the module-level constants they name (C3's connection table, the RBF
 * units' bitmaps), so the code reads like the paper instead of a wall of numbers.
 */
import type { LayerNode, RbfSpec, SubsampleSpec, TableConv2dSpec } from '../arch/index';
import type { KerasLayer, PyConstant } from './kerasLayers';
import { kerasActivation, type KerasObject } from './kerasObjects';
import { py, pyIdentifier, pyNumber, pyString } from './python';

/** A constant of the generated code: `expr` in the layer call, the values themselves in config.json. */
function constantValue(name: string, json: KerasObject['json']): KerasObject {
  return { expr: name, json };
}

function tableConstant(node: LayerNode, table: readonly (readonly number[])[]): PyConstant {
  const name = `${pyIdentifier(node.name).toUpperCase()}_TABLE`;
  const rows: string[] = [];
  for (let i = 0; i < table.length; i += 6) rows.push(`    ${table.slice(i, i + 6).map((r) => py([...r])).join(', ')},`);
  return {
    name,
    code: [`# ${node.name}: the input maps each of its ${table.length} output maps reads (LeCun et al. 1998, Table I).`, `${name} = [`, ...rows, ']'].join('\n'),
  };
}

const isSign = (w: readonly number[]) => w.every((v) => v === 1 || v === -1);

function centresConstant(node: LayerNode, centres: readonly (readonly number[])[]): PyConstant {
  const name = `${pyIdentifier(node.name).toUpperCase()}_CENTRES`;
  const n = centres[0]?.length ?? 0;
  if (!centres.every(isSign)) {
    const rows = centres.map((w, i) => `    [${w.map(pyNumber).join(', ')}],  # class ${i}`);
    return { name, code: [`# ${node.name}: the RBF units' fixed parameter vectors, one per class.`, `${name} = [`, ...rows, ']'].join('\n') };
  }
  // ±1 vectors as bitmaps, 7 cells a row as the paper's 7×12 drawings (one row when n is no multiple of 7).
  const width = n % 7 === 0 ? 7 : n;
  const bitmaps = `${name.replace(/_CENTRES$/, '')}_BITMAPS`;
  const rows = centres.map((w, i) => {
    const cells = w.map((v) => (v > 0 ? '#' : '.')).join('');
    const lines = Array.from({ length: n / width }, (_, r) => pyString(cells.slice(r * width, (r + 1) * width)));
    return `    [${lines.join(', ')}],  # class ${i}`;
  });
  return {
    name,
    code: [
      `# ${node.name}: the RBF units' fixed ±1 vectors, one per class, drawn as ${width}x${n / width} bitmaps ("#" = +1, "." = -1).`,
      `${bitmaps} = [`,
      ...rows,
      ']',
      `${name} = [[1.0 if cell == "#" else -1.0 for row in bitmap for cell in row] for bitmap in ${bitmaps}]`,
    ].join('\n'),
  };
}

const custom = (node: LayerNode, className: string, args: KerasLayer['args'], positional: number, weights: readonly string[], constants: readonly PyConstant[] = []): KerasLayer => ({
  name: node.name, className, custom: true, node: node.name, args, positional, weights, ...(constants.length ? { constants } : {}),
});

/**
 * C3's table convolution. `kernel_initializer` is the layer's own: "lecun98" or "glorot_uniform", drawn
 * per output map from that map's fan-in, as the tfjs TableConv2D does (which draws Glorot for any
 * initialiser but lecun98).
 */
export function tableConvLayer(node: LayerNode, spec: TableConv2dSpec): KerasLayer {
  const table = tableConstant(node, spec.table);
  return custom(node, 'TableConv2D', [
    ['table', constantValue(table.name, spec.table.map((r) => [...r]))], ['kernel_size', [...spec.kernel]], ['strides', [...spec.strides]], ['padding', spec.padding],
    ['activation', kerasActivation(spec.activation)], ['use_bias', spec.useBias], ['kernel_initializer', spec.kernelInit === 'lecun98' ? 'lecun98' : 'glorot_uniform'],
  ], 2, spec.useBias ? ['kernel', 'bias'] : ['kernel'], [table]);
}

/** S2 / S4: "lecun98" coefficients U(±2.4/window), else "average" (1/window: the layer starts as an average pool), as the tfjs layer. */
export function subsampleLayer(node: LayerNode, spec: SubsampleSpec): KerasLayer {
  return custom(node, 'Subsampling2D', [
    ['pool_size', [...spec.pool]], ['strides', [...spec.strides]], ['activation', kerasActivation(spec.activation)],
    ['kernel_initializer', spec.kernelInit === 'lecun98' ? 'lecun98' : 'average'],
  ], 1, ['coefficient', 'bias']);
}

/** The RBF output units with their fixed centres (a non-trainable weight, saved with the model). */
export function rbfLayer(node: LayerNode, spec: RbfSpec): KerasLayer {
  const centres = centresConstant(node, spec.centres);
  return custom(node, 'EuclideanRBF', [['centres', constantValue(centres.name, spec.centres.map((w) => [...w]))]], 1, ['centres'], [centres]);
}
