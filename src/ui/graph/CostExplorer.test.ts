import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CostExplorer } from './CostExplorer';

describe('CostExplorer markup', () => {
  it("opens on the course's example: 120,422,400 vs 12,443,648, about 9.7× fewer", () => {
    const html = renderToStaticMarkup(createElement(CostExplorer));
    expect(html).toMatch(/data-testid="cost-direct">120,422,400</);
    expect(html).toMatch(/data-testid="cost-with">12,443,648</);
    expect(html).toMatch(/data-testid="cost-saving">9\.7×</);
  });
});
