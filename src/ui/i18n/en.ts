/** English UI strings. Every key must also exist in ja.ts (the type enforces it; a test checks it too). */
export const en = {
  appTitle: 'CNN Playground',
  tagline: 'Build, train and look inside the classic convolutional networks — in your browser, on your own GPU.',
  language: 'Language',
  network: 'Network',
  architecture: 'Architecture',
  variant: 'Variant',
  inputShape: 'Input (H,W,C)',
  classes: 'Classes',
  widthMultiplier: 'Width multiplier',
  groups: 'Groups (two-GPU split)',
  noTop: 'Drop the classifier (include_top=False)',
  convBias: 'Convolution biases',
  aux: 'Auxiliary classifiers (loss weight 0.3)',
  default: 'default',
  familyLenet: 'LeNet',
  familyAlexnet: 'AlexNet',
  familyVgg: 'VGG',
  familyResnet: 'ResNet (ImageNet)',
  familyCifarResnet: 'ResNet (CIFAR-10)',
  familyPlain: 'Plain (no shortcuts)',
  familyGooglenet: 'GoogLeNet',
  summary: 'Summary',
  layerType: 'Layer (type)',
  outputShape: 'Output shape',
  params: 'Param #',
  macs: 'MACs',
  totalParams: 'Total parameters',
  trainableParams: 'Trainable',
  nonTrainableParams: 'Non-trainable',
  totalMacs: 'Multiply-accumulates per example',
  activationMemory: 'Activation memory per example',
  whatIsSpecial: 'What is special about it',
  urlNotice: 'Some link settings could not be used and were reset to their defaults:',
  urlNoticeInvalid: 'invalid value',
  urlNoticeUnknown: 'unknown setting',
  urlNoticeVersion: 'link from another version',
  urlNoticeIncompatible: 'not available for this network',
  dismiss: 'Dismiss',
  archError: 'This configuration is impossible:',
  pageError: 'Something went wrong in this panel. Your settings are kept; reload to try again.',
  noteLenet:
    'LeNet-5 (LeCun et al. 1998) reads 32×32 digits. Unlike today: average pooling, no padding, tanh/sigmoid activations and a sigmoid after each pooling. Like today: H×W shrink (32 → 28 → 14 → 10 → 5) while channels grow (1 → 6 → 16), and conv → pool stages end in fully connected layers. The "modern" variant swaps in ReLU and max pooling; "1998" is the network of the paper itself: subsampling with a trainable coefficient per map, C3 wired by a connection table, f(a) = 1.7159·tanh(2a/3), and an output of Euclidean RBF units (a penalty per class, not a softmax).',
  noteAlexnet:
    'AlexNet (Krizhevsky et al. 2012) won ImageNet with a much deeper network, ReLU activations, dropout and data augmentation. Local response normalisation (LRN) was later shown to help little. The paper split the network across two GPUs: set groups to 2 to see how grouped convolutions halve the weights of conv2, conv4 and conv5.',
  noteVgg:
    'VGG (Simonyan & Zisserman 2014) uses one simple rule everywhere: 3×3 "same" convolutions with stride 1 and 2×2 max pooling with stride 2. H×W halve (224 → 112 → 56 → 28 → 14 → 7) while channels double (64 → 128 → 256 → 512). Simple, deep and large: VGG-16 has 138 million parameters, most in the first fully connected layer.',
  noteResnet:
    'ResNet (He et al. 2015) adds skip connections: a block outputs relu(F(x) + x), so even a very deep network can fall back to the identity and keep training. When the shape changes, the shortcut becomes a projection W_s (a 1×1 convolution). ResNet-152 has 152 layers, yet trains better than shallower plain networks.',
  noteCifarResnet:
    'The CIFAR-10 ResNets of He et al. (§4.2): 6n + 2 layers in three stages of 16, 32 and 64 filters. Their "option A" shortcuts add no parameters: where the shape changes, x is subsampled and zero-padded in channels. Compare with the plain network of the same depth: plain networks train worse as they get deeper, residual ones do not.',
  notePlain:
    'A plain network: exactly the layers of the CIFAR ResNet of the same depth, without the skip connections. In theory more layers should not hurt the training error; in practice deep plain networks train worse (vanishing or exploding gradients). Train it against its ResNet twin to see the difference.',
  noteGooglenet:
    'GoogLeNet (Szegedy et al. 2014) stacks inception modules: 1×1, 3×3, 5×5 convolutions and a max pool side by side, concatenated. 1×1 "bottleneck" convolutions keep this affordable — 28×28×192 → 5×5 conv to 32 channels costs 120.4M multiplications directly but 12.4M through a 16-channel 1×1 bottleneck. Two auxiliary classifiers add their losses with weight 0.3 during training.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
