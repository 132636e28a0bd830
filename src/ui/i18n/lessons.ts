import type { LessonId } from '../classroom/lessonIds';

type LessonKey = `${LessonId}:${'title' | 'text' | 'question'}`;

/** The lesson cards: title, a short explanation and the question to ask the class, per lesson. */
export const lessonMessages: { en: Record<LessonKey, string>; ja: Record<LessonKey, string> } = {
  en: {
    'lenet-then-and-now:title': 'LeNet-5, then and now',
    'lenet-then-and-now:text':
      'LeNet-5 as LeCun et al. built it in 1998: no padding, subsampling layers with a trainable coefficient and bias, C3 wired to only some of S2’s maps (the connection table on its block in the graph), a scaled tanh, and an output of Euclidean RBF units instead of a softmax. The modern variant keeps the same shapes (32 → 28 → 14 → 10 → 5 pixels, 1 → 6 → 16 channels) but uses ReLU, max pooling and a softmax. This link opens the 1998 network on 10,000 MNIST digits for one epoch: train it, then switch Variant to modern and train again with the same budget and seed.',
    'lenet-then-and-now:question': 'Which variant is more accurate after one epoch, and which is faster per epoch? What about ReLU, max pooling and a softmax output could explain the difference?',
    'going-deeper:title': 'AlexNet and VGG: going deeper with small filters',
    'going-deeper:text':
      'AlexNet started with 11×11 and 5×5 filters; VGG uses only 3×3 filters and stacks more of them. Two 3×3 convolutions see a 5×5 window with 18·C² weights instead of 25·C², and add one more non-linearity. This link opens VGG-11; its recipe trains a quarter-width copy at 32×32 (small enough for a laptop). Train it, then pick AlexNet and train it too, and compare their Summaries and accuracies.',
    'going-deeper:question': 'Three 3×3 layers see a 7×7 window. How many weights do they need compared with one 7×7 layer with the same C channels?',
    'why-resnet:title': 'Why ResNet: deeper is not automatically better',
    'why-resnet:text':
      'A deeper network could copy a shallower one and make its extra layers the identity, so its training error should never be worse. In practice deep plain networks train worse. ResNet adds each block’s input back to its output, relu(F(x) + x), so the identity is easy to learn. The depth experiment’s lecture preset trains Plain-20, Plain-56, ResNet-20 and ResNet-56 side by side with one budget in a few minutes; the precomputed full-length run beside it shows the same over many epochs.',
    'why-resnet:question': 'Why does even the training error of the deep plain network get worse, and what does the skip connection change for the gradient?',
    'inception-cost:title': '1×1 convolutions and the cost of Inception',
    'inception-cost:text':
      'An inception module runs 1×1, 3×3 and 5×5 convolutions and a max pooling side by side and concatenates them. On a 28×28×192 input, a 5×5 convolution to 32 channels costs 120.4 million multiplications; a 1×1 convolution down to 16 channels first brings it to 12.4 million. Use the cost explorer to change the bottleneck width and watch the count.',
    'inception-cost:question': 'A 1×1 convolution looks at a single pixel. What does it compute, and why does it make the 5×5 convolution after it about ten times cheaper?',
    'transfer-little-data:title': 'Transfer learning with little data',
    'transfer-little-data:text':
      'With only a few labelled images, a network trained from scratch memorises them. Transfer learning reuses the convolutional base of a network trained on a related task with plenty of data, freezes it and trains only a new classifier head. Here the base is LeNet-5 trained on the digits 0–4 only; the new task is the digits 5–9 with just 5 images per class. In the transfer panel pick that base, load it, tick the classes 5–9, set 5 images per class, replace the head and run the comparison (it uses the same settings as Train): the pretrained start wins by more than 10 points. Then try the same with Fashion-MNIST and the MNIST base: it barely helps, because clothes share little with digits.',
    'transfer-little-data:question': 'Which layers are worth reusing for a new task, the early ones or the late ones, and why?',
    'augmentation:title': 'Augmentation against overfitting',
    'augmentation:text':
      'When a network sees the same few images again and again, its training accuracy climbs towards 100% while the validation accuracy stalls: it memorises. Augmentation shows a slightly different version of each image every time (flips, crops, small rotations, colour shifts), as AlexNet did. This link gives LeNet-5 just 300 MNIST digits (and 300 more to validate on) with random shifts of up to 2 pixels and small rotations (±10°) — no flips, which would turn a digit into another shape; the experiment below trains the same network, from the same start, 40 epochs without and with them. Without augmentation it reaches 100% on its training digits and stalls well below on the validation digits; with augmentation the gap narrows and the validation accuracy rises.',
    'augmentation:question': 'Which augmentations make sense for clothes or digits, and which would change the right answer (think of 6 and 9)?',
    'keras-workflow:title': 'The Keras workflow, step by step',
    'keras-workflow:text':
      'Every experiment follows the Keras workflow: build the model (layers and shapes), compile it (optimizer, learning rate, loss), fit it to the training data (epochs, batches, a validation split), evaluate it on test images it has never seen, then predict new images. The steps light up as the worker goes through them.',
    'keras-workflow:question': 'Why must the test images stay out of training, and what does the validation accuracy tell us that the training accuracy does not?',
  },
  ja: {
    'lenet-then-and-now:title': 'LeNet-5 の昔と今',
    'lenet-then-and-now:text':
      'LeCun らが 1998 年に作ったとおりの LeNet-5 です。パディングなし、訓練可能な係数とバイアスを持つサブサンプリング層、S2 の一部のマップだけにつながる C3 (グラフのブロック上の接続表)、スケールした tanh、そしてソフトマックスではなくユークリッド RBF による出力です。「現代版」は形 (32 → 28 → 14 → 10 → 5 ピクセル、1 → 6 → 16 チャネル) はそのままに、ReLU、最大プーリング、ソフトマックスを使います。このリンクは MNIST の 1 万枚で 1998 年版を 1 エポック訓練する設定で開きます。訓練したら、バリエーションを「現代版」に切り替えて、同じ量と同じシードでもう一度訓練しましょう。',
    'lenet-then-and-now:question': '1 エポック後の正解率が高いのはどちらで、1 エポックが速いのはどちらでしょう。ReLU、最大プーリング、ソフトマックス出力のどんな性質がその差を説明できるでしょう。',
    'going-deeper:title': 'AlexNet と VGG: 小さなフィルタで深くする',
    'going-deeper:text':
      'AlexNet は 11×11 や 5×5 のフィルタから始まりましたが、VGG は 3×3 のフィルタだけを使い、それを何層も重ねます。3×3 の畳み込み 2 層は、25·C² ではなく 18·C² の重みで 5×5 の範囲を見て、非線形性も 1 つ増えます。このリンクは VGG-11 を開きます。レシピはノートパソコンで訓練できるように、幅 4 分の 1、32×32 の縮小版を訓練します。訓練したら AlexNet を選んで同じように訓練し、サマリーと正解率を比べてみましょう。',
    'going-deeper:question': '3×3 の層を 3 つ重ねると 7×7 の範囲が見えます。チャネル数 C が同じ 7×7 の層 1 つと比べて、重みはいくつ必要でしょう。',
    'why-resnet:title': 'なぜ ResNet か: 深ければ良いとは限らない',
    'why-resnet:text':
      '深いネットワークは、浅いネットワークをまねて余分な層を恒等写像にすれば良いので、訓練誤差が悪くなるはずはありません。ところが実際には、深いプレーンなネットワークほど訓練がうまくいきません。ResNet は各ブロックの入力を出力に足し戻し (relu(F(x) + x))、恒等写像を簡単に学べるようにします。深さの実験の「授業用」プリセットは、Plain-20・Plain-56・ResNet-20・ResNet-56 を同じ条件で数分で並べて訓練します。横に表示される計算済みの長い実行では、多くのエポックで同じことが見られます。',
    'why-resnet:question': '深いプレーンなネットワークでは、テスト誤差だけでなく訓練誤差まで悪くなるのはなぜでしょう。スキップ接続は勾配の何を変えるのでしょう。',
    'inception-cost:title': '1×1 畳み込みと Inception の計算量',
    'inception-cost:text':
      'Inception モジュールは 1×1、3×3、5×5 の畳み込みと最大プーリングを並べて実行し、結果を連結します。28×28×192 の入力から 32 チャネルへの 5×5 畳み込みは 1 億 2040 万回の乗算が必要ですが、先に 1×1 畳み込みで 16 チャネルに減らすと 1240 万回で済みます。計算量エクスプローラーでボトルネックの幅を変え、回数の変化を見てみましょう。',
    'inception-cost:question': '1×1 畳み込みは 1 ピクセルしか見ません。何を計算していて、なぜ次の 5×5 畳み込みがおよそ 10 分の 1 の計算で済むのでしょう。',
    'transfer-little-data:title': '少ないデータでの転移学習',
    'transfer-little-data:text':
      'ラベル付きの画像がわずかしかないと、ゼロから訓練したネットワークは画像を丸暗記してしまいます。転移学習では、関連するタスクの豊富なデータで訓練したネットワークの畳み込み部分を再利用して凍結し、新しい分類器だけを訓練します。ここでは数字 0〜4 だけで訓練した LeNet-5 をベースにし、新しいタスクは数字 5〜9、1 クラスあたりわずか 5 枚です。転移学習のパネルでそのベースを選んで読み込み、クラス 5〜9 にチェックを入れ、1 クラスあたり 5 枚にして出力層を付け替え、比較を実行しましょう (比較は「訓練」と同じ設定を使います)。事前学習から始めた方が 10 ポイント以上高くなります。次に Fashion-MNIST と MNIST のベースで同じことを試してみましょう。服と数字には共通点が少ないので、ほとんど効果がありません。',
    'transfer-little-data:question': '新しいタスクで再利用する価値があるのは、入力に近い層と出力に近い層のどちらでしょう。それはなぜでしょう。',
    'augmentation:title': '過学習を防ぐデータ拡張',
    'augmentation:text':
      '同じ少数の画像を何度も見せると、訓練の正解率は 100% に近づくのに検証の正解率は伸びなくなります。丸暗記しているのです。データ拡張は、毎回少しずつ違う画像 (反転、切り抜き、小さな回転、色の変化) を見せる方法で、AlexNet も使いました。このリンクでは LeNet-5 に MNIST の数字をわずか 300 枚 (検証用にさらに 300 枚) だけ与え、最大 2 ピクセルのランダムな平行移動と小さな回転 (±10°) を設定します。左右反転は数字を別の形に変えてしまうので使いません。下の実験で、同じネットワークを同じ初期値から、データ拡張なしとありでそれぞれ 40 エポック訓練して比べましょう。拡張なしでは訓練用の数字で 100% に達するのに検証の正解率は伸び悩み、拡張ありでは差が縮まり、検証の正解率が上がります。',
    'augmentation:question': '衣類や数字に意味のあるデータ拡張はどれで、正解を変えてしまうのはどれでしょう (6 と 9 を考えてみましょう)。',
    'keras-workflow:title': 'Keras のワークフローを一歩ずつ',
    'keras-workflow:text':
      'どの実験も Keras のワークフローに沿って進みます。モデルを構築し (層と形)、コンパイルし (最適化手法、学習率、損失関数)、訓練データで訓練し (エポック、バッチ、検証データの割合)、見たことのないテスト画像で評価し、最後に新しい画像を予測します。ワーカーが各段階を進むと、そのステップが点灯します。',
    'keras-workflow:question': 'テスト画像を訓練に使ってはいけないのはなぜでしょう。訓練の正解率ではわからず、検証の正解率でわかることは何でしょう。',
  },
};
