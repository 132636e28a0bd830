"""check:keras, part 4: the generated script of a network with batch norm, trained in the browser with
the cosine schedule, describes that run:
  - its WarmupCosine gives the playground's learning rate (scheduledRate) at every step of several runs;
  - its precise_batch_norm, on the images the playground used (the epoch's shuffled order, batches of 64),
    gives the batch-norm statistics of the .keras file the playground exported;
  - it runs as a script (`python FILE.py --data DATA.npz`) to the end offline, and the model it saves loads.
Usage: python check_script.py <script.py> <model.keras> <data.npz> <expected.json> <result.json>
expected.json: {"rates": {"<total steps>": [rate per step, for a peak of 1]}, "order": [training image indices], "tolerance": t}
"""
import json
import sys
import time

import common
import keras
import numpy as np


def schedule_error(module, rates):
    worst = 0.0
    for total, expected in rates.items():
        schedule = module.WarmupCosine(1.0, int(total))  # expected: the playground's rates for a peak of 1
        got = np.asarray(schedule(np.arange(len(expected))), "float64")
        worst = max(worst, float(np.abs(got - np.array(expected)).max()))
    return worst


def batch_norm_error(module, model_path, data_path, order):
    model = common.load_model(model_path, custom_objects=module.CUSTOM_OBJECTS)
    norms = [layer for layer in model.layers if isinstance(layer, keras.layers.BatchNormalization)]
    exported = [(np.array(n.moving_mean), np.array(n.moving_variance)) for n in norms]
    with np.load(data_path) as d:
        x = module.adapt_images(d["x_train"][np.array(order)])
    module.precise_batch_norm(model, x)
    worst = 0.0
    for n, (mean, variance) in zip(norms, exported):
        worst = max(worst, float(np.abs(np.array(n.moving_mean) - mean).max() / (np.abs(mean).max() + 1e-6)),
                    float(np.abs(np.array(n.moving_variance) - variance).max() / (np.abs(variance).max() + 1e-6)))
    return len(norms), worst


def main(script, model_path, data_path, expected_path, out):
    with open(expected_path) as f:
        expected = json.load(f)
    module = common.load_module(script, "checked_script")
    start = time.time()
    rate_error = schedule_error(module, expected["rates"])
    layers, bn_error = batch_norm_error(module, model_path, data_path, expected["order"])
    saved = out.replace(".json", "") + "-model.keras"
    build = module.build_model  # its initial weights without JAX's random kernels (common.numpy_initial_weights)

    def build_with_numpy_initial_weights(*args, **kwargs):
        with common.numpy_initial_weights():
            return build(*args, **kwargs)

    module.build_model = build_with_numpy_initial_weights
    module.main(["--data", data_path, "--save", saved])
    reloaded = common.load_model(saved, custom_objects=module.CUSTOM_OBJECTS)
    tolerance = expected["tolerance"]
    result = {
        "scheduleMaxRelativeError": rate_error, "scheduleSteps": sum(len(r) for r in expected["rates"].values()),
        "batchNormLayers": layers, "batchNormMaxRelativeError": bn_error, "images": len(expected["order"]),
        "ranAndSaved": reloaded.count_params(), "seconds": round(time.time() - start, 1),
    }
    result["ok"] = rate_error <= 1e-5 and bn_error <= tolerance
    with open(out, "w") as f:
        json.dump(result, f)
    print(f"check:keras script {script.split('/')[-1]}: WarmupCosine = the playground's rate at {result['scheduleSteps']} steps "
          f"(max relative error {rate_error:.1e}); precise_batch_norm on its {len(expected['order'])} images = the exported statistics of "
          f"{layers} batch norms (max relative error {bn_error:.1e}); ran offline and saved a model that loads "
          f"({result['seconds']} s) {'ok' if result['ok'] else 'FAIL'}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
