/**
 * Python source literals for the generated Keras code: numbers, strings, booleans, None, tuples and
 * keyword arguments, written the way a person writes them (`0.001`, `(5, 5)`, `True`).
 */

/** A value the generator writes as Python: tuples are arrays, `null` is None. */
export type PyValue = number | string | boolean | null | readonly PyValue[] | PyExpr;

/** Source text inserted as is (a name or an expression such as `keras.initializers.GlorotUniform()`). */
export interface PyExpr {
  readonly expr: string;
}

/** Marks `text` as a Python expression, written unquoted. */
export const expr = (text: string): PyExpr => ({ expr: text });

const isExpr = (v: unknown): v is PyExpr => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as PyExpr).expr === 'string';

/** A float or int as Python reads it back exactly (`1e-05`, `0.3`, `2`, `-1.0` stays `-1`). */
export function pyNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? 'float("inf")' : n < 0 ? 'float("-inf")' : 'float("nan")';
  // JavaScript's shortest round-trip digits ("1e-7", "0.001", "1e+21") are valid Python floats too.
  return String(n);
}

/** A double-quoted Python string (JSON escapes are valid Python escapes). */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

/** Any {@link PyValue} as Python source; arrays become tuples (`(3,)` for one element). */
export function py(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return pyString(value);
  if (isExpr(value)) return value.expr;
  const items = (value as readonly PyValue[]).map(py);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** A Python list literal `[a, b]`. */
export function pyList(values: readonly PyValue[]): string {
  return `[${values.map(py).join(', ')}]`;
}

/** `name(arg, key=value, …)`: positional values first, then keyword arguments in the given order. */
export function pyCall(name: string, positional: readonly PyValue[], keywords: ReadonlyArray<readonly [string, PyValue]> = []): string {
  const args = [...positional.map(py), ...keywords.map(([k, v]) => `${k}=${py(v)}`)];
  return `${name}(${args.join(', ')})`;
}

/** A Python identifier made from a layer name (`conv2_block1_out`, `inception_3a_concat`). */
export function pyIdentifier(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(id) ? `_${id}` : id;
}
