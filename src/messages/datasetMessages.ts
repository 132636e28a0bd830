/**
 * The bundled datasets' names and class names in each UI language. The worker's data (src/data, the
 * manifests, public/models/index.json) keeps the English class names; the UI and the worker's messages
 * say them through this catalogue. English templates are the names exactly as the data spells them, so
 * English text is unchanged; a name the catalogue does not know (an uploaded class) is said as it is.
 */
import { defineCatalogue, message, renderMessage, type CatalogueLang } from './catalogue';
import type { UserMessage } from './userMessage';

/** English and Japanese names of datasets (by id) and of their classes (by dataset id and English name). */
export const datasetMessages = defineCatalogue({
  en: {
    // Dataset ids as the worker's messages have always said them (e.g. 'trained on "mnist" images').
    'datasetId.mnist': 'mnist',
    'datasetId.fashion-mnist': 'fashion-mnist',
    'datasetId.shapes': 'shapes',
    'datasetId.uploads': 'uploads',
    'class.fashion-mnist.T-shirt/top': 'T-shirt/top',
    'class.fashion-mnist.Trouser': 'Trouser',
    'class.fashion-mnist.Pullover': 'Pullover',
    'class.fashion-mnist.Dress': 'Dress',
    'class.fashion-mnist.Coat': 'Coat',
    'class.fashion-mnist.Sandal': 'Sandal',
    'class.fashion-mnist.Shirt': 'Shirt',
    'class.fashion-mnist.Sneaker': 'Sneaker',
    'class.fashion-mnist.Bag': 'Bag',
    'class.fashion-mnist.Ankle boot': 'Ankle boot',
    'class.shapes.Circle': 'Circle',
    'class.shapes.Square': 'Square',
    'class.shapes.Triangle': 'Triangle',
    'class.shapes.Cross': 'Cross',
    'class.shapes.Ring': 'Ring',
    'class.shapes.Star': 'Star',
  },
  ja: {
    'datasetId.mnist': 'MNIST',
    'datasetId.fashion-mnist': 'Fashion-MNIST',
    'datasetId.shapes': 'カラー図形',
    'datasetId.uploads': '自分の画像',
    'class.fashion-mnist.T-shirt/top': 'Tシャツ/トップ',
    'class.fashion-mnist.Trouser': 'ズボン',
    'class.fashion-mnist.Pullover': 'プルオーバー',
    'class.fashion-mnist.Dress': 'ドレス',
    'class.fashion-mnist.Coat': 'コート',
    'class.fashion-mnist.Sandal': 'サンダル',
    'class.fashion-mnist.Shirt': 'シャツ',
    'class.fashion-mnist.Sneaker': 'スニーカー',
    'class.fashion-mnist.Bag': 'バッグ',
    'class.fashion-mnist.Ankle boot': 'アンクルブーツ',
    'class.shapes.Circle': '円',
    'class.shapes.Square': '正方形',
    'class.shapes.Triangle': '三角形',
    'class.shapes.Cross': '十字',
    'class.shapes.Ring': '輪',
    'class.shapes.Star': '星',
  },
});

/** The codes of {@link datasetMessages}. */
export type DatasetMessageCode = keyof typeof datasetMessages.en;

const isCode = (code: string): code is DatasetMessageCode => Object.hasOwn(datasetMessages.en, code);

/** The catalogue's id of a dataset: the generated colour shapes are 'color-shapes' inside the worker. */
const catalogueId = (datasetId: string): string => (datasetId === 'color-shapes' ? 'shapes' : datasetId);

/** A dataset id as a message parameter: its name in the message's language (the bare id when unknown). */
export function datasetIdParam(datasetId: string): string | UserMessage {
  const code = `datasetId.${catalogueId(datasetId)}`;
  return isCode(code) ? message(code) : datasetId;
}

/** A class name as a message parameter: said in the message's language (as it is for uploaded classes). */
export function classNameParam(datasetId: string, name: string): string | UserMessage {
  const code = `class.${catalogueId(datasetId)}.${name}`;
  return isCode(code) ? message(code) : name;
}

/** A class of `datasetId` in `lang`: a bundled dataset's class in that language, any other name as it is. */
export function classNameIn(lang: CatalogueLang, datasetId: string | null | undefined, name: string): string {
  if (!datasetId) return name;
  const code = `class.${catalogueId(datasetId)}.${name}`;
  return isCode(code) ? renderMessage(message(code), datasetMessages[lang], lang) : name;
}
