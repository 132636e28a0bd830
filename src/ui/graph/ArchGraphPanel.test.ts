import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildArch, inferGraph } from '../../arch/index';
import { ArchGraphPanel } from './ArchGraphPanel';

function render(id: string, frozen?: ReadonlySet<string>): string {
  const graph = buildArch(id);
  return renderToStaticMarkup(createElement(ArchGraphPanel, { graph, info: inferGraph(graph), ...(frozen ? { frozen } : {}) }));
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('ArchGraphPanel markup', () => {
  it('draws one skip-edge per residual block with its kind, and every layer as a focusable block', () => {
    const html = render('resnet20');
    expect(count(html, /data-testid="skip-edge" data-kind="zero-pad"/g)).toBe(2);
    expect(count(html, /data-testid="skip-edge" data-kind="identity"/g)).toBe(7);
    // Every layer is a focusable block, reached with the arrow keys: one tab stop (roving tabindex).
    expect(count(html, /data-testid="graph-node"[^>]*tabindex="(0|-1)"/g)).toBe(buildArch('resnet20').nodes.length);
    expect(count(html, /data-testid="graph-node"[^>]*tabindex="0"/g)).toBe(1);
  });

  it('greys out the frozen layers only', () => {
    const html = render('lenet5', new Set(['c1_conv', 's2_pool']));
    expect(count(html, /data-frozen="true"/g)).toBe(2);
    expect(html).toMatch(/data-layer="c1_conv" data-kind="conv2d" data-frozen="true"/);
    expect(html).toContain('frozen layer');
  });
});
