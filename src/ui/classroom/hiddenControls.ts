/**
 * Teacher mode: controls hidden through the link, like TensorFlow Playground's `*_hide` flags
 * (`?arch_hide=1&backend_hide=1`). The names are the share link's own keys (urlCodec.ts) plus the page's
 * classroom panels. Pure functions on query strings; the live store is in useHidden.ts.
 */
export const HIDEABLE = [
  'arch', 'variant', 'input', 'classes', 'width', 'groups', 'notop', 'convbias', 'aux',
  'dataset', 'backend', 'optimizer', 'lr', 'momentum', 'loss', 'epochs', 'batch', 'valsplit', 'limit', 'seed', 'shuffle',
  'lang', 'lessons', 'share',
] as const;

export type HideableControl = (typeof HIDEABLE)[number];

const SUFFIX = '_hide';

const isHideable = (key: string): key is HideableControl => (HIDEABLE as readonly string[]).includes(key);

/** The controls a query string hides: `<key>_hide=1` (or `true`) for a known key; anything else is ignored. */
export function parseHidden(search: string): Set<HideableControl> {
  const hidden = new Set<HideableControl>();
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return hidden;
  }
  for (const [key, value] of params) {
    if (!key.endsWith(SUFFIX)) continue;
    const control = key.slice(0, -SUFFIX.length);
    if (isHideable(control) && (value === '1' || value === 'true')) hidden.add(control);
  }
  return hidden;
}

/** The `_hide` part of a link, in HIDEABLE order (stable links): `arch_hide=1&backend_hide=1`, or ''. */
export function encodeHidden(hidden: ReadonlySet<HideableControl>): string {
  return HIDEABLE.filter((k) => hidden.has(k)).map((k) => `${k}${SUFFIX}=1`).join('&');
}

/** `search` with its `_hide` keys replaced by `hidden` (other keys kept in order). */
export function withHidden(search: string, hidden: ReadonlySet<HideableControl>): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.endsWith(SUFFIX)) params.delete(key);
  const rest = params.toString();
  const flags = encodeHidden(hidden);
  return [rest, flags].filter(Boolean).join('&');
}
