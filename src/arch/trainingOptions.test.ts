import { describe, expect, it } from 'vitest';
import { buildArch, inferGraph, withTrainingOptions } from './index';

const zeroGammaNames = (arch: string) =>
  withTrainingOptions(buildArch(arch, { classes: 10, width: 0.25, input: [16, 16, 1] }), { zeroInitResidual: true })
    .nodes.filter((n) => n.spec.kind === 'batchNorm' && n.spec.gammaInit === 'zeros').map((n) => n.name);

describe('withTrainingOptions: zero-initialised residual branches', () => {
  it('sets γ = 0 on the last batch norm of every residual branch of ResNet-20 (9 blocks), never on a shortcut', () => {
    const graph = buildArch('resnet20', { classes: 10 });
    const adds = graph.nodes.filter((n) => n.spec.kind === 'add');
    const names = zeroGammaNames('resnet20');
    expect(adds).toHaveLength(9);
    expect(names).toHaveLength(9);
    // Each is the branch input of its block's add, not the shortcut (the add's first input).
    for (const add of adds) {
      expect(names).toContain(add.inputs[1]);
      expect(names).not.toContain(add.inputs[0]);
    }
  });

  it("ResNet-50's projection shortcuts keep γ = 1; a plain net has no residual branch to change", () => {
    const names = zeroGammaNames('resnet50');
    expect(names).toHaveLength(16);
    expect(names.every((n) => !n.endsWith('_0_bn'))).toBe(true);
    expect(zeroGammaNames('plain20')).toEqual([]);
  });

  it('changes no shape or parameter count', () => {
    const graph = buildArch('resnet56', { classes: 10, width: 0.25 });
    expect(inferGraph(withTrainingOptions(graph, { zeroInitResidual: true })).totalParams).toBe(inferGraph(graph).totalParams);
  });
});
