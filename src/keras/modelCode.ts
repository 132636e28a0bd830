/**
 * `build_model()` as Python: `keras.Sequential([...])` for a chain, the functional API for a DAG
 * (residual adds, inception concatenations, auxiliary heads), one line per layer with the
 * playground's layer names, kernel sizes, strides, padding, activations and initialisers, and a
 * comment where a block of the graph (a residual block, an inception module, …) begins.
 */
import type { BlockTag } from '../arch/index';
import type { KerasLayer } from './kerasLayers';
import type { KerasValue } from './kerasObjects';
import type { KerasModelPlan, PlannedLayer } from './kerasModel';
import { py, pyIdentifier, pyString, type PyValue } from './python';

/** Arguments that only restate Keras' default are left out of the code (config.json keeps them). */
const DEFAULTS: Readonly<Record<string, KerasValue>> = { use_bias: true, activation: 'linear' };

/** `layers.Conv2D(6, (5, 5), strides=(1, 1), …, name="c1_conv")` (custom layers without `layers.`). */
export function layerExpression(layer: KerasLayer): string {
  const positional = layer.args.slice(0, layer.positional).map(([, v]) => py(v as PyValue));
  const keywords = layer.args
    .slice(layer.positional)
    .filter(([k, v]) => DEFAULTS[k] === undefined || JSON.stringify(DEFAULTS[k]) !== JSON.stringify(v))
    .map(([k, v]) => `${k}=${py(v as PyValue)}`);
  const callee = layer.custom ? layer.className : `layers.${layer.className}`;
  return `${callee}(${[...positional, ...keywords, `name=${pyString(layer.name)}`].join(', ')})`;
}

const BLOCK_WORDS: Readonly<Record<BlockTag['type'], string>> = {
  residual: 'residual block', plain: 'plain block (no shortcut)', inception: 'inception module', aux: 'auxiliary classifier (its loss weighs 0.3)',
  stem: 'stem', head: 'classifier', stage: 'stage',
};

function blockComment(block: BlockTag): string {
  const shortcut = block.type === 'residual' && block.shortcut ? `, ${block.shortcut} shortcut` : '';
  return `# ${block.id}: ${BLOCK_WORDS[block.type]}${shortcut}`;
}

/** Comments for where `layer` starts a new block (or, inside an inception module, a new branch). */
function commentsBefore(layer: PlannedLayer, previous: PlannedLayer | undefined): string[] {
  const b = layer.block;
  const p = previous?.block;
  if (!b) return [];
  if (!p || p.id !== b.id || p.type !== b.type) return [blockComment(b)];
  if (b.type === 'inception' && b.branch !== undefined && b.branch !== p.branch) return [`#   branch ${b.branch + 1}`];
  return [];
}

function docstring(title: string, indent: string): string {
  return `${indent}"""${title} Returns the uncompiled model."""`;
}

function sequentialCode(plan: KerasModelPlan, title: string): string[] {
  const out = ['def build_model():', docstring(title, '    '), '    return keras.Sequential(', '        ['];
  out.push(`            keras.Input(shape=${py([...plan.input.shape])}, name=${pyString(plan.input.name)}),`);
  plan.layers.forEach((l, i) => {
    for (const c of commentsBefore(l, plan.layers[i - 1])) out.push(`            ${c}`);
    out.push(`            ${layerExpression(l.layer)},`);
  });
  out.push('        ],', `        name=${pyString(plan.name)},`, '    )');
  return out;
}

function functionalCode(plan: KerasModelPlan, title: string): string[] {
  const consumers = new Map<string, number>();
  for (const l of plan.layers) for (const i of l.inputs) consumers.set(i, (consumers.get(i) ?? 0) + 1);
  const outputs = new Set(plan.outputs);
  const variable = new Map<string, string>([[plan.input.name, 'inputs']]);
  const out = ['def build_model():', docstring(title, '    '), `    inputs = keras.Input(shape=${py([...plan.input.shape])}, name=${pyString(plan.input.name)})`];
  plan.layers.forEach((l, i) => {
    for (const c of commentsBefore(l, plan.layers[i - 1])) out.push(`    ${c}`);
    const next = plan.layers[i + 1];
    const name = l.layer.name;
    // `x` carries a value only to the next line; anything read later (a shortcut, a branch) gets its own name.
    const onlyNext = consumers.get(name) === 1 && next !== undefined && next.inputs.includes(name) && !outputs.has(name);
    const target = onlyNext ? 'x' : pyIdentifier(name);
    const args = l.inputs.map((input) => variable.get(input) ?? pyIdentifier(input));
    const call = args.length === 1 ? args[0] : `[${args.join(', ')}]`;
    out.push(`    ${target} = ${layerExpression(l.layer)}(${call})`);
    variable.set(name, target);
  });
  const results = plan.outputs.map((o) => variable.get(o) ?? pyIdentifier(o));
  const outputsText = results.length === 1 ? results[0] : `[${results.join(', ')}]`;
  out.push(`    return keras.Model(inputs, ${outputsText}, name=${pyString(plan.name)})`);
  return out;
}

/**
 * The Python source of `build_model()` for `plan`; `title` opens its docstring (e.g.
 * "LeNet-5 (modern) as the playground builds it: 61,706 parameters.").
 */
export function buildModelCode(plan: KerasModelPlan, title: string): string {
  return (plan.sequential ? sequentialCode(plan, title) : functionalCode(plan, title)).join('\n');
}
