/**
 * Which class each file of a batch joins, decided the way a teacher can predict and shown before
 * anything is stored. The class is the top-level folder under the picked or dropped folder (or the zip's
 * root); deeper folders are just folders (`apples/alice/1.jpg` is an apple). When the layout is
 * ambiguous — sub-folders inside the class folders, or everything inside one wrapper folder — the plan
 * offers the other readings too. Names are compared after NFC with case and white space ignored; a
 * collision ("Cats" beside "cats") is never merged or dropped without the user's say. Pure TypeScript.
 */
import { classKey, cleanClassName, MAX_CLASS_NAME } from './collection';

/** Where a file sits: its root (a named folder or zip, or null for loose picks) and the path below it. */
export interface LayoutItem {
  /** The picked/dropped folder's or the zip's name (without `.zip`); null for files picked or dropped loose. */
  root: string | null;
  /** True when `root` is a zip (files at a zip's root are loose; a folder's own files form its class). */
  zip: boolean;
  /** Folders below the root, then the file name: `['apples', 'alice', '1.jpg']`. */
  rel: string[];
}

/** The readings of a layout: top-level folders, the folders one level deeper, or one class per root. */
export type LayoutKind = 'top' | 'deeper' | 'root';

/** A class one reading would fill. */
export interface PlannedClass {
  name: string;
  key: string;
  count: number;
  /** Distinct folders below this class's folder (students, days, …). */
  subfolders: number;
  /** The existing class of exactly this name, which the images join. */
  joins: string | null;
}

/** Names that are the same by key but not by spelling (or differ from an existing class only so). */
export interface NameCollision {
  key: string;
  /** The spellings in this batch, most images first. */
  names: string[];
  /** The existing class's name, if one has this key. */
  existing: string | null;
  /** The class a merge keeps (the existing one, else the most common spelling). */
  keep: string;
}

/** One reading of the batch. */
export interface LayoutOption {
  kind: LayoutKind;
  classes: PlannedClass[];
  /** Files without a class folder: they join the class chosen for single images. */
  loose: number;
  collisions: NameCollision[];
}

/** The readings offered (the first is always 'top') and the one recommended. */
export interface LayoutPlan {
  options: LayoutOption[];
  recommended: LayoutKind;
}

/** What the user decided per collision key: merge every spelling into `keep`, or skip the other spellings. */
export type CollisionDecisions = Readonly<Record<string, 'merge' | 'skip'>>;

/**
 * A path's folders and file name, safe to name classes from: `\` read as `/`, NFC, `.` and empty parts
 * dropped. A drive letter (`C:\…`), an absolute or UNC path or a `..` part never names a class: such a
 * file keeps only its own name and counts as loose.
 */
export function safeSegments(path: string): string[] {
  const normal = path.normalize('NFC').replace(/\\/g, '/');
  const parts = normal.split('/').filter((p) => p !== '' && p !== '.');
  const unsafe = /^[a-zA-Z]:/.test(normal) || normal.startsWith('/') || parts.includes('..');
  return unsafe ? parts.slice(-1) : parts;
}

/**
 * Items for files picked or dropped outside zips. A folder pick (`pets/cats/a.png`) or one dropped
 * folder gives paths that all start with that folder: it is the root. Several dropped folders, or loose
 * files, have no common folder: their root is the drop itself (null), so each dropped folder is a class.
 */
export function itemsFromPaths(paths: readonly string[]): LayoutItem[] {
  const segments = paths.map(safeSegments);
  const first = segments[0]?.[0];
  const shared = first !== undefined && segments.every((s) => s.length >= 2 && s[0] === first);
  return segments.map((s) => (shared ? { root: s[0], zip: false, rel: s.slice(1) } : { root: null, zip: false, rel: s }));
}

/** The item of a zip entry: the zip's name (without `.zip`) is its root. */
export function zipItem(zipPath: string, entryPath: string): LayoutItem {
  const zipName = safeSegments(zipPath).at(-1) ?? zipPath;
  return { root: zipName.replace(/\.zip$/i, ''), zip: true, rel: safeSegments(entryPath) };
}

/** The class name (cleaned) an item joins in a reading, or null for a loose file. */
export function classOfItem(item: LayoutItem, kind: LayoutKind): string | null {
  const { rel, root } = item;
  let raw: string | null;
  if (kind === 'root' && root !== null) raw = root;
  else if (kind === 'deeper' && rel.length >= 3) raw = rel[1];
  else if (rel.length >= 2) raw = rel[0];
  else raw = root !== null && !item.zip ? root : null;
  if (raw === null) return null;
  const name = cleanClassName(raw);
  return name === '' ? null : name.slice(0, MAX_CLASS_NAME);
}

function option(items: readonly LayoutItem[], kind: LayoutKind, existing: readonly { name: string }[]): LayoutOption {
  const classes = new Map<string, PlannedClass & { folders: Set<string> }>();
  let loose = 0;
  for (const item of items) {
    const name = classOfItem(item, kind);
    if (name === null) {
      loose++;
      continue;
    }
    const c = classes.get(name) ?? { name, key: classKey(name), count: 0, subfolders: 0, joins: existing.find((e) => e.name === name)?.name ?? null, folders: new Set<string>() };
    c.count++;
    const depth = kind === 'deeper' ? 2 : 1;
    if (kind !== 'root' && item.rel.length > depth + 1) c.folders.add(item.rel.slice(depth, -1).join('/'));
    classes.set(name, c);
  }
  // By name, as a teacher reads a list (and as the batch then creates them).
  const planned = [...classes.values()].map(({ folders, ...c }) => ({ ...c, subfolders: folders.size })).sort((a, b) => a.name.localeCompare(b.name));
  const byKey = new Map<string, PlannedClass[]>();
  for (const c of planned) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const collisions: NameCollision[] = [];
  for (const [key, group] of byKey) {
    const other = existing.find((e) => classKey(e.name) === key && !group.some((c) => c.name === e.name));
    const same = existing.find((e) => classKey(e.name) === key && group.some((c) => c.name === e.name));
    if (group.length < 2 && !other) continue;
    const names = [...group].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((c) => c.name);
    const existingName = (same ?? other)?.name ?? null;
    collisions.push({ key, names, existing: existingName, keep: existingName ?? names[0] });
  }
  return { kind, classes: planned, loose, collisions };
}

/**
 * The readings of a batch against the classes that exist. 'deeper' is offered when files sit below
 * sub-folders of the class folders, 'root' when a named folder or zip holds class folders. 'top' is
 * recommended unless it makes a single class and 'deeper' makes several (a zip of one wrapper folder).
 */
export function planLayout(items: readonly LayoutItem[], existing: readonly { name: string }[]): LayoutPlan {
  const options = [option(items, 'top', existing)];
  if (items.some((i) => i.rel.length >= 3)) options.push(option(items, 'deeper', existing));
  if (items.some((i) => i.root !== null && i.rel.length >= 2)) options.push(option(items, 'root', existing));
  const [top] = options;
  const deeper = options.find((o) => o.kind === 'deeper');
  const recommended = top.classes.length === 1 && deeper && deeper.classes.length >= 2 ? 'deeper' : 'top';
  return { options, recommended };
}

/**
 * The class an item joins once the user chose a reading and decided the collisions: a name, null for
 * loose, or 'skip' when its spelling collides and the user chose to skip it (or has not decided).
 */
export function resolveClass(item: LayoutItem, chosen: LayoutOption, decisions: CollisionDecisions): string | null | 'skip' {
  const name = classOfItem(item, chosen.kind);
  if (name === null) return null;
  const collision = chosen.collisions.find((c) => c.key === classKey(name));
  if (!collision) return name;
  if (decisions[collision.key] === 'merge') return collision.keep;
  return name === collision.keep ? name : 'skip';
}
