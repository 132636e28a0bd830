"""check:keras, parts 2 and 4: models the playground exported from headless Chromium load in Keras and
predict what the playground predicted; a Keras-made model the playground imported predicts there as in
Keras.

cases.json lists {id, keras, predictions, module (the generated .py, for CUSTOM_OBJECTS) or null}.
predictions is the playground's .npz: x (the 32 test images as its model saw them) and probabilities.
Usage: python check_exports.py <dir> [tolerance]; prints one line per case, exit code 1 on a mismatch.
"""
import json
import sys

import common
import keras
import numpy as np


def main(directory, tolerance):
    with open(f"{directory}/cases.json") as f:
        cases = json.load(f)
    failed = 0
    results = []
    for case in cases:
        custom = common.load_module(f"{directory}/{case['module']}", f"exported_{case['id'].replace('-', '_')}").CUSTOM_OBJECTS if case["module"] else {}
        model = common.load_model(f"{directory}/{case['keras']}", custom_objects=custom)
        with np.load(f"{directory}/{case['predictions']}") as d:
            x, expected = d["x"], d["probabilities"]
        got = model.predict(x, verbose=0)
        got = got[0] if isinstance(got, list) else got
        diff = float(np.abs(got - expected).max())
        ok = got.shape == expected.shape and diff <= tolerance
        failed += not ok
        results.append({"id": case["id"], "images": int(len(x)), "maxDiff": diff, "params": int(model.count_params()), "ok": ok})
        print(f"check:keras {case['direction']:<18} {case['id']:<24} {model.count_params():>9,} params, {len(x)} images: max |keras - playground| = {diff:.2e} {'ok' if ok else 'FAIL (> %g)' % tolerance}", flush=True)
    with open(f"{directory}/exports-result.json", "w") as f:
        json.dump(results, f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 1e-4))
