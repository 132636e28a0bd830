import { ARCH_IDS, zooEntry } from '../arch/index';
import { RECIPE_FIELDS, sameRecipeValue, type RecipeField } from '../recipes/recipes';
import { recipeOf } from './recipeState';
import { LESSON_IDS } from './classroom/lessonIds';
import { DEFAULT_EXPERIMENT, VIEW_IDS, type ExperimentState } from './experiment';
import { parseAugment, writeAugment } from './uploads/augmentUrl';
import { SETTING_RANGES, type RangedSetting } from './settingRanges';

/**
 * One table drives both directions of the share link: each row names a URL key, the state field it
 * holds, how to parse it (returning undefined for anything invalid) and how to write it. Decoding falls
 * back field by field to the default and records a notice; nothing from the URL is ever executed or
 * rendered as HTML.
 */
export const URL_VERSION = 1;

type Field = keyof ExperimentState;

interface Row<K extends Field> {
  key: string;
  field: K;
  parse: (text: string) => ExperimentState[K] | undefined;
  write: (value: ExperimentState[K]) => string;
}

const MAX_TEXT = 64;

const int = (min: number, max: number) => (t: string) => (/^-?\d{1,10}$/.test(t) && +t >= min && +t <= max ? +t : undefined);
const num = (min: number, max: number) => (t: string) => {
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d{1,3})?$/i.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) && v >= min && v <= max ? v : undefined;
};
/** A numeric setting parsed within the range the settings form allows (settingRanges.ts). */
const ranged = (field: RangedSetting) => {
  const { min, max, integer } = SETTING_RANGES[field];
  return integer ? int(min, max) : num(min, max);
};
const bool = (t: string) => (t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : undefined);
const oneOf = <T extends string>(values: readonly T[]) => (t: string) => (values as readonly string[]).includes(t) ? (t as T) : undefined;
const nullable = <T>(parse: (t: string) => T | undefined) => (t: string): T | null | undefined => (t === '' ? null : parse(t));
const writeBool = (v: boolean) => (v ? '1' : '0');

function row<K extends Field>(key: string, field: K, parse: Row<K>['parse'], write: Row<K>['write'] = String): Row<K> {
  return { key, field, parse, write };
}

const ROWS = [
  row('arch', 'arch', oneOf(ARCH_IDS)),
  row('variant', 'variant', (t) => (/^[a-z0-9-]{1,20}$/.test(t) ? t : undefined)),
  row('input', 'input', (t) => {
    const p = t.split(/[,x]/);
    if (p.length !== 3 || !p.every((d) => /^\d{1,4}$/.test(d) && +d >= 1 && +d <= 1024)) return undefined;
    return [+p[0], +p[1], +p[2]] as const;
  }, (v) => (v ? v.join(',') : '')),
  row('classes', 'classes', nullable(int(1, 10_000)), (v) => (v === null ? '' : String(v))),
  row('width', 'width', num(0.01, 4)),
  row('groups', 'groups', int(1, 64)),
  row('notop', 'noTop', bool, writeBool),
  row('convbias', 'convBias', nullable(bool), (v) => (v === null ? '' : writeBool(v))),
  row('aux', 'aux', bool, writeBool),
  row('dataset', 'dataset', oneOf(['mnist', 'fashion-mnist', 'shapes', 'uploads'] as const)),
  row('epochs', 'epochs', ranged('epochs')),
  row('batch', 'batchSize', ranged('batchSize')),
  row('lr', 'learningRate', ranged('learningRate')),
  row('optimizer', 'optimizer', oneOf(['adam', 'sgd', 'rmsprop'] as const)),
  row('momentum', 'momentum', ranged('momentum')),
  row('schedule', 'schedule', oneOf(['constant', 'cosine'] as const)),
  row('init', 'initializer', oneOf(['glorotUniform', 'heNormal', 'lecun98'] as const)),
  row('bnmom', 'bnMomentum', ranged('bnMomentum')),
  row('fullsize', 'fullSize', bool, writeBool),
  row('valsplit', 'validationSplit', ranged('validationSplit')),
  row('limit', 'trainLimit', ranged('trainLimit')),
  row('shuffle', 'shuffle', bool, writeBool),
  row('seed', 'seed', ranged('seed')),
  row('backend', 'backend', oneOf(['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const)),
  row('lang', 'lang', oneOf(['en', 'ja'] as const)),
  row('lesson', 'lesson', oneOf(LESSON_IDS)),
  // A panel's data-testid: lower-case slug only, so it is safe inside a CSS attribute selector.
  row('panel', 'panel', (t) => (/^[a-z][a-z0-9-]{0,39}$/.test(t) ? t : undefined)),
  row('view', 'view', oneOf(VIEW_IDS)),
  row('present', 'present', bool, writeBool),
  row('aug', 'augment', parseAugment, writeAugment),
  row('augseed', 'augmentSeed', int(0, 2 ** 31 - 1)),
] as const;

/** Keys the codec knows (plus `v`, the version). Other keys are reported and ignored. */
// `teacher=1` (the teacher's own switches, ClassroomPanels.tsx) is known but no part of the experiment;
// so is `rendercount=1` (a test's render counter, renderCount.ts), and `cores=` (a machine setting, coresParam.ts).
export const URL_KEYS: readonly string[] = ['v', 'teacher', 'rendercount', 'cores', ...ROWS.map((r) => r.key)];

/** The state field each share-link key holds (teacher mode hides controls by their link key). */
export const URL_FIELD: ReadonlyMap<string, keyof ExperimentState> = new Map(ROWS.map((r) => [r.key, r.field]));

/** Why a URL value was not used. */
export interface UrlNotice {
  key: string;
  /** The offending text, shortened; display it as text only. */
  value: string;
  reason: 'invalid' | 'unknown-key' | 'version' | 'incompatible';
}

const shorten = (t: string) => (t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT)}…` : t);

const isRecipeField = (f: Field): f is RecipeField => (RECIPE_FIELDS as readonly string[]).includes(f);

/** The recipe fields a query string sets explicitly and validly (e.g. a lesson's `epochs=1&limit=2000`). */
export function explicitRecipeFields(search: string): Partial<Pick<ExperimentState, RecipeField>> {
  const params = new URLSearchParams(search);
  const out: Record<string, unknown> = {};
  for (const r of ROWS) {
    const text = params.get(r.key);
    if (text === null || !isRecipeField(r.field)) continue;
    const value = (r.parse as (t: string) => unknown)(text.trim());
    if (value !== undefined) out[r.field] = value;
  }
  return out as Partial<Pick<ExperimentState, RecipeField>>;
}

/**
 * Decodes a query string into a full experiment. Every field falls back to its default on its own;
 * each fallback is listed in `notices`. Training settings a recipe covers (src/recipes/) default to the
 * recipe of the link's network and dataset, so `?arch=vgg16` trains VGG-16 the way its recipe says.
 */
export function decodeExperiment(search: string): { state: ExperimentState; notices: UrlNotice[] } {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state: { ...DEFAULT_EXPERIMENT }, notices: [{ key: '?', value: shorten(search), reason: 'invalid' }] };
  }
  const state: Record<string, unknown> = { ...DEFAULT_EXPERIMENT };
  const notices: UrlNotice[] = [];
  const given = new Set<Field>();
  const version = params.get('v');
  if (version !== null && version !== String(URL_VERSION)) notices.push({ key: 'v', value: shorten(version), reason: 'version' });
  for (const r of ROWS) {
    const text = params.get(r.key);
    if (text === null) continue;
    const value = text.length > 200 ? undefined : (r.parse as (t: string) => unknown)(text.trim());
    if (value === undefined) notices.push({ key: r.key, value: shorten(text), reason: 'invalid' });
    else {
      state[r.field] = value;
      given.add(r.field);
    }
  }
  for (const key of new Set(params.keys())) {
    if (!URL_KEYS.includes(key) && !key.endsWith('_hide')) notices.push({ key: shorten(key), value: shorten(params.get(key) ?? ''), reason: 'unknown-key' });
  }
  const result = state as unknown as ExperimentState;
  // Options that the chosen network does not have fall back too (e.g. a variant of another network).
  const entry = zooEntry(result.arch);
  if (result.variant && !entry.variants.includes(result.variant)) {
    notices.push({ key: 'variant', value: shorten(result.variant), reason: 'incompatible' });
    result.variant = '';
  }
  if (result.groups !== 1 && !entry.flags.groups) {
    notices.push({ key: 'groups', value: String(result.groups), reason: 'incompatible' });
    result.groups = 1;
  }
  if (result.aux && !entry.flags.aux) {
    notices.push({ key: 'aux', value: '1', reason: 'incompatible' });
    result.aux = false;
  }
  const recipe = recipeOf(result);
  const withRecipe = result as unknown as Record<RecipeField, unknown>;
  for (const f of RECIPE_FIELDS) if (!given.has(f)) withRecipe[f] = recipe[f];
  return { state: result, notices };
}

/**
 * Encodes an experiment as a query string holding only what differs from the defaults (plus `v`); a
 * training setting is left out while it equals its recipe's value.
 */
export function encodeExperiment(state: ExperimentState): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_VERSION));
  const recipe = recipeOf(state);
  for (const r of ROWS) {
    const value = state[r.field];
    if (isRecipeField(r.field) ? sameRecipeValue(value, recipe[r.field]) : JSON.stringify(value) === JSON.stringify(DEFAULT_EXPERIMENT[r.field])) continue;
    (params as URLSearchParams).set(r.key, (r.write as (v: unknown) => string)(value));
  }
  return params.toString();
}
