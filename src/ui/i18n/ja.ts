import type { Messages } from './en';

/** 日本語の UI 文字列。en.ts と同じキーをすべて持つこと。 */
export const ja: Messages = {
  appTitle: 'CNN プレイグラウンド',
  tagline: '古典的な畳み込みニューラルネットワークを、ブラウザの中で、自分の GPU で組み立て・訓練し・中を見る。',
  language: '言語',
  network: 'ネットワーク',
  architecture: 'アーキテクチャ',
  variant: 'バリエーション',
  inputShape: '入力 (高さ,幅,チャネル)',
  classes: 'クラス数',
  widthMultiplier: '幅の倍率',
  groups: 'グループ数 (2 GPU 分割)',
  noTop: '分類器を外す (include_top=False)',
  convBias: '畳み込みのバイアス',
  aux: '補助分類器 (損失の重み 0.3)',
  default: '既定',
  familyLenet: 'LeNet',
  familyAlexnet: 'AlexNet',
  familyVgg: 'VGG',
  familyResnet: 'ResNet (ImageNet)',
  familyCifarResnet: 'ResNet (CIFAR-10)',
  familyPlain: 'プレーン (ショートカットなし)',
  familyGooglenet: 'GoogLeNet',
  summary: 'サマリー',
  layerType: '層 (種類)',
  outputShape: '出力の形',
  params: 'パラメーター数',
  macs: '積和演算',
  totalParams: '総パラメーター数',
  trainableParams: '訓練対象',
  nonTrainableParams: '訓練対象外',
  totalMacs: '1 例あたりの積和演算数',
  activationMemory: '1 例あたりの活性化メモリー',
  whatIsSpecial: 'このネットワークの特徴',
  urlNotice: 'リンクの設定の一部は使えないため既定値に戻しました:',
  urlNoticeInvalid: '不正な値',
  urlNoticeUnknown: '不明な設定',
  urlNoticeVersion: '別のバージョンのリンク',
  urlNoticeIncompatible: 'このネットワークにはない設定',
  dismiss: '閉じる',
  archError: 'この構成は不可能です:',
  pageError: 'このパネルで問題が起きました。設定は保持されています。再読み込みしてください。',
  noteLenet:
    'LeNet-5 (LeCun ら 1998) は 32×32 の数字を読みます。近年の CNN と違う点: 平均プーリング、パディングなし、活性化関数に tanh/シグモイド、プーリングの後にシグモイド。同じ点: 層が深くなるほど高さと幅は小さく (32 → 28 → 14 → 10 → 5)、チャネル数は大きくなり (1 → 6 → 16)、畳み込みとプーリングの後に全結合層が続きます。「現代版」は ReLU と最大プーリングに置き換えたもの、「1998 年版」は論文そのもののネットワークです: マップごとに訓練可能な係数を持つサブサンプリング、結合表でつないだ C3、f(a) = 1.7159·tanh(2a/3)、出力はユークリッド RBF ユニット（ソフトマックスではなくクラスごとのペナルティ）。',
  noteAlexnet:
    'AlexNet (Krizhevsky ら 2012) は、より深いネットワーク、ReLU、ドロップアウト、データ拡張で ImageNet を制しました。局所応答正規化 (LRN) は、その後の研究であまり効果がないことが示されています。論文ではネットワークを 2 つの GPU に分割していました。グループ数を 2 にすると、conv2・conv4・conv5 の重みが半分になる様子を確かめられます。',
  noteVgg:
    'VGG (Simonyan & Zisserman 2014) はすべての層で単純な規則を使います: 3×3・ストライド 1・"same" の畳み込みと、2×2・ストライド 2 の最大プーリング。高さと幅は半分に (224 → 112 → 56 → 28 → 14 → 7)、チャネル数は 2 倍に (64 → 128 → 256 → 512) なります。単純で深く大きく、VGG-16 のパラメーターは 1 億 3800 万個、その多くは最初の全結合層にあります。',
  noteResnet:
    'ResNet (He ら 2015) はスキップ接続を加えます。ブロックの出力は relu(F(x) + x) なので、とても深いネットワークでも恒等写像に戻ることができ、訓練が進みます。形が変わるところでは、ショートカットは射影 W_s (1×1 畳み込み) になります。ResNet-152 は 152 層もありながら、浅いプレーンなネットワークよりうまく訓練できます。',
  noteCifarResnet:
    'He ら (§4.2) の CIFAR-10 用 ResNet: 16・32・64 フィルタの 3 段に 6n + 2 層。「オプション A」のショートカットはパラメーターを増やしません。形が変わるところでは x を間引き、チャネル方向にゼロパディングします。同じ深さのプレーンなネットワークと比べてみましょう: プレーンは深くするほど訓練誤差が悪化しますが、ResNet はそうなりません。',
  notePlain:
    'プレーンなネットワーク: 同じ深さの CIFAR 用 ResNet とまったく同じ層で、スキップ接続だけがありません。理論上は層を増やしても訓練誤差は悪化しないはずですが、実際には勾配消失や発散によって深いプレーンなネットワークほど訓練がうまくいかなくなります。双子の ResNet と並べて訓練して違いを確かめましょう。',
  noteGooglenet:
    'GoogLeNet (Szegedy ら 2014) は Inception ブロックを積み重ねます: 1×1・3×3・5×5 の畳み込みと最大プーリングを並べて行い、出力を結合します。1×1 畳み込みの「ボトルネック」が計算量を抑えます — 28×28×192 → 5×5 畳み込みで 32 チャネルは直接だと 1 億 2040 万回の乗算ですが、16 チャネルの 1×1 ボトルネックを通すと 1240 万回です。2 つの補助分類器の損失は、訓練時に 0.3 の重みで足し合わされます。',
};
