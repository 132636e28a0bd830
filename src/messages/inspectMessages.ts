/** What the inspection tools (feature maps, filters, Grad-CAM, the depth experiment) tell the user. */
import { catalogueError, defineCatalogue, type RichParams } from './catalogue';

/** English and Japanese templates of the inspection messages, by code. */
export const inspectMessages = defineCatalogue({
  en: {
    'inspect.noConvolution': '{model} has no convolution.',
    'inspect.noFeatureMap': '{model} has no feature-map layer larger than 1×1 to explain.',
    'inspect.trainingRunning': 'Training is running: stop it (or let it finish) before starting the depth experiment.',
    'inspect.experimentRunning': 'The depth experiment is already running.',
    'inspect.experimentStopped': 'The depth experiment was stopped.',
    'inspect.needDigits': 'The depth experiment on MNIST needs the MNIST images, which could not be loaded.',
    'inspect.needModel': 'Build (or train) a model first.',
    'inspect.imageChannels': 'The image has {channels} channel(s) but {dataset} has {expected}.',
    'inspect.imageSize': 'The image has {count} values; expected {shape}.',
    'inspect.badDepths': 'Depths must be among {allowed}; got {got}.',
    'inspect.badWidth': 'Width must be in (0, 1], got {got}.',
    'inspect.badInputSize': 'The input side must be 16 or 32, got {got}.',
    'inspect.badWarmup': 'Warm-up epochs must be an integer from 0 to fewer than the {epochs} epochs, got {got}.',
    'inspect.badExamples': 'Examples must be an integer from the batch size to 20000, got {got}.',
    'inspect.badEpochs': 'Epochs must be 1–50, got {got}.',
    'inspect.badBatch': 'Batch size must be an integer ≥ 2, got {got}.',
    'inspect.badLearningRate': 'Learning rate must be in (0, 10), got {got}.',
  },
  ja: {
    'inspect.noConvolution': '{model} には畳み込み層がありません。',
    'inspect.noFeatureMap': '{model} には説明できる 1×1 より大きい特徴マップの層がありません。',
    'inspect.trainingRunning': '訓練中です。深さの実験を始める前に訓練を止める（または終わるのを待つ）必要があります。',
    'inspect.experimentRunning': '深さの実験はすでに実行中です。',
    'inspect.experimentStopped': '深さの実験を止めました。',
    'inspect.needDigits': 'MNIST での深さの実験には MNIST の画像が必要ですが、読み込めませんでした。',
    'inspect.needModel': '先にモデルを構築（または訓練）してください。',
    'inspect.imageChannels': '画像のチャネル数は {channels} ですが、{dataset} は {expected} です。',
    'inspect.imageSize': '画像の値が {count} 個あります。{shape} のはずです。',
    'inspect.badDepths': '深さは {allowed} から選んでください（指定: {got}）。',
    'inspect.badWidth': '幅は 0 より大きく 1 以下にしてください（指定: {got}）。',
    'inspect.badInputSize': '入力の一辺は 16 か 32 にしてください（指定: {got}）。',
    'inspect.badWarmup': 'ウォームアップのエポック数は 0 以上、全エポック数 {epochs} 未満の整数にしてください（指定: {got}）。',
    'inspect.badExamples': '例の数はバッチサイズ以上 20000 以下の整数にしてください（指定: {got}）。',
    'inspect.badEpochs': 'エポック数は 1〜50 にしてください（指定: {got}）。',
    'inspect.badBatch': 'バッチサイズは 2 以上の整数にしてください（指定: {got}）。',
    'inspect.badLearningRate': '学習率は 0 より大きく 10 未満にしてください（指定: {got}）。',
  },
});

/** The codes of {@link inspectMessages}. */
export type InspectMessageCode = keyof typeof inspectMessages.en;

/** An Error carrying an inspection message (English in `.message`, code and parameters in `.detail`). */
export const inspectError = (code: InspectMessageCode, params: RichParams = {}) => catalogueError(inspectMessages, code, params);
