import { rejectionMessage, reasonMessage } from '../../data/uploads/rejectionMessage';
import type { UploadRejection } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { uploadsBatchMessages } from '../i18n/uploadsBatch';

/** Reasons shown as a count each above the list, once the list is this long. */
const SUMMARY_FROM = 8;

/**
 * One line per refused file, naming it and the specific reason (the same sentence Predict uses), in a
 * box of bounded height: 480 refused files make a scrolling list under a count per reason, not a
 * 22,000-pixel page.
 */
export function UploadErrors({ rejections, onDismiss }: { rejections: readonly UploadRejection[]; onDismiss: () => void }) {
  const t = useMessages(uploadsMessages);
  const tb = useMessages(uploadsBatchMessages);
  const { say } = tb;
  if (rejections.length === 0) return null;
  const byReason = new Map<string, { n: number; first: UploadRejection }>();
  for (const r of rejections) byReason.set(r.reason, { n: (byReason.get(r.reason)?.n ?? 0) + 1, first: byReason.get(r.reason)?.first ?? r });
  return (
    <div className="upload-errors error" role="alert">
      <p>{fill(t('rejectedCount'), { n: rejections.length })}</p>
      {rejections.length >= SUMMARY_FROM && (
        <ul className="upload-error-summary">
          {[...byReason].map(([reason, { n, first }]) => <li key={reason}>{fill(tb('byReason'), { n, reason: say(reasonMessage(first)) })}</li>)}
        </ul>
      )}
      <ul className="upload-error-list">
        {rejections.map((r, i) => (
          <li key={`${i}-${r.name}`} data-testid="upload-error" data-reason={r.reason}>
            {say(rejectionMessage(r))}
          </li>
        ))}
      </ul>
      <button type="button" className="secondary small" onClick={onDismiss}>{t('dismiss')}</button>
    </div>
  );
}
