/** Strings of the offline panel: storing a lesson's datasets and models in the browser in advance. */
export const offlineMessages = {
  en: {
    heading: 'Offline use',
    intro: 'The app is stored on the first visit; a dataset downloads once, when a run first uses it. To teach without a network, store a lesson in advance.',
    thisLesson: 'Make this lesson available offline ({size} MB)',
    thisPage: 'Make this experiment available offline ({size} MB)',
    everything: 'Make every lesson available offline ({size} MB)',
    progress: '{done} of {total} MB downloaded',
    stored: 'Available offline: {size} MB stored in this browser.',
    missing: '{missing} of {total} MB still to download.',
    nothingNeeded: 'This experiment needs no download: its data is generated in the browser.',
    unavailable: 'Offline storage needs the service worker, which is not active on this page (the development server, a first visit that has not reloaded yet, or a browser that blocks it).',
    failed: 'Download stopped: {detail}. Press the button again to continue; what arrived is kept.',
  },
  ja: {
    heading: 'オフラインで使う',
    intro: 'アプリ本体は最初の訪問で保存されます。データセットは、訓練で初めて使うときに一度だけダウンロードされます。ネットワークなしで授業をするときは、レッスンを前もって保存してください。',
    thisLesson: 'このレッスンをオフラインで使えるようにする ({size} MB)',
    thisPage: 'この実験をオフラインで使えるようにする ({size} MB)',
    everything: 'すべてのレッスンをオフラインで使えるようにする ({size} MB)',
    progress: '{total} MB 中 {done} MB をダウンロードしました',
    stored: 'オフラインで使えます: {size} MB をこのブラウザに保存しました。',
    missing: '{total} MB 中 {missing} MB がまだダウンロードされていません。',
    nothingNeeded: 'この実験にダウンロードは要りません。データはブラウザの中で生成されます。',
    unavailable: 'オフライン保存にはサービスワーカーが必要ですが、このページでは動いていません (開発用サーバー、まだ再読み込みしていない最初の訪問、またはブラウザが止めています)。',
    failed: 'ダウンロードが止まりました: {detail}。もう一度ボタンを押すと続きから再開します (届いた分は保存されています)。',
  },
} as const;
