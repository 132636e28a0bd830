/**
 * What "Remove damaged records" does to the store, as a plan: pure TypeScript, so it is tested without a
 * browser. Nothing readable is deleted: an image whose pixels are fine but whose class record is damaged
 * or missing gets its class back (under the same id, so the image record itself is not rewritten),
 * named as the damaged record still says or, failing that, with the fallback name.
 */
import { normaliseClassName, type UploadClass } from './collection';
import type { RecordKey, SkippedRecord } from './uploadStore';

/** The writes that clean the store: classes restored first, then damaged records deleted. */
export interface RepairPlan {
  /** Class records written anew under the id their readable images point to. */
  restoreClasses: UploadClass[];
  /** Damaged records to delete; never a readable image, never a class restored above. */
  remove: RecordKey[];
}

/**
 * Plans the repair of `skipped` (the damaged records the user was shown).
 * @param classes the classes loaded now (restored names must not clash with them).
 * @param fallbackName the name for a restored class whose old name is unreadable or taken ("Recovered
 *   images"); "Recovered images 2", 3, … when that is taken too.
 * @param now creation time of restored classes (they are listed after the existing ones).
 */
export function planRepair(skipped: readonly SkippedRecord[], classes: readonly UploadClass[], fallbackName: string, now: number): RepairPlan {
  const lostClassIds = [...new Set(skipped.flatMap((s) => (s.problem === 'class-missing' && s.classId !== null ? [s.classId] : [])))];
  const taken: UploadClass[] = [...classes];
  const restoreClasses: UploadClass[] = [];
  for (const id of lostClassIds) {
    const oldName = skipped.find((s) => s.store === 'classes' && s.key === id)?.name ?? skipped.find((s) => s.classId === id && s.className !== null)?.className ?? null;
    const candidates = [...(oldName ? [oldName] : []), ...Array.from({ length: 1000 }, (_, k) => (k === 0 ? fallbackName : `${fallbackName} ${k + 1}`))];
    let name = id;
    for (const candidate of candidates) {
      const checked = normaliseClassName(candidate, taken);
      if ('name' in checked) {
        name = checked.name;
        break;
      }
    }
    const restored = { id, name, createdAt: now };
    restoreClasses.push(restored);
    taken.push(restored);
  }
  const restoredIds = new Set(lostClassIds);
  const remove = skipped
    .filter((s) => s.problem !== 'class-missing' && !(s.store === 'classes' && restoredIds.has(s.key)))
    .map(({ store, key }) => ({ store, key }));
  return { restoreClasses, remove };
}
