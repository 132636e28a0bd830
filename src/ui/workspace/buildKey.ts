/** A number per distinct build object: a new build (same network or not) is a new model to fetch from. */
const ids = new WeakMap<object, number>();
let next = 1;

/** `${n}|${name}` for this build, stable while the object lives; null without a build. */
export function buildKey(build: { name: string } | null): string | null {
  if (!build) return null;
  let id = ids.get(build);
  if (id === undefined) {
    id = next++;
    ids.set(build, id);
  }
  return `${id}|${build.name}`;
}
