/**
 * The small Keras layers the generated code defines for what Keras 3 has no layer of its own for, as
 * Python source. Each is registered (`@keras.saving.register_keras_serializable(package="cnn_playground")`)
 * so `keras.saving.load_model` finds it once the module is imported, or through `CUSTOM_OBJECTS`.
 * Their weights (names, shapes, order) are the tfjs layers' of src/model/layers/, so .keras files
 * written by the playground load into them.
 *
 * The 1998 LeNet-5's pieces (its activation, initialiser and three layers) live in lenet1998Layers.ts.
 * Extension point: a new arch kind without a Keras layer adds its class here and its case in kerasLayers.ts.
 */
import { LENET1998_SOURCE } from './lenet1998Layers';

/** Python source of each custom object (layer classes, functions, initialisers), by its Python name. */
export const CUSTOM_LAYER_SOURCE: Readonly<Record<string, string>> = {
  ...LENET1998_SOURCE,
  GroupedConv2D: `@keras.saving.register_keras_serializable(package="cnn_playground")
class GroupedConv2D(layers.Layer):
    """AlexNet's grouped convolution (its two-GPU split): the input channels are cut into \`groups\`
    parts, each convolved by its own filters // groups kernels, and the outputs are concatenated.
    kernel: (kh, kw, channels // groups, filters), the layout of Conv2D(groups=...); bias: (filters,).
    (Keras' Conv2D has \`groups\` too, but TensorFlow cannot run grouped kernels on a CPU.)"""

    def __init__(self, filters, kernel_size, strides=(1, 1), padding="valid", groups=1, activation=None,
                 use_bias=True, kernel_initializer="glorot_uniform", **kwargs):
        super().__init__(**kwargs)
        self.filters = filters
        self.kernel_size = tuple(kernel_size)
        self.strides = tuple(strides)
        self.padding = padding
        self.groups = groups
        self.activation = keras.activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = keras.initializers.get(kernel_initializer)

    def build(self, input_shape):
        channels = input_shape[-1]
        self.kernel = self.add_weight(name="kernel", shape=(*self.kernel_size, channels // self.groups, self.filters),
                                      initializer=self.kernel_initializer)
        self.bias = self.add_weight(name="bias", shape=(self.filters,), initializer="zeros") if self.use_bias else None

    def call(self, x):
        parts = ops.split(x, self.groups, axis=-1)
        kernels = ops.split(self.kernel, self.groups, axis=-1)
        y = ops.concatenate([ops.conv(p, k, strides=self.strides, padding=self.padding) for p, k in zip(parts, kernels)], axis=-1)
        if self.use_bias:
            y = y + self.bias
        return self.activation(y)

    def get_config(self):
        return {**super().get_config(), "filters": self.filters, "kernel_size": self.kernel_size, "strides": self.strides,
                "padding": self.padding, "groups": self.groups, "activation": keras.activations.serialize(self.activation),
                "use_bias": self.use_bias, "kernel_initializer": keras.initializers.serialize(self.kernel_initializer)}`,

  LocalResponseNorm: `@keras.saving.register_keras_serializable(package="cnn_playground")
class LocalResponseNorm(layers.Layer):
    """AlexNet's local response normalisation across channels (section 3.3), in the paper's form:
    b[..., c] = a[..., c] / (bias + alpha * sum of a[..., c']**2 for |c' - c| <= depth_radius) ** beta,
    the window clipped at the first and last channel (as tf.nn.local_response_normalization). No weights."""

    def __init__(self, depth_radius=2, bias=2.0, alpha=1e-4, beta=0.75, **kwargs):
        super().__init__(**kwargs)
        self.depth_radius = depth_radius
        self.bias = bias
        self.alpha = alpha
        self.beta = beta

    def call(self, x):
        r = self.depth_radius
        channels = x.shape[-1]
        squares = ops.pad(ops.square(x), [[0, 0], [0, 0], [0, 0], [r, r]])
        window = sum(squares[..., i:i + channels] for i in range(2 * r + 1))
        return x / ops.power(self.bias + self.alpha * window, self.beta)

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias, "alpha": self.alpha, "beta": self.beta}`,

  PadShortcut: `@keras.saving.register_keras_serializable(package="cnn_playground")
class PadShortcut(layers.Layer):
    """The CIFAR ResNets' "option A" shortcut (He et al. 2015, section 4.2): the identity, subsampled
    as x[:, ::stride, ::stride, :] and zero-padded in channels up to \`filters\`. No parameters."""

    def __init__(self, stride=1, filters=16, **kwargs):
        super().__init__(**kwargs)
        self.stride = stride
        self.filters = filters

    def call(self, x):
        y = x[:, ::self.stride, ::self.stride, :]
        return ops.pad(y, [[0, 0], [0, 0], [0, 0], [0, self.filters - x.shape[-1]]])

    def get_config(self):
        return {**super().get_config(), "stride": self.stride, "filters": self.filters}`,
};

/** The custom layers' Python source for `classes` (in that order), or an empty string. */
export function customLayersCode(classes: readonly string[]): string {
  return classes.map((c) => CUSTOM_LAYER_SOURCE[c]).filter((s): s is string => s !== undefined).join('\n\n\n');
}
