import { useEffect, useMemo, useRef } from 'react';
import type { Filters } from '../../engine/inspect/inspectProtocol';
import { gridLayout, paintFilters } from '../../views/inspect/featureGrid';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { inspectMessages } from '../i18n/inspect';

/** The first convolution's kernels as small images (RGB for 3 input channels, grey otherwise). */
export function FilterCanvas({ filters }: { filters: Filters }) {
  const t = useMessages(inspectMessages);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [kh, kw, cin, cout] = filters.shape;
  const layout = useMemo(() => gridLayout(cout, kh, kw, { targetTile: 36, maxWidth: 600, gap: 4, maxTiles: 96 }), [cout, kh, kw]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || layout.width < 1 || layout.height < 1) return;
    ctx.putImageData(new ImageData(paintFilters(filters.values, filters.shape, layout), layout.width, layout.height), 0, 0);
  }, [filters, layout]);

  const heading = fill(t('filtersHeading'), { layer: filters.layer, kh, kw, cin, cout });
  return (
    <figure className="inspect-figure">
      <canvas ref={canvas} width={layout.width} height={layout.height} data-testid="first-layer-filters" data-tiles={layout.tiles} role="img" aria-label={heading} />
      <figcaption>
        <b>{heading}</b>. {t('filtersNote')}
      </figcaption>
    </figure>
  );
}
