"""check:keras, part 1: every generated model, built by the real Keras, has our summary's figures.

For each case written by writeZooCases.ts: import the generated module, build_model(), and assert
  - model.count_params() == our total parameters (trainable + non-trainable), and Keras' trainable
    weights hold our trainable count (the 1998 LeNet-5's RBF centres and BN statistics do not train);
  - every layer of our summary exists in Keras with exactly our output shape (helpers `<node>__pad`
    are the only extra layers);
  - model.layers comes in the order our weight layout assumes (it names the groups of model.weights.h5).
Usage: python check_zoo.py <cases-dir>  (prints one line per case; exit code 1 on any mismatch)

Only the initial weights are drawn differently from a plain run: by NumPy instead of JAX
(common.numpy_initial_weights), because XLA compiles one random kernel per weight shape (minutes for 33
networks on a CPU) and no value matters here. The model code, the layers, their shapes and counts are
Keras' own.
"""
import gc
import importlib
import json
import sys
import time

import common  # Keras on JAX, compilation cache
import keras
import numpy as np


def shape_of(layer):
    shape = layer.output.shape
    return [int(d) for d in shape[1:]]


def check(case):
    module = importlib.import_module(case["module"])
    with common.numpy_initial_weights():
        model = module.build_model()
    problems = []
    summary = case["summary"]
    if model.count_params() != summary["totalParams"]:
        problems.append(f"count_params {model.count_params():,} != {summary['totalParams']:,}")
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    if trainable != summary["trainableParams"]:
        problems.append(f"trainable {trainable:,} != {summary['trainableParams']:,}")
    by_name = {layer.name: layer for layer in model.layers}
    for ours in summary["layers"]:
        if ours["kind"] == "input":
            continue
        layer = by_name.get(ours["name"])
        if layer is None:
            problems.append(f"no layer {ours['name']}")
        elif shape_of(layer) != ours["outputShape"]:
            problems.append(f"{ours['name']}: {shape_of(layer)} != {ours['outputShape']}")
    ours_names = {l["name"] for l in summary["layers"]}
    extra = [n for n in by_name if n not in ours_names and "__" not in n]
    if extra:
        problems.append(f"extra layers {extra}")
    order = [layer.name for layer in model.layers]
    if order != case["layerOrder"]:
        first = next(i for i, (a, b) in enumerate(zip(order + [None], case["layerOrder"] + [None])) if a != b)
        problems.append(f"layer order differs at {first}: keras {order[first:first + 3]} ours {case['layerOrder'][first:first + 3]}")
    params = model.count_params()
    del model
    keras.backend.clear_session()
    gc.collect()
    return params, trainable, len(summary["layers"]), problems


def main(directory):
    sys.path.insert(0, directory)
    with open(f"{directory}/cases.json") as f:
        cases = json.load(f)
    failed = 0
    results = []
    for case in cases:
        start = time.time()
        params, trainable, count, problems = check(case)
        status = "ok" if not problems else "FAIL " + "; ".join(problems[:5])
        failed += bool(problems)
        results.append({"id": case["id"], "params": params, "trainable": trainable, "layers": count, "seconds": round(time.time() - start, 1), "ok": not problems})
        print(f"check:keras zoo {case['id']:<28} {params:>12,} params ({trainable:>12,} trainable) {count:>4} layers {time.time() - start:5.1f} s  {status}", flush=True)
    with open(f"{directory}/zoo-result.json", "w") as f:
        json.dump(results, f)
    print(f"check:keras zoo: {len(cases) - failed}/{len(cases)} networks match our summary exactly")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
