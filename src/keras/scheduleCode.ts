/**
 * Two pieces of the playground's training loop (src/engine/fitLoop.ts) that Keras' `fit` has no
 * setting for, as Python: the learning-rate schedule (src/engine/optimizers.ts `scheduledRate`) as a
 * registered `LearningRateSchedule`, and "precise BN" (src/engine/preciseBatchNorm.ts) as a callback
 * that sets the batch norms' statistics before each validation.
 */

/** `steps_of`, `WarmupCosine` and `learning_rate(total_steps)`: the rate Train used at every step. */
export const SCHEDULE_CODE = `def steps_of(n_train, batch_size=BATCH_SIZE, epochs=EPOCHS):
    """Optimizer steps of a run, as the playground counts them (an epoch's last batch may be short)."""
    return epochs * -(-n_train // batch_size)


@keras.saving.register_keras_serializable(package="cnn_playground")
class WarmupCosine(keras.optimizers.schedules.LearningRateSchedule):
    """The playground's cosine schedule: a linear warm-up over the first min(100, 5 % of the steps)
    steps, rate peak * (step + 1) / (warmup + 1), then cosine decay from peak to 0 at the last step
    (Loshchilov & Hutter 2017). Keras' CosineDecay(0.0, total_steps - warmup, warmup_target=peak,
    warmup_steps=warmup) draws the same curve except the warm-up's steps (peak * step / warmup)."""

    def __init__(self, peak, total_steps):
        self.peak = peak
        self.total_steps = total_steps
        self.warmup = min(100, int(total_steps * 0.05))

    def __call__(self, step):
        step = ops.cast(step, "float32")
        if self.total_steps <= 1:
            return ops.full_like(step, self.peak)
        warming = self.peak * (step + 1.0) / (self.warmup + 1.0)
        t = ops.minimum(1.0, (step - self.warmup) / max(1, self.total_steps - self.warmup))
        cosine = self.peak * 0.5 * (1.0 + ops.cos(np.pi * t))
        return ops.where(step < self.warmup, warming, cosine)

    def get_config(self):
        return {"peak": self.peak, "total_steps": self.total_steps}


def learning_rate(total_steps):
    """The learning rate of each step: LEARNING_RATE throughout, or the cosine schedule (SCHEDULE)."""
    return WarmupCosine(LEARNING_RATE, total_steps) if SCHEDULE == "cosine" else LEARNING_RATE`;

/** `precise_batch_norm(model, x)` and the `PreciseBatchNorm` callback (networks with batch norm only). */
export const PRECISE_BN_CODE = `def precise_batch_norm(model, x, batch_size=64):
    """"Precise BN" (Wu & Johnson 2021), as the playground does after every epoch: each trainable
    BatchNormalization's moving mean and variance become the exact mean and variance of its input over
    the images x, computed in training mode (as the layer saw them while it trained). After a short run
    the moving averages still remember their start (0 and 1), which would hide what the weights learned."""
    norms = [layer for layer in model.layers if isinstance(layer, layers.BatchNormalization) and layer.trainable]
    if not norms or len(x) == 0:
        return 0
    probe = keras.Model(model.inputs[0], [layer.input for layer in norms])  # the playground's networks have one input
    sums = [0.0] * len(norms)
    squares = [0.0] * len(norms)
    count = [0] * len(norms)
    for start in range(0, len(x), batch_size):
        seen = probe(x[start:start + batch_size], training=True)
        for i, values in enumerate(seen if isinstance(seen, (list, tuple)) else [seen]):
            values = np.asarray(values, "float64").reshape(-1, values.shape[-1])
            sums[i] += values.sum(axis=0)
            squares[i] += (values ** 2).sum(axis=0)
            count[i] += len(values)
    for layer, s, q, n in zip(norms, sums, squares, count):
        mean = s / n
        layer.moving_mean.assign(mean.astype("float32"))
        layer.moving_variance.assign(np.maximum(0.0, q / n - mean ** 2).astype("float32"))
    return len(norms)


class PreciseBatchNorm(keras.callbacks.Callback):
    """After each epoch: precise_batch_norm on PRECISE_BN_EXAMPLES training images (a fresh random
    subset each epoch; the playground takes the epoch's first ones in its shuffled order), then the
    validation. Keras' fit validates before its callbacks run, so this callback validates itself (fit
    gets no validation_data) and adds val_loss, val_accuracy, … to the epoch's logs."""

    def __init__(self, model, x, val_data):
        super().__init__()
        self.net, self.x, self.val_data = model, x, val_data

    def on_epoch_end(self, epoch, logs=None):
        pick = np.random.default_rng(SEED + epoch).permutation(len(self.x))[:PRECISE_BN_EXAMPLES]
        layers_set = precise_batch_norm(self.net, self.x[np.sort(pick)])
        x_val, y_val = self.val_data
        if len(x_val) and logs is not None:
            for name, value in evaluate(self.net, x_val, y_val).items():
                logs[f"val_{name}"] = value
        print(f"epoch {epoch + 1}: batch-norm statistics of {layers_set} layers recomputed on {min(len(self.x), PRECISE_BN_EXAMPLES)} images")`;
