/** What the uploads library and the augmentation experiment tell the user. */
import { catalogueError, defineCatalogue, type RichParams } from './catalogue';

/** English and Japanese templates of the uploads messages, by code. */
export const uploadsMessages = defineCatalogue({
  en: {
    'uploads.none': 'No uploaded images yet: add images to at least two classes under "Your images".',
    'uploads.tooManyClasses': 'Too many classes (more than 255).',
    'uploads.noValidation': 'No image can be held out for validation: add at least two images to a class.',
    'uploads.classGone': 'That class no longer exists.',
    'uploads.imageGone': 'That image or class no longer exists.',
    'uploads.experimentBusy': 'Training is already running: wait for it to finish or stop it.',
    'uploads.experimentTooLarge': '{model} is too large to train here (about {estimate} MiB): pick a smaller network or batch.',
    'uploads.fileEmpty': '{name}: the file is empty.',
    'uploads.fileOver': '{name}: larger than {mb} MB.',
    'uploads.notImage': '{name}: not an image ({type}).',
    'uploads.svgFile': '{name}: SVG images are not supported.',
    'uploads.undecodable': '{name}: the image could not be decoded (corrupt or unsupported format).',
  },
  ja: {
    'uploads.none': 'アップロードした画像がまだありません。「自分の画像」で 2 つ以上のクラスに画像を追加してください。',
    'uploads.tooManyClasses': 'クラスが多すぎます（255 を超えています）。',
    'uploads.noValidation': '検証用に取り分けられる画像がありません。1 つのクラスに 2 枚以上の画像を追加してください。',
    'uploads.classGone': 'そのクラスはもうありません。',
    'uploads.imageGone': 'その画像またはクラスはもうありません。',
    'uploads.experimentBusy': 'すでに学習中です。終わるまで待つか、止めてください。',
    'uploads.experimentTooLarge': '{model} はここで学習するには大きすぎます（約 {estimate} MiB）。小さいネットワークかバッチを選んでください。',
    'uploads.fileEmpty': '{name}: ファイルが空です。',
    'uploads.fileOver': '{name}: {mb} MB より大きいファイルです。',
    'uploads.notImage': '{name}: 画像ではありません（{type}）。',
    'uploads.svgFile': '{name}: SVG 画像には対応していません。',
    'uploads.undecodable': '{name}: 画像をデコードできませんでした（壊れているか、対応していない形式です）。',
  },
});

/** The codes of {@link uploadsMessages}. */
export type UploadsMessageCode = keyof typeof uploadsMessages.en;

/** An Error carrying an uploads message (English in `.message`, code and parameters in `.detail`). */
export const uploadsError = (code: UploadsMessageCode, params: RichParams = {}) => catalogueError(uploadsMessages, code, params);
