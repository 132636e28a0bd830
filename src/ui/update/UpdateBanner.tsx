import { useState } from 'react';
import { useStore } from 'zustand';
import { useMessages } from '../i18n/index';
import { updateMessages } from '../i18n/update';
import { updateStore } from './updateState';

/**
 * "A new version is available — Reload": shown once a newly deployed version has installed and waits
 * (vite-plugin-pwa's prompt flow, updateState.ts). Reload hands the page to it; Later keeps the open
 * page as it is (the new version then starts with the next visit after every tab is closed).
 */
export function UpdateBanner() {
  const t = useMessages(updateMessages);
  const available = useStore(updateStore, (s) => s.available);
  const reloading = useStore(updateStore, (s) => s.reloading);
  const reload = useStore(updateStore, (s) => s.reload);
  const [later, setLater] = useState(false);
  if (!available || later) return null;
  return (
    <div className="notice update-notice" role="status" data-testid="update-available">
      <p>
        <b>{t('updateAvailable')}</b> {t('updateHint')}
      </p>
      <div className="row">
        <button type="button" data-testid="update-reload" disabled={reloading} onClick={reload}>
          {reloading ? t('updateReloading') : t('updateReload')}
        </button>
        <button type="button" className="secondary" data-testid="update-later" disabled={reloading} onClick={() => setLater(true)}>
          {t('updateLater')}
        </button>
      </div>
    </div>
  );
}
