/**
 * Writes what check_zoo.py compares against the real Keras: for every case of zooCases.ts the
 * generated model module (`<id>.py`) and our figures (`cases.json`: summary, Keras layer order,
 * weight groups). Usage: tsx scripts/keras/writeZooCases.ts <out-dir>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArch, inferGraph, summaryJson, withTrainingOptions } from '../../src/arch/index';
import { kerasLayerOrder, modelCode, modelModuleText, weightLayout } from '../../src/keras/index';
import { zooCases } from './zooCases';

/** Writes the cases into `dir` and returns how many. */
export function writeZooCases(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const cases = zooCases().map((c) => {
    const graph = withTrainingOptions(buildArch(c.arch, c.options), c.training ?? {});
    const code = modelCode(graph, `${c.id} as the playground builds it.`);
    const module = `zoo_${c.id.replace(/[^\w]/g, '_')}`;
    writeFileSync(join(dir, `${module}.py`), modelModuleText(code));
    return {
      id: c.id,
      module,
      sequential: code.plan.sequential,
      summary: summaryJson(c.arch, inferGraph(graph)),
      layerOrder: kerasLayerOrder(code.plan),
      weights: weightLayout(code.plan).map((w) => ({ layer: w.layer, path: w.path, count: w.weights.length })),
    };
  });
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
  return cases.length;
}

if (process.argv[1]?.endsWith('writeZooCases.ts')) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx scripts/keras/writeZooCases.ts <out-dir>');
  process.stdout.write(`wrote ${writeZooCases(dir)} cases to ${dir}\n`);
}
