/**
 * The parameter controls of each augmentation, as a table: label, input kind, range and how to read and
 * write the value in an AugmentConfig. AugmentOpControls renders it; adding a parameter is one row.
 */
import { AUGMENT_OPS, type AugmentConfig, type AugmentOpName } from '../../augment/config';
import type { UserMessage } from '../../messages/index';
import { useMessages } from '../i18n/index';
import { uploadsMessages, type UploadsMessageKey } from '../i18n/uploads';

/** One parameter control: a number, a checkbox or the shear axis. */
export type AugmentField =
  | { kind: 'number'; label: UploadsMessageKey; min: number; max: number; step: number; get: (c: AugmentConfig) => number; set: (c: AugmentConfig, v: number) => AugmentConfig }
  | { kind: 'bool'; label: UploadsMessageKey; get: (c: AugmentConfig) => boolean; set: (c: AugmentConfig, v: boolean) => AugmentConfig }
  | { kind: 'axis'; label: UploadsMessageKey; get: (c: AugmentConfig) => 'x' | 'y' | 'both'; set: (c: AugmentConfig, v: 'x' | 'y' | 'both') => AugmentConfig };

const num = (label: UploadsMessageKey, min: number, max: number, step: number, get: (c: AugmentConfig) => number, set: (c: AugmentConfig, v: number) => AugmentConfig): AugmentField => ({ kind: 'number', label, min, max, step, get, set });

/** The controls of each augmentation, in the order shown. */
export const AUGMENT_FIELDS: Record<AugmentOpName, readonly AugmentField[]> = {
  crop: [
    num('padding', 0, 16, 1, (c) => c.crop.padding, (c, v) => ({ ...c, crop: { ...c.crop, padding: Math.round(v) } })),
    num('scaleMin', 0.05, 1, 0.05, (c) => c.crop.scale[0], (c, v) => ({ ...c, crop: { ...c.crop, scale: [v, c.crop.scale[1]] } })),
    num('scaleMax', 0.05, 1, 0.05, (c) => c.crop.scale[1], (c, v) => ({ ...c, crop: { ...c.crop, scale: [c.crop.scale[0], v] } })),
    num('aspectMin', 0.25, 4, 0.05, (c) => c.crop.aspect[0], (c, v) => ({ ...c, crop: { ...c.crop, aspect: [v, c.crop.aspect[1]] } })),
    num('aspectMax', 0.25, 4, 0.05, (c) => c.crop.aspect[1], (c, v) => ({ ...c, crop: { ...c.crop, aspect: [c.crop.aspect[0], v] } })),
  ],
  mirror: [
    { kind: 'bool', label: 'horizontal', get: (c) => c.mirror.horizontal, set: (c, v) => ({ ...c, mirror: { ...c.mirror, horizontal: v } }) },
    { kind: 'bool', label: 'vertical', get: (c) => c.mirror.vertical, set: (c, v) => ({ ...c, mirror: { ...c.mirror, vertical: v } }) },
  ],
  rotate: [num('maxDegrees', 0, 180, 1, (c) => c.rotate.maxDegrees, (c, v) => ({ ...c, rotate: { ...c.rotate, maxDegrees: v } }))],
  shear: [
    num('maxDegrees', 0, 75, 1, (c) => c.shear.maxDegrees, (c, v) => ({ ...c, shear: { ...c.shear, maxDegrees: v } })),
    { kind: 'axis', label: 'axis', get: (c) => c.shear.axis, set: (c, v) => ({ ...c, shear: { ...c.shear, axis: v } }) },
  ],
  elastic: [
    num('gridSize', 2, 16, 1, (c) => c.elastic.gridSize, (c, v) => ({ ...c, elastic: { ...c.elastic, gridSize: Math.round(v) } })),
    num('magnitude', 0, 10, 0.5, (c) => c.elastic.magnitude, (c, v) => ({ ...c, elastic: { ...c.elastic, magnitude: v } })),
  ],
  brightnessContrast: [
    num('brightness', 0, 1, 0.05, (c) => c.brightnessContrast.brightness, (c, v) => ({ ...c, brightnessContrast: { ...c.brightnessContrast, brightness: v } })),
    num('contrast', 0, 1, 0.05, (c) => c.brightnessContrast.contrast, (c, v) => ({ ...c, brightnessContrast: { ...c.brightnessContrast, contrast: v } })),
  ],
  colorShift: [num('amount', 0, 1, 0.01, (c) => c.colorShift.amount, (c, v) => ({ ...c, colorShift: { ...c.colorShift, amount: v } }))],
  pcaColor: [num('sigma', 0, 2, 0.05, (c) => c.pcaColor.sigma, (c, v) => ({ ...c, pcaColor: { ...c.pcaColor, sigma: v } }))],
};

/** Sets `enabled` or `p` of one op. */
export function setOpFlag(c: AugmentConfig, op: AugmentOpName, patch: { enabled?: boolean; p?: number }): AugmentConfig {
  return { ...c, [op]: { ...c[op], ...patch } };
}

/** The label of each field `augmentConfigProblems` names ("rotate.maxDegrees"), as op label + field label keys. */
const FIELD_LABEL: Record<string, [UploadsMessageKey, UploadsMessageKey]> = {
  'crop.padding': ['opcrop', 'padding'],
  'crop.scale': ['opcrop', 'scaleMin'],
  'crop.aspect': ['opcrop', 'aspectMin'],
  'rotate.maxDegrees': ['oprotate', 'maxDegrees'],
  'shear.maxDegrees': ['opshear', 'maxDegrees'],
  'elastic.gridSize': ['opelastic', 'gridSize'],
  'elastic.magnitude': ['opelastic', 'magnitude'],
  'brightnessContrast.brightness': ['opbrightnessContrast', 'brightness'],
  'brightnessContrast.contrast': ['opbrightnessContrast', 'contrast'],
  'colorShift.amount': ['opcolorShift', 'amount'],
  'pcaColor.sigma': ['oppcaColor', 'sigma'],
};

/** "Rotation: max angle (°)" for a field code of the config ("rotate.maxDegrees", "mirror.p"), in the UI language. */
export function useFieldLabels(): (field: string) => string | null {
  const t = useMessages(uploadsMessages);
  return (field) => {
    const pair = FIELD_LABEL[field];
    if (pair) return `${t(pair[0])}: ${t(pair[1])}`;
    const [op, param] = field.split('.');
    return param === 'p' && (AUGMENT_OPS as readonly string[]).includes(op) ? `${t(`op${op}` as UploadsMessageKey)}: ${t('probability')}` : null;
  };
}

/** A settings problem with its field named in the UI language instead of by its code. */
export function withFieldLabel(m: UserMessage, labelOf: (field: string) => string | null): UserMessage {
  const field = m.params.field;
  const label = typeof field === 'string' ? labelOf(field) : null;
  return label === null ? m : { ...m, params: { ...m.params, field: label } };
}

/** `value` kept within a number field's range (a typed 500° becomes 180°, never an invalid setting). */
export function clampToField(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
