import { useEffect, useMemo, useRef } from 'react';
import type { Filters } from '../../engine/inspect/inspectProtocol';
import { gridLayout, paintFilters } from '../../views/inspect/featureGrid';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';

/**
 * A convolution's kernels as small images (RGB for 3 input channels, grey otherwise); by default the
 * first convolution's panel (`first-layer-filters`, up to 600 px wide).
 */
export function FilterCanvas({ filters, maxWidth = 600, testId = 'first-layer-filters', firstLayer = true }: { filters: Filters; maxWidth?: number; testId?: string; firstLayer?: boolean }) {
  const t = useMessages(inspectMessages);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [kh, kw, cin, cout] = filters.shape;
  const layout = useMemo(() => gridLayout(cout, kh, kw, { targetTile: 36, maxWidth, gap: 4, maxTiles: 96 }), [cout, kh, kw, maxWidth]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || layout.width < 1 || layout.height < 1) return;
    ctx.putImageData(new ImageData(paintFilters(filters.values, filters.shape, layout), layout.width, layout.height), 0, 0);
  }, [filters, layout]);

  const heading = fill(t(firstLayer ? 'filtersHeading' : 'filtersHeadingAny'), { layer: filters.layer, kh, kw, cin, cout });
  return (
    <figure className="inspect-figure">
      <canvas ref={canvas} width={layout.width} height={layout.height} data-testid={testId} data-tiles={layout.tiles} role="img" aria-label={heading} />
      <figcaption>
        <b>{heading}</b>. {t('filtersNote')}
      </figcaption>
    </figure>
  );
}
