/** Strings of the update notice and the version stamp (src/ui/update/). */
export const updateMessages = {
  en: {
    updateAvailable: 'A new version of CNN Playground is available.',
    updateHint: 'Reloading ends a training run in progress; your settings stay in the address.',
    updateReload: 'Reload',
    updateReloading: 'Reloading…',
    updateLater: 'Later',
    version: 'Version {id}',
  },
  ja: {
    updateAvailable: 'CNN プレイグラウンドの新しいバージョンがあります。',
    updateHint: '再読み込みすると、実行中の訓練は終わります。設定はアドレスに残ります。',
    updateReload: '再読み込み',
    updateReloading: '再読み込み中…',
    updateLater: 'あとで',
    version: 'バージョン {id}',
  },
} as const;
