import type { UploadRejection } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { rejectionText } from './rejectionText';

/** One line per refused file, naming it and the specific reason. */
export function UploadErrors({ rejections, onDismiss }: { rejections: readonly UploadRejection[]; onDismiss: () => void }) {
  const t = useMessages(uploadsMessages);
  if (rejections.length === 0) return null;
  return (
    <div className="upload-errors error" role="alert">
      <p>{fill(t('rejectedCount'), { n: rejections.length })}</p>
      <ul>
        {rejections.map((r, i) => (
          <li key={`${i}-${r.name}`} data-testid="upload-error" data-reason={r.reason}>
            {rejectionText(r, t)}
          </li>
        ))}
      </ul>
      <button type="button" className="secondary small" onClick={onDismiss}>{t('dismiss')}</button>
    </div>
  );
}
