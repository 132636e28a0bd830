/**
 * Constructor arguments that are Python objects rather than literals: our activations and kernel
 * initialisers as Keras names them (`"relu"`, `"he_normal"`), or, where Keras has no such function, as
 * one of the small registered objects of the generated code (`scaled_tanh`, `LeCun98Uniform()`), with
 * the JSON Keras 3 writes for them in config.json (keras/src/saving/serialization_lib.py).
 */
import type { ActivationName, KernelInit } from '../arch/index';

/** JSON as config.json holds it. */
export type KerasJson = null | boolean | number | string | readonly KerasJson[] | { readonly [key: string]: KerasJson };

/**
 * An argument written as Python source `expr` in the code and as `json` in config.json: a registered
 * function or initialiser of ours, or a module-level constant of the generated code.
 */
export interface KerasObject {
  readonly expr: string;
  readonly json: KerasJson;
  /** The custom object of the generated code it needs (a key of CUSTOM_LAYER_SOURCE), if any. */
  readonly uses?: string;
}

/** A constructor argument: JSON-compatible values (arrays are Python tuples in the code) or a {@link KerasObject}. */
export type KerasValue = number | string | boolean | null | readonly KerasValue[] | KerasObject;

/** The package our custom objects are registered under (`cnn_playground>PadShortcut`). */
export const CUSTOM_PACKAGE = 'cnn_playground';

/** Whether `v` is a {@link KerasObject}. */
export const isKerasObject = (v: unknown): v is KerasObject => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as KerasObject).expr === 'string';

/** The registered function `name` as Keras 3 serialises a custom activation. */
function registeredFunction(name: string): KerasObject {
  return { expr: name, json: { module: 'builtins', class_name: 'function', config: `${CUSTOM_PACKAGE}>${name}`, registered_name: 'function' }, uses: name };
}

/** The registered initialiser class `name`, constructed without arguments. */
function registeredInitializer(name: string): KerasObject {
  return { expr: `${name}()`, json: { module: null, class_name: name, config: {}, registered_name: `${CUSTOM_PACKAGE}>${name}` }, uses: name };
}

/** The Python function of LeNet-5's scaled tanh (see CUSTOM_LAYER_SOURCE). */
export const SCALED_TANH_FUNCTION = 'scaled_tanh';

/** LeCun et al.'s U(±2.4/fan-in) initialiser class (see CUSTOM_LAYER_SOURCE). */
export const LECUN98_INITIALIZER = 'LeCun98Uniform';

/** An activation as Keras' `activation=` argument: its own name, or our registered `scaled_tanh`. */
export function kerasActivation(name: ActivationName): KerasValue {
  return name === 'scaledTanh' ? registeredFunction(SCALED_TANH_FUNCTION) : name;
}

/**
 * A kernel initialiser as Keras' `kernel_initializer=` argument: `"glorot_uniform"` (absent too),
 * `"he_normal"`, or our `LeCun98Uniform()` (Keras' own `lecun_uniform` is U(±√(3/F)), not the paper's).
 */
export function kerasKernelInitializer(init: KernelInit | undefined): KerasValue {
  if (init === 'heNormal') return 'he_normal';
  if (init === 'lecun98') return registeredInitializer(LECUN98_INITIALIZER);
  return 'glorot_uniform';
}

/** Our activation name for a Keras `activation` config value (a name or a serialised function), or null. */
export function activationFromKeras(value: unknown): ActivationName | null {
  const plain: readonly ActivationName[] = ['linear', 'relu', 'tanh', 'sigmoid', 'softmax'];
  if (value === undefined || value === null) return 'linear';
  const name = typeof value === 'string' ? value : typeof value === 'object' && !Array.isArray(value) ? (value as { config?: unknown }).config : undefined;
  if (typeof name !== 'string') return null;
  const bare = name.slice(name.lastIndexOf('>') + 1);
  if (bare === SCALED_TANH_FUNCTION) return 'scaledTanh';
  return plain.find((a) => a === bare) ?? null;
}

/**
 * Our kernel initialiser for a Keras `kernel_initializer` config value: absent for Glorot uniform (our
 * default), `heNormal`, `lecun98`; anything else (the weights are in the file anyway) also absent.
 */
export function kernelInitFromKeras(value: unknown): KernelInit | undefined {
  const name = typeof value === 'string' ? value : typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { class_name?: unknown }).class_name : undefined;
  if (typeof name !== 'string') return undefined;
  const bare = name.slice(name.lastIndexOf('>') + 1);
  if (bare === 'he_normal' || bare === 'HeNormal') return 'heNormal';
  if (bare === LECUN98_INITIALIZER || bare === 'lecun98') return 'lecun98';
  return undefined;
}
