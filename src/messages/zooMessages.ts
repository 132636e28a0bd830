/**
 * Which source each zoo network follows (paper, library), said under its summary in the CLI, the JSON
 * and the playground. Names, section numbers and library identifiers stay as written in both languages.
 */
import { defineCatalogue } from './catalogue';

/** English and Japanese templates of the zoo's source notes, by code. */
export const zooMessages = defineCatalogue({
  en: {
    'zoo.lenetModern': "LeCun et al. 1998's layer sizes on a 32×32×1 input, built as taught today: ReLU, max pooling, C5 as a dense layer, softmax output.",
    'zoo.lenetClassic': "LeCun et al. 1998's layer sizes on a 32×32×1 input with tanh, 2×2 average pooling followed by a sigmoid, and a softmax output: the usual simplification of the paper.",
    'zoo.lenet1998':
      'LeCun et al. 1998, §II.B and Appendix A, on 32×32×1: trainable subsampling, C3 wired by Table I, f(a) = 1.7159·tanh(2a/3), Euclidean RBF output with fixed ±1 vectors (our own 7×12 digit bitmaps stand in for the paper\'s). Trained on softmax(−y): its cross-entropy is the paper\'s MAP criterion (eq. 9) without the constant e^(−j) term.',
    'zoo.alexnetPaper':
      'Krizhevsky, Sutskever & Hinton 2012 (§3, Fig. 2): LRN, overlapping pooling, optional two-GPU groups; a 227×227×3 input, which makes conv1\'s 55×55 output exact (the paper\'s text says 224×224).',
    'zoo.alexnetTorchvision': "torchvision.models.alexnet: 224×224×3 input, as torchvision documents it (61.1 M parameters, 0.71 GFLOPS).",
    'zoo.vgg': "Simonyan & Zisserman 2014, Table 1, configuration {config}, as torchvision's {id} (no batch norm): 224×224×3.",
    'zoo.vggKeras': "Simonyan & Zisserman 2014, Table 1, configuration {config}, as Keras applications {keras} and torchvision's {id}: 224×224×3.",
    'zoo.resnetKeras': 'He et al. 2015, Table 1, as Keras applications {keras} (conv biases, BN ε 1.001e-5): 224×224×3.',
    'zoo.resnetKerasStyle': "He et al. 2015, Table 1, in the layout of Keras applications with conv biases (Keras has no {title}; --no-conv-bias gives torchvision's {id}): 224×224×3.",
    'zoo.resnetTorchvision': "He et al. 2015, Table 1, as torchvision's {id} (no conv biases): 224×224×3.",
    'zoo.cifarResnet': 'He et al. 2015, §4.2: the CIFAR-10 ResNet-{depth} (6n + 2 layers, 16-32-64 filters, option-A shortcuts), 32×32×3.',
    'zoo.plain': 'He et al. 2015, §4.2: the plain {depth}-layer CIFAR-10 net (the ResNet without its shortcuts), 32×32×3.',
    'zoo.googlenet': "Szegedy et al. 2014, Table 1 (LRN, no batch norm; torchvision's googlenet adds batch norm): 224×224×3.",
  },
  ja: {
    'zoo.lenetModern': 'LeCun ら 1998 の層の大きさを 32×32×1 の入力で、いま教えられる形で組んだもの: ReLU、最大プーリング、C5 は全結合層、出力はソフトマックス。',
    'zoo.lenetClassic': 'LeCun ら 1998 の層の大きさを 32×32×1 の入力で、tanh、2×2 平均プーリングとその後のシグモイド、ソフトマックス出力にしたもの: 論文のよくある簡略版。',
    'zoo.lenet1998':
      'LeCun ら 1998、§II.B と付録 A、32×32×1: 訓練可能な係数を持つサブサンプリング、表 I で結合した C3、f(a) = 1.7159·tanh(2a/3)、固定した ±1 ベクトルのユークリッド RBF 出力（論文のビットマップの代わりに、私たちが描いた 7×12 の数字ビットマップ）。softmax(−y) で訓練: その交差エントロピーは論文の MAP 基準（式 9）から定数 e^(−j) の項を除いたもの。',
    'zoo.alexnetPaper':
      'Krizhevsky、Sutskever、Hinton 2012（§3、図 2）: LRN、重なりのあるプーリング、2 GPU 分割のグループ（任意）。入力 227×227×3 で conv1 の出力 55×55 がちょうど合う（論文の本文は 224×224）。',
    'zoo.alexnetTorchvision': 'torchvision.models.alexnet: torchvision の文書どおり入力 224×224×3（パラメーター 61.1 M、0.71 GFLOPS）。',
    'zoo.vgg': 'Simonyan と Zisserman 2014、表 1 の構成 {config}、torchvision の {id}（バッチ正規化なし）と同じ: 224×224×3。',
    'zoo.vggKeras': 'Simonyan と Zisserman 2014、表 1 の構成 {config}、Keras applications の {keras} と torchvision の {id} と同じ: 224×224×3。',
    'zoo.resnetKeras': 'He ら 2015、表 1、Keras applications の {keras} と同じ（畳み込みにバイアス、BN ε 1.001e-5）: 224×224×3。',
    'zoo.resnetKerasStyle': 'He ら 2015、表 1、Keras applications の組み方で畳み込みにバイアスあり（Keras に {title} はない。--no-conv-bias で torchvision の {id}）: 224×224×3。',
    'zoo.resnetTorchvision': 'He ら 2015、表 1、torchvision の {id} と同じ（畳み込みにバイアスなし）: 224×224×3。',
    'zoo.cifarResnet': 'He ら 2015、§4.2: CIFAR-10 の ResNet-{depth}（6n + 2 層、フィルタ 16-32-64、オプション A のショートカット）、32×32×3。',
    'zoo.plain': 'He ら 2015、§4.2: CIFAR-10 のプレーンな {depth} 層のネット（ショートカットのない ResNet）、32×32×3。',
    'zoo.googlenet': 'Szegedy ら 2014、表 1（LRN あり、バッチ正規化なし。torchvision の googlenet はバッチ正規化を加えている）: 224×224×3。',
  },
});

/** The codes of {@link zooMessages}. */
export type ZooMessageCode = keyof typeof zooMessages.en;
