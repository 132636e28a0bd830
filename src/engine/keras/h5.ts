/**
 * model.weights.h5 of a `.keras` file, written and read with h5wasm (the HDF5 C library compiled to
 * WebAssembly, in memory): groups `layers/<class>[_k]/vars` with a `name` attribute (the layer's name,
 * as Keras 3 writes it) holding datasets `0`, `1`, … (float32, C order), and a top-level `vars` group.
 * h5wasm is loaded on first use, so the worker bundle does not grow for people who never export.
 */
import { kerasError } from '../../messages/index';

/** One array of a layer: values in C order and their shape. */
export interface H5Array {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/** One layer's weight group. */
export interface H5Group {
  /** e.g. `layers/conv2d_1` (its datasets live in `<path>/vars`). */
  readonly path: string;
  /** The `name` attribute of `<path>/vars`: the layer's name (Keras 3.x writes it; older files may not). */
  readonly name: string | null;
  readonly arrays: readonly H5Array[];
}

type H5wasm = typeof import('h5wasm').default;
type H5Module = Awaited<H5wasm['ready']>;
let loading: Promise<{ h5: H5wasm; module: H5Module }> | null = null;
let counter = 0;

/** Loads h5wasm once. @throws UserError (`keras.h5Failed`) when its WebAssembly cannot start. */
async function h5wasm(): Promise<{ h5: H5wasm; module: H5Module }> {
  loading ??= (async () => {
    const h5 = (await import('h5wasm')).default;
    return { h5, module: await h5.ready };
  })();
  try {
    return await loading;
  } catch (e) {
    loading = null;
    throw kerasError('keras.h5Failed', { detail: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
}

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Writes model.weights.h5: every group of `groups` (weightless layers too, as Keras writes them) and the
 * model's own top-level `vars` group named `modelName`. Returns the file's bytes.
 */
export async function writeWeightsH5(modelName: string, groups: readonly H5Group[]): Promise<Uint8Array> {
  const { h5, module } = await h5wasm();
  const file = `/keras-${++counter}.weights.h5`;
  const f = new h5.File(file, 'w');
  try {
    const layers = f.create_group('layers');
    for (const g of groups) {
      const vars = layers.create_group(g.path.replace(/^layers\//, '')).create_group('vars');
      if (g.name !== null) vars.create_attribute('name', g.name);
      g.arrays.forEach((a, i) => vars.create_dataset({ name: String(i), data: a.data, shape: [...a.shape], dtype: '<f' }));
    }
    f.create_group('vars').create_attribute('name', modelName);
  } finally {
    f.close();
  }
  try {
    return module.FS.readFile(file);
  } finally {
    module.FS.unlink(file);
  }
}

function floats(value: unknown): Float32Array {
  if (value instanceof Float32Array) return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Float32Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'number') return Float32Array.of(value);
  return new Float32Array(0);
}

/**
 * Reads every `<path>/vars` group under `layers/` (nested models' groups included, with their full path).
 * @throws UserError (`keras.h5Invalid`) when the bytes are not an HDF5 file.
 */
export async function readWeightsH5(bytes: Uint8Array, fileName: string): Promise<H5Group[]> {
  const { h5, module } = await h5wasm();
  const file = `/keras-${++counter}.read.h5`;
  module.FS.writeFile(file, bytes);
  let f: InstanceType<H5wasm['File']> | null = null;
  try {
    f = new h5.File(file, 'r');
    const groups: H5Group[] = [];
    const walk = (path: string): void => {
      const entity = f?.get(path);
      if (!(entity instanceof h5.Group)) return;
      for (const key of entity.keys()) {
        const child = `${path}/${key}`;
        if (key !== 'vars') {
          walk(child);
          continue;
        }
        const vars = f?.get(child);
        if (!(vars instanceof h5.Group)) continue;
        const name = vars.attrs.name?.value;
        const arrays = vars
          .keys()
          .filter((k) => /^\d+$/.test(k))
          .sort((a, b) => Number(a) - Number(b))
          .map((k) => vars.get(k))
          .filter((d): d is InstanceType<H5wasm['Dataset']> => d instanceof h5.Dataset)
          .map((d) => ({ data: floats(d.value), shape: [...(d.shape ?? [])] }));
        groups.push({ path, name: typeof name === 'string' ? name : null, arrays });
      }
    };
    walk('layers');
    return groups;
  } catch (e) {
    throw kerasError('keras.h5Invalid', { file: fileName, detail: text(e) }, { cause: e });
  } finally {
    f?.close();
    module.FS.unlink(file);
  }
}
