import type { Box } from '../../views/archGraph/index';

/** Largest PNG side, in pixels (Chromium's canvas allows 32,767; a margin keeps memory modest). */
const MAX_PNG_SIDE = 16_000;

/**
 * The whole graph as a standalone SVG document (not just what the view shows): the viewport's zoom/pan
 * is dropped and the viewBox set to the graph's bounds. Colours are presentation attributes, so the
 * file needs no stylesheet. Starts with `<svg`.
 */
export function graphSvgMarkup(svg: SVGSVGElement, bounds: Box): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('viewBox', `${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`);
  clone.setAttribute('width', String(Math.ceil(bounds.width)));
  clone.setAttribute('height', String(Math.ceil(bounds.height)));
  for (const attr of ['tabindex', 'style', 'class', 'role', 'aria-label', 'aria-describedby']) clone.removeAttribute(attr);
  clone.querySelector('[data-viewport]')?.removeAttribute('transform');
  // On screen the labels are drawn at constant size over the view; the file carries them in graph units.
  clone.querySelector('[data-screen-labels]')?.remove();
  for (const label of clone.querySelectorAll('[data-graph-label]')) label.removeAttribute('display');
  const background = clone.querySelector('[data-background]');
  if (background) {
    background.setAttribute('x', String(bounds.x));
    background.setAttribute('y', String(bounds.y));
    background.setAttribute('width', String(bounds.width));
    background.setAttribute('height', String(bounds.height));
  }
  for (const el of clone.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  return new XMLSerializer().serializeToString(clone);
}

/** Rasterises SVG markup on an offscreen canvas: 2 px per graph unit, fewer for very long graphs. */
export async function svgMarkupToPng(markup: string, bounds: Box): Promise<Blob> {
  const scale = Math.min(2, MAX_PNG_SIDE / Math.max(bounds.width, bounds.height));
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bounds.width * scale));
    canvas.height = Math.max(1, Math.round(bounds.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob as a file through a temporary download link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started by the next task; keep the URL a little longer for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
