/** Class names from where a file sits: a folder `cats/` (picked, dropped or zipped) makes the class "cats". */

/** The file's name without its folders. */
export function baseName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '');
  return parts.at(-1) ?? path;
}

/**
 * The class a file belongs to: its immediate parent folder (`photos/cats/a.png` → `cats`), or null for
 * a file with no folder, which goes to the class the user picked.
 */
export function classFromPath(path: string): string | null {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  return parts.length >= 2 ? parts[parts.length - 2] : null;
}
