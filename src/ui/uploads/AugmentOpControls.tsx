import { AUGMENT_OPS, type AugmentConfig } from '../../augment/config';
import { useMessages } from '../i18n/index';
import { uploadsMessages } from '../i18n/uploads';
import { AUGMENT_FIELDS, setOpFlag, type AugmentField } from './augmentFields';

const parse = (text: string, fallback: number) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : fallback);

/** One fieldset per augmentation: on/off, probability and its parameters (table-driven, see augmentFields.ts). */
export function AugmentOpControls({ config, onChange }: { config: AugmentConfig; onChange: (c: AugmentConfig) => void }) {
  const t = useMessages(uploadsMessages);
  const field = (f: AugmentField, op: string) => {
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
        <input type="number" data-testid={`aug-${op}-${f.label}`} min={f.min} max={f.max} step={f.step} value={f.get(config)} onChange={(e) => onChange(f.set(config, parse(e.target.value, f.get(config))))} />
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
          <label className="inline">
            {t('probability')}
            <input type="number" data-testid={`aug-${op}-p`} min={0} max={1} step={0.05} value={config[op].p} onChange={(e) => onChange(setOpFlag(config, op, { p: parse(e.target.value, config[op].p) }))} />
          </label>
          {AUGMENT_FIELDS[op].map((f) => field(f, op))}
        </fieldset>
      ))}
    </div>
  );
}
