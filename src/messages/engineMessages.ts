/**
 * What the training worker tells the user: backend choice, build refusals, how a training run ended,
 * dataset failures, how images are adapted to the network's input. English and Japanese.
 */
import { catalogueError, defineCatalogue, type RichParams } from './catalogue';

/** English and Japanese templates of the engine messages, by code. */
export const engineMessages = defineCatalogue({
  en: {
    // An error the code has no message for: its own (technical) words.
    'error.unexpected': '{detail}',
    // Backend choice (shown next to the backend name).
    'backend.webgpu': 'WebGPU adapter: {adapter}',
    'backend.webgl': 'No usable WebGPU ({webgpu}); WebGL on {renderer}',
    'backend.wasm': 'No hardware GPU: {webgpu}; {webgl}. WASM (CPU, SIMD) trains faster here',
    'backend.cpuOnly': 'WebGPU unavailable: {detail}',
    'backend.webgpuFallbackOnly': 'WebGPU has only a software fallback adapter',
    'backend.webgpuUnavailable': 'WebGPU unavailable: {detail}',
    'backend.webglSoftware': 'WebGL renders in software ({renderer})',
    'backend.webglNone': 'no WebGL',
    'backend.withFailures': '{reason} (could not start: {failures})',
    'backend.noWebgpuApi': 'this browser has no WebGPU API',
    'backend.noAdapter': 'no adapter',
    'backend.unnamedAdapter': 'unnamed adapter',
    'backend.chosen': 'chosen by you',
    'backend.fallback': '{request} failed ({failures}); using {name}',
    'backend.noneStarted': 'No tfjs backend could start: {failures}',
    'backend.deviceLost': 'The {lost} device was lost during training; switched to {name}',
    'backend.didNotStart': '{name} did not initialise',
    'backend.failedWith': '{name}: {detail}',
    // Refusals of the Keras-style calls.
    'engine.uploadsUnavailable': 'Uploaded images are not available in this worker.',
    'engine.modelTooLarge':
      '{model} is too large to train here: about {estimate} MiB at batch {batch} (weights, gradients, {optimizer} state and activations) but the {backend} backend allows about {budget} MiB. Try a smaller width multiplier (e.g. 0.25), a smaller input (e.g. 32,32,3) or a smaller batch.',
    'engine.impossibleNetwork': 'This network configuration is impossible; see the message above.',
    'engine.needModel': 'Build a model first.',
    'engine.needDataset': 'Load a dataset first.',
    'engine.needCompile': 'Compile the model first.',
    'engine.trainingRunning': 'Training is already running.',
    'engine.evaluationCancelled': 'Evaluation cancelled: the model is kept; press Evaluate to measure it on the test set.',
    'engine.evaluating': 'The model is being evaluated: cancel the evaluation or wait for it first.',
    'engine.imageSize': 'The image has {count} values; the dataset expects {shape}.',
    'engine.datasetFailed': 'The {dataset} dataset could not be loaded: {detail}. Check the connection and choose the dataset again.',
    'engine.busyAugmentExperiment': 'The augmentation experiment is running: wait for it to finish or stop it.',
    'engine.busyDepthExperiment': 'The depth experiment is running: you can train when it ends (or is stopped).',
    'engine.busyTransfer': 'Transfer learning is training in this worker: wait or stop it first.',
    'engine.busyTransferCompare': 'A transfer comparison run is training in this worker: wait or stop it first.',
    // How a training run ended.
    'fit.noExamples': 'No training examples: lower the validation split or raise the limit.',
    'fit.nan':
      'The loss became {loss} at epoch {epoch}, batch {batch}: training stopped and the weights of the last good epoch were kept. Try a lower learning rate (e.g. a tenth of the current one).',
    'fit.stopped': 'Stopped at epoch {epoch}, batch {batch}; the trained weights are kept.',
    'fit.deviceLost': 'The GPU device was lost during training ({detail}). Training stopped; the weights of the last completed epoch ({epochs}) are kept.',
    'fit.failed': 'Training failed: {detail}',
    // How dataset images are fitted to the network's input.
    'adapt.asIs': '{from} → used as is',
    'adapt.steps': '{from} → {to}: {steps}',
    'adapt.pad': 'zero-padded, {border}',
    'adapt.resize': 'bilinear resize',
    'adapt.greyToRgb': 'grey replicated to RGB',
    'adapt.rgbToGrey': 'RGB to grey by luminance',
    'adapt.borderEven': '{px} px on each side',
    'adapt.borderUneven': 'top {top}, bottom {bottom}, left {left}, right {right} px',
    'adapt.channels': 'The dataset has {from}-channel images and the network takes {to} channels: only 1 → 3 (grey to RGB) and 3 → 1 can be converted. Set the input to 1 or 3 channels.',
  },
  ja: {
    'error.unexpected': 'エラー: {detail}',
    'backend.webgpu': 'WebGPU アダプター: {adapter}',
    'backend.webgl': '使える WebGPU がありません（{webgpu}）。{renderer} 上の WebGL を使います',
    'backend.wasm': 'ハードウェア GPU がありません: {webgpu}、{webgl}。ここでは WASM（CPU、SIMD）の方が速く学習できます',
    'backend.cpuOnly': 'WebGPU は使えません: {detail}',
    'backend.webgpuFallbackOnly': 'WebGPU にはソフトウェアのフォールバックアダプターしかありません',
    'backend.webgpuUnavailable': 'WebGPU は使えません: {detail}',
    'backend.webglSoftware': 'WebGL はソフトウェアで描画しています（{renderer}）',
    'backend.webglNone': 'WebGL がありません',
    'backend.withFailures': '{reason}（起動できなかったもの: {failures}）',
    'backend.noWebgpuApi': 'このブラウザーには WebGPU の API がありません',
    'backend.noAdapter': 'アダプターがありません',
    'backend.unnamedAdapter': '名前のないアダプター',
    'backend.chosen': 'あなたが選びました',
    'backend.fallback': '{request} が失敗しました（{failures}）。{name} を使います',
    'backend.noneStarted': 'tfjs のバックエンドがどれも起動できませんでした: {failures}',
    'backend.deviceLost': '学習中に {lost} のデバイスが失われたため、{name} に切り替えました',
    'backend.didNotStart': '{name} が初期化されませんでした',
    'backend.failedWith': '{name}: {detail}',
    'engine.uploadsUnavailable': 'アップロードした画像はこのワーカーでは使えません。',
    'engine.modelTooLarge':
      '{model} はここで学習するには大きすぎます: バッチ {batch} で約 {estimate} MiB（重み、勾配、{optimizer} の状態、活性化）が必要ですが、{backend} バックエンドで使えるのは約 {budget} MiB です。幅の倍率を小さく（例: 0.25）、入力を小さく（例: 32,32,3）、またはバッチを小さくしてください。',
    'engine.impossibleNetwork': 'このネットワークの構成は不可能です。上のメッセージを見てください。',
    'engine.needModel': '先にモデルを構築してください。',
    'engine.needDataset': '先にデータセットを読み込んでください。',
    'engine.needCompile': '先にモデルをコンパイルしてください。',
    'engine.trainingRunning': 'すでに学習中です。',
    'engine.evaluationCancelled': '評価を取り消しました。モデルはそのまま残っています。テストデータで測るには「評価」を押してください。',
    'engine.evaluating': 'モデルを評価中です。評価を取り消すか、終わるまで待ってください。',
    'engine.imageSize': '画像の値が {count} 個ありますが、データセットは {shape} を想定しています。',
    'engine.datasetFailed': 'データセット {dataset} を読み込めませんでした: {detail}。接続を確かめて、もう一度データセットを選んでください。',
    'engine.busyAugmentExperiment': 'データ拡張の実験が実行中です。終わるまで待つか、止めてください。',
    'engine.busyDepthExperiment': '深さの実験が実行中です。終わる（または止める）と学習が始められます。',
    'engine.busyTransfer': '転移学習がこのワーカーで学習中です。待つか、先に止めてください。',
    'engine.busyTransferCompare': '転移学習の比較実験がこのワーカーで学習中です。待つか、先に止めてください。',
    'fit.noExamples': '学習に使える例がありません。検証用の割合を下げるか、上限を上げてください。',
    'fit.nan':
      'エポック {epoch}、バッチ {batch} で損失が {loss} になりました。学習を止め、最後の正常なエポックの重みを残しました。学習率を下げてみてください（例: 今の 10 分の 1）。',
    'fit.stopped': 'エポック {epoch}、バッチ {batch} で停止しました。学習した重みは残っています。',
    'fit.deviceLost': '学習中に GPU デバイスが失われました（{detail}）。学習を止め、最後に完了したエポック（{epochs}）の重みを残しました。',
    'fit.failed': '学習に失敗しました: {detail}',
    'adapt.asIs': '{from} → そのまま使用',
    'adapt.steps': '{from} → {to}: {steps}',
    'adapt.pad': 'ゼロパディング（{border}）',
    'adapt.resize': 'バイリニア補間でリサイズ',
    'adapt.greyToRgb': 'グレースケールを RGB に複製',
    'adapt.rgbToGrey': 'RGB を輝度でグレースケールに',
    'adapt.borderEven': '各辺 {px} px',
    'adapt.borderUneven': '上 {top}、下 {bottom}、左 {left}、右 {right} px',
    'adapt.channels': 'データセットの画像は {from} チャンネルですが、ネットワークの入力は {to} チャンネルです。変換できるのは 1 → 3（グレースケールから RGB）と 3 → 1 だけです。入力を 1 か 3 チャンネルにしてください。',
  },
});

/** The codes of {@link engineMessages}. */
export type EngineMessageCode = keyof typeof engineMessages.en;

/** An Error carrying an engine message (English in `.message`, the code and parameters in `.detail`). */
export const engineError = (code: EngineMessageCode, params: RichParams = {}, options?: { cause?: unknown }) => catalogueError(engineMessages, code, params, options);
