/**
 * The augmentation settings in the share link, compactly: only the ops that differ from the defaults,
 * `op-field-field…` joined by `_` (characters a query string keeps as they are), e.g.
 * `aug=m-1-0.5-1-0_p-1-1-0.1` = mirror on (p 0.5, horizontal) and PCA colour on (p 1, σ 0.1).
 * Parsing is strict: anything odd yields undefined and the codec falls back to the default.
 */
import { AUGMENT_OPS, defaultAugmentConfig, validateAugmentConfig, type AugmentConfig, type AugmentOpName } from '../../augment/config';

type Fields = readonly (string | number | boolean)[];

/** Each op's short key and its fields after `enabled` and `p`, in order. */
const CODES: Record<AugmentOpName, { key: string; write: (c: AugmentConfig) => Fields; read: (f: string[], base: AugmentConfig) => Partial<AugmentConfig> | undefined }> = {
  crop: { key: 'c', write: (c) => [c.crop.padding, c.crop.scale[0], c.crop.scale[1], c.crop.aspect[0], c.crop.aspect[1]], read: (f, b) => (f.length === 5 ? { crop: { ...b.crop, padding: +f[0], scale: [+f[1], +f[2]], aspect: [+f[3], +f[4]] } } : undefined) },
  mirror: { key: 'm', write: (c) => [c.mirror.horizontal, c.mirror.vertical], read: (f, b) => (f.length === 2 ? { mirror: { ...b.mirror, horizontal: f[0] === '1', vertical: f[1] === '1' } } : undefined) },
  rotate: { key: 'r', write: (c) => [c.rotate.maxDegrees], read: (f, b) => (f.length === 1 ? { rotate: { ...b.rotate, maxDegrees: +f[0] } } : undefined) },
  shear: { key: 's', write: (c) => [c.shear.maxDegrees, c.shear.axis], read: (f, b) => (f.length === 2 && ['x', 'y', 'both'].includes(f[1]) ? { shear: { ...b.shear, maxDegrees: +f[0], axis: f[1] as 'x' | 'y' | 'both' } } : undefined) },
  elastic: { key: 'e', write: (c) => [c.elastic.gridSize, c.elastic.magnitude], read: (f, b) => (f.length === 2 ? { elastic: { ...b.elastic, gridSize: +f[0], magnitude: +f[1] } } : undefined) },
  brightnessContrast: { key: 'b', write: (c) => [c.brightnessContrast.brightness, c.brightnessContrast.contrast], read: (f, b) => (f.length === 2 ? { brightnessContrast: { ...b.brightnessContrast, brightness: +f[0], contrast: +f[1] } } : undefined) },
  colorShift: { key: 'k', write: (c) => [c.colorShift.amount], read: (f, b) => (f.length === 1 ? { colorShift: { ...b.colorShift, amount: +f[0] } } : undefined) },
  pcaColor: { key: 'p', write: (c) => [c.pcaColor.sigma], read: (f, b) => (f.length === 1 ? { pcaColor: { ...b.pcaColor, sigma: +f[0] } } : undefined) },
};

const NUMBER = /^(\d{1,6}(\.\d{1,8})?|\.\d{1,8})$/;

/** Non-negative numbers without exponents or signs, so `-` stays a separator. */
function writeField(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'string') return v;
  return String(Number(v.toFixed(6)));
}

/** `aug=` text for a configuration ('' when it is the default). */
export function writeAugment(config: AugmentConfig): string {
  const parts: string[] = [];
  for (const op of AUGMENT_OPS) {
    const code = CODES[op];
    const fields = [config[op].enabled, config[op].p, ...code.write(config)];
    const defaults = [defaultAugmentConfig[op].enabled, defaultAugmentConfig[op].p, ...code.write(defaultAugmentConfig)];
    if (fields.some((f, i) => f !== defaults[i])) parts.push([code.key, ...fields.map(writeField)].join('-'));
  }
  if (config.fill !== defaultAugmentConfig.fill) parts.push(`f-${config.fill}`);
  return parts.join('_');
}

/** Parses `aug=` text; undefined for anything malformed or invalid. */
export function parseAugment(text: string): AugmentConfig | undefined {
  let config: AugmentConfig = { ...defaultAugmentConfig };
  if (text === '') return config;
  for (const part of text.split('_')) {
    const [key, ...fields] = part.split('-');
    if (key === 'f' && fields.length === 1 && (fields[0] === 'zeros' || fields[0] === 'edge')) {
      config = { ...config, fill: fields[0] };
      continue;
    }
    const op = AUGMENT_OPS.find((o) => CODES[o].key === key);
    if (!op || fields.length < 2 || !/^[01]$/.test(fields[0]) || !NUMBER.test(fields[1])) return undefined;
    const numeric = fields.slice(2).every((f) => NUMBER.test(f) || /^(x|y|both)$/.test(f));
    const patch = numeric ? CODES[op].read(fields.slice(2), config) : undefined;
    if (!patch) return undefined;
    config = { ...config, ...patch };
    config = { ...config, [op]: { ...config[op], enabled: fields[0] === '1', p: +fields[1] } };
  }
  return validateAugmentConfig(config).length === 0 ? config : undefined;
}
