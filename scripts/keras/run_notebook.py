"""check:keras, part 3: the generated notebook runs top to bottom, offline (DATA_FILE set to the
playground's export), and its loss falls during the short epoch. Executed with nbclient (the engine of
`jupyter nbconvert --execute`) when it is installed, else by running its code cells in order.
Usage: python run_notebook.py <notebook.ipynb> <data.npz> <result.json>
"""
import json
import sys
import time

import common  # noqa: F401

REPORT = """
import json as _json
_json.dump({"first": batch_losses[0], "last": batch_losses[-1], "batches": len(batch_losses),
            "test": {k: float(v) for k, v in evaluate(model, x_test, y_test).items()}}, open(%r, "w"))
"""


def main(path, data, out):
    with open(path) as f:
        nb = json.load(f)
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    first = "".join(code[0]["source"])
    assert first.startswith("DATA_FILE = None"), "the first code cell sets DATA_FILE"
    code[0]["source"] = [first.replace("DATA_FILE = None", f"DATA_FILE = {data!r}", 1)]
    nb["cells"].append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": [REPORT % out]})
    start = time.time()
    try:
        import nbformat
        from nbclient import NotebookClient
    except ImportError:
        engine = "python, cell after cell (nbclient is not installed)"
        scope = {"__name__": "__main__"}
        for cell in [c for c in nb["cells"] if c["cell_type"] == "code"]:
            exec(compile("".join(cell["source"]), "<notebook cell>", "exec"), scope)
    else:
        engine = "nbclient"
        NotebookClient(nbformat.reads(json.dumps(nb), as_version=4), timeout=1200, kernel_name="python3").execute()
    with open(out) as f:
        result = json.load(f)
    result.update({"engine": engine, "seconds": round(time.time() - start, 1), "cells": len(nb["cells"])})
    with open(out, "w") as f:
        json.dump(result, f)
    falls = result["last"] < result["first"]
    print(f"check:keras notebook: ran {len(code)} code cells with {engine} in {result['seconds']} s; "
          f"loss {result['first']:.4f} -> {result['last']:.4f} over {result['batches']} batches "
          f"({'falls' if falls else 'DOES NOT FALL'}); test accuracy {result['test'].get('accuracy', float('nan')):.3f}")
    return 0 if falls else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
