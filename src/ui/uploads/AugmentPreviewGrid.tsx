import { useEffect, useRef } from 'react';
import type { AugmentPreviewResult } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { uploadsBatchMessages } from '../i18n/uploadsBatch';
import { paintPixels } from '../imagePixels';
import { useDatasetLabel } from './useDatasetLabel';
import { useNames } from '../i18n/names';

/** The source image and its augmented variants, each painted on its own canvas (pixelated, enlarged by CSS). */
export function AugmentPreviewGrid({ preview }: { preview: AugmentPreviewResult }) {
  const t = useMessages(uploadsMessages);
  const tb = useMessages(uploadsBatchMessages);
  const datasetLabel = useDatasetLabel();
  const names = useNames();
  const source = useRef<HTMLCanvasElement>(null);
  const variants = useRef<(HTMLCanvasElement | null)[]>([]);
  useEffect(() => {
    const [h, w, c] = preview.shape;
    const size = h * w * c;
    if (source.current) paintPixels(source.current, preview.source, preview.shape);
    variants.current.forEach((canvas, i) => {
      if (canvas && i < preview.count) paintPixels(canvas, preview.variants.subarray(i * size, (i + 1) * size), preview.shape);
    });
  }, [preview]);
  const where = { dataset: datasetLabel(preview.datasetId, preview.datasetName), index: preview.index, label: names.className(preview.datasetId, preview.label) };
  // An uploaded image is named, so a student can find it among the thumbnails above.
  const caption = preview.imageName === null ? fill(t('previewOf'), where) : fill(t('previewOfUpload'), { ...where, name: preview.imageName });
  return (
    <div>
      <p className="muted small-text" data-testid="augment-preview-caption" data-image-name={preview.imageName ?? ''}>{caption}</p>
      <p className="muted small-text" data-testid="augment-preview-shape" data-shape={preview.shape.join('x')}>{fill(tb('previewAsNetwork'), { shape: preview.shape.join('×') })}</p>
      <div className="augment-preview" data-testid="augment-preview">
        <figure className="source">
          <canvas ref={source} className="pixelated" data-testid="augment-source" />
          <figcaption>{t('previewSource')}</figcaption>
        </figure>
        {Array.from({ length: preview.count }, (_, i) => (
          <figure key={i}>
            <canvas ref={(el) => { variants.current[i] = el; }} className="pixelated" data-testid="augment-variant" />
            <figcaption>{i + 1}</figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
