"""Shared set-up of the check:keras Python steps: Keras on JAX (CPU), a persistent XLA compilation
cache next to the virtual environment (a second run skips most compiling), and quiet logs."""
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


def load_module(path, name):
    """Imports the generated .py at `path` as module `name` (its main() runs only as a script)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
