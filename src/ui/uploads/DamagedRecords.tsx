import type { RepairResult, SkippedRecord } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import { LangContext, useMessages } from '../i18n/index';
import { uploadsMessages, type UploadsMessageKey } from '../i18n/uploads';
import { useContext } from 'react';

/** Lines listed before "and N more", so a store full of damage does not push the page down. */
const MAX_LINES = 12;

const PROBLEM_KEY: Record<SkippedRecord['problem'], UploadsMessageKey> = {
  unreadable: 'damagedUnreadable',
  version: 'damagedVersion',
  fields: 'damagedFields',
  pixels: 'damagedPixels',
  preview: 'damagedPreview',
  'class-missing': 'damagedClassMissing',
};

/** Which record it is, by the names it still holds (file and class), else by its storage key. */
function recordLabel(r: SkippedRecord, t: (key: UploadsMessageKey) => string): string {
  if (r.store === 'classes') return r.name ? fill(t('damagedClassNamed'), { name: r.name }) : fill(t('damagedClassKey'), { key: r.key });
  if (r.name && r.className) return fill(t('damagedImageInClass'), { name: r.name, className: r.className });
  return r.name ? fill(t('damagedImageNamed'), { name: r.name }) : fill(t('damagedImageKey'), { key: r.key });
}

interface Props {
  /** The damaged records of the snapshot. */
  skipped: readonly SkippedRecord[];
  /** What the last removal did, or null. */
  repaired: Omit<RepairResult, 'snapshot'> | null;
  onRemove: () => void;
}

/**
 * Saved records that could not be used, each named by what it still holds and why, with the one action
 * that makes the next load clean: "Remove damaged records" (readable images of a lost class are kept).
 */
export function DamagedRecords({ skipped, repaired, onRemove }: Props) {
  const t = useMessages(uploadsMessages);
  const lang = useContext(LangContext);
  const keeps = skipped.some((r) => r.problem === 'class-missing');
  return (
    <>
      {repaired && (
        <p role="status" data-testid="damaged-removed">
          {fill(t('damagedRemoved'), { n: repaired.removed })}
          {repaired.recovered > 0 && ` ${fill(t('damagedRecovered'), { n: repaired.recovered, classes: repaired.restoredClasses.map((c) => (lang === 'ja' ? `「${c}」` : `"${c}"`)).join(lang === 'ja' ? '、' : ', ') })}`}
        </p>
      )}
      {skipped.length > 0 && (
        <div className="notice damaged-records" data-testid="damaged-records">
          <p>{fill(t('damagedHeading'), { n: skipped.length })}</p>
          <ul>
            {skipped.slice(0, MAX_LINES).map((r) => (
              <li key={`${r.store}/${r.key}`} data-testid="damaged-record" data-problem={r.problem} title={r.why}>
                {recordLabel(r, t)}: {t(PROBLEM_KEY[r.problem])}
              </li>
            ))}
            {skipped.length > MAX_LINES && <li>{fill(t('damagedMore'), { n: skipped.length - MAX_LINES })}</li>}
          </ul>
          <p className="small-text">{t('damagedExplain')}{keeps && ` ${t('damagedKeepsImages')}`}</p>
          <button type="button" className="secondary small" data-testid="remove-damaged" onClick={onRemove}>{t('removeDamaged')}</button>
        </div>
      )}
    </>
  );
}
