/**
 * Python source of the small augmentation layers the generated code defines where Keras 3 has no
 * preprocessing layer of the playground's kind (or not with its parameters): a probability wrapper,
 * the Inception-style random resized crop, mirroring with any probability, the elastic warp, the RGB
 * shift and AlexNet's PCA colour shift. All are random only in training (`training=True`), draw from a
 * `keras.random.SeedGenerator` and use `keras.ops` only, so they run inside `fit` on every backend.
 */

const SAMPLER = `def sample_bilinear(images, rows, cols, fill="zeros"):
    """images (B, H, W, C) read at float pixel positions rows, cols (B, H, W), bilinearly; outside the
    image: zeros, or the nearest edge pixel (fill="edge"). The playground's augmentations use one such
    resample for all their geometry."""
    b, (_, h, w, c) = ops.shape(images)[0], images.shape
    shape = (b, h, w, c)
    batch = ops.broadcast_to(ops.reshape(ops.arange(b, dtype="float32"), (b, 1, 1, 1)), shape)
    channel = ops.broadcast_to(ops.reshape(ops.arange(c, dtype="float32"), (1, 1, 1, c)), shape)
    rows = ops.broadcast_to(rows[..., None], shape)
    cols = ops.broadcast_to(cols[..., None], shape)
    mode = "constant" if fill == "zeros" else "nearest"
    return ops.image.map_coordinates(images, [batch, rows, cols, channel], order=1, fill_mode=mode)


def pixel_grid(b, h, w):
    """Row and column index of every output pixel, (B, H, W) each, as floats."""
    rows = ops.broadcast_to(ops.reshape(ops.arange(h, dtype="float32"), (1, h, 1)), (b, h, w))
    cols = ops.broadcast_to(ops.reshape(ops.arange(w, dtype="float32"), (1, 1, w)), (b, h, w))
    return rows, cols`;

const BASE = `class Augmentation(layers.Layer):
    """Base of the augmentation layers below: the identity outside training, a seeded generator inside."""

    def __init__(self, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.seed = seed
        self.generator = keras.random.SeedGenerator(seed)

    def call(self, x, training=None):
        return self.augment(x) if training else x

    def compute_output_shape(self, input_shape):
        return input_shape

    def uniform(self, shape, low, high):
        return keras.random.uniform(shape, minval=low, maxval=high, seed=self.generator)`;

const CLASSES: Readonly<Record<string, string>> = {
  RandomApply: `class RandomApply(Augmentation):
    """Applies \`layer\` (in training mode) to each image with probability \`p\`, as the playground's p."""

    def __init__(self, layer, p, **kwargs):
        super().__init__(**kwargs)
        self.layer = layer
        self.p = p

    def build(self, input_shape):
        self.layer.build(input_shape)

    def augment(self, x):
        hit = self.uniform((ops.shape(x)[0], 1, 1, 1), 0.0, 1.0) < self.p
        return ops.where(hit, self.layer(x, training=True), x)`,

  RandomResizedCrop: `class RandomResizedCrop(Augmentation):
    """A crop of \`scale\` times the image's area with aspect \`aspect\` (log-uniform), rounded to whole
    pixels, at a uniform place in the image padded by \`padding\` pixels, resized back to H x W."""

    def __init__(self, padding=0, scale=(0.08, 1.0), aspect=(3 / 4, 4 / 3), fill="zeros", **kwargs):
        super().__init__(**kwargs)
        self.padding, self.scale, self.aspect, self.fill = padding, scale, aspect, fill

    def augment(self, x):
        b, (_, h, w, _) = ops.shape(x)[0], x.shape
        p = self.padding
        s = self.uniform((b, 1, 1), *self.scale)
        r = ops.exp(self.uniform((b, 1, 1), np.log(self.aspect[0]), np.log(self.aspect[1])))
        width = ops.clip(ops.round(w * ops.sqrt(s * r)), 1, w + 2 * p)
        height = ops.clip(ops.round(h * ops.sqrt(s / r)), 1, h + 2 * p)
        left = -p + ops.floor(self.uniform((b, 1, 1), 0.0, 1.0) * (w + 2 * p - width + 1))
        top = -p + ops.floor(self.uniform((b, 1, 1), 0.0, 1.0) * (h + 2 * p - height + 1))
        rows, cols = pixel_grid(b, h, w)
        return sample_bilinear(x, top + (rows + 0.5) * height / h - 0.5, left + (cols + 0.5) * width / w - 0.5, self.fill)`,

  RandomMirror: `class RandomMirror(Augmentation):
    """Mirrors each image left-right and/or top-bottom, each direction with probability \`p\`."""

    def __init__(self, horizontal=True, vertical=False, p=0.5, **kwargs):
        super().__init__(**kwargs)
        self.horizontal, self.vertical, self.p = horizontal, vertical, p

    def augment(self, x):
        b = ops.shape(x)[0]
        if self.horizontal:
            x = ops.where(self.uniform((b, 1, 1, 1), 0.0, 1.0) < self.p, ops.flip(x, axis=2), x)
        if self.vertical:
            x = ops.where(self.uniform((b, 1, 1, 1), 0.0, 1.0) < self.p, ops.flip(x, axis=1), x)
        return x`,

  ElasticWarp: `class ElasticWarp(Augmentation):
    """Local (elastic) warping: a grid_size x grid_size lattice of control points, each moved by a uniform
    (dx, dy) in +-magnitude pixels, upsampled bilinearly (corners on the corner pixels) to a smooth field;
    each output pixel p reads the image at p + d(p)."""

    def __init__(self, grid_size=4, magnitude=2.0, fill="zeros", **kwargs):
        super().__init__(**kwargs)
        self.grid_size, self.magnitude, self.fill = grid_size, magnitude, fill

    @staticmethod
    def upsampling(size, grid):
        """(size, grid) weights of align-corners bilinear upsampling from grid to size points."""
        weights = np.zeros((size, grid), "float32")
        for i in range(size):
            s = i * (grid - 1) / max(size - 1, 1)
            i0 = min(int(np.floor(s)), grid - 1)
            i1 = min(i0 + 1, grid - 1)
            weights[i, i0] += 1 - (s - i0)
            weights[i, i1] += s - i0
        return weights

    def augment(self, x):
        b, (_, h, w, _) = ops.shape(x)[0], x.shape
        g = self.grid_size
        lattice = self.uniform((b, g, g, 2), -self.magnitude, self.magnitude)
        field = ops.einsum("hg,bgkd,wk->bhwd", self.upsampling(h, g), lattice, self.upsampling(w, g))
        rows, cols = pixel_grid(b, h, w)
        return sample_bilinear(x, rows + field[..., 1], cols + field[..., 0], self.fill)`,

  RandomChannelShift: `class RandomChannelShift(Augmentation):
    """Adds an independent uniform value in +-amount to each channel of each image (not clipped)."""

    def __init__(self, amount=0.05, **kwargs):
        super().__init__(**kwargs)
        self.amount = amount

    def augment(self, x):
        return x + self.uniform((ops.shape(x)[0], 1, 1, x.shape[-1]), -self.amount, self.amount)`,

  PcaColorShift: `class PcaColorShift(Augmentation):
    """AlexNet's PCA colour augmentation (section 4.1): adds [p1 p2 p3] (alpha_i * lambda_i) to every pixel,
    alpha ~ N(0, sigma^2) per image and component; lambda and p are the eigenvalues and eigenvectors of
    the training set's RGB covariance (see pca_color_stats). Not clipped."""

    def __init__(self, eigenvalues, eigenvectors, sigma=0.1, **kwargs):
        super().__init__(**kwargs)
        self.eigenvalues = np.asarray(eigenvalues, "float32")
        self.eigenvectors = np.asarray(eigenvectors, "float32")
        self.sigma = sigma

    def augment(self, x):
        alpha = keras.random.normal((ops.shape(x)[0], 3), stddev=self.sigma, seed=self.generator)
        offsets = ops.matmul(alpha * self.eigenvalues, ops.transpose(self.eigenvectors))
        return x + ops.reshape(offsets, (-1, 1, 1, 3))`,
};

const PCA_STATS = `def pca_color_stats(images):
    """Eigenvalues (largest first) and eigenvectors (columns) of the RGB covariance of float images
    (N, H, W, 3) in [0, 1], over every pixel: what PcaColorShift scales its draws by."""
    total, outer, count = np.zeros(3), np.zeros((3, 3)), 0
    for start in range(0, len(images), 1000):
        pixels = images[start:start + 1000].reshape(-1, 3).astype("float64")
        total += pixels.sum(axis=0)
        outer += pixels.T @ pixels
        count += len(pixels)
    mean = total / count
    values, vectors = np.linalg.eigh(outer / count - np.outer(mean, mean))
    order = np.argsort(values)[::-1]
    return np.maximum(values[order], 0.0), vectors[:, order]`;

/** The helpers, the base class, the requested classes and (when PCA is used) pca_color_stats, as Python. */
export function augmentLayersCode(classes: ReadonlySet<string>): string {
  if (classes.size === 0) return '';
  const names = Object.keys(CLASSES).filter((c) => classes.has(c));
  const parts = [SAMPLER, BASE, ...names.map((c) => CLASSES[c])];
  if (classes.has('PcaColorShift')) parts.push(PCA_STATS);
  return parts.join('\n\n\n');
}
