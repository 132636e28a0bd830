import { useState } from 'react';
import type { BatchChoice, BatchPreview, CollisionDecisions, LayoutKind, LayoutOption } from '../../engine/uploads/uploadsProtocol';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsBatchMessages, type UploadsBatchKey } from '../i18n/uploadsBatch';

const LAYOUT_KEY: Record<LayoutKind, UploadsBatchKey> = { top: 'layoutTop', deeper: 'layoutDeeper', root: 'layoutRoot' };

/** "3 classes: apples 24, bananas 24, grapes 24 — from 6 subfolders" for one reading of the batch. */
export function layoutSummary(option: LayoutOption, t: (k: UploadsBatchKey) => string): string {
  if (option.classes.length === 0) return t('previewNoClasses');
  const list = option.classes.map((c) => `${c.name} ${c.count}${c.joins ? ` ${t('previewJoins')}` : ''}`).join(', ');
  const subfolders = option.classes.reduce((n, c) => n + c.subfolders, 0);
  const head = fill(t(option.classes.length === 1 ? 'previewClassesOne' : 'previewClasses'), { n: option.classes.length, list });
  return subfolders > 0 ? `${head}${fill(t('previewFromSubfolders'), { n: subfolders })}` : head;
}

interface Props {
  preview: BatchPreview;
  /** The class single images join (the "Single images go to" choice). */
  targetName: string;
  onConfirm: (choice: BatchChoice) => void;
  onCancel: () => void;
}

/**
 * What a batch would do, before anything is stored: the classes it fills (with counts and how many
 * sub-folders they gather), the other readings when the layout is ambiguous, each name clash to merge
 * or skip (nothing is merged or dropped silently), and where single images go.
 */
export function UploadPreview({ preview, targetName, onConfirm, onCancel }: Props) {
  const t = useMessages(uploadsBatchMessages);
  const [kind, setKind] = useState<LayoutKind>(preview.plan.recommended);
  const [decisions, setDecisions] = useState<CollisionDecisions>({});
  const option = preview.plan.options.find((o) => o.kind === kind) ?? preview.plan.options[0];
  const undecided = option.collisions.some((c) => decisions[c.key] === undefined);
  return (
    <div className="notice upload-preview" data-testid="upload-preview" role="region" aria-label={t('previewHeading')}>
      <p><b>{t('previewHeading')}</b></p>
      {preview.imported && <p data-testid="upload-preview-import">{fill(t('previewImport'), preview.imported)}</p>}
      <p data-testid="upload-preview-summary" className="preview-summary" title={layoutSummary(option, t)}>{layoutSummary(option, t)}</p>
      {option.loose > 0 && <p>{fill(t('previewLoose'), { n: option.loose, target: targetName })}</p>}
      {preview.plan.options.length > 1 && (
        <fieldset className="preview-layouts">
          <legend>{t('previewQuestion')}</legend>
          {preview.plan.options.map((o) => (
            <label key={o.kind} className="check">
              <input type="radio" name="upload-layout" value={o.kind} data-testid={`upload-layout-${o.kind}`} checked={o.kind === kind} onChange={() => setKind(o.kind)} />
              <span><b>{t(LAYOUT_KEY[o.kind])}</b>: <span className="preview-option">{layoutSummary(o, t)}</span></span>
            </label>
          ))}
        </fieldset>
      )}
      {option.collisions.map((c) => (
        <fieldset key={c.key} className="preview-collision" data-testid="upload-collision">
          <legend>{c.existing && !c.names.includes(c.existing) ? fill(t('previewCollisionExisting'), { names: c.names.join('", "'), existing: c.existing }) : fill(t('previewCollision'), { names: [...new Set([...(c.existing ? [c.existing] : []), ...c.names])].join('", "') })}</legend>
          <label className="check">
            <input type="radio" name={`collision-${c.key}`} data-testid="collision-merge" checked={decisions[c.key] === 'merge'} onChange={() => setDecisions((d) => ({ ...d, [c.key]: 'merge' }))} />
            {fill(t('collisionMerge'), { keep: c.keep })}
          </label>
          <label className="check">
            <input type="radio" name={`collision-${c.key}`} data-testid="collision-skip" checked={decisions[c.key] === 'skip'} onChange={() => setDecisions((d) => ({ ...d, [c.key]: 'skip' }))} />
            {t('collisionSkip')}
          </label>
        </fieldset>
      ))}
      {undecided && <p className="muted">{t('collisionDecide')}</p>}
      {preview.rejections.length > 0 && <p className="muted">{fill(t('previewRefused'), { n: preview.rejections.length })}</p>}
      <div className="row">
        <button type="button" data-testid="upload-preview-confirm" disabled={undecided || preview.files === 0} onClick={() => onConfirm({ kind, decisions })}>{fill(t('previewAdd'), { n: preview.files })}</button>
        <button type="button" className="secondary" data-testid="upload-preview-cancel" onClick={onCancel}>{t('previewCancel')}</button>
      </div>
    </div>
  );
}
