import { describe, expect, it } from 'vitest';
import type { UploadClass } from './collection';
import { planRepair } from './repair';
import type { SkippedRecord } from './uploadStore';

const classes: UploadClass[] = [{ id: 'c1', name: 'cats', createdAt: 1 }, { id: 'c2', name: 'Recovered images', createdAt: 2 }];
const damaged = (over: Partial<SkippedRecord> & Pick<SkippedRecord, 'store' | 'key'>): SkippedRecord => ({ problem: 'fields', why: 'x', name: null, className: null, classId: null, ...over });

describe('planRepair', () => {
  it('deletes damaged records and restores the class of readable images under its old id and name', () => {
    const plan = planRepair([
      damaged({ store: 'images', key: 'broken' }),
      damaged({ store: 'classes', key: 'lost', name: 'lost leaves' }),
      damaged({ store: 'images', key: 'i5', problem: 'class-missing', name: 'leaf.png', className: 'lost leaves', classId: 'lost' }),
      damaged({ store: 'classes', key: 'unused' }),
    ], classes, 'Recovered images', 99);
    expect(plan.restoreClasses).toEqual([{ id: 'lost', name: 'lost leaves', createdAt: 99 }]);
    // The restored class record is rewritten, not deleted; the readable image is left alone.
    expect(plan.remove).toEqual([{ store: 'images', key: 'broken' }, { store: 'classes', key: 'unused' }]);
  });

  it('falls back to a free "Recovered images" name when the old name is unreadable or taken', () => {
    const plan = planRepair([
      damaged({ store: 'images', key: 'a', problem: 'class-missing', classId: 'gone1' }),
      damaged({ store: 'classes', key: 'gone2', name: 'CATS' }),
      damaged({ store: 'images', key: 'b', problem: 'class-missing', classId: 'gone2', className: 'CATS' }),
      damaged({ store: 'images', key: 'c', problem: 'class-missing', classId: 'gone2', className: 'CATS' }),
    ], classes, 'Recovered images', 5);
    expect(plan.restoreClasses.map((c) => [c.id, c.name])).toEqual([['gone1', 'Recovered images 2'], ['gone2', 'Recovered images 3']]);
    expect(plan.remove).toEqual([]);
  });

  it('plans nothing for nothing', () => {
    expect(planRepair([], classes, 'Recovered images', 0)).toEqual({ restoreClasses: [], remove: [] });
  });
});
