/**
 * What the Keras bridge (src/keras, src/engine/keras) tells the user: layers that have no Keras
 * counterpart yet, `.keras` files it cannot read (not a zip, no config, an unsupported layer, weights
 * that do not fit), and refusals of the export. English and Japanese, the same placeholders in both.
 */
import { catalogueError, defineCatalogue, type RichParams } from './catalogue';

/** English and Japanese templates of the Keras bridge's messages, by code. */
export const kerasMessages = defineCatalogue({
  en: {
    // Writing Keras code or a .keras file from an architecture.
    'keras.noCounterpart': 'Layer "{layer}" ({kind}) has no Keras counterpart in this playground yet, so this network cannot be written as Keras code or a .keras file.',
    'keras.exportLayerMismatch': 'Layer "{layer}" of the model is a {type}, not the {expected} its architecture says: it cannot be written as a .keras file.',
    'keras.exportWeights': 'Layer "{layer}" holds {actual} weight arrays, Keras expects {expected}: the model cannot be written as a .keras file.',
    'keras.needModel': 'Train or build a model first: there is nothing to export yet.',
    'keras.needData': 'Load a dataset first (press Train once, or choose the dataset again).',
    'keras.h5Failed': 'The HDF5 library could not start in this browser ({detail}).',
    // Reading a .keras file.
    'keras.notZip': '"{file}" is not a .keras file (a zip archive with config.json, metadata.json and model.weights.h5): {detail}',
    'keras.missingEntry': '"{file}" has no {entry}: it is not a Keras 3 .keras file (a Keras 2 .h5 file? Save it again with model.save("model.keras")).',
    'keras.configInvalid': 'config.json of "{file}" is not valid JSON ({detail}).',
    'keras.notModel': 'config.json of "{file}" describes a {type}, not a Sequential or Functional model.',
    'keras.unsupportedLayer': 'Layer "{layer}" is a {type}, which this playground cannot train: the model was not imported and nothing was changed. Supported: {supported}.',
    'keras.unsupportedOption': 'Layer "{layer}" ({type}) uses {option} = {value}, which this playground does not support: the model was not imported and nothing was changed.',
    'keras.unsupportedActivation': 'Layer "{layer}" uses the activation "{activation}", which this playground does not support (linear, relu, tanh, sigmoid, softmax): the model was not imported and nothing was changed.',
    'keras.inputShape': 'The model\'s input must be one image [height, width, channels] of fixed size, got {shape}.',
    'keras.inputCount': 'The model has {count} inputs; only models with one image input can be imported.',
    'keras.sharedLayer': 'Layer "{layer}" is called more than once (a shared layer): such models cannot be imported.',
    'keras.badReference': 'Layer "{layer}" reads the output of "{input}", which the file does not define.',
    'keras.h5Invalid': 'model.weights.h5 of "{file}" could not be read ({detail}).',
    'keras.missingWeights': 'model.weights.h5 has no weights for layer "{layer}" ({path}).',
    'keras.weightShape': 'Layer "{layer}": weight {index} has shape [{actual}] in the file, the layer needs [{expected}].',
  },
  ja: {
    'keras.noCounterpart': '層「{layer}」（{kind}）にはこのプレイグラウンドではまだ Keras の対応がないため、このネットワークは Keras のコードにも .keras ファイルにもできません。',
    'keras.exportLayerMismatch': 'モデルの層「{layer}」は {type} で、アーキテクチャが示す {expected} ではありません。.keras ファイルに書き出せません。',
    'keras.exportWeights': '層「{layer}」の重み配列は {actual} 個ですが、Keras は {expected} 個を期待します。.keras ファイルに書き出せません。',
    'keras.needModel': '先にモデルを訓練（または構築）してください。書き出すものがまだありません。',
    'keras.needData': '先にデータセットを読み込んでください（一度「訓練」を押すか、データセットを選び直してください）。',
    'keras.h5Failed': 'このブラウザでは HDF5 ライブラリを起動できませんでした（{detail}）。',
    'keras.notZip': '「{file}」は .keras ファイル（config.json・metadata.json・model.weights.h5 を含む zip）ではありません: {detail}',
    'keras.missingEntry': '「{file}」に {entry} がありません。Keras 3 の .keras ファイルではありません（Keras 2 の .h5 なら model.save("model.keras") で保存し直してください）。',
    'keras.configInvalid': '「{file}」の config.json が正しい JSON ではありません（{detail}）。',
    'keras.notModel': '「{file}」の config.json は {type} を表しており、Sequential や Functional のモデルではありません。',
    'keras.unsupportedLayer': '層「{layer}」は {type} で、このプレイグラウンドでは訓練できません。モデルは読み込まず、何も変更していません。対応しているもの: {supported}。',
    'keras.unsupportedOption': '層「{layer}」（{type}）は {option} = {value} を使っていますが、このプレイグラウンドは対応していません。モデルは読み込まず、何も変更していません。',
    'keras.unsupportedActivation': '層「{layer}」の活性化関数「{activation}」にはこのプレイグラウンドは対応していません（linear, relu, tanh, sigmoid, softmax のみ）。モデルは読み込まず、何も変更していません。',
    'keras.inputShape': 'モデルの入力は固定サイズの画像 1 枚 [高さ, 幅, チャネル] である必要がありますが、{shape} でした。',
    'keras.inputCount': 'このモデルには入力が {count} 個あります。画像入力が 1 つのモデルだけを読み込めます。',
    'keras.sharedLayer': '層「{layer}」は複数回呼ばれています（共有層）。このようなモデルは読み込めません。',
    'keras.badReference': '層「{layer}」が読む「{input}」の出力はファイル内に定義されていません。',
    'keras.h5Invalid': '「{file}」の model.weights.h5 を読めませんでした（{detail}）。',
    'keras.missingWeights': 'model.weights.h5 に層「{layer}」の重みがありません（{path}）。',
    'keras.weightShape': '層「{layer}」: ファイルの重み {index} の形は [{actual}] ですが、層は [{expected}] を必要とします。',
  },
});

export type KerasMessageCode = keyof typeof kerasMessages.en;

/** A user-facing error of the Keras bridge (English in `.message`, the code and parameters in `.detail`). */
export function kerasError(code: KerasMessageCode, params: RichParams = {}, options?: { cause?: unknown }) {
  return catalogueError(kerasMessages, code, params, options);
}
