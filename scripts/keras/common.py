"""Shared set-up of the check:keras Python steps: Keras on JAX (CPU), a persistent XLA compilation
cache next to the virtual environment (a second run skips most compiling), and quiet logs."""
import contextlib
import os
import sys
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.filterwarnings("ignore")

import jax  # noqa: E402

_cache = os.environ.get("CHECK_KERAS_JAX_CACHE")
if _cache:
    jax.config.update("jax_compilation_cache_dir", _cache)
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0)
    jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)

import keras  # noqa: E402,F401


@contextlib.contextmanager
def numpy_initial_weights():
    """While open, initial weights are drawn by NumPy (same distributions) instead of JAX: XLA compiles one
    random kernel per weight shape, about a second each on a CPU, which made building or loading a model
    most of a step's time on a fresh machine (no compilation cache). Only for building: random layers
    (dropout, augmentation) inside a training step are outside it and stay JAX's. Layers, shapes, counts,
    loaded weights and training are Keras' own; only freshly built weights' first values differ."""
    import numpy as np
    from keras.src.backend import random as keras_random  # the backend module the initialisers call

    rng = np.random.default_rng(0)
    saved = keras_random.uniform, keras_random.normal, keras_random.truncated_normal
    keras_random.uniform = lambda shape, minval=0.0, maxval=1.0, dtype=None, seed=None: rng.uniform(minval, maxval, shape).astype(dtype or "float32")
    keras_random.normal = lambda shape, mean=0.0, stddev=1.0, dtype=None, seed=None: rng.normal(mean, stddev, shape).astype(dtype or "float32")
    keras_random.truncated_normal = lambda shape, mean=0.0, stddev=1.0, dtype=None, seed=None: np.clip(rng.normal(mean, stddev, shape), mean - 2 * stddev, mean + 2 * stddev).astype(dtype or "float32")
    try:
        yield
    finally:
        keras_random.uniform, keras_random.normal, keras_random.truncated_normal = saved


def load_model(path, custom_objects=None):
    """keras.saving.load_model, its weights built without JAX's random kernels (they are loaded over)."""
    with numpy_initial_weights():
        return keras.saving.load_model(path, custom_objects=custom_objects)


def load_module(path, name):
    """Imports the generated .py at `path` as module `name` (its main() runs only as a script)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
