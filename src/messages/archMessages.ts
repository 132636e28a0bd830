/**
 * Why an architecture cannot be built or measured (src/arch): impossible shapes, bad options, unknown
 * networks. The CLI prints the English; the playground says them in its language.
 */
import { defineCatalogue } from './catalogue';

/** English and Japanese templates of the architecture messages, by code. */
export const archMessages = defineCatalogue({
  en: {
    'arch.withInput': '{model} with a {input} input: {problem}',
    'arch.needsFeatureMap': 'Layer "{name}" ({kind}) needs an H×W×C feature map, but its input is {shape}.',
    'arch.needsVector': 'Layer "{name}" ({kind}) needs a flat vector, but its input is {shape}.',
    'arch.cannotSlide':
      'Layer "{name}" ({kind} {kernel}, stride {stride}, {padding} padding) cannot slide over a {shape} input: the output would be {output}. Use a larger input or fewer downsampling layers.',
    'arch.badPadding': 'Layer "{name}" has a negative or fractional padding.',
    'arch.oneInput': 'Layer "{name}" ({kind}) takes one input, got {count}.',
    'arch.inputShape': 'Input shape must be H×W×C positive integers, got {shape}.',
    'arch.noFilters': 'Layer "{name}" (conv2d) needs at least one filter, got {filters}.',
    'arch.groupsDivide': 'Layer "{name}" (conv2d, groups {groups}): input channels {channels} and filters {filters} must both divide by the group count.',
    'arch.noUnits': 'Layer "{name}" (dense) needs at least one unit, got {units}.',
    'arch.padShrink': 'Layer "{name}" (zero-pad shortcut) cannot shrink {channels} channels to {filters}.',
    'arch.addTwo': 'Layer "{name}" (add) needs two or more inputs.',
    'arch.addShapes': 'Layer "{name}" (add) cannot add shapes {shapes}: they must be equal.',
    'arch.concatNone': 'Layer "{name}" (concat) needs inputs.',
    'arch.concatSize': 'Layer "{name}" (concat) needs equal H×W, got {shapes}.',
    'arch.undefinedInput': 'Layer "{name}" takes "{input}", which is not defined before it.',
    'arch.duplicateName': 'Duplicate layer name "{name}" in {model}.',
    'arch.unknownOutput': 'Output "{name}" is not a layer of {model}.',
    'arch.noLayers': '{model} has no layers.',
    'arch.noInputLayer': '{model} has no input layer.',
    'arch.unknownArch': 'Unknown architecture "{id}". Known: {known}.',
    'arch.noVariant': '{title} has no variant "{variant}" (variants: {known}).',
    'arch.groupsOnlyAlexnet': '--groups applies to AlexNet only, not {title}.',
    'arch.auxOnlyGooglenet': '--aux applies to GoogLeNet only, not {title}.',
    'arch.badInputOption': '--input must be three positive integers H,W,C (each at most 4096), got {got}.',
    'arch.badClasses': '--classes must be an integer from 1 to 100000, got {got}.',
    'arch.badWidth': '--width must be in (0, 4], got {got}.',
    'arch.badGroups': '--groups must be an integer from 1 to 64, got {got}.',
    'arch.badTable': 'Layer "{name}" (table convolution): row {map} of the connection table ({row}) must list input maps in ascending order, each below {channels}, at least one.',
    'arch.rbfLength': 'Layer "{name}" (RBF output): parameter vector {unit} has {length} entries, but the input has {n}.',
    'arch.fixedWidth': '{title} ({variant}) is fixed by its connection table and its 7×12 output bitmaps: --width must be 1, got {got}.',
  },
  ja: {
    'arch.withInput': '入力 {input} の {model}: {problem}',
    'arch.needsFeatureMap': '層 "{name}"（{kind}）には H×W×C の特徴マップが必要ですが、入力は {shape} です。',
    'arch.needsVector': '層 "{name}"（{kind}）には平らなベクトルが必要ですが、入力は {shape} です。',
    'arch.cannotSlide':
      '層 "{name}"（{kind} {kernel}、ストライド {stride}、{padding} パディング）は {shape} の入力の上をスライドできません: 出力が {output} になります。入力を大きくするか、ダウンサンプリングの層を減らしてください。',
    'arch.badPadding': '層 "{name}" のパディングが負、または整数ではありません。',
    'arch.oneInput': '層 "{name}"（{kind}）の入力は 1 つですが、{count} 個あります。',
    'arch.inputShape': '入力の形は正の整数の H×W×C にしてください（指定: {shape}）。',
    'arch.noFilters': '層 "{name}"（conv2d）には 1 つ以上のフィルタが必要です（指定: {filters}）。',
    'arch.groupsDivide': '層 "{name}"（conv2d、グループ {groups}）: 入力チャネル {channels} とフィルタ数 {filters} はどちらもグループ数で割り切れる必要があります。',
    'arch.noUnits': '層 "{name}"（dense）には 1 つ以上のユニットが必要です（指定: {units}）。',
    'arch.padShrink': '層 "{name}"（ゼロパディングのショートカット）は {channels} チャネルを {filters} に減らせません。',
    'arch.addTwo': '層 "{name}"（add）には 2 つ以上の入力が必要です。',
    'arch.addShapes': '層 "{name}"（add）は形 {shapes} を足せません: 形が等しい必要があります。',
    'arch.concatNone': '層 "{name}"（concat）に入力がありません。',
    'arch.concatSize': '層 "{name}"（concat）には等しい H×W が必要ですが、{shapes} です。',
    'arch.undefinedInput': '層 "{name}" の入力 "{input}" は、それより前に定義されていません。',
    'arch.duplicateName': '{model} に同じ層の名前 "{name}" が重複しています。',
    'arch.unknownOutput': '出力 "{name}" は {model} の層ではありません。',
    'arch.noLayers': '{model} には層がありません。',
    'arch.noInputLayer': '{model} には入力層がありません。',
    'arch.unknownArch': '不明なアーキテクチャ "{id}" です。使えるもの: {known}。',
    'arch.noVariant': '{title} に変種 "{variant}" はありません（変種: {known}）。',
    'arch.groupsOnlyAlexnet': '--groups は AlexNet 専用です（{title} には使えません）。',
    'arch.auxOnlyGooglenet': '--aux は GoogLeNet 専用です（{title} には使えません）。',
    'arch.badInputOption': '--input は 4096 以下の正の整数 3 つ（H,W,C）にしてください（指定: {got}）。',
    'arch.badClasses': '--classes は 1〜100000 の整数にしてください（指定: {got}）。',
    'arch.badWidth': '--width は 0 より大きく 4 以下にしてください（指定: {got}）。',
    'arch.badGroups': '--groups は 1〜64 の整数にしてください（指定: {got}）。',
    'arch.badTable': '層 "{name}"（結合表つき畳み込み）: 結合表の {map} 行目（{row}）には、{channels} 未満の入力マップ番号を昇順に 1 つ以上並べてください。',
    'arch.rbfLength': '層 "{name}"（RBF 出力）: パラメーターベクトル {unit} の要素は {length} 個ですが、入力は {n} 個です。',
    'arch.fixedWidth': '{title}（{variant}）は結合表と 7×12 の出力ビットマップで形が決まっています: --width は 1 にしてください（指定: {got}）。',
  },
});

/** The codes of {@link archMessages}. */
export type ArchMessageCode = keyof typeof archMessages.en;
