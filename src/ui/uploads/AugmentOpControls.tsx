import { useState } from 'react';
import { AUGMENT_OPS, type AugmentConfig, type AugmentOpName } from '../../augment/config';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { uploadsBatchMessages } from '../i18n/uploadsBatch';
import { AUGMENT_FIELDS, clampToField, setOpFlag, type AugmentField } from './augmentFields';

const parse = (text: string, fallback: number) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : fallback);

interface Props {
  config: AugmentConfig;
  onChange: (c: AugmentConfig) => void;
  /** Switched-on operations training skips for this network (colour operations on a greyscale input). */
  notApplied: readonly AugmentOpName[];
  /** Whether the network's input is greyscale (why they are skipped; else PCA lacks colour statistics). */
  greyInput: boolean;
}

/**
 * One fieldset per augmentation: on/off, probability and its parameters (table-driven, see
 * augmentFields.ts). A number typed out of range is kept within it and the field says so, so the
 * settings are never invalid; an operation training will skip is marked "not applied".
 */
export function AugmentOpControls({ config, onChange, notApplied, greyInput }: Props) {
  const t = useMessages(uploadsMessages);
  const tb = useMessages(uploadsBatchMessages);
  const [clamped, setClamped] = useState<{ op: string; label: string; lo: number; hi: number } | null>(null);
  const number = (op: AugmentOpName, label: string, min: number, max: number, text: string, fallback: number, apply: (v: number) => void) => {
    const v = parse(text, fallback);
    const kept = clampToField(v, min, max);
    setClamped(kept !== v ? { op, label, lo: min, hi: max } : null);
    apply(kept);
  };
  const field = (f: AugmentField, op: AugmentOpName) => {
    if (f.kind === 'bool') {
      return (
        <label key={f.label} className="check">
          <input type="checkbox" checked={f.get(config)} onChange={(e) => onChange(f.set(config, e.target.checked))} />
          {t(f.label)}
        </label>
      );
    }
    if (f.kind === 'axis') {
      return (
        <label key={f.label} className="inline">
          {t(f.label)}
          <select value={f.get(config)} onChange={(e) => onChange(f.set(config, e.target.value as 'x' | 'y' | 'both'))}>
            <option value="x">x</option>
            <option value="y">y</option>
            <option value="both">x + y</option>
          </select>
        </label>
      );
    }
    return (
      <label key={f.label} className="inline">
        {t(f.label)}
        <input type="number" data-testid={`aug-${op}-${f.label}`} min={f.min} max={f.max} step={f.step} value={f.get(config)}
          onChange={(e) => number(op, `${t(`op${op}`)}: ${t(f.label)}`, f.min, f.max, e.target.value, f.get(config), (v) => onChange(f.set(config, v)))} />
      </label>
    );
  };
  return (
    <div className="augment-ops">
      {AUGMENT_OPS.map((op) => (
        <fieldset key={op} className="augment-op" data-testid={`aug-op-${op}`}>
          <legend>
            <label className="check">
              <input type="checkbox" data-testid={`aug-${op}-enabled`} checked={config[op].enabled} onChange={(e) => onChange(setOpFlag(config, op, { enabled: e.target.checked }))} />
              {t(`op${op}`)}
            </label>
          </legend>
          {notApplied.includes(op) && <p className="not-applied small-text" data-testid="aug-not-applied" data-op={op}>{tb(greyInput ? 'notAppliedGrey' : 'notAppliedNoStats')}</p>}
          <label className="inline">
            {t('probability')}
            <input type="number" data-testid={`aug-${op}-p`} min={0} max={1} step={0.05} value={config[op].p}
              onChange={(e) => number(op, `${t(`op${op}`)}: ${t('probability')}`, 0, 1, e.target.value, config[op].p, (p) => onChange(setOpFlag(config, op, { p })))} />
          </label>
          {AUGMENT_FIELDS[op].map((f) => field(f, op))}
          {clamped?.op === op && <p className="muted small-text" role="status" data-testid="augment-clamped">{fill(tb('fieldRange'), { field: clamped.label, lo: clamped.lo, hi: clamped.hi })}</p>}
        </fieldset>
      ))}
    </div>
  );
}
