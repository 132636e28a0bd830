/**
 * Python source of the 1998 LeNet-5's pieces that Keras 3 has no layer or function for: the scaled tanh,
 * LeCun's U(±2.4/fan-in) initialiser, C3's table convolution, the S2/S4 subsampling and the RBF output.
 * Each computes what its tfjs layer of src/model/layers/ computes (their TSDoc has the maths) with the
 * same weights in the same order, so the playground's .keras files load into them.
 */

export const LENET1998_SOURCE: Readonly<Record<string, string>> = {
  scaled_tanh: `@keras.saving.register_keras_serializable(package="cnn_playground")
def scaled_tanh(x):
    """LeNet-5's squashing function f(a) = 1.7159 * tanh(2a / 3) (LeCun et al. 1998, eq. 7 and
    Appendix A): f(1) = 1 and f(-1) = -1, and the slope is steepest where the +-1 targets lie."""
    return ops.tanh(x * (2.0 / 3.0)) * 1.7159`,

  LeCun98Uniform: `@keras.saving.register_keras_serializable(package="cnn_playground")
class LeCun98Uniform(keras.initializers.Initializer):
    """LeCun et al.'s initialisation (1998, Appendix A): U(-2.4 / F, 2.4 / F), F the fan-in of a unit
    (every axis of the kernel but the last: kh * kw * channels for a convolution, the inputs of a dense
    layer). Not Keras' lecun_uniform, which is U(+-sqrt(3 / F))."""

    def __call__(self, shape, dtype=None):
        limit = 2.4 / int(np.prod(shape[:-1]))
        return keras.random.uniform(shape, -limit, limit, dtype=dtype)

    def get_config(self):
        return {}`,

  TableConv2D: `@keras.saving.register_keras_serializable(package="cnn_playground")
class TableConv2D(layers.Layer):
    """LeNet-5's C3 (LeCun et al. 1998, Table I): output map m reads only the input maps table[m],
    y[..., m] = f(bias[m] + sum over c in table[m] of the convolution of x[..., c] with kernel[:, :, k]),
    k numbering the table's connections row by row. kernel: (kh, kw, connections), only the connections
    that exist (so the parameter count is the paper's); bias: (filters,). The call scatters the kernel
    into a dense (kh, kw, channels, filters) one, zeros where the table has no connection, and runs one
    convolution. kernel_initializer "lecun98" draws U(+-2.4 / F), "glorot_uniform" U(+-sqrt(6 / (F + G))),
    per output map: F = kh * kw * len(table[m]), G = kh * kw * filters."""

    def __init__(self, table, kernel_size, strides=(1, 1), padding="valid", activation=None, use_bias=True,
                 kernel_initializer="glorot_uniform", **kwargs):
        super().__init__(**kwargs)
        self.table = tuple(tuple(int(c) for c in row) for row in table)  # tuples: Keras would wrap a list
        self.kernel_size = tuple(kernel_size)
        self.strides = tuple(strides)
        self.padding = padding
        self.activation = keras.activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = kernel_initializer

    def build(self, input_shape):
        kh, kw = self.kernel_size
        channels, filters = input_shape[-1], len(self.table)
        connections = sum(len(row) for row in self.table)
        self.scatter = np.zeros((connections, channels * filters), "float32")
        limits = []
        for m, row in enumerate(self.table):
            fan_in = kh * kw * len(row)
            limit = 2.4 / fan_in if self.kernel_initializer == "lecun98" else float(np.sqrt(6 / (fan_in + kh * kw * filters)))
            for c in row:
                self.scatter[len(limits), c * filters + m] = 1.0
                limits.append(limit)
        limits = np.array(limits, "float32")
        self.kernel = self.add_weight(name="kernel", shape=(kh, kw, connections),
                                      initializer=lambda shape, dtype=None: keras.random.uniform(shape, -1.0, 1.0, dtype=dtype) * limits)
        self.bias = self.add_weight(name="bias", shape=(filters,), initializer="zeros") if self.use_bias else None

    def call(self, x):
        kh, kw = self.kernel_size
        dense = ops.reshape(ops.matmul(ops.reshape(self.kernel, (kh * kw, -1)), self.scatter), (kh, kw, x.shape[-1], len(self.table)))
        y = ops.conv(x, dense, strides=self.strides, padding=self.padding)
        if self.use_bias:
            y = y + self.bias
        return self.activation(y)

    def get_config(self):
        return {**super().get_config(), "table": [list(row) for row in self.table], "kernel_size": self.kernel_size, "strides": self.strides,
                "padding": self.padding, "activation": keras.activations.serialize(self.activation),
                "use_bias": self.use_bias, "kernel_initializer": self.kernel_initializer}`,

  Subsampling2D: `@keras.saving.register_keras_serializable(package="cnn_playground")
class Subsampling2D(layers.Layer):
    """LeNet-5's S2 and S4 (LeCun et al. 1998, section II.B): each map's pool window summed, times a
    trainable coefficient, plus a trainable bias, squashed: y[..., c] = f(coefficient[c] * window sum
    + bias[c]), "valid" windows. Weights: coefficient (C,), bias (C,), two per map. kernel_initializer
    "lecun98" draws the coefficients U(+-2.4 / (ph * pw)); "average" starts them at 1 / (ph * pw), an
    average pool."""

    def __init__(self, pool_size, strides=None, activation=None, kernel_initializer="average", **kwargs):
        super().__init__(**kwargs)
        self.pool_size = tuple(pool_size)
        self.strides = tuple(strides or pool_size)
        self.activation = keras.activations.get(activation)
        self.kernel_initializer = kernel_initializer

    def build(self, input_shape):
        window = self.pool_size[0] * self.pool_size[1]
        limit = 2.4 / window
        initial = (lambda shape, dtype=None: keras.random.uniform(shape, -limit, limit, dtype=dtype)) if self.kernel_initializer == "lecun98" else keras.initializers.Constant(1.0 / window)
        self.coefficient = self.add_weight(name="coefficient", shape=(input_shape[-1],), initializer=initial)
        self.bias = self.add_weight(name="bias", shape=(input_shape[-1],), initializer="zeros")

    def call(self, x):
        mean = ops.average_pool(x, self.pool_size, strides=self.strides, padding="valid")
        return self.activation(mean * (self.coefficient * (self.pool_size[0] * self.pool_size[1])) + self.bias)

    def get_config(self):
        return {**super().get_config(), "pool_size": self.pool_size, "strides": self.strides,
                "activation": keras.activations.serialize(self.activation), "kernel_initializer": self.kernel_initializer}`,

  EuclideanRBF: `@keras.saving.register_keras_serializable(package="cnn_playground")
class EuclideanRBF(layers.Layer):
    """LeNet-5's output layer (LeCun et al. 1998, eq. 8): one Euclidean radial basis function unit per
    class, y[:, i] = sum over j of (x[:, j] - centres[i, j]) ** 2, the squared distance of the input to
    the class's fixed vector: a penalty (the smaller, the likelier). centres (units, n) is a weight that
    does not train (the paper fixed the vectors by hand), so Keras counts it as non-trainable."""

    def __init__(self, centres, **kwargs):
        super().__init__(**kwargs)
        self.centres_value = tuple(tuple(float(v) for v in w) for w in centres)

    def build(self, input_shape):
        self.centres = self.add_weight(name="centres", shape=(len(self.centres_value), len(self.centres_value[0])), trainable=False,
                                       initializer=lambda shape, dtype=None: np.array(self.centres_value, dtype or "float32"))

    def call(self, x):
        return ops.sum(ops.square(ops.expand_dims(x, 1) - self.centres), axis=-1)

    def get_config(self):
        return {**super().get_config(), "centres": [list(w) for w in self.centres_value]}`,
};
