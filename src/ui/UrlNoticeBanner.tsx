import type { MessageKey } from './i18n/en';
import { useMessages, APP_MESSAGES } from './i18n/index';
import type { UrlNotice } from './urlCodec';

const REASON: Record<UrlNotice['reason'], MessageKey> = {
  invalid: 'urlNoticeInvalid',
  'unknown-key': 'urlNoticeUnknown',
  version: 'urlNoticeVersion',
  incompatible: 'urlNoticeIncompatible',
};

/** Lists the URL settings that fell back to defaults. Values are shown as text, never as HTML. */
export function UrlNoticeBanner({ notices, onDismiss }: { notices: UrlNotice[]; onDismiss: () => void }) {
  const t = useMessages(APP_MESSAGES);
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="url-notice">
      <p>{t('urlNotice')}</p>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>
            <code>{n.key}</code>
            {n.value ? <> = <code>{n.value}</code></> : null} — {t(REASON[n.reason])}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
